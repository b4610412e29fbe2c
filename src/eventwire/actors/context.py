"""One article as the resolver sees it: tokens, KB hits, sentences, and questions about context.

Built per article from the parsed Doc; holds no state between articles.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp import BULLETS, sentences
from ..records import ActorKind, Article
from .fuzzy import similar_given
from .lexicon import Lexicon
from .match import Hit, fold
from .record import Finding, Unknown

if TYPE_CHECKING:
    from ..nlp import Doc

__all__ = ["Context"]

# Words that say an outlet consulted someone: "X spoke with", "told X", "in an interview with X".
CONSULT_CUES = frozenset(
    {
        "spoke",
        "speak",
        "talked",
        "interviewed",
        "interview",
        "consulted",
        "told",
        "opinions",
        "comments",
        "commented",
        "according",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Lower-case words inside personal names: "Mohammed bin Salman", "Ursula von der Leyen".
PARTICLES = frozenset(
    {
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "del",
        "y",
    }
)
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof",
        "prof.",
    }
)
# Words before a capitalised name that make it a thing, not a person ("the Carl Vinson", "USS Carl Vinson").
NOT_PERSON_BEFORE = frozenset({"the", "a", "an", "uss", "hms", "ins", "rfs", "at", "near", "outside", "via"})
_TITLE_ROLES = ("office", "role", "head")


@dataclass
class Context:
    doc: Doc
    article: Article
    lexicon: Lexicon
    words: list[str]
    lowers: list[str]
    hits: list[Hit]
    date: str
    sent_of: list[int]
    sent_bounds: list[tuple[int, int]]  # token [start, end) per sentence
    hit_at: dict[int, Hit] = field(default_factory=dict)  # start token -> hit
    in_hit: list[bool] = field(default_factory=list)
    consulted: set[int] = field(default_factory=set)  # sentence indices where the outlet consulted people
    other_surnames: set[str] = field(
        default_factory=set
    )  # KB surnames seen as someone else's ("Joshua Wong")

    @classmethod
    def of(cls, doc: Doc, article: Article, lexicon: Lexicon) -> Context:
        words = [t.text for t in doc]
        lowers = [fold(w) for w in words]
        excluded = [False] * len(doc)
        for a, b in article.excluded:
            for t in doc:
                if t.idx < b and t.idx + len(t.text) > a:
                    excluded[t.i] = True
        hits = lexicon.trie.find(words, lowers, lambda i: not excluded[i])
        hits = [h for h in (_proper(doc, words, h) for h in hits if not any(excluded[h.start : h.end])) if h]
        sent_of = [0] * len(doc)
        bounds = []
        for k, sent in enumerate(sentences(doc)):
            bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                sent_of[i] = k
        date = article.reference_date or _dt.date.today().isoformat()
        ctx = cls(doc, article, lexicon, words, lowers, hits, date, sent_of, bounds)
        ctx.hit_at = {h.start: h for h in hits}
        ctx.in_hit = [False] * len(doc)
        for h in hits:
            for i in range(h.start, h.end):
                ctx.in_hit[i] = True
        ctx.consulted = ctx._consulted_sentences()
        return ctx

    # -- building findings ---------------------------------------------------------------------

    def finding(self, start: int, end: int, how: str, key: str, kind: str) -> Finding:
        a, b = self._chars(start, end)
        return Finding(
            a,
            b,
            self.article.text[a:b],
            how,
            kind,
            key,
            None,
            start,
            self.sent_of[start],
            self._is_subject(start, end),
        )

    def unknown(
        self,
        start: int,
        end: int,
        name: str,
        kind: ActorKind,
        country: str | None,
        sector: str | None,
        role: str | None,
        name_start: int | None = None,
        candidates: tuple[str, ...] = (),
    ) -> Finding:
        a, b = self._chars(start, end)
        u = Unknown(name, kind, country, sector, role, candidates)
        return Finding(
            a,
            b,
            self.article.text[a:b],
            "unknown",
            kind,
            None,
            u,
            start,
            self.sent_of[start],
            self._is_subject(start, end),
        )

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        first, last = self.doc[start], self.doc[end - 1]
        return first.idx, last.idx + len(last.text)

    def _is_subject(self, start: int, end: int) -> bool:
        for t in self.doc[start:end]:
            if t.dep_ in SUBJECT_DEPS:
                return True
            if t.dep_ == "conj" and t.head.dep_ in SUBJECT_DEPS:
                return True
        return False

    def definite(self, i: int) -> bool:
        """Whether token ``i`` is introduced by a definite article ("the minister")."""
        return (i > 0 and self.lowers[i - 1] == "the") or self.lowers[i] == "the"

    def text(self, start: int, end: int) -> str:
        a, b = self._chars(start, end)
        return self.article.text[a:b]

    # -- questions about the text ---------------------------------------------------------------

    def is_name_word(self, i: int) -> bool:
        w = self.words[i]
        core = w.replace("-", "").replace(".", "").replace("'", "")
        return (bool(core) and core.isalpha() and w[0].isupper() and not w.isupper()) or _initial(w)

    def name_after(self, i: int) -> tuple[Hit | None, int]:
        """A KB person hit starting at token ``i``, else the end of a capitalised name run from ``i``."""
        hit = self.hit_at.get(i)
        if hit is not None and hit.payloads[0].kind == "person":
            return hit, hit.end
        j = i
        while j < len(self.words) and j - i < 5 and not self.in_hit[j]:
            particle = (
                j > i and self.lowers[j] in PARTICLES and j + 1 < len(self.words) and self.is_name_word(j + 1)
            )
            if not (self.is_name_word(j) or particle) or (j > i and self.sent_of[j] != self.sent_of[i]):
                break
            j += 1
        # "President Luiz Inacio Lula da Silva": the run reaches a known name with a compatible given name;
        # "activist Joshua Wong" is someone else than the Wong the KB knows
        later = self.hit_at.get(j)
        if j > i and later is not None and later.payloads[0].kind == "person":
            given = self.words[i]
            kb = self.lexicon.kb
            if any(
                len(parts) > 1 and similar_given(given, parts[0], kb.given_names)
                for form in later.payloads
                for parts in self.lexicon.name_parts.get(form.key, ())
            ):
                return later, later.end
            if later.end - later.start == 1:
                self.other_surnames.add(self.words[later.start])
            return None, later.end
        # one capitalised word after a title is a name only when spaCy agrees ("President Macron")
        if j - i == 1 and self.doc[i].ent_type_ != "PERSON" and self.doc[i].pos_ != "PROPN":
            return None, i
        return None, j

    def apposed_name(self, i: int) -> tuple[Hit | None, int]:
        """A name set off by commas right after a title at token ``i``: ", NAME," (or ", NAME.")."""
        if i >= len(self.words) or self.words[i] != "," or i + 1 >= len(self.words):
            return None, i
        hit, end = self.name_after(i + 1)
        if end <= i + 1 or (end - (i + 1) < 2 and hit is None):
            return None, i
        if (
            end < len(self.words)
            and self.words[end] not in (",", ".", ")", ";")
            and self.sent_of[end] == self.sent_of[i]
        ):
            return None, i
        if hit is None:
            return None, end if self.doc[i + 1].ent_type_ == "PERSON" else i
        return hit, end

    def part_of_longer_name(self, hit: Hit) -> bool:
        """ "Moscow State University", "Georgia Tech": a place name inside a longer proper name."""
        nxt = hit.end
        if (
            nxt < len(self.words)
            and self.is_name_word(nxt)
            and not self.in_hit[nxt]
            and self.sent_of[nxt] == self.sent_of[hit.start]
            and self.doc[nxt].pos_ == "PROPN"
        ):
            return True
        prev = hit.start - 1
        return bool(
            prev >= 0
            and self.is_name_word(prev)
            and not self.in_hit[prev]
            and self.sent_of[prev] == self.sent_of[hit.start]
            and self.doc[prev].ent_type_ == "PERSON"
            and self.doc[hit.start].ent_type_ == "PERSON"
        )

    def preceded_by_other_name(self, hit: Hit) -> bool:
        """ "Joshua Wong" is not Penny Wong: a surname alias right after another given name."""
        prev = hit.start - 1
        return (
            prev >= 0
            and self.is_name_word(prev)
            and not self.in_hit[prev]
            and self.sent_of[prev] == self.sent_of[hit.start]
            and not self.doc[prev].is_sent_start
            and self.lowers[prev] not in HONORIFICS
            and self.lowers[prev] not in self.lexicon.kb.roles
            and (self.doc[prev].ent_type_ == "PERSON" or self.doc[prev].pos_ == "PROPN")
        )

    def person_names(self, used: list[bool]) -> list[tuple[int, int]]:
        """Token spans of person names the KB does not know: spaCy PERSON spans, and capitalised names
        followed by a role in apposition ("Anna Lebedeva, Director of ...")."""
        spans: list[tuple[int, int]] = []
        roles = self.lexicon.kb.roles
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            a, b = ent.start, ent.end
            # leading words that are not the name: "Counsellor Aung San Suu Kyi", "Mr Smith"
            while a < b and (
                not self.is_name_word(a) or self.lowers[a] in roles or self.lowers[a] in HONORIFICS
            ):
                a += 1
            if b - a < 2 or any(used[a:b]) or any(self.in_hit[a:b]):
                continue
            if a > 0 and self.lowers[a - 1] in NOT_PERSON_BEFORE:
                continue
            if a > 1 and self.lowers[a - 1] in ("'s", "’s") and self.doc[a - 2].pos_ == "NOUN":
                continue  # "the airport's Abbey Gate": part of a thing
            last = self.doc[b - 1]
            if last.dep_ == "compound" and last.head.i >= b and last.head.pos_ == "NOUN":
                continue  # "the Charles de Gaulle carrier group": a name used as a modifier
            if all(
                self.is_name_word(i) or (a < i < b - 1 and self.lowers[i] in PARTICLES) for i in range(a, b)
            ):
                spans.append((a, b))
        taken = {i for a, b in spans for i in range(a, b)}
        for start in range(len(self.words)):
            if start in taken or used[start] or self.in_hit[start] or not self.is_name_word(start):
                continue
            if start > 0 and self.is_name_word(start - 1) and not self.doc[start].is_sent_start:
                continue
            end = start
            while (
                end < len(self.words)
                and end - start < 3
                and self.is_name_word(end)
                and not self.in_hit[end]
                and self.doc[end].pos_ == "PROPN"
                and self.doc[end].ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "ORG", "NORP")
            ):
                end += 1
            if (
                end - start >= 2
                and (start == 0 or self.lowers[start - 1] not in NOT_PERSON_BEFORE)
                and end < len(self.words)
                and self.words[end] == ","
                and self._role_within(end + 1, 4) is not None
                and not any(used[start:end])
            ):
                spans.append((start, end))
                taken.update(range(start, end))
        return sorted(spans)

    def _role_within(self, i: int, n: int) -> Hit | None:
        for j in range(i, min(i + n, len(self.words))):
            hit = self.hit_at.get(j)
            if hit is not None and any(f.kind in _TITLE_ROLES for f in hit.payloads):
                return hit
        return None

    def artifact(self, start: int, end: int) -> str | None:
        """The reading of a known machine-translation artifact spanning tokens ``[start, end)``."""
        tr = self.article.translation
        if tr is None or not tr.source_language or not self.lexicon.kb.artifacts:
            return None
        phrase = " ".join(self.lowers[start:end])
        return self.lexicon.kb.artifacts.get((tr.source_language, phrase))

    def role_sector(self, hit: Hit) -> tuple[str | None, str | None]:
        """(sector, office title) a title or role hit gives."""
        for f in hit.payloads:
            if f.kind == "office":
                offices = self.lexicon.offices(f.key)
                sectors = {o.sector for o in offices}
                if len(sectors) == 1:
                    return sectors.pop(), None
        for f in hit.payloads:
            if f.kind == "role":
                return self.lexicon.kb.roles[f.key].sector, None
        return None, None

    def describe(self, start: int, end: int) -> tuple[str | None, str | None, int]:
        """Country and sector the text gives a person named at tokens ``[start, end)`` (apposition)."""
        country: str | None = None
        sector: str | None = None
        org_country: str | None = None
        org_sector: str | None = None
        place_country: str | None = None  # "a lecturer at the University of Nairobi"
        if end < len(self.words) and self.words[end] in (",", "("):
            sent_end = self.sent_bounds[self.sent_of[start]][1]
            i = end + 1
            prev: Hit | None = None
            while i < min(sent_end, end + 25):
                hit = self.hit_at.get(i)
                if hit is None:
                    i += 1
                    continue
                kind = hit.payloads[0].kind
                if any(f.kind in _TITLE_ROLES for f in hit.payloads) and sector is None:
                    reading = None
                    if prev is not None and prev.end == hit.start and prev.payloads[0].kind == "demonym":
                        reading = self.artifact(prev.start, hit.end)
                        if reading is None and country is None:
                            country = prev.payloads[0].key
                    if reading is not None and reading in self.lexicon.kb.roles:
                        sector = self.lexicon.kb.roles[reading].sector
                    else:
                        sector, _ = self.role_sector(hit)
                elif kind in ("organization", "outlet") and org_country is None:
                    org = self.lexicon.kb.organizations.get(hit.payloads[0].key)
                    if org is not None:
                        org_country, org_sector = org.country, org.sector
                elif kind in ("country", "capital") and place_country is None:
                    place_country = hit.payloads[0].key
                prev = hit
                i = hit.end
        if country is None or sector is None:
            left_country, left_sector = self._describe_left(start)
            country, sector = country or left_country, sector or left_sector
        if country is None and org_country not in (None, "IGO", "NGO", "UNO", "EUR"):
            country = org_country
        country = country or place_country
        sector = sector or org_sector
        if country is None and self.sent_of[start] in self.consulted:
            country = self.outlet_country()
        return country, sector, start

    def _describe_left(self, start: int) -> tuple[str | None, str | None]:
        """ "The Russian ambassador in Berlin, Sergei Nechayev": a role (and its demonym) shortly before."""
        a = self.sent_bounds[self.sent_of[start]][0]
        j = start - 1
        if j < a or self.words[j] != ",":
            return None, None
        for k in range(j - 1, max(a, j - 8) - 1, -1):
            tok = self.doc[k]
            if tok.pos_ in ("VERB", "AUX") or self.words[k] in (",", ";", ":", "."):
                return None, None
            hit = self.hit_at.get(k)
            if hit is not None and any(f.kind in _TITLE_ROLES for f in hit.payloads):
                sector, _ = self.role_sector(hit)
                country = None
                m = k - 1
                while m >= a and self.lowers[m] in ("the", "a", "an"):
                    m -= 1
                for prev in self.hits:
                    if prev.end == k and prev.payloads[0].kind in ("demonym", "country"):
                        country = prev.payloads[0].key
                return country, sector
        return None, None

    def dominant_country(self, findings: list[Finding], among: tuple[str, ...] = ()) -> str | None:
        """The country the article is mostly about (among ``among`` if given): the country of most
        mentions of countries, national bodies and people, and clearly more than any other."""
        kb = self.lexicon.kb
        counts: dict[str, int] = {}
        for f in findings:
            code: str | None = None
            if f.how == "pronoun":
                continue
            if f.unknown is not None:
                code = f.unknown.country
            elif f.kind == "country":
                code = f.key
            elif f.kind == "person" and f.key in kb.people:
                code = kb.people[f.key].country
            elif f.kind == "organization" and f.key in kb.organizations:
                code = kb.organizations[f.key].country
            if code and code in kb.countries and (not among or code in among):
                counts[code] = counts.get(code, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2):
            return None
        return ranked[0][0]

    def main_country(self, findings: list[Finding]) -> str | None:
        """The country clearly the article's own, for bodies and groups named without one ("the
        government", "protesters"): named in at least two sentences and in twice as many as any other."""
        kb = self.lexicon.kb
        sentences: dict[str, set[int]] = {}
        for f in findings:
            if f.how in ("pronoun", "coref"):
                continue
            code: str | None = None
            if f.unknown is not None:
                code = f.unknown.country
            elif f.kind == "country":
                code = f.key
            elif f.kind == "person" and f.key in kb.people:
                code = kb.people[f.key].country
            elif f.kind == "organization" and f.key in kb.organizations:
                code = kb.organizations[f.key].country
            if code and code in kb.countries:
                sentences.setdefault(code, set()).add(f.sent)
        ranked = sorted((len(v) for v in sentences.values()), reverse=True)
        if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] * 2 > ranked[0]):
            return None
        return next(c for c, v in sentences.items() if len(v) == ranked[0])

    def country_of_org(self, org: str | None) -> str | None:
        if org is None:
            return None
        o = self.lexicon.kb.organizations.get(org)
        return o.country if o else None

    def sentence_countries(self, i: int) -> set[str]:
        a, b = self.sent_bounds[self.sent_of[i]]
        return {
            h.payloads[0].key
            for h in self.hits
            if a <= h.start < b and h.payloads[0].kind in ("country", "demonym", "capital")
        }

    def sentence_places(self, i: int) -> tuple[set[str], set[str]]:
        """Countries the sentence of token ``i`` names by name or capital, and by demonym."""
        a, b = self.sent_bounds[self.sent_of[i]]
        named: set[str] = set()
        demonyms: set[str] = set()
        for h in self.hits:
            if a <= h.start < b:
                kind = h.payloads[0].kind
                if kind in ("country", "capital"):
                    named.add(h.payloads[0].key)
                elif kind == "demonym":
                    demonyms.add(h.payloads[0].key)
        return named, demonyms

    # -- the outlet -----------------------------------------------------------------------------

    def outlet_id(self) -> str | None:
        name = (self.article.outlet or "").strip().lower()
        if name:
            for outlet in self.lexicon.kb.outlets.values():
                if name in {n.lower() for n in (outlet.name, *outlet.aliases, outlet.id)}:
                    return outlet.id
        for h in self.hits:
            if h.payloads[0].kind == "outlet":
                return h.payloads[0].key
        return None

    def outlet_country(self) -> str | None:
        oid = self.outlet_id()
        return self.lexicon.kb.outlets[oid].country if oid else None

    def _consulted_sentences(self) -> set[int]:
        """Sentences where the outlet says it consulted people, and the list items that follow them."""
        outlet_hits = {self.sent_of[h.start] for h in self.hits if h.payloads[0].kind == "outlet"}
        name = (self.article.outlet or "").lower()
        out: set[int] = set()
        for k, (a, b) in enumerate(self.sent_bounds):
            words = set(self.lowers[a:b])
            mentions_outlet = k in outlet_hits or (name and name in words)
            if mentions_outlet and words & CONSULT_CUES:
                out.add(k)
                j = k + 1
                while j < len(self.sent_bounds) and self.words[self.sent_bounds[j][0]] in BULLETS:
                    out.add(j)
                    j += 1
        return out


