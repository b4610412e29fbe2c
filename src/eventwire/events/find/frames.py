"""Frames: a verb that frames the event it governs ("agreed to meet", "refused to withdraw",
"urged Kyiv to negotiate", "threatened to impose sanctions") recodes it through the ontology's
frame tables ("agreed to meet" -> AGREE 036; "refused to meet" -> REJECT 125).

Further events coordinated with the first ("agreed to disband and hand over weapons") are framed
the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..grammar import VERB_POS, coordinated
from ..lexicon import Pattern
from ..sentence import Sentence, add

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["frame", "recode"]


def frame(s: Sentence, p: Pattern, tok: Token, trigger: list[Token], actors: list[str]) -> Draft | None:
    g = s.grammar
    inner, clause = _governed(s, tok)
    assert p.type is not None
    if inner is not None and p.type == "REJECT" and s.modality(tok).negated:
        # "did not rule out sanctions": keeping an option open is an intention, not a refusal
        draft = recode(s, "AGREE", inner, trigger, actors, [])
        draft.hypothetical = True
        return draft
    own_objects: list[str] = []
    for obj in g.patients(tok) + g.prep_objects(tok, ("on", "upon", "to", "with")):
        if inner is None or obj not in inner.trigger:
            ids = s.actors.phrase_actors(obj, strict=True)
            counted = g.counted_group(obj)
            add(own_objects, ids or (s.last_parties(counted) if counted else []))
    if inner is None:
        if p.has("weak") and not (clause and p.type != "AGREE"):
            return None
        draft = s.draft(p, trigger, tok, actors)
        if p.type == "REQUEST" and _told_to_leave(s, tok):
            # "gave the diplomats 72 hours to leave", "ordered the envoy to leave": an expulsion
            draft.type, draft.mode, draft.cameo = "SANCTION", "expel", "166"
            draft.notes.append("ordered to leave -> SANCTION expel")
        draft.recipients = own_objects
        if not own_objects:
            for child in tok.children:
                if child.dep_ in ("xcomp", "ccomp") and child.pos_ in VERB_POS:
                    for obj in g.patients(child) + g.prep_objects(child, ("on", "against", "to", "with")):
                        add(draft.recipients, s.actors.phrase_actors(obj))
        return draft
    pending, s.pending = s.pending, []
    for other in pending:
        s.extra.append(recode(s, p.type, other, trigger, actors, own_objects, frame_pattern=p))
    return recode(s, p.type, inner, trigger, actors, own_objects, frame_pattern=p)


def _governed(s: Sentence, tok: Token) -> tuple[Draft | None, bool]:
    """The event governed by a framing word: (draft or None, whether a clause/object is governed).

    Further events coordinated with the first are left in ``s.pending``.
    """
    clause = False
    s.pending = []
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in VERB_POS:
            clause = True
            drafts: list[Draft] = []
            for verb in coordinated(child):
                if verb.i in s.consumed:
                    continue
                inner = s.find.modal_request(s, verb) or s.find.verb_event(s, verb)
                if inner is not None:
                    drafts.append(inner)
            if drafts:
                s.pending = drafts[1:]
                return drafts[0], True
            coercion = _coercive_object(s, child)
            if coercion is not None:
                return coercion, True
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "npadvmod")]
    for obj in list(objs):  # "has no plans to provide aid", "gave X a week to withdraw"
        for acl in obj.children:
            if (
                (acl.dep_ == "acl" or (acl.dep_ == "relcl" and s.grammar.infinitive(acl)))
                and acl.pos_ in VERB_POS
                and acl.i not in s.consumed
            ):
                inner = s.find.verb_event(s, acl)
                if inner is not None:
                    return inner, True
    objs += [
        x
        for c in tok.children
        if c.dep_ == "prep" and s.grammar.is_prep(c, ("for", "to", "on", "with"))
        for x in c.children
        if x.dep_ == "pobj"
    ]
    for obj in [t for o in objs for t in coordinated(o)]:
        found = s.find.noun_or_onset(s, obj)
        if found is None or found[1].i in s.consumed:
            continue
        (np, extra), target, _onset = found
        s.consumed.update([obj.i, target.i])
        noun_draft = s.find.noun_draft(s, np, target, [target, *extra], tok, [], False)
        noun_draft.notes.append("governed noun")
        return noun_draft, True
    return None, clause


def _coercive_object(s: Sentence, verb: Token) -> Draft | None:
    """ "ready to use all tools, including sanctions, against X": a coercive event noun inside the
    object of a clause that names no event itself (an intention to coerce is a threat)."""
    if verb.i in s.consumed:
        return None
    coercive = s.onto.group("coercive")
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        for tok in obj.subtree:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in s.consumed:
                continue
            hit = s.noun_hit(tok)
            if hit is None or hit[0].type not in coercive:
                continue
            s.consumed.update([tok.i, verb.i])
            draft = s.find.noun_draft(s, hit[0], tok, [verb, tok, *hit[1]], verb, [], False)
            for r in s.grammar.prep_objects(verb, ("against", "on", "to")):
                add(draft.recipients, s.actors.phrase_actors(r))
            return draft
    return None


def _told_to_leave(s: Sentence, tok: Token) -> bool:
    g = s.grammar
    clauses = [
        c for c in tok.children if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and g.infinitive(c))
    ]
    clauses += [
        a
        for o in tok.children
        if o.dep_ in ("dobj", "npadvmod")
        for a in o.children
        if a.dep_ in ("acl", "relcl")
    ]
    leaving = s.words.gram("leaving")
    return any(c.lemma_.lower() in leaving and c.pos_ in VERB_POS for c in clauses)


def recode(
    s: Sentence,
    outer: str,
    inner: Draft,
    trigger: list[Token],
    actors: list[str],
    recipients: list[str],
    frame_pattern: Pattern | None = None,
) -> Draft:
    """Recode ``inner`` as the frame ``outer`` says ("agreed to meet" -> AGREE 036)."""
    frame_ = s.onto.frame(outer, inner.type)
    if (
        frame_pattern is not None
        and frame_pattern.has("decide")
        and inner.type not in s.onto.group("cooperative")
    ):
        # "agreed to impose sanctions" stays SANCTION; "(would never) accept the annexation" is a
        # stance on another's act, coded by the frame (negated: a refusal)
        frame_ = s.onto.frame(outer, "AGREE") if "governed noun" in inner.notes else None
    anchor = trigger[0]
    own = {s.actors.country(a) for a in actors} - {None}
    others = [
        a for a in [*inner.actors, *inner.recipients] if a not in actors and s.actors.country(a) not in own
    ]
    if frame_ is None:  # e.g. "plans to attack": the event itself, as an intention
        inner.hypothetical = True
        inner.trigger = [*trigger, *inner.trigger]
        if not inner.actors:
            inner.actors = list(actors)
        return inner
    pattern = frame_pattern or inner.pattern
    draft = Draft(
        type=frame_.type,
        mode=frame_.mode,
        contexts=tuple(dict.fromkeys([*(frame_pattern.contexts if frame_pattern else ()), *inner.contexts])),
        cameo=frame_.cameo,
        actors=list(actors),
        recipients=list(recipients),
        trigger=[*trigger, *inner.trigger],
        anchor=anchor,
        pattern=pattern,
        modality=s.modality(anchor),
    )
    if not draft.recipients:
        draft.recipients = [a for a in others if a not in draft.actors]
    draft.notes.append(f"frame {outer} over {inner.type}")
    return draft
