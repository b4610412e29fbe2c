from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import ConfigError, Options


def test_defaults_are_frozen() -> None:
    options = Options()
    with pytest.raises(AttributeError):
        options.batch_size = 3  # type: ignore[misc]


def test_replace_rejects_unknown_setting() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        Options().replace(batchsize=3)


def test_replace_rejects_non_positive_sizes() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        Options().replace(batch_size=0)


def test_from_file_reads_eventwire_table(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[eventwire]\nbatch_size = 8\nkb_files = ["extra.tsv"]\n', encoding="utf-8")
    options = Options.from_file(path)
    assert options.batch_size == 8
    assert options.kb_files == (Path("extra.tsv"),)


def test_from_file_reports_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[eventwire\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Options.from_file(path)
