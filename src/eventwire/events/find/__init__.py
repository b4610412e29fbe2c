"""Finders: the constructions that find events at the words of a sentence.

The sentence's words are visited judging words first, then from the root down; each word is
offered to the finders in turn and the first draft found is kept (a finder takes the words it
uses, so they are not coded twice):

=================== =========================================================================
obligations         "Europe should spend more", said by someone: REQUEST (verbs)
verbs               a verb the lexicon knows; frames and light verbs from here (verbs)
judgements          "called X unlikely", "described X as a threat" (adjectives, judged nouns)
nouns               "Putin and Trump held talks" parsed as a noun phrase (root nouns)
=================== =========================================================================

Finders call one another through :class:`Table` (``sentence.find``), so no finder module imports
another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..draft import Draft
from ..grammar import NOUN_POS, VERB_POS, depths
from ..lexicon import Pattern
from ..match import Hit
from ..participants import earlier_event_actors, subject_actors
from ..sentence import Sentence
from . import frames, judgements, nouns, obligations, verbs

if TYPE_CHECKING:
    from ...nlp import Token

__all__ = ["Table", "find_drafts"]


class Table:
    """The finders, for :class:`~eventwire.events.sentence.Sentence` to dispatch to."""

    def verb_event(self, s: Sentence, tok: Token) -> Draft | None:
        return verbs.verb_event(s, tok)

    def light_event(self, s: Sentence, verb: Token) -> Draft | None:
        return nouns.light_event(s, verb)

    def noun_draft(
        self,
        s: Sentence,
        p: Pattern,
        noun: Token,
        trigger: list[Token],
        anchor: Token,
        subj: list[str],
        report: bool,
    ) -> Draft:
        return nouns.noun_draft(s, p, noun, trigger, anchor, subj, report)

    def noun_or_onset(self, s: Sentence, noun: Token) -> tuple[Hit, Token, bool] | None:
        return nouns.noun_or_onset(s, noun)

    def frame(
        self, s: Sentence, p: Pattern, tok: Token, trigger: list[Token], actors: list[str]
    ) -> Draft | None:
        return frames.frame(s, p, tok, trigger, actors)

    def recode(
        self,
        s: Sentence,
        outer: str,
        inner: Draft,
        trigger: list[Token],
        actors: list[str],
        recipients: list[str],
        frame_pattern: Pattern | None = None,
    ) -> Draft:
        return frames.recode(s, outer, inner, trigger, actors, recipients, frame_pattern)

    def modal_request(self, s: Sentence, verb: Token) -> Draft | None:
        return obligations.modal_request(s, verb)

    def earlier_event_actors(self, s: Sentence, noun: Token, exclude: list[str]) -> list[str]:
        return earlier_event_actors(s, noun, exclude)

    def subject_actors(self, s: Sentence, verb: Token) -> list[str]:
        return subject_actors(s, verb)


def find_drafts(s: Sentence) -> list[Draft]:
    """The drafts of one sentence, before the rules (:mod:`eventwire.events.rules`) run."""
    drafts: list[Draft] = []
    # judgements first: "called X unlikely" is no phone call
    depth = depths(s.sent)
    judging = {t.i for t in s.sent if judgements.judging_word(s, t)}
    order = sorted(s.sent, key=lambda t: (t.i not in judging, depth[t.i], t.i))
    for tok in order:
        if tok.i in s.consumed:
            continue
        draft = _at(s, tok, tok.i in judging)
        if draft is not None:
            drafts.append(draft)
            s.history.append(draft)
        drafts += s.extra
        s.extra = []
    return drafts


def _at(s: Sentence, tok: Token, judging: bool) -> Draft | None:
    if tok.pos_ not in VERB_POS and not judging and tok.dep_ != "ROOT":
        return None
    if s.grammar.purpose_clause(tok):  # "deployed troops to support the police": an aim, not an event
        return None
    if tok.pos_ in VERB_POS:
        return obligations.modal_request(s, tok) or verbs.verb_event(s, tok)
    if judging:  # "reckless", "called the launch a provocation"
        return judgements.adjective_event(s, tok)
    if tok.dep_ == "ROOT" and tok.pos_ in NOUN_POS:
        return nouns.headline_event(s, tok)
    return None
