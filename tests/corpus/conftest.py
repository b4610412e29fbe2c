from __future__ import annotations

from pathlib import Path

import pytest

LEADERS = ["Vladimir Putin", "Donald Trump", "Emmanuel Macron", "Olaf Scholz", "Xi Jinping"]


def write_corpus(root: Path, n: int, bad: bool = True) -> Path:
    """``n`` small text articles in ``root`` (plus an empty and a binary file when ``bad``)."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = LEADERS[i % 5], LEADERS[(i + 2) % 5]
        text = (
            f"TITLE: Talks number {i}\nOUTLET: Outlet {i % 3}\nDATE: 2025-02-{1 + i % 27:02d}\n\n"
            f"{a} met {b} in Geneva on Tuesday to discuss item {i} of the agenda.\n"
            f"{b} said the talks were useful and that item {i} would be settled soon.\n"
        )
        (root / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    if bad:
        (root / "empty.txt").write_text("", encoding="utf-8")
        (root / "blob.txt").write_bytes(bytes(range(256)) * 8)
    return root


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", 12)
