"""Resolution: turn a parsed article into its actors, each with the mentions that name it.

Finding and recording are separate. :meth:`ActorResolver.find` walks the
article once and returns :class:`Finding` records (a character span, how it was
recognised, and the KB entry or the description of an unknown actor it stands
for); :func:`~eventwire.actors.record.build_actors` groups them into
:class:`~eventwire.records.Actor` records.

What is recognised, in order of trust:

1. KB names and aliases (countries, capitals as metonyms, organisations,
   outlets, people), longest match first; the KB beats spaCy's NER labels.
2. Office titles, read with the country or organisation around them ("the
   Russian president", "Russian and US Presidents", "head of the Pentagon",
   "President of Ukraine") and resolved to the holder at the article's date.
3. A name after a title that is not in the KB: tolerantly compared with the
   office's holders at the date (a mistransliteration), else an unknown person
   with the title's country and sector.
4. Other person names (spaCy PERSON, or capitalised names followed by a role in
   apposition): compared tolerantly with KB people when their country is named
   in the sentence, else unknown people with country and sector from the text.
5. State bodies named through a country or alone, and groups ("the Pakistani
   army", "the government", "protesters"; :mod:`eventwire.actors.bodies`).
6. Coreference: surnames of unknown people, bare titles ("the president"),
   pronouns (:mod:`eventwire.actors.coref`), plural references to parties
   named together ("both sides"; :mod:`eventwire.actors.plurals`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..options import Options
from ..records import ActorLayer, Article
from .bodies import BodyRef, adjective, body_refs, place_body, resolve_body
from .context import Context
from .coref import resolve_coreference
from .fuzzy import similar_given, similar_surname
from .kb import KnowledgeBase, Office, Person
from .lexicon import Form, Lexicon
from .match import Hit
from .plurals import resolve_plurals
from .record import Finding, Unknown, build_actors
from .titles import NOT_CURRENT, TITLEISH, Title, TitleReading

if TYPE_CHECKING:
    from ..nlp import Doc

__all__ = ["ActorResolver", "Finding", "Unknown"]


class ActorResolver(TitleReading):
    """Resolves the actors of articles against one knowledge base. Build once per process."""

    def __init__(self, kb: KnowledgeBase, options: Options) -> None:
        import spacy

        self.kb = kb
        self.options = options
        tokenizer: Any = spacy.blank("en").tokenizer

        def tokenize(texts: list[str]) -> list[list[str]]:
            # plain words split on spaces exactly as the tokenizer would; the rest goes through it
            out: list[list[str] | None] = [t.split() if t.replace(" ", "").isalpha() else None for t in texts]
            rest = [t for t, o in zip(texts, out, strict=True) if o is None]
            done = iter([[tok.text for tok in doc] for doc in tokenizer.pipe(rest)])
            return [o if o is not None else next(done) for o in out]

        self.lexicon = Lexicon.build(kb, tokenize)

    # -- public -------------------------------------------------------------------------------

    def resolve(self, doc: Doc, article: Article) -> ActorLayer:
        findings = self.find(doc, article)
        return ActorLayer(actors=build_actors(findings, self.kb, _date_of(article)))

    def find(self, doc: Doc, article: Article) -> list[Finding]:
        ctx = Context.of(doc, article, self.lexicon)
        findings: list[Finding] = []
        used = [False] * len(doc)
        # titles and names in text order, so that "the prime minister" can refer back to "Theresa May"
        order: list[tuple[int, int, Title | Hit | BodyRef]] = [(t.start_tok, 0, t) for t in self._titles(ctx)]
        order.extend((b.start_tok, 0, b) for b in body_refs(ctx))
        order.extend((h.start, 1, h) for h in ctx.hits)
        order.sort(key=lambda x: (x[0], x[1]))
        for _, _, item in order:
            if isinstance(item, BodyRef):
                if not any(used[item.start_tok : item.end_tok]):
                    findings.extend(resolve_body(ctx, item, findings))
                    for i in range(item.start_tok, item.end_tok):
                        used[i] = True
                continue
            if isinstance(item, Title):
                findings.extend(self._resolve_title(ctx, item, used, findings))
                continue
            if any(used[item.start : item.end]):
                continue
            finding = self._resolve_name(ctx, item, findings)
            if finding is not None:
                findings.append(finding)
                for i in range(item.start, item.end):
                    used[i] = True
        findings.extend(self._unknown_people(ctx, used, findings))
        findings.sort(key=lambda f: (f.start, -f.end))
        findings.extend(resolve_coreference(ctx, findings, used))
        findings.sort(key=lambda f: (f.start, -f.end))
        findings.extend(resolve_plurals(ctx, findings, used))
        findings = self._default_countries(ctx, findings)
        findings = self._context_countries(ctx, findings)
        findings.sort(key=lambda f: (f.start, -f.end))
        return findings

    def _resolve_title(
        self, ctx: Context, title: Title, used: list[bool], earlier: list[Finding]
    ) -> list[Finding]:
        hit = title.hit
        if any(used[title.start_tok : title.end_tok]):
            return []
        plural = any(f.plural for f in hit.payloads)
        offices = self._offices_for(title)
        if (
            not offices
            and title.countries
            and any(f.kind == "head" and f.key == "leader" for f in hit.payloads)
        ):
            offices = self._leader_offices(ctx, title.countries, earlier)
        heads = {f.key for f in hit.payloads if f.kind == "head"}
        if not offices and title.countries and "counterpart" in heads:
            offices = self._counterpart_offices(ctx, title, earlier)
        role = next((f.key for f in hit.payloads if f.kind == "role"), None)
        name_hit, name_end = ctx.name_after(title.end_tok)
        name_start = title.end_tok
        if name_hit is None and name_end == title.end_tok:
            # apposition: "The outgoing president, Francois Hollande, congratulated him"
            name_hit, name_end = ctx.apposed_name(title.end_tok)
            name_start = title.end_tok + 1 if name_end > title.end_tok else title.end_tok
        out: list[Finding] = []
        if title.person_ref is not None and title.ref_span is not None:
            # "Trump's special envoy": Trump is mentioned too
            out.append(ctx.finding(title.ref_span[0], title.ref_span[1], "alias", title.person_ref, "person"))

        def mark(a: int, b: int) -> None:
            for i in range(a, b):
                used[i] = True

        if not plural and name_hit is not None and name_hit.payloads[0].kind == "person":
            name_end = name_hit.end
            person_id = name_hit.payloads[0].key
            office_ids = {o.id for o in offices}
            if office_ids and not any(o.id in office_ids for o in self.kb.offices_held(person_id, ctx.date)):
                # "National Security Advisor Tim Walz" is more likely the adviser misspelt
                words = ctx.words[name_hit.start : name_hit.end]
                better = self._fuzzy_holder(ctx, offices, words, exclude=person_id)
                person_id = better.id if better is not None else person_id
            out.append(ctx.finding(title.start_tok, name_end, "name", person_id, "person"))
            mark(title.start_tok, name_end)
            return out
        if not plural and name_end > title.end_tok:
            words = ctx.words[name_start:name_end]
            holder = self._fuzzy_holder(ctx, offices, words)
            if holder is not None and self.options.fuzzy_names:
                out.append(ctx.finding(title.start_tok, name_end, "fuzzy", holder.id, "person"))
            else:
                countries = title.countries
                reading = ctx.artifact(title.start_tok, hit.end) if countries and not offices else None
                if reading is not None and reading in self.kb.roles:
                    role, countries = reading, []  # "American political scientist" read as "Americanist"
                org = self.kb.organizations.get(title.org or "")
                # "Hamas leader X", "Israeli military spokesman X": the organisation's sector
                sector = (
                    title.modifier_sector
                    or (offices[0].sector if offices else None)
                    or (org.sector if org else None)
                    or self._role_sector(role)
                )
                country = (
                    countries[0]
                    if countries
                    else (offices[0].country if len({o.country for o in offices}) == 1 else None)
                )
                country = country or ctx.country_of_org(title.org)
                if country is None or sector is None:
                    more_country, more_sector, _ = ctx.describe(title.end_tok, name_end)
                    country, sector = country or more_country, sector or more_sector
                candidates = tuple(sorted({o.country for o in offices})) if country is None else ()
                out.append(
                    ctx.unknown(
                        title.start_tok,
                        name_end,
                        " ".join(words),
                        "person",
                        country,
                        sector,
                        offices[0].title if len(offices) == 1 else None,
                        candidates=candidates,
                    )
                )
            mark(title.start_tok, name_end)
            return out
        # a bare title: the holder(s) at the article's date
        if NOT_CURRENT & set(ctx.lowers[max(title.start_tok - 1, 0) : hit.start]):
            return out  # "the former president": not the holder at the article's date
        if plural and title.org is not None and not title.countries:
            return out  # "NATO leaders": the members' leaders, not the organisation's head
        holders = self._holders(ctx, offices, title, plural, earlier)
        if (
            not holders
            and not plural
            and title.org is None
            and (title.countries or ctx.definite(title.start_tok))
        ):
            holders = self._named_with_role(ctx, hit, title.countries, earlier)
        if holders:
            for person in holders:
                out.append(ctx.finding(title.start_tok, title.end_tok, "title", person.id, "person"))
            mark(title.start_tok, title.end_tok)
            return out
        group_role = self.kb.roles[role] if role is not None else None
        if group_role is None or not (plural or group_role.kind == "group"):
            return out
        noun = " ".join(ctx.lowers[hit.start : hit.end])
        # one group whatever the synonym ("protesters", "demonstrators"): the key is the shared noun
        same = next(
            (
                self.kb.roles[f.key].same
                for f in hit.payloads
                if f.kind == "role" and self.kb.roles[f.key].same
            ),
            noun,
        )
        if title.countries:
            # "Ukrainian lawmakers", "Ukraine's farmers": a group of each country, named "{Demonym} {noun}"
            for country in title.countries:
                out.append(
                    _keyed(
                        ctx.unknown(
                            title.start_tok,
                            title.end_tok,
                            f"{adjective(self.kb, country)} {noun}",
                            "group",
                            country,
                            group_role.sector,
                            None,
                        ),
                        f"{same}|{country}",
                    )
                )
            mark(title.start_tok, title.end_tok)
        elif (
            group_role.alone
            and title.org is None
            and not (hit.start > 0 and ctx.lowers[hit.start - 1] in _NOT_ALONE)
            and not _modifies_noun(ctx, hit.end)
        ):
            # "protesters", "the opposition": a group of the sentence's or the article's country
            found = ctx.unknown(hit.start, hit.end, noun, "group", None, group_role.sector, None)
            assert found.unknown is not None
            out.append(replace(found, unknown=replace(found.unknown, from_context=True, key=same)))
            mark(hit.start, hit.end)
        return out

    def _fuzzy_holder(
        self, ctx: Context, offices: Sequence[Office], words: Sequence[str], exclude: str | None = None
    ) -> Person | None:
        """The holder at the date of one of ``offices`` whose name is spelt like ``words``."""
        names = [w for w in words if w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()]
        if not names:
            return None
        found: list[Person] = []
        for office in offices:
            for person in self.kb.holders(office.id, ctx.date):
                if (
                    person.id != exclude
                    and person not in found
                    and self._similar(names, person, strict=False)
                ):
                    found.append(person)
        return found[0] if len(found) == 1 else None

    def _similar(self, names: Sequence[str], person: Person, *, strict: bool) -> bool:
        """Whether ``names`` (given + surname, or surname alone) may be ``person`` mistransliterated."""
        for parts in self.lexicon.name_parts.get(person.id, ()):
            surname_ok = similar_surname(names[-1], parts[-1]) or names[-1].lower() == parts[-1].lower()
            if not surname_ok:
                continue
            if len(names) >= 2 and len(parts) >= 2:
                if similar_given(names[0], parts[0], self.kb.given_names):
                    return True
            elif not strict:
                return True
        return False

    def _role_sector(self, role: str | None) -> str | None:
        return self.kb.roles[role].sector if role and role in self.kb.roles else None

    # -- names --------------------------------------------------------------------------------

    def _resolve_name(self, ctx: Context, hit: Hit, earlier: list[Finding]) -> Finding | None:
        forms = [f for f in hit.payloads if f.kind not in TITLEISH]
        if not forms:
            return None
        people = [f for f in forms if f.kind == "person"]
        if people:
            chosen = self._choose_person(ctx, hit, people, earlier)
            if chosen is None:
                return None
            how = (
                "name"
                if ctx.text(hit.start, hit.end).lower() == self.kb.people[chosen].name.lower()
                else "alias"
            )
            return ctx.finding(hit.start, hit.end, how, chosen, "person")
        form = forms[0]
        if form.kind == "capital":
            if ctx.part_of_longer_name(hit):
                return None
            return ctx.finding(hit.start, hit.end, "metonym", form.key, "country")
        if form.kind == "demonym":
            return ctx.finding(hit.start, hit.end, "demonym", form.key, "country")
        if form.kind == "country":
            if ctx.part_of_longer_name(hit):
                return None
            return ctx.finding(hit.start, hit.end, "name", form.key, "country")
        if form.kind in ("organization", "outlet"):
            return ctx.finding(hit.start, hit.end, "name", form.key, form.kind)
        return None

    def _choose_person(
        self, ctx: Context, hit: Hit, people: list[Form], earlier: list[Finding]
    ) -> str | None:
        ids = list(dict.fromkeys(f.key for f in people))
        single = hit.end - hit.start == 1
        if single and ctx.preceded_by_other_name(hit):
            ctx.other_surnames.add(ctx.words[hit.start])
            return None  # "Tim Walz" is not Mike Waltz's surname alone
        if single and ctx.words[hit.start] in ctx.other_surnames:
            named = [f.key for f in earlier if f.kind == "person" and f.key in ids and f.how != "pronoun"]
            if not named:
                return None  # "Wong" after "Joshua Wong": that Wong, not the KB's
        if len(ids) == 1:
            return ids[0]
        named = [f.key for f in reversed(earlier) if f.kind == "person" and f.key in ids]
        if named:
            return named[0]
        active = [i for i in ids if self.kb.offices_held(i, ctx.date)]
        return active[0] if len(active) == 1 else None

    # -- people not in the KB -----------------------------------------------------------------

    def _unknown_people(self, ctx: Context, used: list[bool], findings: list[Finding]) -> list[Finding]:
        out: list[Finding] = []
        for start, end in ctx.person_names(used):
            words = ctx.words[start:end]
            person = self._fuzzy_person(ctx, start, words) if self.options.fuzzy_names else None
            if person is not None:
                out.append(ctx.finding(start, end, "fuzzy", person.id, "person"))
            else:
                country, sector, role_start = ctx.describe(start, end)
                out.append(
                    ctx.unknown(
                        role_start, end, " ".join(words), "person", country, sector, None, name_start=start
                    )
                )
            for i in range(start, end):
                used[i] = True
        return out

    def _default_countries(self, ctx: Context, findings: list[Finding]) -> list[Finding]:
        """People the KB does not know and the text gives no country: the article's main country, if any."""
        missing = [
            f
            for f in findings
            if f.unknown is not None and f.unknown.kind == "person" and not f.unknown.country
        ]
        if not missing:
            return findings
        given = {f.unknown.name for f in findings if f.unknown is not None and f.unknown.country}
        first: dict[str, Finding] = {}
        for f in missing:
            if f.unknown is not None and f.unknown.name not in first:
                first[f.unknown.name] = f
        out = []
        for f in findings:
            if f in missing and f.unknown is not None and f.unknown.name not in given:
                # the one country named in the sentence that introduces them, else the article's main one
                here = ctx.sentence_countries(first[f.unknown.name].tok)
                if f.unknown.candidates:
                    here &= set(f.unknown.candidates)
                country = (
                    next(iter(here))
                    if len(here) == 1
                    else ctx.dominant_country(findings, f.unknown.candidates)
                )
                if country is not None:
                    f = replace(f, unknown=replace(f.unknown, country=country))
            out.append(f)
        return out

    def _context_countries(self, ctx: Context, findings: list[Finding]) -> list[Finding]:
        """Bodies and groups named without a country ("the government", "protesters"): the sentence's one
        country, else (no country in the sentence) the article's main one. Bodies without one are dropped."""
        if not any(f.unknown is not None and f.unknown.from_context for f in findings):
            return findings
        dominant = ctx.main_country(findings)
        out: list[Finding] = []
        for f in findings:
            u = f.unknown
            if u is None or not u.from_context:
                out.append(f)
                continue
            country = self._context_country(ctx, f, findings, dominant)
            if u.body is not None:
                if country is not None:
                    out.append(place_body(self.kb, f, self.kb.bodies[u.body], country, u.name))
            else:
                key = f"{u.key}|{country}" if u.key else None
                out.append(replace(f, unknown=replace(u, country=country, from_context=False, key=key)))
        return out

    def _context_country(
        self, ctx: Context, f: Finding, findings: list[Finding], dominant: str | None
    ) -> str | None:
        """The country of a body or group named alone, in order: the country of the sentence's subject
        before it ("Vucic put the army on alert"); the article's own country when the sentence names it
        too; the one country the sentence names by name or capital (a demonym describes others:
        "Colombian soldiers"); the article's own; the one country the sentence's demonyms give."""
        subjects = {
            c
            for g in findings
            if g.sent == f.sent
            and g.subject
            and g.end <= f.start
            and g.how != "pronoun"
            and (c := self._country_of(g)) is not None
        }
        if len(subjects) == 1:
            return subjects.pop()
        named, demonyms = ctx.sentence_places(f.tok)
        if dominant is not None and dominant in named | demonyms:
            return dominant
        if named:
            return next(iter(named)) if len(named) == 1 else None
        return dominant or (next(iter(demonyms)) if len(demonyms) == 1 else None)

    def _country_of(self, f: Finding) -> str | None:
        if f.unknown is not None:
            code = f.unknown.country
        elif f.kind == "country":
            code = f.key
        elif f.kind == "person" and f.key in self.kb.people:
            code = self.kb.people[f.key].country
        elif f.kind == "organization" and f.key in self.kb.organizations:
            code = self.kb.organizations[f.key].country
        else:
            code = None
        return code if code in self.kb.countries else None

    def _fuzzy_person(self, ctx: Context, start: int, words: Sequence[str]) -> Person | None:
        """A KB person spelt like ``words`` (given name and surname), whose country the sentence names."""
        if len(words) < 2:
            return None
        cands = self.lexicon.surnames.get(_key(words[-1]), set())
        countries = ctx.sentence_countries(start)
        found = [
            self.kb.people[p]
            for p in sorted(cands)
            if self.kb.people[p].country in countries and self._similar(words, self.kb.people[p], strict=True)
        ]
        return found[0] if len(found) == 1 else None


# words before a group noun that make it not the context's own group ("both protesters", "foreign students")
_NOT_ALONE = frozenset({"both", "foreign", "other", "two", "western", "whose", "their", "its"})


def _keyed(f: Finding, key: str) -> Finding:
    assert f.unknown is not None
    return replace(f, unknown=replace(f.unknown, key=key))


def _modifies_noun(ctx: Context, end: int) -> bool:
    """ "student union", "opposition party": the group noun modifies the next word."""
    last = ctx.doc[end - 1]
    return bool(last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end and last.head.pos_ == "NOUN")


def _key(word: str) -> str:
    from .fuzzy import phonetic_key

    return phonetic_key(word)


def _date_of(article: Article) -> str:
    return article.reference_date or _dt.date.today().isoformat()
