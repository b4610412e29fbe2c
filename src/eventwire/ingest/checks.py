"""Checks every input passes before it becomes an article: size, binary, encoding, empty.

Each check returns a :class:`Rejected` value (never raises) so a batch can go on.
"""

from __future__ import annotations

from ..records import Rejected

__all__ = ["check_article_size", "decode", "is_empty", "reject_empty", "too_large"]

#: Share of control characters (other than tab, newline, carriage return, form feed)
#: above which a text counts as binary.
_CONTROL_SHARE = 0.10
#: Share of undecodable bytes above which bytes count as binary rather than mis-encoded text.
_UNDECODABLE_SHARE = 0.30
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def too_large(source: str, size: int, limit: int, setting: str, what: str = "article") -> Rejected:
    return Rejected(
        source,
        "too-large",
        f"the {what} is {size:,} bytes, over the limit of {limit:,} bytes (setting {setting}); "
        f"split it or raise {setting} in the settings file",
    )


def decode(data: bytes, source: str, what: str = "input") -> str | Rejected:
    """UTF-8 text of ``data`` (a leading BOM dropped), or why it is not text."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return Rejected(
            source,
            "binary",
            f"the {what} contains NUL bytes (first at byte offset {nul}): it is a binary "
            "file, not text; pass a text, HTML, JSONL, CSV or feed file",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        replaced = data.decode("utf-8", errors="replace")
        if replaced.count("\ufffd") > _UNDECODABLE_SHARE * max(len(replaced), 1) or _mostly_controls(
            replaced
        ):
            return Rejected(
                source,
                "binary",
                f"the {what} is mostly not text (undecodable bytes): it looks like a binary file",
            )
        bad = data[exc.start : exc.start + 1].hex()
        guess = _guess_encoding(data)
        hint = f" (it looks like {guess})" if guess else ""
        return Rejected(
            source,
            "encoding",
            f"the {what} is not valid UTF-8: byte 0x{bad} at byte offset {exc.start}{hint}; "
            f"eventwire reads UTF-8 only: convert it, e.g. iconv -f {guess or 'ENCODING'} -t UTF-8",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if _mostly_controls(text):
        return Rejected(
            source,
            "binary",
            f"the {what} is mostly control characters: it looks like a binary file, not text",
        )
    return text


def is_empty(text: str) -> bool:
    return not text.strip()


def reject_empty(source: str, what: str = "input") -> Rejected:
    return Rejected(source, "empty", f"the {what} is empty or whitespace only: there is nothing to code")


def check_article_size(text: str, source: str, limit: int) -> Rejected | None:
    size = len(text.encode("utf-8"))
    if size > limit:
        return too_large(source, size, limit, "max_article_bytes")
    return None


def _mostly_controls(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS)
    return controls > _CONTROL_SHARE * len(sample)


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset_normalizer comes with trafilatura
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding.upper().replace("_", "-") if best is not None else None
