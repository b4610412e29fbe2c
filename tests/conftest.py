"""Shared fixtures. Tests never touch the network."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "izvestia-2025-02-13-putin-trump-call.txt"
GOLD = SHARED / "gold" / "izvestia-2025-02-13-putin-trump-call.gold.json"


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
