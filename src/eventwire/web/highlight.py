"""The article text as HTML with actors, event triggers and statements marked.

Built from the stored character offsets: the text is cut at every span
boundary and each piece is escaped on its own, so nothing from the article is
ever emitted unescaped. Statements (and the stretches that are not coded, such
as translation notes) form the outer layer; actor mentions and event triggers
the inner one. Overlapping spans of one layer keep the first (longest at the
same start); an inner mark that crosses an outer boundary is cut in two.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Mark", "article_marks", "highlight"]


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch: its classes, an optional link and tooltip."""

    start: int
    end: int
    css: str
    href: str | None = None
    title: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()


def _layer(marks: Sequence[Mark], length: int) -> list[Mark]:
    """Non-overlapping marks in text order, inside ``[0, length)``."""
    chosen: list[Mark] = []
    end = 0
    for m in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        start, stop = max(m.start, 0), min(m.end, length)
        if start >= stop or start < end:
            continue
        chosen.append(Mark(start, stop, m.css, m.href, m.title, m.attrs))
        end = stop
    return chosen


def _open(mark: Mark, tag: str) -> Markup:
    attrs = [("class", mark.css)]
    if mark.href:
        attrs.append(("href", mark.href))
    if mark.title:
        attrs.append(("title", mark.title))
    attrs.extend(mark.attrs)
    return Markup("<{}{}>").format(Markup(tag), Markup("".join(f' {k}="{escape(v)}"' for k, v in attrs)))


def _inner(text: str, start: int, end: int, marks: Sequence[Mark]) -> Markup:
    out = Markup()
    pos = start
    for m in marks:
        s, e = max(m.start, start), min(m.end, end)
        if s >= e:
            continue
        out += escape(text[pos:s])
        tag = "a" if m.href else "span"
        out += _open(Mark(s, e, m.css, m.href, m.title, m.attrs), tag) + escape(text[s:e])
        out += Markup(f"</{tag}>")
        pos = e
    return out + escape(text[pos:end])


def highlight(text: str, outer: Sequence[Mark], inner: Sequence[Mark]) -> Markup:
    """``text`` as safe HTML with the outer marks as ``<span>``s and the inner ones nested inside."""
    length = len(text)
    outer_marks = _layer(outer, length)
    inner_marks = _layer(inner, length)
    out = Markup()
    pos = 0
    for m in outer_marks:
        out += _inner(text, pos, m.start, inner_marks)
        out += _open(Mark(m.start, m.end, m.css, None, m.title, m.attrs), "span")
        out += _inner(text, m.start, m.end, inner_marks) + Markup("</span>")
        pos = m.end
    return out + _inner(text, pos, length, inner_marks)


_STATEMENT_TITLES = {
    "direct": "Direct quote by {speaker}",
    "indirect": "Reported speech of {speaker}",
    "outlet": "The outlet's own claim (no speaker)",
}


def article_marks(
    detail: dict[str, Any],
    actor_url: Callable[[str], str],
    event_url: Callable[[str], str],
) -> tuple[list[Mark], list[Mark]]:
    """The outer (statements, uncoded stretches) and inner (actors, triggers) marks of one article."""
    actors = {a["id"]: a for a in detail["actors"]}
    outer: list[Mark] = []
    for s in detail["statements"]:
        if s["content_start"] is None or s["content_end"] is None:
            continue
        kind = s["kind"] if s["kind"] in _STATEMENT_TITLES else "indirect"
        speaker = actors.get(s["speaker"] or "")
        name = speaker["name"] if speaker else "an unnamed speaker"
        title = _STATEMENT_TITLES[kind].format(speaker=name)
        if s.get("cue"):
            title += f" (cue: {s['cue']})"
        outer.append(Mark(s["content_start"], s["content_end"], f"st st-{kind}", title=title))
    for start, end in detail["article"].get("excluded") or []:
        outer.append(Mark(start, end, "uncoded", title="Not coded (translation note, byline or credit)"))
    inner: list[Mark] = []
    for e in detail["events"]:
        if e["trigger_start"] is None or not e.get("linked_id"):
            continue
        label = e["type"] + (f" ({e['mode']})" if e.get("mode") else "")
        inner.append(
            Mark(
                e["trigger_start"],
                e["trigger_end"],
                f"trig t-{e['type'].lower()}",
                href=event_url(e["linked_id"]),
                title=f"Event: {label}",
            )
        )
    for s in detail["statements"]:
        if s.get("cue_start") is not None and s.get("cue_end") is not None:
            inner.append(Mark(s["cue_start"], s["cue_end"], "cue", title="Attribution cue"))
    for a in detail["actors"]:
        role = f", {a['role']}" if a.get("role") else ""
        for m in a["mentions"]:
            inner.append(
                Mark(
                    m["start"],
                    m["end"],
                    f"act act-{a['kind'] or 'unknown'}",
                    href=actor_url(a["canonical"]),
                    title=f"{a['name']}{role} [{m['how']}]",
                )
            )
    return outer, inner
