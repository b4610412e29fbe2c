"""``eventwire eval --coded``: scoring existing coded output from the command line (no model)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

TEXT = "Kenya and Tanzania signed a border agreement in Arusha.\n"


def setup(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "art.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "schema": "eventwire.gold/1",
        "article": {"path": "art.txt", "published": "2023-06-01"},
        "actors": [
            {"name": "Kenya", "country": "KEN", "type": "country"},
            {"name": "Tanzania", "country": "TZA", "type": "country"},
        ],
        "events": [
            {
                "id": "g1",
                "type": "AGREE",
                "actor": ["Kenya", "Tanzania"],
                "symmetric": True,
                "sentence_contains": "signed a border agreement",
            },
        ],
        "statements": [],
    }
    (tmp_path / "art.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    coded = {
        "schema": "eventwire.article/1",
        "article": {"id": "nope", "source": str(tmp_path / "art.txt"), "text": TEXT},
        "actors": [
            {"id": "a1", "name": "Kenya", "kind": "country", "country": "KEN"},
            {"id": "a2", "name": "Tanzania", "kind": "country", "country": "TZA"},
        ],
        "events": [
            {"id": "e1", "type": "AGREE", "actor": ["a1", "a2"], "recipient": [], "sentence": TEXT.strip()},
            {"id": "e2", "type": "ASSAULT", "actor": ["a1"], "recipient": ["a2"], "sentence": TEXT.strip()},
        ],
        "statements": [],
    }
    coded_path = tmp_path / "coded.json"
    coded_path.write_text(json.dumps(coded, indent=2), encoding="utf-8")
    return tmp_path, coded_path


def test_eval_prints_figures_and_spurious_items(tmp_path: Path) -> None:
    gold_dir, coded = setup(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(gold_dir), "--coded", str(coded)])
    assert result.exit_code == 0, result.output
    assert "events     [name   ] P 0.500 (1/2)  R 1.000 (1/1)" in result.output
    assert "spurious [name] e2 ASSAULT: Kenya (KEN) -> Tanzania (TZA)" in result.output


def test_eval_json(tmp_path: Path) -> None:
    gold_dir, coded = setup(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", str(gold_dir / "art.gold.json"), "--coded", str(coded), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["totals"]["events"]["country"]["precision"] == 0.5
    assert report["files"][0]["events"]["levels"]["name"]["spurious"][0]["type"] == "ASSAULT"


def test_eval_missing_gold_is_an_error(tmp_path: Path) -> None:
    _, coded = setup(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "missing"), "--coded", str(coded)])
    assert result.exit_code == 1
    assert "does not exist" in result.output
