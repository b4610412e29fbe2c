"""Gold passages as snippets or as offsets: the readable and the anchored form of a gold file.

A gold file may point at its article's passages with short snippets (``sentence_contains``,
``trigger``, ``content_contains``: the readable form annotators write) or with ``[start, end]``
character offsets (``sentence_at``, ``trigger_at``, ``content_at``: the anchored form, which
holds no text of the article, for corpora that may not be redistributed). Both functions here
are pure: they take the parsed gold data and the article text and return new data.

    anchored, problems = anchor(data, text)      # readable -> anchored
    readable = resolve(anchored, text)            # anchored -> readable (what scoring reads)
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["PASSAGES", "anchor", "resolve"]

#: (list in the gold file, snippet key, offset key)
PASSAGES = (
    ("events", "sentence_contains", "sentence_at"),
    ("events", "trigger", "trigger_at"),
    ("statements", "content_contains", "content_at"),
)


def anchor(data: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """The anchored form of a readable gold file, and the problems met (empty when all is well).

    Each ``sentence_contains`` and ``content_contains`` must occur exactly once in ``text``; a
    ``trigger`` must lie inside its event's ``sentence_contains``. Actors' ``in_text`` lists, which
    copy the article's words, are dropped.
    """
    out = copy.deepcopy(data)
    problems: list[str] = []
    for actor in out.get("actors") or []:
        actor.pop("in_text", None)
    for ev in out.get("events") or []:
        where = f"event {ev.get('id', '?')}"
        span = _unique(text, ev.pop("sentence_contains", None), where, "sentence_contains", problems)
        if span is not None:
            ev["sentence_at"] = list(span)
        trigger = ev.pop("trigger", None)
        if trigger and span is not None:
            k = text.find(trigger, span[0], span[1])
            if k < 0:
                problems.append(f"{where}: trigger {trigger!r} is not inside its sentence_contains")
            else:
                ev["trigger_at"] = [k, k + len(trigger)]
    for st in out.get("statements") or []:
        where = f"statement {st.get('id', '?')}"
        span = _unique(text, st.pop("content_contains", None), where, "content_contains", problems)
        if span is not None:
            st["content_at"] = list(span)
    return out, problems


def resolve(data: dict[str, Any], text: str) -> dict[str, Any]:
    """The readable form of a gold file: the article's text at each offset, beside the offsets.

    Offsets outside the text raise ValueError (the gold was made for another text).
    """
    out = copy.deepcopy(data)
    for key, snippet, offsets in PASSAGES:
        for item in out.get(key) or []:
            at = item.get(offsets)
            if at is None:
                continue
            start, end = int(at[0]), int(at[1])
            if not 0 <= start < end <= len(text):
                raise ValueError(
                    f"{key[:-1]} {item.get('id', '?')}: {offsets} {at} lies outside the article "
                    f"({len(text)} characters)"
                )
            item[snippet] = text[start:end]
    return out


def _unique(
    text: str, snippet: str | None, where: str, key: str, problems: list[str]
) -> tuple[int, int] | None:
    if not snippet:
        problems.append(f"{where}: {key} is missing")
        return None
    first = text.find(snippet)
    if first < 0:
        problems.append(f"{where}: {key} {snippet!r} is not in the article")
        return None
    if text.find(snippet, first + 1) >= 0:
        problems.append(f"{where}: {key} {snippet!r} occurs more than once; lengthen it")
        return None
    return first, first + len(snippet)
