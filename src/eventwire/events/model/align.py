"""Training labels: which candidate word triggers which gold event.

Gold events name their sentence (``sentence_at`` or a ``sentence_contains`` snippet) and, in gold
made for training, their trigger (``trigger_at`` or a ``trigger`` snippet). The candidate inside a
trigger highest in the tree takes the event's type; the other candidates inside that trigger are
left out (neither event nor not); without a trigger, the candidate in the sentence where the rules
coded the gold type, or the only verb there, takes it. Every other candidate of the article is
"not an event" (``NONE``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Candidate", "label"]


@dataclass(frozen=True)
class Candidate:
    """A candidate word as the aligner sees it: offsets, depth in its tree, part of speech, rule type."""

    start: int
    end: int
    depth: int
    pos: str
    rule: str | None


def _span(
    event: Mapping[str, Any], text: str, at: str, snippet: str, within: tuple[int, int] | None
) -> tuple[int, int] | None:
    given = event.get(at)
    if given:
        return int(given[0]), int(given[1])
    words = event.get(snippet)
    if not words:
        return None
    lo, hi = within if within else (0, len(text))
    k = text.find(str(words), lo, hi)
    return (k, k + len(str(words))) if k >= 0 else None


def label(
    candidates: Sequence[Candidate], events: Sequence[Mapping[str, Any]], text: str
) -> list[tuple[str | None, bool]]:
    """Per candidate: (its label — a type, "NONE", or None to leave it out —, whether optional)."""
    out: list[tuple[str | None, bool]] = [("NONE", False)] * len(candidates)
    taken: set[int] = set()
    for ev in sorted(events, key=lambda e: bool(e.get("optional"))):
        sentence = _span(ev, text, "sentence_at", "sentence_contains", None)
        if sentence is None:
            continue
        trigger = _span(ev, text, "trigger_at", "trigger", sentence)
        types = {ev.get("type"), *(ev.get("also_types") or [])}
        optional = bool(ev.get("optional"))
        if trigger is not None:
            inside = [i for i, c in enumerate(candidates) if c.start < trigger[1] and trigger[0] < c.end]
        else:
            inside = [i for i, c in enumerate(candidates) if sentence[0] <= c.start and c.end <= sentence[1]]
            ruled = [i for i in inside if candidates[i].rule in types]
            verbs = [i for i in inside if candidates[i].pos == "VERB"]
            inside = ruled[:1] or (verbs if len(verbs) == 1 else [])
            if not inside:  # the gold event's word is unknown: its sentence teaches nothing sure
                for i, c in enumerate(candidates):
                    if sentence[0] <= c.start and c.end <= sentence[1] and i not in taken:
                        out[i] = (None, optional)
                continue
        if not inside:
            continue
        head = min(inside, key=lambda i: (candidates[i].depth, candidates[i].start))
        for i in inside:
            if i in taken:
                continue
            out[i] = (str(ev.get("type")), optional) if i == head else (None, optional)
            taken.add(i)
    return out
