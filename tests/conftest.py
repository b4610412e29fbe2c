"""Shared fixtures. Tests never touch the network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "izvestia-2025-02-13-putin-trump-call.txt"
GOLD = SHARED / "gold" / "izvestia-2025-02-13-putin-trump-call.gold.json"


@pytest.fixture(scope="session", autouse=True)
def isolated_eventwire_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests never read the developer's own KB additions (~/.local/share/eventwire/kb)."""
    home = tmp_path_factory.mktemp("eventwire-home")
    saved = os.environ.get("EVENTWIRE_HOME")
    os.environ["EVENTWIRE_HOME"] = str(home)
    yield home
    if saved is None:
        os.environ.pop("EVENTWIRE_HOME", None)
    else:
        os.environ["EVENTWIRE_HOME"] = saved


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    """One Coder for the whole session: it loads spaCy, the KB and the lexicon once."""
    from eventwire.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"the reference article is missing: {SEED} (shared/ must sit beside the project)")
    return SEED
