"""Title detection for texts that do not say their title."""

from __future__ import annotations

__all__ = ["MAX_TITLE_CHARS", "detect_title"]

#: Longest first line taken as a title.
MAX_TITLE_CHARS = 200


def detect_title(text: str) -> str | None:
    """The first line, if it is short, has no final full stop and is followed by a blank line."""
    lines = text.lstrip().splitlines()
    if len(lines) < 3:
        return None
    first = lines[0].strip()
    if not first or len(first) >= MAX_TITLE_CHARS or first.endswith((".", ":", ",", ";")):
        return None
    if lines[1].strip():
        return None
    if not any(line.strip() for line in lines[2:]):
        return None
    return first
