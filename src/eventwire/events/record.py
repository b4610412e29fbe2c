"""Recording: a draft becomes an :class:`~eventwire.records.Event` with its trigger span, date,
place and confidence. The last stage of event coding; nothing after it changes an event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..options import Options
from ..records import Article, Event, Span
from .datepatterns import DatePatterns
from .dates import DateResolver
from .draft import Draft
from .ontology import Ontology
from .places import PlaceResolver

if TYPE_CHECKING:
    from ..nlp import Doc
    from ..nlp import Span as Sentence

__all__ = ["Recorder", "confidence"]

#: A trigger longer than this (characters) is shown as its head word only.
MAX_TRIGGER = 120


class Recorder:
    """Turns drafts into events. Build once per process."""

    def __init__(self, ontology: Ontology, options: Options, language: str = "en") -> None:
        self.ontology = ontology
        self.options = options
        self.dates = DateResolver(options, DatePatterns.load(language))
        self.places = PlaceResolver(options)

    def record(
        self, d: Draft, sent: Sentence, doc: Doc, article: Article, n: int, cache: dict[tuple[int, str], Any]
    ) -> Event | None:
        tokens = sorted(d.trigger, key=lambda t: t.i)
        start = tokens[0].idx
        end = max(t.idx + len(t.text) for t in tokens)
        if end - start > MAX_TRIGGER:  # keep the trigger readable: the head word only
            start, end = d.anchor.idx, d.anchor.idx + len(d.anchor.text)
        score = confidence(d)
        if self.ontology.types[d.type].requires_recipient and not d.recipients:
            score = max(0.05, score - 0.15)
        if score < self.options.min_confidence:
            return None
        resolved = self.dates.resolve(doc, sent, d.anchor, article)
        if (sent.start, "place") not in cache:
            cache[(sent.start, "place")] = self.places.resolve(doc, sent, article)
        location = cache.get((sent.start, "place"))
        contexts = list(d.contexts)
        extra = self.ontology.mode_contexts.get(f"{d.type}:{d.mode}")
        if extra and extra not in contexts:
            contexts.append(extra)
        return Event(
            id=f"e{n}",
            type=d.type,
            mode=d.mode,
            context=contexts,
            cameo=d.cameo,
            actor=list(d.actors),
            recipient=list(d.recipients),
            sentence=Span(sent.text, sent.start_char, sent.end_char),
            trigger=Span(doc.text[start:end], start, end),
            date=resolved.date,
            date_precision=resolved.precision,
            location=location,
            negated=d.negated,
            hypothetical=d.hypothetical,
            historical=resolved.historical,
            source=d.source,
            confidence=score,
        )


def confidence(d: Draft) -> float:
    """How sure the coder is: the pattern's specificity, participants found, guesses taken."""
    c = 0.45 + 0.08 * min(d.pattern.specificity - 1, 3)
    c += 0.15 if d.actors else 0.0
    c += 0.1 if d.recipients else 0.0
    if d.pattern.has("weak"):
        c -= 0.15
    if "recipient from the event answered" in d.notes:
        c -= 0.1
    if d.negated or d.hypothetical:
        c -= 0.05
    return max(0.05, min(0.95, c))
