"""Typed records that flow between the pipeline stages.

Every stage takes and returns these dataclasses; nothing passes nested dicts.
Spans are character offsets into ``Article.text`` (half-open ``[start, end)``);
text is never copied into a record where an offset can say the same thing,
except in the ``text`` of a :class:`Span`, which is kept for readability and
checked against the article when a record is built from stored data.

Flow::

    ingest -> Article | Rejected
    nlp    -> spaCy Doc (sentences split on line structure first)
    actors -> ActorLayer (Actor records, each with its Mentions)
    events -> Event records;  statements -> Statement records
    pipeline -> CodedArticle (all of the above + versions)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "eventwire.article/1"

ActorKind = Literal["person", "organization", "country", "group", "region"]
DatePrecision = Literal["day", "month", "year", "reported"]
StatementKind = Literal["direct", "indirect", "outlet"]


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Translation:
    """How an article came to be in the language it is in."""

    source_language: str | None  # ISO 639-1 of the original, e.g. "ru"
    service: str | None  # e.g. "Yandex Translate"
    note: Span | None = None  # the note in the text that said so, if any

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_language": self.source_language,
            "service": self.service,
            "note": self.note.to_dict() if self.note else None,
        }


@dataclass(frozen=True)
class Article:
    """One article as read. ``id`` is the sha256 of the normalized text."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that is known
    language: str = "en"
    translation: Translation | None = None
    source: str | None = None  # path, URL or "<stdin>" the article came from
    # Stretches of the text that are not the article's own prose (translation
    # notes, bylines, datelines): actors and events are not coded inside them.
    excluded: tuple[tuple[int, int], ...] = ()

    @property
    def published_precision(self) -> DatePrecision | None:
        """How precisely the publication date is known: "day", "month" or "year"."""
        if not self.published:
            return None
        return {7: "month", 4: "year"}.get(len(self.published), "day")  # type: ignore[return-value]

    @property
    def reference_date(self) -> str | None:
        """A day standing for the publication date (``YYYY-MM-DD``): the middle of a month or a year
        known only that precisely, so that offices and relative dates are read at about that time."""
        if not self.published:
            return None
        if len(self.published) == 7:
            return f"{self.published}-15"
        if len(self.published) == 4:
            return f"{self.published}-07-01"
        return self.published[:10]

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "translation": self.translation.to_dict() if self.translation else None,
            "source": self.source,
            "text": self.text,
        }


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as an article, with the reason why."""

    source: str  # path, URL, "<stdin>", or "path:line" for corpus lines
    reason: str  # short machine-readable code: "empty", "binary", "encoding", "too-large", "malformed", ...
    detail: str  # a sentence for people: what was wrong, the bad value, what to do

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True)
class Mention:
    """One place where an actor is named or referred to."""

    text: str
    start: int
    end: int
    how: str = "name"  # name | alias | title | demonym | metonym | fuzzy | coref | pronoun | unknown

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "how": self.how}


@dataclass
class Actor:
    """An actor of one article, resolved as far as the knowledge base allows."""

    id: str  # article-local id, e.g. "a1"
    name: str  # canonical name (the KB's, or the text's for unknown people)
    kind: ActorKind
    country: str | None  # ISO 3166 alpha-3 or IGO/NGO/EUR/...
    sector: str | None  # PLOVER sector code: GOV, MIL, JRN, ...
    role: str | None = None  # office held at the article date, e.g. "President of Russia"
    kb_id: str | None = None  # Wikidata QID where known
    entry: str | None = None  # eventwire knowledge-base entry id, None for people not in the KB
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "kb_id": self.kb_id,
            "entry": self.entry,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class Event:
    """One coded event: who did what to whom, when, where, according to whom."""

    id: str
    type: str  # one of the 16 PLOVER types, capitals
    mode: str | None
    context: list[str]
    cameo: str | None
    actor: list[str]  # actor ids
    recipient: list[str]  # actor ids
    sentence: Span  # the sentence the event was coded from
    trigger: Span  # the words that express the event
    date: str | None = None  # ISO date, "YYYY-MM" or "YYYY" by precision
    date_precision: DatePrecision | None = None
    location: dict[str, Any] | None = None  # {"name", "country", "lat", "lon", "span"}
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    source: str | None = None  # actor id of who reported it, when the event is reported speech
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "historical": self.historical,
            "source": self.source,
            "sentence": self.sentence.text,
            "start": self.sentence.start,
            "end": self.sentence.end,
            "trigger": self.trigger.to_dict(),
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Statement:
    """Who said what: a speaker, the cue, and the content span.

    ``kind`` is "outlet" for sentences that assert claims with no speaker: the
    outlet's own claims (``speaker`` is then the outlet's actor id, or None).
    """

    id: str
    speaker: str | None  # actor id
    cue: Span | None
    content: Span
    kind: StatementKind
    events: list[str] = field(default_factory=list)  # ids of events inside the content

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "cue": self.cue.text if self.cue else None,
            "cue_span": self.cue.to_dict() if self.cue else None,
            "content": self.content.text,
            "kind": self.kind,
            "start": self.content.start,
            "end": self.content.end,
            "events": list(self.events),
        }


@dataclass
class Skipped:
    """A sentence the coder could not handle: logged, never fatal to the article."""

    sentence: Span
    stage: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "reason": self.reason, **self.sentence.to_dict()}


@dataclass
class CodedArticle:
    """The coder's output for one article (the ``eventwire.article/1`` contract)."""

    article: Article
    actors: list[Actor]
    events: list[Event]
    statements: list[Statement]
    versions: dict[str, str]
    skipped: list[Skipped] = field(default_factory=list)

    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.meta_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
            "versions": dict(self.versions),
            "skipped": [s.to_dict() for s in self.skipped],
        }


@dataclass
class ActorLayer:
    """The actor stage's result for one article: actors and where they are mentioned.

    Later stages ask which actor a stretch of text refers to with :meth:`actors_in`.
    """

    actors: list[Actor]

    def mention_index(self) -> list[tuple[int, int, str]]:
        """(start, end, actor id) of every mention, sorted by position."""
        return sorted((m.start, m.end, a.id) for a in self.actors for m in a.mentions)

    def actors_in(self, start: int, end: int) -> list[str]:
        """Ids of actors with a mention inside ``[start, end)``, in text order, without repeats."""
        seen: list[str] = []
        for m_start, m_end, actor_id in self.mention_index():
            if m_start >= start and m_end <= end and actor_id not in seen:
                seen.append(actor_id)
        return seen

    def by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}
