"""``eventwire kb``: lookup, holder, check, add; and user files overriding the packaged KB."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.actors.kb import KnowledgeBase
from eventwire.cli import main
from eventwire.options import Options


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTWIRE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_lookup_shows_offices_at_the_date() -> None:
    code, out = run("kb", "lookup", "Pompeo", "--date", "2019-01-01")
    assert code == 0
    assert "mike-pompeo" in out and "USA.foreign_minister" in out


def test_lookup_of_a_capital_names_the_country() -> None:
    code, out = run("kb", "lookup", "Kyiv")
    assert code == 0 and "UKR" in out


def test_lookup_unknown_name_is_an_error_message() -> None:
    code, out = run("kb", "lookup", "Nobody Atall")
    assert code == 1 and "no knowledge-base entry" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["prime minister", "--country", "GBR", "--date", "2019-03-01"], "Theresa May"),
        (["prime minister", "--country", "United Kingdom", "--date", "2023-03-01"], "Rishi Sunak"),
        (["USA.defence_minister", "--date", "2025-02-13"], "Pete Hegseth"),
        (["secretary of state", "--country", "USA", "--date", "2022-03-05"], "Antony Blinken"),
    ],
)
def test_holder(args: list[str], expected: str) -> None:
    code, out = run("kb", "holder", *args)
    assert code == 0, out
    assert expected in out


def test_holder_bad_date_is_a_usage_error() -> None:
    code, out = run("kb", "holder", "president", "--country", "USA", "--date", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in out


def test_check_reports_problems_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "people-mine.tsv"
    bad.write_text("id\tname\tcountry\njane-roe\tJane Roe\tXXX\n", encoding="utf-8")
    code, out = run("kb", "check", str(bad))
    assert code == 1 and f"{bad}:2" in out and "'XXX'" in out


def test_add_installs_a_user_file_that_later_runs_read(tmp_path: Path, home: Path) -> None:
    people = tmp_path / "people-mine.tsv"
    people.write_text(
        "id\tname\tcountry\tsector\taliases\njane-roe\tJane Roe\tUSA\tGOV\tRoe\n", encoding="utf-8"
    )
    offices = tmp_path / "offices-mine.tsv"
    offices.write_text(
        "id\tcountry\torg\ttitle\ttitles\tsector\tsingle\n"
        "USA.test_czar\tUSA\t\tTest Czar of the United States\ttest czar\tGOV\tyes\n",
        encoding="utf-8",
    )
    terms = tmp_path / "terms-mine.tsv"
    terms.write_text("person\toffice\tstart\tend\njane-roe\tUSA.test_czar\t2030-01-01\t\n", encoding="utf-8")
    for f in (people, offices):
        code, out = run("kb", "add", str(f))
        assert code == 0, out
    code, out = run("kb", "add", str(terms))
    assert code == 0, out
    assert (home / "kb" / "people-mine.tsv").exists()
    kb = KnowledgeBase.load(Options())
    assert kb.holder("USA.test_czar", "2030-06-01").name == "Jane Roe"  # type: ignore[union-attr]
    code, out = run("kb", "holder", "test czar", "--country", "USA", "--date", "2030-06-01")
    assert "Jane Roe" in out


def test_user_file_overrides_a_packaged_entry(tmp_path: Path) -> None:
    override = tmp_path / "people-fix.tsv"
    override.write_text(
        "id\tname\tcountry\tsector\ndonald-trump\tDonald J. Trump\tUSA\tGOV\n", encoding="utf-8"
    )
    kb = KnowledgeBase.load(Options(kb_files=(override,)))
    assert kb.people["donald-trump"].name == "Donald J. Trump"
    assert not [p for p in kb.problems() if "duplicate" in p and "people-fix" in p]
    # Records coded with the user's entries say so in their KB version.
    packaged = KnowledgeBase.load(Options())
    assert "+user." not in packaged.version
    assert kb.version.startswith(packaged.version + "+user.")


def test_lookup_ignores_accents_and_russian_case() -> None:
    code, out = run("kb", "lookup", "Путина")
    assert code == 0 and "vladimir-putin" in out
    code, out = run("kb", "lookup", "Recep Tayyip Erdogan")
    assert code == 0 and "TUR" in out
    code, out = run("kb", "lookup", "us")  # acronyms match in capitals only
    assert code == 1
