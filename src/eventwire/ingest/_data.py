"""Loading the ingest stage's packaged data files (TSV with ``#`` comments and a header row)."""

from __future__ import annotations

import re
from importlib import resources

from ..errors import DataError

__all__ = ["compile_pattern", "read_tsv"]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of ``eventwire/ingest/data/NAME`` as dicts keyed by the header row."""
    text = resources.files("eventwire.ingest").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        raise DataError(f"ingest data file {name} has no header row; restore it from the package")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise DataError(
                f"ingest data file {name}, data line {number}: {len(cells)} tab-separated cells, "
                f"expected {len(header)} ({', '.join(header)}): {line!r}"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def compile_pattern(pattern: str, name: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a data-file regex; a space outside ``[...]`` matches any run of whitespace
    (``" ?"``: an optional run)."""
    try:
        return re.compile(spaces_to_whitespace(pattern), flags)
    except re.error as exc:
        raise DataError(f"ingest data file {name}: invalid regex {pattern!r} ({exc}); fix the file") from exc


def spaces_to_whitespace(pattern: str) -> str:
    out: list[str] = []
    in_class = False
    escaped = False
    skip_question = False
    for ch in pattern:
        if skip_question:
            skip_question = False
            if ch == "?":
                out[-1] = r"\s*"
                continue
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " ":
            out.append(r"\s+")
            skip_question = True
        else:
            out.append(ch)
    return "".join(out)
