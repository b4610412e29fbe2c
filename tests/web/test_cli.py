"""`eventwire serve`: options, and errors reported before anything listens."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.web import WebSettings, is_loopback


def test_serve_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--enable-writes", "--token", "--max-body", "127.0.0.1"):
        assert option in result.output


def test_serve_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert f"no store at {missing}" in result.output and "eventwire ingest" in result.output
    assert not missing.exists()


def test_short_token_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--token", "abc"])
    assert result.exit_code == 2 and "at least 8" in result.output


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("10.1.2.3", False),
        ("192.168.0.1", False),
        ("testclient", False),
        ("", False),
        (None, False),
    ],
)
def test_loopback(host: str | None, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_settings_are_checked() -> None:
    with pytest.raises(ConfigError, match="max_body_bytes"):
        WebSettings(max_body_bytes=0)
    assert WebSettings().max_body_bytes == 2 * 1024 * 1024 and not WebSettings().enable_writes


def test_every_web_setting_is_documented() -> None:
    import dataclasses

    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(WebSettings):
        assert f"| `{f.name}` |" in doc, f"docs/web.md does not describe the setting {f.name}"
    for option in ("--db", "--host", "--port", "--enable-writes", "--token", "--max-body"):
        assert f"`{option}" in doc


def test_web_public_api() -> None:
    import eventwire.web

    assert sorted(eventwire.web.__all__) == ["WebSettings", "create_app", "is_loopback"]
