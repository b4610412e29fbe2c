"""The event stage for one article: sentences -> finders -> rules -> records.

    coder = EventCoder(lexicon, options)        # once per process
    events, skipped = coder.code(doc, article, layer, statements)

For each sentence outside ``article.excluded``: the finders (:mod:`.find`) find drafts at its
words, the rules (:mod:`.rules`) recode, complete or drop them, the speaker of reported speech
becomes each draft's ``source``, and :class:`~.record.Recorder` turns the drafts into events.
The coding of one sentence never fails the article: a sentence that raises is recorded as
:class:`~eventwire.records.Skipped` (with where it failed) and logged.
"""

from __future__ import annotations

import copy
import logging
import traceback
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..nlp import sentences
from ..options import Options
from ..records import ActorLayer, Article, Event, Skipped, Span, Statement
from .actorindex import ActorIndex
from .draft import Draft
from .find import Table, find_drafts
from .grammar import Grammar
from .lexicon import Lexicon
from .match import Matcher
from .modality import ModalityReader
from .model import EventModel, ModelSettings, Scored, propose, score
from .record import Recorder
from .rules import apply_rules, load_rules
from .sentence import Sentence, Services
from .words import Words

if TYPE_CHECKING:
    from ..nlp import Doc, Token
    from ..nlp import Span as SentenceSpan

__all__ = ["EventCoder"]

log = logging.getLogger(__name__)


class EventCoder:
    """Codes the events of parsed articles. Build once; ``code`` is safe to call per article."""

    def __init__(
        self,
        lexicon: Lexicon,
        options: Options,
        words: Words | None = None,
        model: EventModel | None = None,
        settings: ModelSettings | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.options = options
        self.rules_on = options.event_coding in ("both", "rules")
        self.model = model if options.event_coding in ("both", "model") else None
        if options.event_coding == "model" and model is None:
            raise ConfigError(
                "event_coding is 'model' but no event model is loaded; set event_model to a model file "
                "made with `eventwire train`, or event_coding to 'rules' or 'both'"
            )
        self.settings = settings or ModelSettings()
        self.ontology = lexicon.ontology
        self.words = words or Words.load(lexicon.language)
        grammar = Grammar(self.words)
        self.services = Services(
            ontology=self.ontology,
            grammar=grammar,
            matcher=Matcher(lexicon, grammar),
            modality=ModalityReader(self.words),
            find=Table(),
        )
        self.rules = load_rules()
        self.recorder = Recorder(self.ontology, options, lexicon.language)
        self.speech_cues = frozenset(
            p.head for (kind, _), ps in lexicon.index.items() if kind == "S" for p in ps
        )

    def code(
        self, doc: Doc, article: Article, layer: ActorLayer, statements: list[Statement]
    ) -> tuple[list[Event], list[Skipped]]:
        index = ActorIndex(doc, layer, self.services.grammar)
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
                    event = self.recorder.record(draft, sent, doc, article, len(events) + 1, cache)
                    if event is None:
                        continue
                    events.append(event)
                    for st in statements:
                        if st.content.start <= event.trigger.start < st.content.end:
                            st.events.append(event.id)
            except Exception as exc:
                reason = _reason(exc)
                log.warning(
                    "events: skipped sentence at %d-%d of %s: %s",
                    sent.start_char,
                    sent.end_char,
                    article.id[:12],
                    reason,
                )
                skipped.append(Skipped(Span(sent.text, sent.start_char, sent.end_char), "events", reason))
        return events, skipped

    def _sentence(
        self, sent: SentenceSpan, index: ActorIndex, statements: list[Statement], history: list[Draft]
    ) -> list[Draft]:
        def speaker_of(tok: Token) -> list[str]:
            return self._speaker(tok, index, statements)

        s = Sentence(self.services, index, sent, speaker_of, history)
        drafts = find_drafts(s) if self.rules_on else []
        if self.model is not None:
            drafts = propose(s, drafts, self.model, self.settings)
        drafts = apply_rules(self.rules, drafts, s)
        out: list[Draft] = []
        seen: set[tuple[Any, ...]] = set()
        for draft in drafts:
            source = speaker_of(draft.anchor)
            draft.source = source[0] if source else None
            key = (draft.type, tuple(draft.actors), tuple(draft.recipients), draft.anchor.i)
            if key in seen or any(_continuation(draft, kept) for kept in out):
                continue
            seen.add(key)
            out.append(draft)
        return out

    def with_model(self, model: EventModel | None, settings: ModelSettings, coding: str) -> EventCoder:
        """A coder sharing this one's resources with another model, settings and ``event_coding``."""
        other = copy.copy(self)
        other.model = model if coding in ("both", "model") else None
        other.rules_on = coding in ("both", "rules")
        other.settings = settings
        return other

    def candidates(
        self, doc: Doc, article: Article, layer: ActorLayer, statements: list[Statement]
    ) -> list[Scored]:
        """Every candidate word of the article with its features, as the model sees it when coding
        (the rules' drafts found first): the raw material of ``eventwire train``."""
        index = ActorIndex(doc, layer, self.services.grammar)
        out: list[Scored] = []
        history: list[Draft] = []
        for sent in sentences(doc):
            if _excluded(sent.start_char, sent.end_char, article.excluded) or not sent.text.strip():
                continue

            def speaker_of(tok: Token) -> list[str]:
                return self._speaker(tok, index, statements)

            s = Sentence(self.services, index, sent, speaker_of, history)
            drafts = find_drafts(s) if self.rules_on else []
            out += score(s, drafts, None)
            history.extend(apply_rules(self.rules, drafts, s))
        return out

    def _speaker(self, tok: Token, index: ActorIndex, statements: list[Statement]) -> list[str]:
        """Who reports the clause of ``tok``: a statement's speaker, "according to X", "X said that"."""
        for st in statements:
            if st.speaker and st.kind != "outlet" and st.content.start <= tok.idx < st.content.end:
                return [st.speaker]
        head = self.services.modality.speech_head(tok, self.speech_cues)
        if head is None:
            return []
        out: list[str] = []
        if head.lemma_.lower() in self.words.gram("according"):
            for prep in head.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += index.phrase_actors(pobj)
            return out
        for x in self.services.grammar.subjects(head):
            out += [a for a in index.phrase_actors(x) if a not in out]
        return out


def _continuation(d: Draft, kept: Draft) -> bool:
    """ "opened fire on the crowd, killing 17": the participle goes on telling the same event."""
    return (
        d.type == kept.type
        and d.actors == kept.actors
        and d.anchor.head == kept.anchor
        and d.anchor.dep_ in ("advcl", "xcomp", "conj")
        and d.anchor.morph.has("Aspect", "Prog")
    )


def _excluded(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _reason(exc: Exception) -> str:
    """What failed, where: the exception, its message, and the innermost frame of eventwire's code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "eventwire" in f.filename]
    where = (
        f" (at {frames[-1].name}, {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})"
        if frames
        else ""
    )
    message = str(exc) or "no message"
    return f"{type(exc).__name__}: {message}{where}"
