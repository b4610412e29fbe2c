"""Plural references to parties already named: "both sides", "the two countries", "the two leaders",
"the parties", "the two nuclear-armed neighbours".

The head nouns are in ``plurals.tsv``. A reference is "both (the) HEAD", "the two/three (ADJ...) HEAD",
or "the (ADJ...) HEAD" for heads marked ``the``. It refers to the actors most recently named together
("X and Y", "X, Y and Z", "between X and Y") in this or the two previous sentences, else to the two most
recent distinct actors of the head's kind there when there are exactly two; otherwise to nothing.
Each antecedent gets a mention with the reference's span and ``how="coref"``. "The two countries"
after "Putin and Trump" are the countries of the two people.
"""

from __future__ import annotations

from dataclasses import replace

from .context import Context
from .record import Finding

__all__ = ["resolve_plurals"]

_NUMBERS = {"two": 2, "three": 3, "four": 4}
_JOINS = frozenset({"and", ",", ", and", "&", "as well as"})
LOOKBACK = 2  # sentences before the reference's own
_ANY_KINDS = frozenset({"person", "country", "organization"})


def resolve_plurals(ctx: Context, findings: list[Finding], used: list[bool]) -> list[Finding]:
    plurals = ctx.lexicon.kb.plurals
    if not plurals:
        return []
    out: list[Finding] = []
    for i, low in enumerate(ctx.lowers):
        two = " ".join(ctx.lowers[i - 1 : i + 1]) if i > 0 else ""
        head_start = i - 1 if two in plurals else i
        ref = plurals.get(two) or plurals.get(low)
        if ref is None or used[i]:
            continue
        start, count = _determiner(ctx, head_start, ref.the)
        if start is None or any(used[start : i + 1]):
            continue
        if i + 1 < len(ctx.lowers) and ctx.lowers[i + 1] == "of":
            continue  # "both sides of the border": a place
        antecedents = _antecedents(ctx, findings, start, ref.refers, count)
        if not antecedents:
            continue
        first, last = ctx.doc[start], ctx.doc[i]
        a, b = first.idx, last.idx + len(last.text)
        subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in ctx.doc[start : i + 1])
        for f in antecedents:
            out.append(
                replace(
                    f,
                    start=a,
                    end=b,
                    text=ctx.article.text[a:b],
                    how="coref",
                    tok=start,
                    sent=ctx.sent_of[start],
                    subject=subject,
                )
            )
        for k in range(start, i + 1):
            used[k] = True
    return out


def _determiner(ctx: Context, head: int, the_alone: bool) -> tuple[int | None, int | None]:
    """Start token and number of "both (the)", "the two", "the" before the head (adjectives between)."""
    j = head - 1
    sent_start = ctx.sent_bounds[ctx.sent_of[head]][0]
    # adjectives and hyphenated modifiers: "the two nuclear-armed neighbours", "the warring sides"
    while (
        j >= sent_start
        and j > head - 5
        and (
            (ctx.doc[j].pos_ in ("ADJ", "VERB", "ADV") and ctx.lowers[j] not in _NUMBERS)
            or ctx.lowers[j] == "-"
        )
    ):
        if ctx.in_hit[j]:
            return None, None  # "the two Korean leaders": a demonym narrows it
        j -= 1
    if j < sent_start:
        return None, None
    word = ctx.lowers[j]
    if word in _NUMBERS and j > sent_start and ctx.lowers[j - 1] in ("the", "both", "all"):
        return j - 1, _NUMBERS[word]
    if word == "both":
        return j, 2
    if word == "the":
        if j > sent_start and ctx.lowers[j - 1] == "both":
            return j - 1, 2
        if the_alone and j == head - 1:
            return j, None
    return None, None


def _antecedents(
    ctx: Context, findings: list[Finding], start: int, refers: str, count: int | None
) -> list[Finding]:
    sent = ctx.sent_of[start]
    pos = ctx.doc[start].idx
    window = [
        f
        for f in findings
        if f.start < pos
        and sent - LOOKBACK <= f.sent <= sent
        and f.how not in ("pronoun", "coref")
        and f.kind in _ANY_KINDS
    ]
    groups = _coordinated(ctx, window)
    for group in reversed(groups):
        chosen = _as_kind(ctx, group, refers)
        if chosen and (count is None or len(chosen) == count):
            return chosen
        if chosen:
            return []  # the last pair named together is not the number said: unclear
    if count not in (None, 2):
        return []
    kinds = ("person", "country") if refers == "any" else (refers,)
    for kind in kinds:
        distinct: dict[tuple[str, str], Finding] = {}
        for f in window:
            if f.kind == kind and f.target() not in distinct and _participant(ctx, f):
                distinct[f.target()] = f
        if len(distinct) == 2:
            return list(distinct.values())
    return []


_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "appos"})
_PARTICIPANT_PREPS = frozenset({"with", "between", "by", "to", "from", "against"})


def _participant(ctx: Context, f: Finding) -> bool:
    """Whether ``f`` names a party to something (a subject or object, "talks with X"), not a topic or
    a place ("the crisis in Ukraine", "the Iranian nuclear programme")."""
    for t in ctx.doc[f.tok : f.tok + 8]:
        if t.idx >= f.end:
            break
        if t.head.i >= f.tok and t.head.idx < f.end and t.head.i != t.i:
            continue  # inside the span
        dep, head = t.dep_, t.head
        while dep == "conj":
            dep, head = head.dep_, head.head
        return dep in _PARTICIPANT_DEPS or (dep == "pobj" and head.lower_ in _PARTICIPANT_PREPS)
    return False


def _coordinated(ctx: Context, window: list[Finding]) -> list[list[Finding]]:
    """Runs of actors joined by "and" / "," in one sentence, in text order."""
    groups: list[list[Finding]] = []
    ordered = sorted(window, key=lambda f: (f.start, -f.end))
    run: list[Finding] = []
    for f in ordered:
        if run:
            prev = run[-1]
            between = ctx.article.text[prev.end : f.start].strip().lower()
            if (f.start, f.end) == (prev.start, prev.end):
                run.append(f)  # one span naming several ("the Russian and US presidents")
                continue
            if f.start < prev.end:
                continue  # a nested span ("Russian" inside "the Russian army")
            if f.sent == prev.sent and between in _JOINS:
                run.append(f)
                continue
            if len({g.target() for g in run}) >= 2:
                groups.append(run)
        run = [f]
    if len({g.target() for g in run}) >= 2:
        groups.append(run)
    return groups


def _as_kind(ctx: Context, group: list[Finding], refers: str) -> list[Finding]:
    """The group's distinct actors as the kind the head names (people's countries for "the two countries")."""
    distinct: dict[tuple[str, str], Finding] = {}
    for f in group:
        distinct.setdefault(f.target(), f)
    members = list(distinct.values())
    if refers == "any" or all(f.kind == refers for f in members):
        return members
    if refers == "country":
        kb = ctx.lexicon.kb
        codes: list[str] = []
        for f in members:
            code = None
            if f.unknown is not None:
                code = f.unknown.country
            elif f.kind == "person" and f.key in kb.people:
                code = kb.people[f.key].country
            elif f.kind == "organization" and f.key in kb.organizations:
                code = kb.organizations[f.key].country
            if code is None or code not in kb.countries or code in codes:
                return []
            codes.append(code)
        return [replace(f, kind="country", key=c, unknown=None) for f, c in zip(members, codes, strict=True)]
    return []
