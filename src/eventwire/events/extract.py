"""Finding events in one sentence: lexicon matches over the dependency parse -> event drafts.

Finding and recording are separate: :class:`SentenceMatcher` returns :class:`Draft` records
(type, mode, participants as actor ids, trigger tokens, anchor verb); :mod:`eventwire.events`
turns drafts into :class:`~eventwire.records.Event` records with ids, dates, places and sources.

How a sentence is read:

1. verbs are matched against V and VO patterns (most specific first), nouns against N, adjectives
   against A; light verbs (L: "held talks", "carried out strikes") and reporting verbs
   ("announced the release of") lend their subject and tense to the event noun they govern;
2. framing patterns (flag ``frame``: "agreed to", "refused to", "urged X to", "threatened to")
   take the event they govern and recode it through the ontology's frame tables;
3. adjective predicates judge something ("called Ukraine's accession unlikely" -> REJECT by the
   caller; inside reported speech "X is unrealistic" -> REJECT by the speaker);
4. obligation modals in reported speech ("Europe should spend more") -> REQUEST by the speaker
   toward the clause's subject;
5. after the sentence: an ultimatum's "or face ..." adds a THREATEN (:mod:`.ultimatum`); support for
   an operation becomes COOPERATE (:mod:`.operations`); events left without a recipient take the
   actors their complement clause or object phrase is about (:func:`.roles.content_actors`), the
   holder asked to yield, or the target of the act a retreat undoes (:mod:`.passive`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp import sentence_of
from .finish import finish
from .judge import adjective_event, modal_request, second_object
from .lexicon import Lexicon, Pattern
from .modality import Modality, in_condition, modality
from .passive import implied_agent
from .roles import (
    ActorIndex,
    coordinated,
    deep_prep,
    is_passive,
    noun_participants,
    patients,
    prep_objects,
    subjects,
)
from .syntax import (
    QUANTITIES,
    counted_group,
    depths,
    is_amount,
    lemma_keys,
    purpose_clause,
    says_that,
    temporal,
)

if TYPE_CHECKING:
    from ..nlp import Span as SpacySpan
    from ..nlp import Token

__all__ = ["Draft", "SentenceMatcher"]

#: Types that react to another event; their object may name it ("rejected the accusation").
REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "CONCEDE"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
#: Types whose intention is a threat ("ready to impose sanctions").
COERCIVE = frozenset({"SANCTION", "ASSAULT", "COERCE", "MOBILIZE"})
#: Verbs of leaving: a demand that someone leave the country is an expulsion (CAMEO 166).
LEAVING = frozenset({"leave", "depart", "quit", "exit"})
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB", "AUX"})


@dataclass
class Draft:
    """An event found in a sentence, before it becomes a record."""

    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    actors: list[str]
    recipients: list[str]
    trigger: list[Token]
    anchor: Token
    pattern: Pattern
    modality: Modality
    source: str | None = None
    negated: bool = False
    hypothetical: bool = False
    notes: list[str] = field(default_factory=list)
    group: bool = False  # the actor is a plural group ("NATO leaders")
    civil: bool = False  # the actor is an unnamed crowd ("protesters", "people")
    in_condition: bool = False  # the anchor sits in an "if"/"unless" clause

    @property
    def parties(self) -> int:
        return len(set(self.actors) | set(self.recipients))


def infinitive(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def judging_word(tok: Token) -> bool:
    """An adjective, or a noun a judging verb predicates of its object ("called the launch a provocation")."""
    if tok.pos_ == "ADJ":
        return True
    return tok.pos_ == "NOUN" and (
        tok.dep_ in ("oprd", "xcomp")
        or (tok.dep_ == "pobj" and tok.head.lower_ == "as")
        or second_object(tok)
    )


def _add(out: list[str], ids: list[str]) -> None:
    for i in ids:
        if i not in out:
            out.append(i)


class SentenceMatcher:
    """Finds the events of one sentence. Built per sentence; holds no state between sentences."""

    def __init__(
        self,
        lexicon: Lexicon,
        actors: ActorIndex,
        sentence: SpacySpan,
        speaker_of: Callable[[Token], list[str]],
        history: list[Draft] = (),  # type: ignore[assignment]
    ) -> None:
        self.lex = lexicon
        self.onto = lexicon.ontology
        self.actors = actors
        self.sent = sentence
        self.speaker_of = speaker_of
        self.consumed: set[int] = set()
        self.extra: list[Draft] = []
        self.pending: list[Draft] = []
        self.history: list[Draft] = list(history)

    # ------------------------------------------------------------------ matching single tokens
    def _satisfied(self, p: Pattern, tok: Token) -> list[Token] | None:
        """The extra trigger tokens if ``p`` holds at ``tok``, else None."""
        extra: list[Token] = []
        children = list(tok.children)
        for comp in p.comps:
            hit = next((c for c in children if c.lemma_.lower() == comp or c.lower_ == comp), None)
            if hit is None:
                return None
            extra.append(hit)
        for prep, pobj in p.preps:
            found = None
            if p.kind in ("N", "B") and pobj is None:
                found = deep_prep(tok, prep)
            for c in children if found is None else ():
                if (
                    c.dep_ in ("prep", "agent", "dative", "prt", "advmod")
                    and c.lower_ == prep
                    and (c.i > tok.i or p.kind in ("N", "B", "A"))
                    and not temporal(c)
                    and (pobj is None or any(g.lemma_.lower() == pobj for g in c.children))
                ):
                    found = c
                    break
            # "committed to work", "agreed to talks": an infinitive serves as well as a phrase
            # (and stays free for the frame to code)
            if (
                found is None
                and prep == "to"
                and p.kind == "V"
                and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in children)
            ):
                continue
            if found is None:
                return None
            extra.append(found)
        if p.has("objactor") and not self._has_actor_object(tok, p):
            return None
        if p.has("armed") and not any(
            self._generic_group(s) and not self._generic_group(s, civil=True) for s in subjects(tok)
        ):
            return None  # "troops landed at the port", not "the president's plane landed"
        if p.kind == "VO":
            obj = self._object_match(tok, p)
            if obj is None:
                return None
            extra.append(obj)
        elif p.kind in ("N", "B") and p.mods:
            lemmas = {
                c.lemma_.lower() for c in children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
            }
            if not set(p.mods) <= lemmas:
                return None
        return extra

    def _has_actor_object(self, verb: Token, p: Pattern) -> bool:
        """Whether the verb's object, or a recipient phrase, names an actor ("welcomed the minister")."""
        assert p.type is not None
        objs = patients(verb) + prep_objects(verb, self.onto.recipient_preps(p.type))
        return any(self.actors.phrase_actors(o) for o in objs)

    def _object_match(self, verb: Token, p: Pattern) -> Token | None:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if is_passive(verb):
            objs += [c for c in verb.children if c.dep_ == "nsubjpass"]
        objs += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "into")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        # "declared X persona non grata", "allowed inspectors to visit" parsed as a clause: the object
        # or subject of a small clause counts
        objs += [
            g
            for c in verb.children
            if c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in c.children)
            for g in c.children
            if g.dep_ == "dobj" or (g.dep_ == "nsubj" and g.i > verb.i)
        ]
        objs += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"]  # "gave X 72 hours"
        for obj in [t for o in objs for t in coordinated(o)]:
            if obj.lemma_.lower() != p.obj:
                continue
            lemmas = {c.lemma_.lower() for c in obj.children}
            if set(p.mods) <= lemmas:
                return obj
        return None

    def _best(self, kinds: tuple[str, ...], tok: Token) -> tuple[Pattern, list[Token]] | None:
        candidates: list[Pattern] = []
        for kind in kinds:
            for key in lemma_keys(tok):
                found = self.lex.get(kind, key)
                if found:
                    candidates += found
                    break
        candidates.sort(key=lambda p: (-p.specificity, p.has("weak")))
        for p in candidates:
            extra = self._satisfied(p, tok)
            if extra is not None:
                return p, extra
        return None

    def verb_hit(self, tok: Token) -> tuple[Pattern, list[Token]] | None:
        if tok.pos_ not in VERB_POS:
            return None
        return self._best(("VO", "V"), tok)

    def noun_hit(self, tok: Token) -> tuple[Pattern, list[Token]] | None:
        if tok.pos_ not in NOUN_POS or tok.dep_ == "compound":
            return None
        return self._best(("N",), tok)

    # ------------------------------------------------------------------ the sentence
    def run(self) -> list[Draft]:
        drafts: list[Draft] = []
        # judgements first: "called X unlikely" is no phone call
        depth = depths(self.sent)
        order = sorted(self.sent, key=lambda t: (not judging_word(t), depth[t.i], t.i))
        for tok in order:
            if tok.i in self.consumed:
                continue
            draft = self._at(tok)
            if draft is not None:
                drafts.append(draft)
                self.history.append(draft)
            drafts += self.extra
            self.extra = []
        return finish(self, drafts)

    def _at(self, tok: Token) -> Draft | None:
        if purpose_clause(tok):  # "deployed troops to support the police": an aim, not an event
            return None
        if tok.pos_ in VERB_POS:
            request = modal_request(self, tok)
            if request is not None:
                return request
            return self._verb_event(tok)
        if judging_word(tok):  # "reckless", "called the launch a provocation"
            return adjective_event(self, tok)
        if tok.dep_ == "ROOT" and tok.pos_ in NOUN_POS:
            return self._headline_event(tok)
        return None

    def _headline_event(self, noun: Token) -> Draft | None:
        """ "Putin and Trump held talks on May 20" parsed as a noun phrase: [held]-amod-> talks."""
        verb = next(
            (c for c in noun.children if c.dep_ == "amod" and c.tag_ in ("VBD", "VBN") and c.i < noun.i), None
        )
        if verb is None or not self._light_patterns(verb):
            return None
        hit = self.noun_hit(noun)
        if hit is None:
            return None
        subjects_ = [
            c for c in [*noun.children, *verb.children] if c.dep_ in ("nsubj", "nmod") and c.i < verb.i
        ]
        actors: list[str] = []
        for s in subjects_:
            _add(actors, self.actors.phrase_actors(s))
        if not actors:
            return None
        p, extra = hit
        self.consumed.update([noun.i, verb.i])
        return self._noun_draft(p, noun, [verb, noun, *extra], verb, actors, False)

    # ------------------------------------------------------------------ verbs
    def _verb_event(self, tok: Token) -> Draft | None:
        hit = self.verb_hit(tok)
        if hit is None:
            return self._light_event(tok)
        p, extra = hit
        if p.has("weak") and not p.has("frame") and self._light_patterns(tok):
            # "approved an aid package": a decision verb lends itself to the event it names
            light = self._light_event(tok)
            if light is not None:
                return light
        self.consumed.update([tok.i, *(t.i for t in extra)])
        actors = self._subject_actors(tok)
        if p.has("frame"):
            return self._frame(p, tok, [tok, *extra], actors)
        if (
            p.has("future")
            and not (m := modality(tok)).future
            and not m.modal
            and not m.conditional
            and not (tok.dep_ == "xcomp" and infinitive(tok))  # "vowed to retaliate"
        ):
            return None  # "Russia would respond": a threat; "Russia responded" is another event
        if p.has("weak") and says_that(tok):  # "demonstrated that they are ready": a claim, not a rally
            return None
        draft = self._draft(p, [tok, *extra], tok, actors)
        self._verb_participants(draft, tok, p, extra)
        if not draft.actors and is_passive(tok):
            self._agent_from_event_noun(draft, tok)
        if not draft.actors and is_passive(tok):
            implied_agent(self, draft, tok)
        return draft

    def _agent_from_event_noun(self, draft: Draft, verb: Token) -> None:
        """ "soldiers were killed in a clash with Chinese troops": the clash names who fought."""
        for noun in prep_objects(verb, ("in", "during")):
            hit = self.noun_hit(noun)
            if hit is None or hit[0].type != draft.type:
                continue
            agents, _ = noun_participants(noun)
            for a in agents:
                _add(draft.actors, self.actors.phrase_actors(a, strict=True))
            partners = [
                a for r in prep_objects(noun, ("with", "between")) for a in self.actors.phrase_actors(r)
            ]
            if partners and (hit[0].has("recip") or self.onto.types[draft.type].reciprocal):
                _add(draft.actors, [*draft.recipients, *partners])  # both sides fought
                draft.recipients = []
            elif partners:
                _add(draft.actors, partners)
            self.consumed.add(noun.i)
            return

    def _subject_actors(self, verb: Token) -> list[str]:
        out: list[str] = []
        for s in subjects(verb):
            _add(out, self.actors.phrase_actors(s))
            if not out and counted_group(s):
                _add(out, self._last_parties(counted_group(s)))
            if not out and self._generic_group(s):
                _add(out, self.actors.home_country(s))
        return out

    def _generic_group(self, tok: Token, civil: bool = False) -> bool:
        """ "Police", "protesters", "the army", "security forces": a state's organ or its people, unnamed."""
        if tok.like_num or tok.lemma_.lower() in QUANTITIES:  # "thousands of protesters"
            return any(self._generic_group(g, civil) for g in prep_objects(tok, ("of",)))
        # "the Great Hall of the People" names a place, not a crowd; a sentence's first word is
        # capitalized by position only ("Farmers staged a sit-in")
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.i == sentence_of(tok).start):
            return False
        return any(
            set(p.mods) <= {c.lemma_.lower() for c in tok.children} and (not civil or p.has("civil"))
            for key in lemma_keys(tok)[:3]
            for p in self.lex.get("G", key)
        )

    def _last_parties(self, count: int) -> list[str]:
        """The parties of the last event with ``count`` of them ("both sides", "the three leaders").

        Parties are counted by country where known: "Brazil's president Lula" is one side.
        """

        def sides(ids: list[str]) -> int:
            return len({self.actors.country(a) or a for a in ids})

        for earlier in reversed(self.history):  # co-actors first: a meeting, a clash
            if sides(earlier.actors) == count:
                return list(dict.fromkeys(earlier.actors))
        for earlier in reversed(self.history):
            parties = list(dict.fromkeys([*earlier.actors, *earlier.recipients]))
            if sides(parties) == count:
                return parties
        return []

    def _verb_participants(self, draft: Draft, verb: Token, p: Pattern, extra: list[Token]) -> None:
        recip = p.has("recip")
        strict = recip or p.has("needobj")
        skip = {t.i for t in extra}
        objs = patients(verb) + prep_objects(verb, ("at", "against", "on"))
        for obj in objs + [g for o in objs for g in prep_objects(o, ("of",))]:
            # troops sent or deployed are the instrument, not the recipient
            civil_only = draft.type in ("MOBILIZE", "AID", "RETREAT")
            if self._generic_group(obj, civil=civil_only) and not self.actors.phrase_actors(obj, strict=True):
                # "detained dozens of demonstrators": the people of the country where it happens
                # the article's main country only when an unnamed organ of it acts ("police detained
                # protesters"); a named attacker's victims may be the other side's
                domestic = any(self._generic_group(s) for s in subjects(verb))
                home = self.actors.home_country(obj, fallback=domestic)
                draft.recipients += [a for a in home if a not in draft.recipients]
                draft.notes.append("generic recipient")
        for obj in patients(verb):
            if obj.i in skip and p.kind == "VO":
                # the pattern's own object ("imposed sanctions on X", "confirmed Hegseth's words")
                for r in [c for c in obj.children if c.dep_ == "poss"]:
                    _add(draft.recipients, self.actors.phrase_actors(r, strict=True))
                for r in prep_objects(obj, self.onto.recipient_preps(draft.type)):
                    _add(draft.recipients, self.actors.phrase_actors(r))
                if not draft.recipients and draft.type in REACTIONS:
                    _add(draft.recipients, self._earlier_event_actors(obj, draft.actors))
                for r in prep_objects(obj, self.onto.partner_preps(draft.type)):
                    target = draft.actors if draft.type == "CONSULT" else draft.recipients
                    _add(target, self.actors.phrase_actors(r))
                if not recip:
                    _add(draft.recipients, self.actors.phrase_actors(obj))
                continue
            if not strict and not self.actors.head_actors(obj):
                # "halted American funding for the WHO": the "for" phrase, not the modifier
                targets = [
                    a
                    for r in prep_objects(
                        obj, [x for x in self.onto.recipient_preps(draft.type) if x != "with"]
                    )
                    for a in self.actors.phrase_actors(r, strict=True)
                ]
                if targets:
                    own = {self.actors.country(a) for a in draft.actors} - {None}
                    inside = [a for a in self.actors.phrase_actors(obj) if self.actors.country(a) not in own]
                    _add(draft.recipients, targets + inside)
                    continue
            _add(draft.recipients, self.actors.phrase_actors(obj, strict=strict))
            if self.noun_hit(obj) is not None:  # "hosted negotiations between Russia and Ukraine"
                for r in prep_objects(obj, ("between", "among", "with")):
                    _add(draft.recipients, self.actors.phrase_actors(r))
        for r in prep_objects(verb, self.onto.recipient_preps(draft.type)):
            if r.head.i in skip and r.head.lower_ not in self.onto.recipient_preps(draft.type):
                continue
            if recip and r.head.lower_ in self.onto.partner_preps(draft.type):
                continue
            _add(draft.recipients, self.actors.phrase_actors(r, strict=recip))
        if recip:
            for r in prep_objects(verb, self.onto.partner_preps(draft.type)):
                target = (
                    draft.actors if draft.type == "CONSULT" or r.head.lower_ != "with" else draft.recipients
                )
                _add(target, self.actors.phrase_actors(r))
        if not draft.recipients and draft.type in REACTIONS:
            for obj in patients(verb):
                _add(draft.recipients, self._earlier_event_actors(obj, draft.actors))
        for prep in extra:  # the pattern's own preposition names a participant ("arrived in Beijing")
            if (prep.dep_ == "prep" and prep.lower_ not in ("of", "for", "in")) or (
                prep.lower_ == "in" and p.mode
            ):
                for r in prep.children:
                    if r.dep_ == "pobj":
                        target = (
                            draft.actors if recip and prep.lower_ in ("with", "between") else draft.recipients
                        )
                        _add(target, self.actors.phrase_actors(r))
        if not draft.recipients and not recip:
            self._recipients_in_object(draft, verb, extra)
        if p.has("recv") and draft.recipients:
            # the host receives the visitor: PLOVER codes the visitor as actor, the host as recipient
            draft.actors, draft.recipients = draft.recipients, draft.actors

    def _recipients_in_object(self, draft: Draft, verb: Token, extra: list[Token]) -> None:
        """Recipients the parser hung inside the object or the pattern's own phrase.

        "cut its electricity supply to Niger", "withdrawing from the agreement with Iran",
        "extradited the trafficker known as Otoniel to the US", "sanctions that ban North Korean exports".
        """
        preps = [x for x in self.onto.recipient_preps(draft.type) if x != "with"] + ["with"] * (
            draft.type in ("SANCTION", "REJECT")
        )
        holders = [o for o in patients(verb) if not self.actors.head_actors(o)]
        holders += [g for o in holders for g in prep_objects(o, ("of",))]  # "the first of several flights"
        holders += [g for t in extra if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
        holders += [t for t in extra if t.dep_ in ("dobj", "nsubjpass")]
        for obj in holders:
            for r in prep_objects(obj, preps):
                _add(draft.recipients, self.actors.phrase_actors(r, strict=True))
        if draft.recipients:
            return
        for obj in holders:
            for clause in obj.children:
                if clause.dep_ in ("acl", "relcl") and clause.pos_ in VERB_POS:
                    for r in prep_objects(clause, preps):
                        _add(draft.recipients, self.actors.phrase_actors(r, strict=True))
                    for r in patients(clause):
                        if r is not obj:
                            _add(draft.recipients, self.actors.phrase_actors(r))

    def _earlier_event_actors(self, noun: Token, exclude: list[str]) -> list[str]:
        """Who did the earlier event a reaction names ("condemned the detentions" -> the detainers)."""
        hit = self.noun_hit(noun)
        if hit is None or hit[0].type is None:
            return []
        if any(self.actors.phrase_actors(c, strict=True) for c in noun.children if c.dep_ == "poss"):
            return []
        for earlier in reversed(self.history):
            if earlier.type == hit[0].type and earlier.actors and not set(earlier.actors) & set(exclude):
                return list(earlier.actors)
        return []

    # ------------------------------------------------------------------ light verbs and event nouns
    def _light_patterns(self, tok: Token) -> list[Pattern]:
        return [
            p
            for p in [p for key in lemma_keys(tok)[:2] for p in self.lex.get("L", key)]
            if self._satisfied(p, tok) is not None
        ]

    def _light_event(self, verb: Token) -> Draft | None:
        for lp in self._light_patterns(verb):
            for noun in self._governed_nouns(verb, lp):
                found = self._noun_or_onset(noun)
                if found is None:
                    continue
                (np, extra), target, onset = found
                self.consumed.update([verb.i, noun.i, target.i])
                subj = [] if lp.has("subj") else self._subject_actors(verb)
                draft = self._noun_draft(np, target, [verb, target, *extra], verb, subj, lp.has("report"))
                if onset and lp.has("report"):
                    return self._recode("AGREE", draft, [verb, noun, target], subj, recipients=[])
                return draft
        return None

    def _governed_nouns(self, verb: Token, lp: Pattern) -> list[Token]:
        if lp.has("subj"):
            base = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            base = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
            if is_passive(verb):
                base += [c for c in verb.children if c.dep_ == "nsubjpass"]
            base += prep_objects(verb, [prep for prep, _ in lp.preps] or ["in", "into"])
        return [t for b in base for t in coordinated(b)]

    def _noun_or_onset(self, noun: Token) -> tuple[tuple[Pattern, list[Token]], Token, bool] | None:
        """The event noun at ``noun``, behind an onset noun ("the start of talks"), or behind a
        container ("a package of sanctions", "$30 million in aid")."""
        hit = self.noun_hit(noun)
        lemma = noun.lemma_.lower()
        onset = [b for b in self.lex.get("B", lemma) if not b.has("container")]
        container = [b for b in self.lex.get("B", lemma) if b.has("container")]
        if onset or container or (hit is None and is_amount(noun)):
            for inner in prep_objects(noun, ("of", "in")):
                inner_hit = self.noun_hit(inner)
                if inner_hit is not None:
                    return inner_hit, inner, bool(onset)
        if hit is not None:
            return hit, noun, False
        return None

    def _noun_draft(
        self, p: Pattern, noun: Token, trigger: list[Token], anchor: Token, subj: list[str], report: bool
    ) -> Draft:
        agents_tok, _ = noun_participants(noun)
        agents: list[str] = []
        for a in agents_tok:
            _add(agents, self.actors.phrase_actors(a, strict=True))
        actors = list(agents) if (report and agents) else list(subj)
        if not report:
            _add(actors, agents)
        draft = self._draft(p, trigger, anchor, actors)
        ptype = draft.type
        recip = p.has("recip") or self.onto.types[ptype].reciprocal
        for holder in (noun, anchor):
            if recip:
                for r in prep_objects(holder, self.onto.partner_preps(ptype)):
                    _add(draft.actors, self.actors.phrase_actors(r))
            preps = [
                x
                for x in self.onto.recipient_preps(ptype)
                if not (recip and x in self.onto.partner_preps(ptype))
            ]
            if holder is noun and not recip:
                preps.append("of")
            for r in prep_objects(holder, preps, deep=holder is noun):
                _add(draft.recipients, self.actors.phrase_actors(r, strict=recip))
        return draft

    # ------------------------------------------------------------------ frames
    def _governed(self, tok: Token) -> tuple[Draft | None, bool]:
        """The event governed by a framing word: (draft or None, whether a clause/object is governed).

        Further events coordinated with the first ("agreed to disband and hand over weapons")
        are left in ``self.pending`` for the caller to frame the same way.
        """
        clause = False
        self.pending = []
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in VERB_POS:
                clause = True
                drafts: list[Draft] = []
                for verb in coordinated(child):
                    if verb.i in self.consumed:
                        continue
                    inner = modal_request(self, verb) or self._verb_event(verb)
                    if inner is not None:
                        drafts.append(inner)
                if drafts:
                    self.pending = drafts[1:]
                    return drafts[0], True
                coercion = self._coercive_object(child)
                if coercion is not None:
                    return coercion, True
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "npadvmod")]
        for obj in list(objs):  # "has no plans to provide aid", "gave X a week to withdraw"
            for acl in obj.children:
                if (
                    (acl.dep_ == "acl" or (acl.dep_ == "relcl" and infinitive(acl)))
                    and acl.pos_ in VERB_POS
                    and acl.i not in self.consumed
                ):
                    inner = self._verb_event(acl)
                    if inner is not None:
                        return inner, True
        objs += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "with")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for obj in [t for o in objs for t in coordinated(o)]:
            found = self._noun_or_onset(obj)
            if found is None or found[1].i in self.consumed:
                continue
            (np, extra), target, _onset = found
            self.consumed.update([obj.i, target.i])
            noun_draft = self._noun_draft(np, target, [target, *extra], tok, [], False)
            noun_draft.notes.append("governed noun")
            return noun_draft, True
        return None, clause

    def _coercive_object(self, verb: Token) -> Draft | None:
        """ "ready to use all tools, including sanctions, against X": a coercive event noun inside the
        object of a clause that names no event itself (an intention to coerce is a threat)."""
        if verb.i in self.consumed:
            return None
        for obj in [c for c in verb.children if c.dep_ == "dobj"]:
            for tok in obj.subtree:
                if tok.pos_ not in NOUN_POS or tok.i in self.consumed:
                    continue
                hit = self.noun_hit(tok)
                if hit is None or hit[0].type not in COERCIVE:
                    continue
                self.consumed.update([tok.i, verb.i])
                draft = self._noun_draft(hit[0], tok, [verb, tok, *hit[1]], verb, [], False)
                for r in prep_objects(verb, ("against", "on", "to")):
                    _add(draft.recipients, self.actors.phrase_actors(r))
                return draft
        return None

    def _frame(self, p: Pattern, tok: Token, trigger: list[Token], actors: list[str]) -> Draft | None:
        inner, clause = self._governed(tok)
        assert p.type is not None
        if inner is not None and p.type == "REJECT" and modality(tok).negated:
            # "did not rule out sanctions": keeping an option open is an intention, not a refusal
            draft = self._recode("AGREE", inner, trigger, actors, [])
            draft.hypothetical = True
            return draft
        own_objects: list[str] = []
        for obj in patients(tok) + prep_objects(tok, ("on", "upon", "to", "with")):
            if inner is None or obj not in inner.trigger:
                ids = self.actors.phrase_actors(obj, strict=True)
                _add(
                    own_objects, ids or (self._last_parties(counted_group(obj)) if counted_group(obj) else [])
                )
        if inner is None:
            if p.has("weak") and not (clause and p.type != "AGREE"):
                return None
            draft = self._draft(p, trigger, tok, actors)
            if p.type == "REQUEST" and self._told_to_leave(tok):
                # "gave the diplomats 72 hours to leave", "ordered the envoy to leave": an expulsion
                draft.type, draft.mode, draft.cameo = "SANCTION", "expel", "166"
                draft.notes.append("ordered to leave -> SANCTION expel")
            draft.recipients = own_objects
            if not own_objects:
                for child in tok.children:
                    if child.dep_ in ("xcomp", "ccomp") and child.pos_ in VERB_POS:
                        for obj in patients(child) + prep_objects(child, ("on", "against", "to", "with")):
                            _add(draft.recipients, self.actors.phrase_actors(obj))
            return draft
        pending, self.pending = self.pending, []
        for other in pending:
            self.extra.append(self._recode(p.type, other, trigger, actors, own_objects, frame_pattern=p))
        return self._recode(p.type, inner, trigger, actors, own_objects, frame_pattern=p)

    def _told_to_leave(self, tok: Token) -> bool:
        clauses = [
            c for c in tok.children if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and infinitive(c))
        ]
        clauses += [
            a
            for o in tok.children
            if o.dep_ in ("dobj", "npadvmod")
            for a in o.children
            if a.dep_ in ("acl", "relcl")
        ]
        return any(c.lemma_.lower() in LEAVING and c.pos_ in VERB_POS for c in clauses)

    def _recode(
        self,
        outer: str,
        inner: Draft,
        trigger: list[Token],
        actors: list[str],
        recipients: list[str],
        frame_pattern: Pattern | None = None,
    ) -> Draft:
        """Recode ``inner`` as the frame ``outer`` says ("agreed to meet" -> AGREE 036)."""
        frame = self.onto.frame(outer, inner.type)
        if frame_pattern is not None and frame_pattern.has("decide") and inner.type not in COOPERATIVE:
            # "agreed to impose sanctions" stays SANCTION; "(would never) accept the annexation" is a
            # stance on another's act, coded by the frame (negated: a refusal)
            frame = self.onto.frame(outer, "AGREE") if "governed noun" in inner.notes else None
        anchor = trigger[0]
        own = {self.actors.country(a) for a in actors} - {None}
        others = [
            a
            for a in [*inner.actors, *inner.recipients]
            if a not in actors and self.actors.country(a) not in own
        ]
        if frame is None:  # e.g. "plans to attack": the event itself, as an intention
            inner.hypothetical = True
            inner.trigger = [*trigger, *inner.trigger]
            if not inner.actors:
                inner.actors = list(actors)
            return inner
        pattern = frame_pattern or inner.pattern
        draft = Draft(
            type=frame.type,
            mode=frame.mode,
            contexts=tuple(
                dict.fromkeys([*(frame_pattern.contexts if frame_pattern else ()), *inner.contexts])
            ),
            cameo=frame.cameo,
            actors=list(actors),
            recipients=list(recipients),
            trigger=[*trigger, *inner.trigger],
            anchor=anchor,
            pattern=pattern,
            modality=modality(anchor),
        )
        if not draft.recipients:
            draft.recipients = [a for a in others if a not in draft.actors]
        draft.notes.append(f"frame {outer} over {inner.type}")
        return draft

    def _organization_members(self, subj: Token) -> bool:
        """ "NATO leaders", "EU foreign ministers": members of one organization acting together."""
        if subj.tag_ not in ("NNS", "NNPS") or (
            self.actors.head_actors(subj) and subj.i in self.actors.by_token
        ):
            return False
        return any(
            c.dep_ in ("compound", "amod", "nmod") and any(self.actors.kind(a) == "organization" for a in ids)
            for c in subj.children
            for ids in [self.actors.by_token.get(c.i, [])]
        )

    def _draft(self, p: Pattern, trigger: list[Token], anchor: Token, actors: list[str]) -> Draft:
        assert p.type is not None
        subj = subjects(anchor) if anchor.pos_ in VERB_POS else []
        group = any(self._organization_members(s) for s in subj)
        civil = any(self._generic_group(s, civil=True) for s in subj)
        return Draft(
            group=group,
            civil=civil,
            in_condition=in_condition(anchor),
            type=p.type,
            mode=p.mode,
            contexts=p.contexts,
            cameo=p.cameo,
            actors=list(actors),
            recipients=[],
            trigger=list(trigger),
            anchor=anchor,
            pattern=p,
            modality=modality(anchor),
        )
