"""Integrity of the actor knowledge base: the packaged data and the checks themselves.

Data authors: run ``.venv/bin/pytest tests/actors/test_kb_integrity.py -q`` after every edit.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.actors.kb import DATA_DIR, KnowledgeBase
from eventwire.errors import KnowledgeBaseError

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "actors" / "kb"


@pytest.fixture(scope="module")
def packaged() -> KnowledgeBase:
    return KnowledgeBase.load(user_dir=Path("/nonexistent"))


def fixture_kb(*extra: Path) -> KnowledgeBase:
    return KnowledgeBase.from_files([*sorted(FIXTURE.glob("*.tsv")), *extra])


# -- the packaged data ---------------------------------------------------------------------


def test_packaged_data_has_no_problems(packaged: KnowledgeBase) -> None:
    problems = packaged.problems()
    assert not problems, "\n".join(problems[:50])


def test_packaged_version_is_stamped(packaged: KnowledgeBase) -> None:
    if (DATA_DIR / "VERSION").exists():
        assert packaged.version and packaged.version != "0"


def test_packaged_ids_are_slugs(packaged: KnowledgeBase) -> None:
    bad = [
        i
        for table in (packaged.organizations, packaged.outlets, packaged.people)
        for i in table
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", i)
    ]
    assert not bad


def test_packaged_qids_look_like_qids(packaged: KnowledgeBase) -> None:
    entries = [
        *packaged.countries.values(),
        *packaged.organizations.values(),
        *packaged.outlets.values(),
        *packaged.people.values(),
    ]
    bad = [(e.where, e.qid) for e in entries if e.qid and not re.fullmatch(r"Q[1-9]\d*", e.qid)]
    assert not bad


def test_packaged_offices_have_titles_and_sectors(packaged: KnowledgeBase) -> None:
    bad = [o.where for o in packaged.offices.values() if not o.title]
    assert not bad


def test_packaged_terms_have_valid_dates(packaged: KnowledgeBase) -> None:
    iso = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
    bad = [t.where for t in packaged.terms if not iso.match(t.start) or (t.end and not iso.match(t.end))]
    assert not bad


def test_packaged_roles_are_lowercase_phrases(packaged: KnowledgeBase) -> None:
    assert all(r.phrase == r.phrase.lower() and r.phrase.strip() for r in packaged.roles.values())


def test_packaged_loads_fast() -> None:
    import time

    t0 = time.perf_counter()
    KnowledgeBase.load(user_dir=Path("/nonexistent"))
    assert time.perf_counter() - t0 < 0.5


# -- the checks, on fixture data ------------------------------------------------------------


def test_fixture_is_clean() -> None:
    kb = fixture_kb()
    assert kb.problems() == []
    assert kb.holder("USA.head_of_state", "2019-06-01").name == "Donald Trump"  # type: ignore[union-attr]
    assert kb.holder("USA.head_of_state", "2022-06-01").name == "Joe Biden"  # type: ignore[union-attr]
    assert kb.holder("USA.defence_minister", "2025-02-13").name == "Pete Hegseth"  # type: ignore[union-attr]
    assert kb.holder("USA.defence_minister", "2025-01-22") is None  # a gap between holders


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_overlapping_terms_are_reported(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        "terms-bad.tsv",
        "person\toffice\tstart\tend\nlloyd-austin\tUSA.head_of_state\t2024-01-01\t2024-02-01\n",
    )
    problems = fixture_kb(extra).problems()
    assert any("USA.head_of_state" in p and "terms-bad.tsv:2" in p for p in problems)


def test_dangling_references_are_reported(tmp_path: Path) -> None:
    extra = write(tmp_path, "terms-bad.tsv", "person\toffice\tstart\tend\nnobody\tUSA.nothing\t2024\t\n")
    office = write(
        tmp_path,
        "offices-bad.tsv",
        "id\tcountry\torg\ttitle\ttitles\tsector\tsingle\nXYZ.pm\tXYZ\tno-org\tPM\tpm\tGVT\tyes\n",
    )
    problems = "\n".join(fixture_kb(extra, office).problems())
    assert "'nobody'" in problems and "'USA.nothing'" in problems
    assert "'XYZ'" in problems and "'no-org'" in problems and "'GVT'" in problems


def test_end_before_start_is_reported(tmp_path: Path) -> None:
    extra = write(
        tmp_path, "terms-bad.tsv", "person\toffice\tstart\tend\njoe-biden\tUSA.x\t2024-05\t2024-01\n"
    )
    assert any("ends" in p for p in fixture_kb(extra).problems())


def test_duplicate_ids_in_packaged_style_files_are_reported(tmp_path: Path) -> None:
    dup = write(tmp_path, "people-dup.tsv", "id\tname\tcountry\njoe-biden\tJoe Biden\tUSA\n")
    kb = KnowledgeBase.from_files([*sorted(FIXTURE.glob("*.tsv")), dup])
    assert any("duplicate" in p for p in kb.problems())
    # user files override by id instead
    kb = KnowledgeBase.from_files(
        [*sorted(FIXTURE.glob("*.tsv")), dup], user_from=len(list(FIXTURE.glob("*.tsv")))
    )
    assert not kb.problems()


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("people-x.tsv", "id\tname\nx\tX\n", "header lacks column(s) country"),
        ("people-x.tsv", "id\tname\tcountry\nBad Id\tX\tUSA\n", "not a lowercase ASCII slug"),
        ("people-x.tsv", "id\tname\tcountry\nx\t\tUSA\n", "required field 'name'"),
        ("terms-x.tsv", "person\toffice\tstart\nx\ty\t13/01/2020\n", "not YYYY-MM-DD"),
        ("countries-x.tsv", "code\tname\nus\tUS\n", "three capital letters"),
        ("stuff.tsv", "a\tb\n", "cannot tell what this file holds"),
        ("people-x.tsv", "id\tname\tcountry\nx\tX\tUSA\textra\n", "fields but the header has"),
    ],
)
def test_malformed_files_raise_with_location(tmp_path: Path, name: str, text: str, fragment: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(KnowledgeBaseError) as info:
        KnowledgeBase.from_files([path])
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_kind_line_overrides_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.tsv", "# kind: people\nid\tname\tcountry\njane-doe\tJane Doe\tUSA\n")
    assert "jane-doe" in KnowledgeBase.from_files([path]).people
