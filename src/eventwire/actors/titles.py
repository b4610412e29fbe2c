"""Reading office titles: the country, organisation and modifiers around a title, and whom it names.

"the Russian president", "Russian and US Presidents", "head of the Pentagon",
"President of Ukraine", "Trump's special envoy", "her Russian counterpart",
"Bolivia's former president": :class:`TitleReading` finds the context of every
title hit and the offices it may name; :class:`~eventwire.actors.resolve.ActorResolver`
decides whom (a name after the title, or the holder at the article's date).
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Context
from .kb import KnowledgeBase, Office, Person
from .lexicon import Lexicon
from .match import Hit
from .record import Finding

__all__ = ["COUNTRYISH", "NOT_CURRENT", "TITLEISH", "Title", "TitleReading"]

COUNTRYISH = ("country", "demonym", "capital")
# Words between a country and a title that do not change which country it is ("Bolivia's former president").
TIME_MODIFIERS = frozenset(
    {
        "former",
        "then",
        "ex",
        "ex-",
        "outgoing",
        "incoming",
        "acting",
        "interim",
        "late",
        "new",
        "newly",
        "elected",
        "caretaker",
        "de",
        "facto",
        "self",
        "-",
        "declared",
    }
)
# ... of which these mean the office's holder at the article's date is not meant.
NOT_CURRENT = frozenset({"former", "then", "ex", "ex-", "late", "incoming", "elected"})
LEADER_ROLES = ("supreme_leader", "head_of_state", "head_of_government")
MONARCHS = ("King", "Queen", "Monarch", "Emperor", "Sovereign", "Grand Duke", "Prince", "Sultan")
TITLEISH = ("office", "role", "head")


@dataclass
class Title:
    hit: Hit
    start_tok: int  # including the modifiers on the left
    end_tok: int  # including "of COUNTRY" on the right
    countries: list[str]
    org: str | None
    person_ref: str | None  # "Trump's envoy": whose
    modifier_sector: str | None = None  # "opposition spokesman", "military spokesman"
    ref_span: tuple[int, int] | None = None  # tokens of the possessor ("Trump" in "Trump's envoy")


class TitleReading:
    """Title context and candidate offices; mixed into the resolver, which provides ``kb`` and ``lexicon``."""

    kb: KnowledgeBase
    lexicon: Lexicon

    def _titles(self, ctx: Context) -> list[Title]:
        out = []
        for k, hit in enumerate(ctx.hits):
            forms = [f for f in hit.payloads if f.kind in TITLEISH]
            if not forms or any(f.kind == "body" for f in hit.payloads):
                continue  # state bodies ("the army", "Iran's police") are read in bodies.py
            if self._modifier_sector(ctx, k) is not None and k + 1 < len(ctx.hits):
                nxt = ctx.hits[k + 1]
                if nxt.start == hit.end and any(f.kind in TITLEISH for f in nxt.payloads):
                    continue  # "opposition" in "opposition spokesman": read with the next title
            start, countries, org, person_ref, modifier = self._left_context(ctx, k)
            end, right_countries, right_org = self._right_context(ctx, k)
            ref_span = None
            if person_ref is not None:
                ref = next(h for h in ctx.hits if h.start == start)
                ref_span = (ref.start, ref.end)
            out.append(
                Title(
                    hit,
                    start,
                    end,
                    countries + right_countries,
                    org or right_org,
                    person_ref,
                    modifier,
                    ref_span,
                )
            )
        return out

    def _modifier_sector(self, ctx: Context, k: int) -> str | None:
        """The sector of a group role noun that can modify a following title ("police" spokesman)."""
        for f in ctx.hits[k].payloads:
            if f.kind == "role" and not f.plural and self.kb.roles[f.key].kind == "group":
                return self.kb.roles[f.key].sector
        return None

    def _left_context(
        self, ctx: Context, k: int
    ) -> tuple[int, list[str], str | None, str | None, str | None]:
        """Country, organisation, possessor and modifier words just before the title hit ``ctx.hits[k]``."""
        hit = ctx.hits[k]
        start = hit.start
        countries: list[str] = []
        org: str | None = None
        person: str | None = None
        modifier: str | None = None
        j = k - 1
        if j >= 0 and ctx.hits[j].end == start and (modifier := self._modifier_sector(ctx, j)) is not None:
            start = ctx.hits[j].start
            j -= 1
        while j >= 0:
            prev = ctx.hits[j]
            gap = [w for w in ctx.lowers[prev.end : start] if w not in TIME_MODIFIERS]
            if gap not in ([], ["'s"], ["’s"]):
                # coordination: "Russian and US Presidents"
                if countries and gap in (["and"], [","]):
                    pass
                else:
                    break
            form = prev.payloads[0]
            if form.kind in COUNTRYISH and not (countries and gap in ([], ["'s"])):
                countries.insert(0, form.key)
            elif form.kind in ("organization",) and not countries and org is None:
                org = form.key
            elif form.kind == "person" and gap in (["'s"], ["’s"]) and not countries:
                person = form.key
                countries.append(self.kb.people[form.key].country)
            else:
                break
            start = prev.start
            j -= 1
            if org or person:
                break
        return start, countries, org, person, modifier

    def _right_context(self, ctx: Context, k: int) -> tuple[int, list[str], str | None]:
        """ "of (the) COUNTRY (and (the) COUNTRY)" or "of (the) ORGANISATION" after the title."""
        hit = ctx.hits[k]
        i = hit.end
        if i >= len(ctx.lowers) or ctx.lowers[i] not in ("of", "to", "for"):
            return hit.end, [], None
        countries: list[str] = []
        org: str | None = None
        end = hit.end
        for nxt in ctx.hits[k + 1 : k + 4]:
            gap = [w for w in ctx.lowers[i : nxt.start] if w != "the"]
            if gap not in (["of"], ["to"], ["for"], ["and"], [","]) or (
                gap not in (["of"], ["to"], ["for"]) and not countries
            ):
                break
            form = nxt.payloads[0]
            if form.kind in COUNTRYISH:
                if gap == ["for"]:
                    break  # "envoy for Ukraine" names a subject, not whose envoy
                countries.append(form.key)
            elif form.kind in ("organization", "outlet") and not countries:
                org = form.key
                end = nxt.end
                break
            else:
                break
            end = i = nxt.end
        return end, countries, org

    def _leader_offices(self, ctx: Context, countries: list[str], earlier: list[Finding]) -> list[Office]:
        """ "The Chinese leader": the country's leader already named in the article, else its supreme
        leader, else its head of state (or head of government where the head of state is a monarch)."""
        out: list[Office] = []
        for country in countries:
            cands = [self.kb.offices.get(f"{country}.{r}") for r in LEADER_ROLES]
            offices = [o for o in cands if o is not None]
            named = {f.key for f in earlier if f.kind == "person"}
            chosen = [
                o for o in offices if (p := self.kb.holder(o.id, ctx.date)) is not None and p.id in named
            ]
            if not chosen and offices:
                first = offices[0]
                if first.id.endswith("head_of_state") and any(w in first.title for w in MONARCHS):
                    first = next((o for o in offices if o.id.endswith("head_of_government")), first)
                chosen = [first]
            out.extend(chosen[:1])
        return out

    def _counterpart_offices(self, ctx: Context, title: Title, earlier: list[Finding]) -> list[Office]:
        """ "Her Russian counterpart": the same office, in the named country, as the person last named."""
        for f in reversed(earlier):
            if f.kind != "person" or f.key is None or f.sent < ctx.sent_of[title.start_tok] - 1:
                continue
            for office in self.kb.offices_held(f.key, ctx.date):
                role = office.id.split(".", 1)[-1]
                found = [
                    self.kb.offices[f"{c}.{role}"]
                    for c in title.countries
                    if f"{c}.{role}" in self.kb.offices
                ]
                if found:
                    return found
            return []
        return []

    def _offices_for(self, title: Title) -> list[Office]:
        """Offices the title may name, narrowed by its country or organisation."""
        offices: list[Office] = []
        for form in title.hit.payloads:
            if form.kind == "office":
                offices.extend(self.lexicon.offices(form.key))
            elif form.kind == "head" and title.org and title.org in self.lexicon.org_head:
                offices.append(self.kb.offices[self.lexicon.org_head[title.org]])
        if title.org:
            in_org = [o for o in offices if o.org == title.org]
            if in_org:
                return in_org
            # "the Kremlin's spokesman": an office of the organisation whose title has the role noun
            phrase = " ".join(f.key for f in title.hit.payloads if f.kind in ("role", "office"))
            if phrase:
                named = [
                    o
                    for o in self.kb.offices_of_org(title.org)
                    if any(phrase in t.lower() for t in (o.title, *o.titles))
                ]
                if len(named) == 1:
                    return named
            # "head of the Pentagon": a head noun means the organisation's top office
            head = self.lexicon.org_head.get(title.org)
            if head and any(f.kind == "head" for f in title.hit.payloads):
                return [self.kb.offices[head]]
            return []
        if title.countries:
            return [o for o in offices if o.country in title.countries]
        return offices

    def _holders(
        self, ctx: Context, offices: list[Office], title: Title, plural: bool, earlier: list[Finding]
    ) -> list[Person]:
        if not offices:
            return []
        if title.countries or title.org:
            people: list[Person] = []
            for country in title.countries or [None]:  # type: ignore[list-item]
                cands = [o for o in offices if country is None or o.country == country]
                found = [p for o in cands if (p := self.kb.holder(o.id, ctx.date)) is not None]
                if len({p.id for p in found}) == 1 and found[0] not in people:
                    people.append(found[0])
            return people if (plural or len(people) == 1) else people[:1]
        if plural:
            return []
        # one word alone ("the chairman", "the leader") is too generic to name the one office that has it
        generic = title.hit.end - title.hit.start == 1
        if len(offices) == 1 and not generic:
            p = self.kb.holder(offices[0].id, ctx.date)
            return [p] if p else []
        # "the president" with no country: the last person named who holds one of these offices
        ids = {o.id for o in offices}
        for f in reversed(earlier):
            if (
                f.kind == "person"
                and f.key
                and any(o.id in ids for o in self.kb.offices_held(f.key, ctx.date))
            ):
                return [self.kb.people[f.key]]
        return []

    def _named_with_role(
        self, ctx: Context, hit: Hit, countries: list[str], earlier: list[Finding]
    ) -> list[Person]:
        """ "The Ukrainian minister": the last person named (of that country) whose office has that word."""
        phrase = " ".join(ctx.lowers[hit.start : hit.end])
        for f in reversed(earlier):
            if f.kind != "person" or f.key is None or f.how == "pronoun":
                continue
            person = self.kb.people[f.key]
            if countries and person.country not in countries:
                continue
            for office in self.kb.offices_held(person.id, ctx.date):
                if any(phrase in t.lower() for t in (office.title, *office.titles)):
                    return [person]
        return []
