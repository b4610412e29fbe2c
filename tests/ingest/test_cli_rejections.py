"""``eventwire code`` reports each rejected input on stderr, codes the rest, and exits 1."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main


def make_batch(tmp_path: Path) -> list[str]:
    good = tmp_path / "good.txt"
    good.write_text(
        "TITLE: Chile and Peru sign a treaty\nDATE: 2023-03-14\n\n"
        "The foreign ministers of Chile and Peru met in Lima on Monday. They signed a water treaty.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes("Réunion à Genève.".encode("cp1252"))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "1", "text": "The presidents of Kenya and Tanzania met in Arusha."}\n{broken\n',
        encoding="utf-8",
    )
    return [
        str(p)
        for p in (
            good,
            tmp_path / "empty.txt",
            tmp_path / "binary.txt",
            tmp_path / "latin.txt",
            corpus,
            tmp_path / "missing.txt",
        )
    ]


def test_code_reports_rejections_and_codes_the_rest(tmp_path: Path) -> None:
    paths = make_batch(tmp_path)
    result = CliRunner().invoke(main, ["code", "--format", "jsonl", *paths])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 2
    assert records[0]["article"]["title"] == "Chile and Peru sign a treaty"
    assert records[0]["article"]["published"] == "2023-03-14"
    assert "Kenya" in records[1]["article"]["text"]
    err = result.stderr
    for reason in ("[empty]", "[binary]", "[encoding]", "[malformed]", "[not-found]"):
        assert reason in err, (reason, err)
    assert f"rejected {paths[4]}:2: [malformed]" in err
    assert "5 input(s) rejected" in err


def test_code_all_good_exits_zero_and_published_flag_overrides(tmp_path: Path) -> None:
    paths = make_batch(tmp_path)[:1]
    result = CliRunner().invoke(main, ["code", "--format", "jsonl", "--published", "14 March 2024", *paths])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert record["article"]["published"] == "2024-03-14"
    assert "rejected" not in result.stderr


def test_code_bad_published_is_a_usage_error(tmp_path: Path) -> None:
    paths = make_batch(tmp_path)[:1]
    result = CliRunner().invoke(main, ["code", "--published", "someday", *paths])
    assert result.exit_code == 2
    assert "someday" in result.stderr


def test_code_reads_stdin() -> None:
    text = "TITLE: Talks in Arusha\n\nThe presidents of Kenya and Tanzania met in Arusha.\n"
    result = CliRunner().invoke(main, ["code", "--format", "jsonl", "-"], input=text)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert record["article"]["source"] == "<stdin>"
    assert record["article"]["title"] == "Talks in Arusha"
