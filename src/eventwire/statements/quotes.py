"""Quoted stretches of a text: where the quotation marks open and close.

Straight quotes pair up in order within a paragraph; typographic quotes
(“ ” « » „) pair by their opening and closing forms. A quote left open at
the end of a paragraph closes there (news copy continues quotes across
paragraphs by reopening them).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` of the text inside the marks, ``outer_*`` with the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int

    def covers(self, start: int, end: int) -> bool:
        return self.outer_start <= start and end <= self.outer_end


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order."""
    quotes: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n"):
        quotes.extend(_paragraph_quotes(paragraph, offset))
        offset += len(paragraph) + 1
    return quotes


def _paragraph_quotes(par: str, offset: int) -> list[Quote]:
    out: list[Quote] = []
    open_at: int | None = None
    closer = ""
    for i, ch in enumerate(par):
        if open_at is None:
            if ch == STRAIGHT:
                open_at, closer = i, STRAIGHT
            elif ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
        elif ch == closer:
            out.append(Quote(offset + open_at + 1, offset + i, offset + open_at, offset + i + 1))
            open_at = None
    if open_at is not None and len(par) - open_at > 1:
        end = len(par.rstrip())
        out.append(Quote(offset + open_at + 1, offset + end, offset + open_at, offset + end))
    return out