_NAME_KINDS = frozenset({"person", "country", "capital", "demonym", "organization", "outlet"})
_DATE_BEFORE = frozenset(
    {
        "in",
        "since",
        "until",
        "till",
        "by",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "from",
        "this",
        "of",
        "before",
        "after",
        "during",
        "through",
    }
)
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _proper(doc: Doc, words: list[str], hit: Hit) -> Hit | None:
    """Keep a name match only where the text writes it as a name: capitalised ("May", not "may";
    "Bout", not "bout") and not a date ("in May 2019")."""
    capitalised = any(w[:1].isupper() for w in words[hit.start : hit.end])
    single_date = (
        hit.end - hit.start == 1
        and doc[hit.start].ent_type_ in _NOT_NAME_ENTS
        and (
            (hit.end < len(doc) and doc[hit.end].like_num)
            or (hit.start > 0 and doc[hit.start - 1].lower_ in _DATE_BEFORE)
        )
    )
    keep = tuple(
        f
        for f in hit.payloads
        if f.kind not in _NAME_KINDS or (capitalised and not (single_date and f.kind == "person"))
    )
    if not keep:
        return None
    return hit if len(keep) == len(hit.payloads) else Hit(hit.start, hit.end, keep)


def _initial(w: str) -> bool:
    return len(w) == 2 and w[0].isupper() and w[1] == "."
