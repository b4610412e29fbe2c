"""What makes two event reports candidates for the same event: the link key.

The key is the PLOVER type, the canonical participants (actor set and
recipient set; one unordered set for reciprocal types such as a phone call)
and the negated / hypothetical flags. Canonical participants are knowledge-base
entries where the coder resolved one, else the Wikidata id, else the
normalized name, so "Trump", "Donald Trump" and "the US President" meet.
Which types are reciprocal is data: ``linking/data/linking.toml``.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

from ..errors import DataError
from ..records import Actor, Article, Event

__all__ = ["LinkRules", "canonical", "event_date", "link_key"]


@dataclass(frozen=True)
class LinkRules:
    """Linking settings: reciprocal types and the date window per precision."""

    symmetric_types: frozenset[str]
    day_window: int  # days either side for day-precision dates

    @classmethod
    def load(cls, day_window: int | None = None) -> LinkRules:
        try:
            text = resources.files("eventwire.linking").joinpath("data/linking.toml").read_text("utf-8")
            data = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise DataError(f"the packaged linking rules cannot be read: {exc}; reinstall eventwire") from exc
        return cls(
            symmetric_types=frozenset(t.upper() for t in data.get("symmetric_types", [])),
            day_window=int(day_window if day_window is not None else data.get("day_window", 2)),
        )


def canonical(actor: Actor) -> str:
    """The identity of an actor across articles."""
    if actor.entry:
        return f"kb:{actor.entry}"
    if actor.kb_id:
        return f"wd:{actor.kb_id}"
    folded = unicodedata.normalize("NFKD", actor.name).encode("ascii", "ignore").decode() or actor.name
    return "name:" + " ".join(folded.lower().replace(".", " ").split())


def link_key(event: Event, actors: dict[str, Actor], rules: LinkRules) -> str:
    """The key under which reports of one event are grouped before the date window applies."""

    def names(ids: list[str]) -> list[str]:
        return sorted({canonical(actors[i]) if i in actors else f"id:{i}" for i in ids})

    flags = ("neg" if event.negated else "") + ("hyp" if event.hypothetical else "")
    if event.type.upper() in rules.symmetric_types:
        parties = sorted(set(names(event.actor)) | set(names(event.recipient)))
        return f"{event.type.upper()}|{'+'.join(parties)}|<->|{flags}"
    return f"{event.type.upper()}|{'+'.join(names(event.actor))}|{'+'.join(names(event.recipient))}|{flags}"


def event_date(event: Event, article: Article) -> tuple[str | None, str | None]:
    """The date used for linking, and its precision: the event's own, else the article's."""
    if event.date:
        precision = event.date_precision or _precision_of(event.date)
        if precision == "reported":
            precision = _precision_of(event.date)
        return event.date, precision
    if article.published:
        return article.published, _precision_of(article.published)
    return None, None


def _precision_of(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")
