"""State bodies and groups named through a country: "Iran's foreign ministry", "the Pakistani army",
"Russian and Ukrainian troops", "the government of India", "the police", "Western partners".

The nouns are in ``bodies.tsv``. A body of a country is the KB organisation ``{iso3}-{suffix}`` when the
KB has one (``irn-mfa``), else an organisation of that country named ``"{Demonym} {body}"`` ("Indian
army") with the noun's sector. A body named without a country ("the government", "police") belongs to
the sentence's one country, else to the article's main country; where neither is clear it is no actor.
Groups without a country ("Western partners", "the West") are named by their canonical phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .context import Context
from .kb import Body, KnowledgeBase
from .match import Hit
from .record import Finding

__all__ = ["BodyRef", "adjective", "body_refs", "place_body", "resolve_body"]

_COUNTRYISH = ("country", "demonym", "capital")
_KB_KINDS = frozenset({"country", "demonym", "capital", "organization", "outlet", "person"})
_POSSESSIVE = (["'s"], ["’s"])
# words before a body that make it a plural reference to parties, not one body ("both governments")
# modifiers that make a body not the country's own ("the state government", "local police", "rebel forces")
_NOT_NATIONAL = frozenset(
    {
        "state",
        "local",
        "provincial",
        "regional",
        "municipal",
        "city",
        "county",
        "district",
        "rebel",
        "opposition",
        "militia",
        "paramilitary",
        "foreign",
        "allied",
        "enemy",
        "private",
        "student",
        "parallel",
        "shadow",
        "former",
        "previous",
    }
)
_COUNTING = frozenset({"both", "two", "three", "four", "all", "several", "many", "some", "other", "foreign"})


@dataclass(frozen=True)
class BodyRef:
    hit: Hit
    body: Body
    start_tok: int  # including the country words on the left
    end_tok: int  # including "of COUNTRY" on the right
    countries: tuple[Hit, ...]  # the country words ("Iran", "Indian"), each naming its country


def body_refs(ctx: Context) -> list[BodyRef]:
    kb = ctx.lexicon.kb
    out: list[BodyRef] = []
    for k, hit in enumerate(ctx.hits):
        if any(f.kind in _KB_KINDS for f in hit.payloads):
            continue  # a KB name ("Foreign Office") is resolved as a name
        key = next((f.key for f in hit.payloads if f.kind == "body"), None)
        if key is None:
            continue
        body = kb.bodies[key]
        if body.country == "no":
            # "Western partners", "the West": written capitalised, and not part of a longer name ("West Bank")
            if not ctx.words[hit.start][:1].isupper() or _name_next(ctx, hit.end):
                continue
            out.append(BodyRef(hit, body, hit.start, hit.end, ()))
            continue
        if _modifier(ctx, hit) or _inside_name(ctx, hit):
            continue
        start, countries = _left_countries(ctx, k)
        end = hit.end
        if not countries:
            end, countries = _right_countries(ctx, k)
        if not countries and start > 0 and ctx.lowers[start - 1] in _COUNTING | _NOT_NATIONAL:
            continue
        out.append(BodyRef(hit, body, start, end, tuple(countries)))
    return out


def resolve_body(ctx: Context, ref: BodyRef, earlier: list[Finding]) -> list[Finding]:
    """Findings for one body reference (a pending one when its country comes from the context)."""
    body = ref.body
    if body.country == "word" and not ref.countries:
        return []  # "troops" alone: whose troops the sentence rarely makes clear
    if body.country == "last" and not ref.countries:
        # "the ministry": the body last named with that noun, in this or the two previous sentences
        after = ctx.lowers[ref.end_tok] if ref.end_tok < len(ctx.lowers) else ""
        last = _last_named(ctx, ref, earlier) if after != "of" else None  # not "the ministry of X"
        if last is None:
            return []
        a, b = ctx.doc[ref.start_tok].idx, ctx.doc[ref.end_tok - 1].idx + len(ctx.doc[ref.end_tok - 1].text)
        sent = ctx.sent_of[ref.start_tok]
        return [
            replace(
                last, start=a, end=b, text=ctx.article.text[a:b], how="coref", tok=ref.start_tok, sent=sent
            )
        ]
    if body.country == "no":
        return [ctx.unknown(ref.start_tok, ref.end_tok, body.body, "group", None, body.sector, None)]
    noun = " ".join(ctx.lowers[ref.hit.start : ref.hit.end])
    if ref.countries:
        kb = ctx.lexicon.kb
        out = []
        for h in ref.countries:
            code = h.payloads[0].key
            # the country itself is mentioned too ("Indian" in "the Indian army")
            how = {"demonym": "demonym", "capital": "metonym"}.get(h.payloads[0].kind, "name")
            out.append(ctx.finding(h.start, h.end, how, code, "country"))
            # named with the country word as the text writes it when it is an attribute ("Kosovo police")
            attributive = h.end <= ref.hit.start and ctx.lowers[h.end] not in ("'s", "’s")
            attr = ctx.text(h.start, h.end) if attributive and h.payloads[0].kind != "capital" else None
            whole = ctx.finding(ref.start_tok, ref.end_tok, "alias", code, "country")
            out.append(place_body(kb, whole, body, code, noun, attr))
        return out
    text = ctx.text(ref.start_tok, ref.end_tok)
    pending = ctx.unknown(ref.start_tok, ref.end_tok, text, "organization", None, body.sector, None)
    assert pending.unknown is not None
    waiting = replace(pending.unknown, name=noun, from_context=True, body=body.phrase)
    return [replace(pending, how="coref", unknown=waiting)]


def place_body(
    kb: KnowledgeBase, f: Finding, body: Body, country: str, noun: str, attr: str | None = None
) -> Finding:
    """``f`` (a span naming ``body``) as the body of ``country``: the KB organisation, else one named
    "{attr or Demonym} {noun}" as the text first writes it ("Myanmar military", "Indian troops"), one actor
    per country and canonical body whatever the noun ("army", "military", "troops")."""
    for suffix in body.kb:
        org = f"{country.lower()}-{suffix}"
        if org in kb.organizations:
            return replace(f, kind="organization", key=org, unknown=None)
    from .record import Unknown

    if noun != body.body and noun.rstrip("s") == body.body:
        noun = body.body  # "the Malian and Nigerien governments": each one government
    name = f"{attr or adjective(kb, country)} {noun}"
    how = f.how if f.how == "coref" else "unknown"
    unknown = Unknown(name, "organization", country, body.sector, key=f"{body.body}|{country}")
    return replace(f, kind=body.kind, key=None, how=how, unknown=unknown)


def _last_named(ctx: Context, ref: BodyRef, earlier: list[Finding]) -> Finding | None:
    kb = ctx.lexicon.kb
    sent = ctx.sent_of[ref.start_tok]
    for f in reversed(earlier):
        if f.sent < sent - 2:
            return None
        if f.how == "pronoun" or f.kind != "organization":
            continue
        name = f.unknown.name if f.unknown is not None else kb.organizations[f.key or ""].name
        if ref.body.body in name.lower().split():
            return f
    return None


def adjective(kb: KnowledgeBase, country: str) -> str:
    """The country's adjective: its first demonym that is not a noun for a person ("Hongkonger",
    "New Zealander"), else its name ("Hong Kong government")."""
    c = kb.countries.get(country)
    if c is None:
        return country
    names = set(c.demonyms)
    adjectives = [
        d
        for d in c.demonyms
        if not d.endswith(("er", "ers"))  # Hongkonger, New Zealander
        and not (d.endswith(("man", "men")) and d[:-3] in names)  # Dutchman
        and not (d.endswith("s") and d[:-1] in names)  # Germans
    ]
    return adjectives[0] if adjectives else c.name


def _left_countries(ctx: Context, k: int) -> tuple[int, list[Hit]]:
    """ "Iran's", "the Indian", "Russian and Ukrainian" just before the body noun."""
    start = ctx.hits[k].start
    countries: list[Hit] = []
    j = k - 1
    while j >= 0:
        prev = ctx.hits[j]
        gap = ctx.lowers[prev.end : start]
        form = prev.payloads[0]
        if form.kind not in _COUNTRYISH:
            break
        first = not countries and (gap == [] or gap in _POSSESSIVE)
        more = countries and gap in (["and"], [","]) and form.kind == "demonym"
        if not (first or more):
            break
        countries.insert(0, prev)
        start = prev.start
        j -= 1
    return start, countries


def _right_countries(ctx: Context, k: int) -> tuple[int, list[Hit]]:
    """ "the government of India" """
    hit = ctx.hits[k]
    if k + 1 >= len(ctx.hits) or hit.end >= len(ctx.lowers) or ctx.lowers[hit.end] != "of":
        return hit.end, []
    nxt = ctx.hits[k + 1]
    gap = ctx.lowers[hit.end : nxt.start]
    if gap in (["of"], ["of", "the"]) and nxt.payloads[0].kind == "country":
        return nxt.end, [nxt]
    return hit.end, []


def _modifier(ctx: Context, hit: Hit) -> bool:
    """ "police station", "military operation", "government officials": the noun modifies another."""
    last = ctx.doc[hit.end - 1]
    return bool(
        last.dep_ in ("compound", "amod", "nmod")
        and last.head.i >= hit.end
        and last.head.pos_ in ("NOUN", "PROPN")
    )


def _inside_name(ctx: Context, hit: Hit) -> bool:
    """ "Rapid Support Forces", "Kenya Defence Forces": the noun ends or starts a longer proper name."""
    if not ctx.words[hit.start][:1].isupper():
        return False
    prev = hit.start - 1
    if prev >= 0 and ctx.is_name_word(prev) and not ctx.in_hit[prev] and not ctx.doc[hit.start].is_sent_start:
        return True
    return _name_next(ctx, hit.end)


def _name_next(ctx: Context, i: int) -> bool:
    return i < len(ctx.words) and ctx.is_name_word(i) and ctx.sent_of[i] == ctx.sent_of[i - 1]
