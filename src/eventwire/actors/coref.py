"""Within-article coreference: surnames of unknown people, and pronouns.

Titles without a country ("the president") are handled where titles are read
(:mod:`eventwire.actors.resolve`); here are the references that carry no name:

- a later bare surname of a person the KB does not know ("Petrov" after
  "political scientist Ivan Petrov");
- he/him/his/she/her: the most recent person, preferring a grammatical subject
  in the same sentence before the pronoun, then in the previous sentences;
- it/its as a subject: the most recent organisation or country that was a subject;
- they/them/their as a subject: the actors of a coordinated subject
  ("Putin and Trump held talks. They discussed ...").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .context import Context
from .match import fold
from .record import Finding

__all__ = ["resolve_coreference"]

PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their", "themselves"})
LOOKBACK = 2  # sentences


def resolve_coreference(ctx: Context, findings: list[Finding], used: list[bool]) -> list[Finding]:
    out: list[Finding] = []
    excluded = _excluded_tokens(ctx)
    # bare surnames of people already named: unknown people, and KB people whose surname alone is
    # too common a word to be a KB alias ("May said ..." after "Theresa May")
    surnames: dict[str, Finding] = {}
    kb = ctx.lexicon.kb
    for f in findings:
        if f.unknown is not None and f.unknown.kind == "person":
            parts = f.unknown.name.split()
        elif f.kind == "person" and f.key in kb.people and f.how in ("name", "alias", "fuzzy"):
            parts = kb.people[f.key].name.split()
        else:
            continue
        if len(parts) >= 2 and parts[-1][:1].isupper():
            surnames.setdefault(parts[-1], f)
    for i, word in enumerate(ctx.words):
        first = surnames.get(word)
        if (
            first is not None
            and not used[i]
            and (not ctx.in_hit[i] or word in ctx.other_surnames)
            and i not in excluded
            and ctx.doc[i].idx > first.start
        ):
            nxt = i + 1
            if nxt < len(ctx.words) and ctx.is_name_word(nxt) and not ctx.in_hit[nxt]:
                continue
            if ctx.doc[i].ent_type_ in ("DATE", "TIME", "ORG", "GPE", "LOC", "FAC"):
                continue  # "in May 2019", "the Johnson Foundation"
            out.append(_refer(ctx, i, first, "coref"))
            used[i] = True
    everything = sorted([*findings, *out], key=lambda f: f.start)
    for i, low in enumerate(ctx.lowers):
        if i in excluded or used[i]:
            continue
        if low in PERSONAL:
            wrong = "m" if low in FEMININE else "f"
            ante = _antecedent(ctx, everything, i, _person_not(ctx, wrong))
            if ante:
                out.append(_refer(ctx, i, ante[0], "pronoun"))
        elif low in NEUTER and ctx.doc[i].dep_ in ("nsubj", "nsubjpass", "poss"):
            ante = _antecedent(
                ctx,
                everything,
                i,
                lambda f: f.kind in ("organization", "country", "outlet"),
                subjects_only=True,
            )
            if ante:
                out.append(_refer(ctx, i, ante[0], "pronoun"))
        elif low in PLURAL and ctx.doc[i].dep_ in ("nsubj", "nsubjpass"):
            for ante_f in _coordinated_subject(ctx, everything, i):
                out.append(_refer(ctx, i, ante_f, "pronoun"))
    return out


def _refer(ctx: Context, i: int, ante: Finding, how: str) -> Finding:
    tok = ctx.doc[i]
    return replace(
        ante,
        start=tok.idx,
        end=tok.idx + len(tok.text),
        text=tok.text,
        how=how,
        tok=i,
        sent=ctx.sent_of[i],
        subject=tok.dep_ in ("nsubj", "nsubjpass"),
    )


def _antecedent(
    ctx: Context, findings: list[Finding], i: int, ok: Callable[[Finding], bool], subjects_only: bool = False
) -> list[Finding]:
    sent = ctx.sent_of[i]
    pos = ctx.doc[i].idx
    same = [f for f in findings if f.sent == sent and f.end <= pos and ok(f) and f.how != "pronoun"]
    pron = ctx.doc[i]
    if pron.dep_ in ("dobj", "dative", "obj", "iobj") and pron.lower_ not in ("his", "its", "their", "her"):
        # "Hollande congratulated him": an object pronoun is not the subject of its own verb
        same = [f for f in same if not (f.subject and _governing_verb(ctx, f) == pron.head.i)]
    if same:
        subj = [f for f in same if f.subject]
        if subj:
            return [subj[-1]]
        if not subjects_only and ctx.doc[i].dep_ not in ("nsubj", "nsubjpass"):
            return [same[-1]]
    for k in range(sent - 1, max(sent - 1 - LOOKBACK, -1), -1):
        in_sent = [f for f in findings if f.sent == k and ok(f)]
        if not in_sent:
            continue
        subj = [f for f in in_sent if f.subject]
        if subj:
            return [subj[0]]
        return [] if subjects_only else [in_sent[-1]]
    return []


def _coordinated_subject(ctx: Context, findings: list[Finding], i: int) -> list[Finding]:
    """The actors of a coordinated subject ("Putin and Trump held ...") in this or the previous sentence."""
    sent = ctx.sent_of[i]
    for k in (sent, sent - 1):
        by_verb: dict[int, dict[tuple[str, str], Finding]] = {}
        for f in findings:
            if f.sent != k or not f.subject or f.start >= ctx.doc[i].idx or f.how == "pronoun":
                continue
            verb = _governing_verb(ctx, f)
            if verb is not None and f.kind in ("person", "country", "organization"):
                by_verb.setdefault(verb, {})[f.target()] = f
        groups = [list(g.values()) for g in by_verb.values() if len(g) >= 2]
        if groups:
            return groups[-1]
        if by_verb:
            return []
    return []


def _governing_verb(ctx: Context, f: Finding) -> int | None:
    for t in ctx.doc[f.tok : f.tok + 8]:
        if t.idx >= f.end:
            break
        if t.dep_ in ("nsubj", "nsubjpass"):
            return int(t.head.i)
        if t.dep_ == "conj" and t.head.dep_ in ("nsubj", "nsubjpass"):
            return int(t.head.head.i)
    return None


def _person_not(ctx: Context, wrong: str) -> Callable[[Finding], bool]:
    def ok(f: Finding) -> bool:
        return f.kind == "person" and _gender(ctx, f) != wrong

    return ok


def _gender(ctx: Context, f: Finding) -> str | None:
    """ "f" or "m" when the person's given name usually says so (givennames.tsv), else None."""
    kb = ctx.lexicon.kb
    if f.unknown is not None:
        name = f.unknown.name
    elif f.key in kb.people:
        name = kb.people[f.key].name
    else:
        return None
    first = fold(name.split()[0]) if name.split() else ""
    return kb.genders.get(first)


def _excluded_tokens(ctx: Context) -> set[int]:
    out: set[int] = set()
    for a, b in ctx.article.excluded:
        for t in ctx.doc:
            if t.idx < b and t.idx + len(t.text) > a:
                out.add(t.i)
    return out
