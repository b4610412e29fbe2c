"""Bylines, photo credits and datelines: stretches of an article that are not its own prose.

Patterns live in ``data/credit_lines.tsv``. :meth:`CreditFinder.match` returns the character
ranges to exclude from coding; the text itself is never changed, so offsets stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import DataError
from ._data import compile_pattern, read_tsv

__all__ = ["CreditFinder"]

#: Longest line that can be a byline or credit ("line" patterns).
MAX_LINE_CHARS = 160
_NAME = r"[A-ZА-ЯЁІЇЄ][\w'’.-]+(?:\s+(?:[A-ZА-ЯЁІЇЄ][\w'’.-]+|de|van|von|al|bin|der|da|di|le|la)){0,3}"


@dataclass(frozen=True)
class _Rule:
    kind: str
    mode: str
    regex: re.Pattern[str]


class CreditFinder:
    """Finds bylines, credit lines and datelines."""

    def __init__(self) -> None:
        rules = []
        for row in read_tsv("credit_lines.tsv"):
            pattern = row["pattern"].replace("{name}", _NAME)
            if row["mode"] not in ("line", "prefix"):
                raise DataError(f"credit_lines.tsv: mode must be line or prefix, got {row['mode']!r}")
            rules.append(_Rule(row["kind"], row["mode"], compile_pattern(pattern, "credit_lines.tsv")))
        self._rules = rules

    def match(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every byline, credit line and dateline, in text order."""
        found = []
        start = 0
        for raw in text.splitlines(keepends=True):
            line = raw.rstrip("\r\n")
            lead = len(line) - len(line.lstrip())
            stripped = line.strip()
            if stripped:
                hit = self._match_line(stripped)
                if hit is not None:
                    found.append((start + lead, start + lead + hit[0], hit[1]))
            start += len(raw)
        return found

    def _match_line(self, line: str) -> tuple[int, str] | None:
        for rule in self._rules:
            if rule.mode == "line":
                if len(line) <= MAX_LINE_CHARS and rule.regex.fullmatch(line):
                    return len(line), rule.kind
            else:
                prefix = rule.regex.match(line)
                if prefix and prefix.end() < len(line):
                    return prefix.end(), rule.kind
        return None
