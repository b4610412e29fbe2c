"""The event stage: PLOVER events from the dependency parse and the event lexicon.

    lexicon = Lexicon.load(options)            # once per process
    coder = EventCoder(lexicon, options)
    events, skipped = coder.code(doc, article, layer, statements)

The ontology (``data/plover.json``, ``data/cameo.tsv``) and the lexicon (``data/lexicon.tsv``)
are data; :mod:`.extract` finds events in a sentence, this module turns them into records:
ids, the PLOVER rules for future and negated events, who reports them, dates and places.
The coding of one sentence never fails the article: a sentence that raises is recorded as
:class:`~eventwire.records.Skipped` and logged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ..nlp import sentence_of, sentences
from ..options import Options
from ..records import ActorLayer, Article, Event, Skipped, Span, Statement
from .dates import DateResolver
from .extract import COOPERATIVE, FUTURE_TO_AGREE, Draft, SentenceMatcher
from .lexicon import Lexicon, Pattern
from .modality import speech_head
from .ontology import Ontology
from .places import PlaceResolver
from .roles import ActorIndex, subjects

if TYPE_CHECKING:
    from ..nlp import Doc, Token
    from ..nlp import Span as SpacySpan

__all__ = ["EventCoder", "Lexicon", "Ontology", "Pattern"]

log = logging.getLogger(__name__)

#: Verbal conflict that answers someone; with no recipient named, the last other party is meant.
ANSWERS = frozenset({"ACCUSE", "REJECT", "THREATEN"})
#: How far back (characters) an answered event may be.
ANSWER_WINDOW = 500


class EventCoder:
    """Codes the events of parsed articles. Build once; ``code`` is safe to call per article."""

    def __init__(self, lexicon: Lexicon, options: Options) -> None:
        self.lexicon = lexicon
        self.options = options
        self.ontology = lexicon.ontology
        self.speech_cues = frozenset(
            p.head for (kind, _), ps in lexicon.index.items() if kind == "S" for p in ps
        )
        self.dates = DateResolver(options)
        self.places = PlaceResolver(options)

    def code(
        self, doc: Doc, article: Article, layer: ActorLayer, statements: list[Statement]
    ) -> tuple[list[Event], list[Skipped]]:
        index = ActorIndex(doc, layer)
        events: list[Event] = []
        skipped: list[Skipped] = []
        history: list[Draft] = []  # events coded so far in this article, for "condemned the arrests"
        cache: dict[tuple[int, str], Any] = {}  # per-sentence place look-ups
        for sent in sentences(doc):
            if _excluded(sent.start_char, sent.end_char, article.excluded) or not sent.text.strip():
                continue
            try:
                drafts = self._sentence(sent, index, statements, history)
                history.extend(drafts)
                for draft in drafts:
                    event = self._record(draft, sent, doc, article, len(events) + 1, cache)
                    if event is None:
                        continue
                    events.append(event)
                    for st in statements:
                        if st.content.start <= event.trigger.start < st.content.end:
                            st.events.append(event.id)
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
                log.warning(
                    "events: skipped sentence at %d-%d of %s: %s",
                    sent.start_char,
                    sent.end_char,
                    article.id[:12],
                    reason,
                )
                skipped.append(Skipped(Span(sent.text, sent.start_char, sent.end_char), "events", reason))
        return events, skipped

    # ------------------------------------------------------------------ one sentence
    def _sentence(
        self, sent: SpacySpan, index: ActorIndex, statements: list[Statement], history: list[Draft]
    ) -> list[Draft]:
        def speaker_of(tok: Token) -> list[str]:
            return self._speaker(tok, index, statements)

        matcher = SentenceMatcher(self.lexicon, index, sent, speaker_of, history)
        out: list[Draft] = []
        seen: set[tuple[Any, ...]] = set()
        for draft in matcher.run():
            draft = self._apply_rules(draft, index)
            if not self._keep(draft, index):
                continue
            if not draft.recipients and draft.type in ANSWERS:
                self._answered_party(draft, history + out, index)
            source = self._speaker(draft.anchor, index, statements)
            draft.source = source[0] if source else None
            key = (draft.type, tuple(draft.actors), tuple(draft.recipients), draft.anchor.i)
            if key in seen or any(_continuation(draft, kept) for kept in out):
                continue
            seen.add(key)
            out.append(draft)
        return out

    def _answered_party(self, d: Draft, earlier: list[Draft], index: ActorIndex) -> None:
        """A denial, accusation or threat with no one named answers the last other party that acted.

        "May accused the Russian state ... Moscow denied any involvement": the denial answers the
        United Kingdom. Only events of the last few sentences count; the guess lowers confidence.
        """
        own = set(d.actors) | {index.country(a) for a in d.actors} - {None}
        for e in reversed(earlier):
            if d.anchor.idx - e.anchor.idx > ANSWER_WINDOW:
                break
            if sentence_of(e.anchor).start == sentence_of(d.anchor).start:
                continue
            targeted = any(r in own or index.country(r) in own for r in e.recipients)
            others = [a for a in e.actors if a not in own and index.country(a) not in own]
            # an act aimed at us, or a material conflict others committed (condemnations answer those)
            if others and (targeted or self.ontology.quad_class(e.type) == 4):
                d.recipients = others
                d.notes.append("recipient from the event answered")
                return

    def _apply_rules(self, d: Draft, index: ActorIndex) -> Draft:
        """PLOVER's rules for future and negated events (codebook: AGREE, CONCEDE, REJECT)."""
        m = d.modality
        d.negated = d.negated or m.negated
        d.hypothetical = d.hypothetical or m.hypothetical
        if d.negated and d.type in COOPERATIVE and (m.future or m.modal or d.type == "AGREE"):
            frame = self.ontology.frame("REJECT", d.type)
            if frame is not None:  # "will not send troops", "won't meet": a refusal
                d.type, d.mode, d.cameo = frame.type, frame.mode, frame.cameo
                d.negated = False
                d.notes.append("negated future cooperation -> REJECT")
                if not d.recipients and len(d.actors) > 1:  # "won't negotiate with X": X is refused
                    subj = [a for s in subjects(d.anchor) for a in index.phrase_actors(s)]
                    if subj and set(subj) < set(d.actors):
                        d.recipients = [a for a in d.actors if a not in subj]
                        d.actors = [a for a in d.actors if a in subj]
                return d
        if m.future and not d.negated:
            if d.type in FUTURE_TO_AGREE:
                frame = self.ontology.frame("AGREE", d.type)
                if frame is not None:
                    d.type, d.mode, d.cameo = frame.type, frame.mode, frame.cameo
                    d.notes.append("future cooperation -> AGREE")
            elif d.type == "RETREAT":
                d.type, d.mode, d.cameo = "CONCEDE", None, "080"
                d.notes.append("announced retreat -> CONCEDE")
        if d.civil and d.type == "ASSAULT":  # violence by an unnamed crowd is a violent protest
            d.type, d.mode, d.cameo = "PROTEST", "riot", "145"
            d.notes.append("crowd violence -> PROTEST riot")
        countries = {index.country(a) for a in d.actors} - {None}
        if d.type == "MOBILIZE" and len(countries) >= 2:  # joint exercises are cooperation (codebook)
            d.type, d.mode, d.cameo = "COOPERATE", None, "062"
            d.notes.append("multinational exercise -> COOPERATE")
        if d.mode is not None and d.mode not in self.ontology.types[d.type].modes:
            d.mode = None
        # a pattern's own code stands (CAMEO 163 "impose sanctions" is PLOVER SANCTION in the codebook,
        # COERCE in the 2021 table); a recoded event takes a code consistent with its new type
        own_code = d.pattern.type == d.type and d.cameo == d.pattern.cameo and d.cameo in self.ontology.cameo
        if d.cameo is None or not (own_code or self.ontology.consistent(d.cameo, d.type)):
            d.cameo = self.ontology.cameo_for(d.type, d.mode, d.contexts)
        return d

    def _keep(self, d: Draft, index: ActorIndex) -> bool:
        if "generic recipient" not in d.notes:  # "Georgian police detained Georgian protesters" keeps both
            d.recipients = [r for r in d.recipients if r not in d.actors]
        if not d.actors:
            return False
        info = self.ontology.types[d.type]
        if not d.recipients and d.pattern.has("needobj"):
            return False
        # PLOVER wants a recipient for COOPERATE, AID and SANCTION: the parties of a joint act are
        # each other's; a specific pattern ("imposed sanctions") may stand without one.
        if info.requires_recipient and not d.recipients and d.parties < 2 and d.pattern.has("weak"):
            return False
        if d.in_condition:  # "... if Washington refused to change": a condition, not a reported act
            return False
        # a meeting needs two parties ("X discussed Europe's role" is no consultation), or a group
        # that meets among itself ("NATO leaders gathered")
        return not (d.type == "CONSULT" and d.parties < 2 and not d.group and d.mode != "third-party")

    def _speaker(self, tok: Token, index: ActorIndex, statements: list[Statement]) -> list[str]:
        for st in statements:
            if st.speaker and st.kind != "outlet" and st.content.start <= tok.idx < st.content.end:
                return [st.speaker]
        head = speech_head(tok, self.speech_cues)
        if head is None:
            return []
        if head.lemma_.lower() == "accord":
            out: list[str] = []
            for prep in head.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += index.phrase_actors(pobj)
            return out
        out = []
        for s in subjects(head):
            out += [a for a in index.phrase_actors(s) if a not in out]
        return out

    # ------------------------------------------------------------------ records
    def _record(
        self, d: Draft, sent: SpacySpan, doc: Doc, article: Article, n: int, cache: dict[tuple[int, str], Any]
    ) -> Event | None:
        tokens = sorted(d.trigger, key=lambda t: t.i)
        start = tokens[0].idx
        end = max(t.idx + len(t.text) for t in tokens)
        if end - start > 120:  # keep the trigger readable: the head word only
            start, end = d.anchor.idx, d.anchor.idx + len(d.anchor.text)
        confidence = _confidence(d)
        if self.ontology.types[d.type].requires_recipient and not d.recipients:
            confidence = max(0.05, confidence - 0.15)
        if confidence < self.options.min_confidence:
            return None
        resolved = self.dates.resolve(doc, sent, d.anchor, article)
        date, precision, historical = resolved.date, resolved.precision, resolved.historical
        if (sent.start, "place") not in cache:
            cache[(sent.start, "place")] = self.places.resolve(doc, sent, article)
        location = cache.get((sent.start, "place"))
        contexts = list(d.contexts)
        extra = self.ontology.mode_contexts.get(f"{d.type}:{d.mode}")
        if extra and extra not in contexts:
            contexts.append(extra)
        return Event(
            id=f"e{n}",
            type=d.type,
            mode=d.mode,
            context=contexts,
            cameo=d.cameo,
            actor=list(d.actors),
            recipient=list(d.recipients),
            sentence=Span(sent.text, sent.start_char, sent.end_char),
            trigger=Span(doc.text[start:end], start, end),
            date=date,
            date_precision=precision,
            location=location,
            negated=d.negated,
            hypothetical=d.hypothetical,
            historical=historical,
            source=d.source,
            confidence=confidence,
        )


def _continuation(d: Draft, kept: Draft) -> bool:
    """ "opened fire on the crowd, killing 17": the participle goes on telling the same event."""
    return (
        d.type == kept.type
        and d.actors == kept.actors
        and d.anchor.head == kept.anchor
        and d.anchor.dep_ in ("advcl", "xcomp", "conj")
        and d.anchor.tag_ == "VBG"
    )


def _confidence(d: Draft) -> float:
    c = 0.45 + 0.08 * min(d.pattern.specificity - 1, 3)
    c += 0.15 if d.actors else 0.0
    c += 0.1 if d.recipients else 0.0
    if d.pattern.has("weak"):
        c -= 0.15
    if "recipient from the event answered" in d.notes:
        c -= 0.1
    if d.negated or d.hypothetical:
        c -= 0.05
    return max(0.05, min(0.95, c))


def _excluded(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= start and end <= e for s, e in spans)
