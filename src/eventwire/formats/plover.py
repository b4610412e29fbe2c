"""PLOVER JSONL: one record per event, in the field names of the PLOVER codebook ("Data Fields").

A record carries the codebook's core fields (``id``, ``date``, ``event``, ``mode``,
``context``, ``actor``, ``recipient``, ``event_text``, ``event_loc``, ``quad_code``,
``event_scale``, ``text``, ``text_info``, ``cite_info``, ``coder``) and eventwire's own
additions (``cameo``, ``date_precision``, ``negated``, ``hypothetical``, ``historical``,
``source_actor``, ``confidence``, ``article_id``, ``versions``), as the codebook invites.

Actor and recipient entries are entity objects with both of the codebook's vocabularies:
the example block's (``raw_text``, ``entity_name``, ``wikidata_id``, ``wiki_description``,
``country_name``, ``sector_code``, ``other_sector_codes``) and the entity table's
(``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text``, ``office``),
plus ``country_code``. Country names are the actor knowledge base's (the short names news
uses, "Russia", "North Korea"), else ISO 3166 names from pycountry, and the codebook's names
for its non-state codes (``data/entities.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..errors import DataError
from ..records import Actor, CodedArticle, Event

__all__ = ["CODEBOOK", "PloverTables", "plover_records"]

CODEBOOK = "PLOVER 0.8"


@dataclass
class PloverTables:
    """Lookup tables a PLOVER record needs: country names, quad classes and scores.

    Built once per writer (no module-level state); quad classes and scores come from the
    PLOVER ontology (:class:`eventwire.events.ontology.Ontology`, the event stage's
    packaged ``plover.json``), whose absence is an error, not null fields.
    """

    country_names: dict[str, str] = field(default_factory=dict)
    quads: dict[str, int] = field(default_factory=dict)  # type -> quad code 1..4
    scores: dict[str, float] = field(default_factory=dict)  # type -> PLOVER score
    mode_scores: dict[tuple[str, str], float] = field(default_factory=dict)

    @classmethod
    def load(cls) -> PloverTables:
        """The tables; raises ``LexiconError`` when the packaged PLOVER ontology cannot be read."""
        from ..events.ontology import Ontology  # the event stage's package, loaded only when writing PLOVER

        ontology = Ontology.load()
        return cls(
            country_names={**_kb_country_names(), **_entity_names()},
            quads={name: t.quad_class for name, t in ontology.types.items()},
            scores={name: t.score for name, t in ontology.types.items()},
            mode_scores={(name, m): s for name, t in ontology.types.items() for m, s in t.modes.items()},
        )

    def country_name(self, code: str | None) -> str | None:
        if not code:
            return None
        if code in self.country_names:
            return self.country_names[code]
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        return str(country.name) if country is not None else None

    def scale(self, event: Event) -> float | None:
        if event.mode and (event.type, event.mode) in self.mode_scores:
            return self.mode_scores[(event.type, event.mode)]
        return self.scores.get(event.type)


def _kb_country_names() -> dict[str, str]:
    """Country names as news writes them ("Russia", "North Korea"), from the actor KB when it is there."""
    try:
        text = resources.files("eventwire.actors").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0][:2] != ["code", "name"]:
        return {}
    return {row[0]: row[1] for row in rows[1:] if len(row) >= 2 and row[1]}


def _entity_names() -> dict[str, str]:
    text = resources.files("eventwire.formats").joinpath("data/entities.tsv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataError(
                f"formats/data/entities.tsv line {number}: expected 'code<TAB>name', got {line!r}"
            )
        names[parts[0]] = parts[1]
    return names


def _raw_text(actor: Actor, start: int, end: int) -> str:
    """How the actor is named in the sentence (its first mention there, else its first mention)."""
    inside = [m for m in actor.mentions if m.start >= start and m.end <= end]
    if inside:
        return inside[0].text
    return actor.mentions[0].text if actor.mentions else actor.name


def entity_object(actor: Actor, event: Event, tables: PloverTables) -> dict[str, Any]:
    """A PLOVER actor/recipient entity object for one participant of one event."""
    raw = _raw_text(actor, event.sentence.start, event.sentence.end)
    return {
        "raw_text": raw,
        "entity_name": actor.name,
        "wikidata_id": actor.kb_id,
        "wiki_description": actor.role,
        "country_name": tables.country_name(actor.country),
        "country_code": actor.country,
        "sector_code": actor.sector or "",
        "other_sector_codes": "",
        "code": actor.country,
        "sector": actor.sector,
        "entity_text": raw,
        "identifier_id": actor.kb_id,
        "identifier_text": actor.name,
        "office": actor.role,
        "kind": actor.kind,
        "eventwire_id": actor.id,
    }


def _location(event: Event, tables: PloverTables) -> dict[str, Any] | None:
    loc = event.location
    if not loc:
        return None
    span = loc.get("span")
    extracted = span.get("text") if isinstance(span, dict) else loc.get("name")
    return {
        "extracted_place": extracted,
        "resolved_place": loc.get("name"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "city": loc.get("city"),
        "country": tables.country_name(loc.get("country")),
        "country_code": loc.get("country"),
    }


def plover_records(coded: CodedArticle, tables: PloverTables) -> list[dict[str, Any]]:
    """One PLOVER record per event of a coded article, in event order."""
    art = coded.article
    actors = coded.actor_by_id()
    coder = f"eventwire {coded.versions.get('eventwire', '?')}"
    cite = {
        "citation": art.id,
        "url": art.url,
        "title": art.title,
        "language": art.language,
        "publication": art.outlet,
        "published": art.published,
        "source": art.source,
        "coder": coder,
        "codebook": CODEBOOK,
    }
    records = []
    for event in coded.events:
        source = actors.get(event.source) if event.source else None
        records.append(
            {
                "id": f"{art.id[:16]}-{event.id}",
                "has_event": True,
                "date": event.date or art.published,
                "date_precision": event.date_precision,
                "event": [event.type],
                "mode": [event.mode] if event.mode else [],
                "context": list(event.context),
                "actor": [entity_object(actors[i], event, tables) for i in event.actor if i in actors],
                "recipient": [
                    entity_object(actors[i], event, tables) for i in event.recipient if i in actors
                ],
                "event_text": [event.trigger.text],
                "event_loc": _location(event, tables),
                "quad_code": tables.quads.get(event.type),
                "event_scale": tables.scale(event),
                "cameo": event.cameo,
                "negated": event.negated,
                "hypothetical": event.hypothetical,
                "historical": event.historical,
                "source_actor": entity_object(source, event, tables) if source else None,
                "confidence": round(event.confidence, 3),
                "text": event.sentence.text,
                "text_info": {
                    "start": event.sentence.start,
                    "end": event.sentence.end,
                    "trigger_start": event.trigger.start,
                    "trigger_end": event.trigger.end,
                },
                "cite_info": cite,
                "coder": coder,
                "article_id": art.id,
                "versions": dict(coded.versions),
            }
        )
    return records
