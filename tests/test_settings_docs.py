"""Every setting is documented in docs/settings.md, and the page documents only real settings."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from eventwire import Options

DOC = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def documented() -> set[str]:
    return set(re.findall(r"^## (\w+)$", DOC.read_text(encoding="utf-8"), flags=re.M))


def test_every_setting_is_documented() -> None:
    fields = {f.name for f in dataclasses.fields(Options)}
    assert fields - documented() == set()


def test_no_documented_setting_is_missing() -> None:
    fields = {f.name for f in dataclasses.fields(Options)}
    assert documented() - fields == set()
