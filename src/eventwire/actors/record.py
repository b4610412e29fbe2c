"""Recording: group findings into Actor records with their mentions.

Actors are numbered ``a1``, ``a2``, ... in the order of their first mention.
KB entries are grouped by entry id; unknown people by name; unknown groups by
their description and country.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Actor, ActorKind, Mention
from .kb import KnowledgeBase, Office

__all__ = ["Finding", "Unknown", "build_actors", "role_at"]

# Which of several offices held at once is shown as a person's role.
_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO"})
_ROLE_ORDER = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


@dataclass(frozen=True)
class Unknown:
    """An actor that is in no KB: described by the text."""

    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    role: str | None = None
    # countries a title without a country could belong to (those with such an office), for the fallback
    candidates: tuple[str, ...] = ()
    # the country comes from the context (the sentence's one country, else the article's main one)
    from_context: bool = False
    body: str | None = None  # the bodies.tsv phrase of a state body whose country is still to be found
    key: str | None = None  # what makes two findings one actor, when not the name ("army|IND")


@dataclass(frozen=True)
class Finding:
    """One place in the text that refers to an actor (found, not yet recorded)."""

    start: int  # character offsets into the article
    end: int
    text: str
    how: str
    kind: str  # person | country | organization | outlet | group
    key: str | None  # KB id (country code, organisation, outlet or person id); None for unknown actors
    unknown: Unknown | None = None
    tok: int = 0  # first token
    sent: int = 0  # sentence index
    subject: bool = False  # the mention is (part of) a grammatical subject

    def target(self) -> tuple[str, str]:
        if self.key is not None:
            return (self.kind, self.key)
        assert self.unknown is not None
        if self.unknown.kind == "person":
            return ("unknown-person", self.unknown.name.lower())
        if self.unknown.key is not None:
            return ("unknown-" + self.unknown.kind, self.unknown.key)
        return ("unknown-" + self.unknown.kind, f"{self.unknown.name.lower()}|{self.unknown.country}")


def role_at(kb: KnowledgeBase, person_id: str, date: str) -> Office | None:
    offices = kb.offices_held(person_id, date)
    if not offices:
        return None

    def rank(o: Office) -> int:
        role = o.id.split(".")[-1]
        return _ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER)

    return min(offices, key=rank)


def build_actors(findings: list[Finding], kb: KnowledgeBase, date: str) -> list[Actor]:
    actors: dict[tuple[str, str], Actor] = {}
    seen_spans: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        target = f.target()
        actor = actors.get(target)
        if actor is None:
            actor = _new_actor(f, kb, date, f"a{len(actors) + 1}")
            actors[target] = actor
            seen_spans[target] = set()
        elif f.unknown is not None:
            actor.country = actor.country or f.unknown.country
            actor.sector = actor.sector or f.unknown.sector
            actor.role = actor.role or f.unknown.role
        if (f.start, f.end) not in seen_spans[target]:
            seen_spans[target].add((f.start, f.end))
            actor.mentions.append(Mention(f.text, f.start, f.end, f.how))
    return list(actors.values())


def _new_actor(f: Finding, kb: KnowledgeBase, date: str, actor_id: str) -> Actor:
    if f.unknown is not None:
        u = f.unknown
        return Actor(actor_id, u.name, u.kind, u.country, u.sector, u.role)
    assert f.key is not None
    if f.kind == "person":
        p = kb.people[f.key]
        office = role_at(kb, p.id, date)
        sector = p.sector or (office.sector if office else None)
        # the office held at the date says whom a person acts for (a German as President of the Commission)
        country = office.country if office and office.country in _NON_STATE else p.country
        return Actor(
            actor_id, p.name, "person", country, sector, office.title if office else None, p.qid, p.id
        )
    if f.kind == "country":
        c = kb.countries[f.key]
        kind: ActorKind = "region" if c.kind == "region" else "country"
        return Actor(actor_id, c.name, kind, c.code, None, None, c.qid, c.code)
    if f.kind == "outlet":
        out = kb.outlets[f.key]
        return Actor(actor_id, out.name, "organization", out.country, "JRN", None, out.qid, out.id)
    o = kb.organizations[f.key]
    return Actor(actor_id, o.name, "organization", o.country, o.sector, None, o.qid, o.id)
