"""The statement stage: who said what, and which sentences are the outlet's own claims.

For each sentence (outside ``article.excluded``): find reported speech with
:func:`.speech.find_speech`, resolve each speaker through the actor layer,
then mark sentences that assert something with no speaker as the outlet's own.
A sentence that raises is logged and recorded as :class:`~eventwire.records.Skipped`
(``find_with_skips``); it never fails the article.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..nlp import sentences
from ..options import Options
from ..records import ActorLayer, Article, Skipped, Span, Statement, StatementKind
from .cues import CueLexicon
from .quotes import Quote, find_quotes
from .speech import Found, find_speech

if TYPE_CHECKING:
    from ..nlp import Doc
    from ..nlp import Span as SpacySpan

__all__ = ["StatementFinder"]

log = logging.getLogger(__name__)

TERMINAL = frozenset(".!?:;\"'”»)…")


class StatementFinder:
    """Finds statements in a parsed article. Build one per process; ``find`` is reentrant."""

    def __init__(self, options: Options, cues: CueLexicon | None = None) -> None:
        self.options = options
        self.cues = cues if cues is not None else CueLexicon.load(options)

    def find(self, doc: Doc, article: Article, layer: ActorLayer) -> list[Statement]:
        """The article's statements (sentences that fail are logged and left out; see ``find_with_skips``)."""
        return self.find_with_skips(doc, article, layer)[0]

    def find_with_skips(
        self, doc: Doc, article: Article, layer: ActorLayer
    ) -> tuple[list[Statement], list[Skipped]]:
        """The article's statements, and the sentences that raised, as ``Skipped`` records.

        One sentence never fails the article: any exception it raises is logged with its
        reason and recorded, and the other sentences are still read.
        """
        text = doc.text
        quotes = find_quotes(text)
        mentions = layer.mention_index()
        starts = [m[0] for m in mentions]
        outlet = _outlet_actor(article, layer)
        items: list[tuple[int, Statement]] = []
        skipped: list[Skipped] = []
        for sent in sentences(doc):
            if _excluded(sent.start_char, sent.end_char, article.excluded):
                continue
            try:
                items.extend(self._sentence(sent, text, quotes, mentions, starts, outlet))
            except Exception as exc:  # one sentence never fails the article: recorded as Skipped
                reason = f"{type(exc).__name__}: {exc}"
                log.warning(
                    "statements: skipped sentence at %d-%d of %s: %s",
                    sent.start_char,
                    sent.end_char,
                    article.id[:12],
                    reason,
                )
                skipped.append(Skipped(Span(sent.text, sent.start_char, sent.end_char), "statements", reason))
        items.sort(key=lambda item: item[0])
        statements = [s for _, s in items]
        for number, statement in enumerate(statements, start=1):
            statement.id = f"s{number}"
        return statements, skipped

    def _sentence(
        self,
        sent: SpacySpan,
        text: str,
        quotes: list[Quote],
        mentions: list[tuple[int, int, str]],
        starts: list[int],
        outlet: str | None,
    ) -> list[tuple[int, Statement]]:
        """(sort key, statement) for the reported speech of one sentence, or its outlet claim."""
        sent_text = sent.text.strip()
        if not sent_text or sent_text.endswith("?"):
            return []  # a question asserts nothing and reports nothing
        items: list[tuple[int, Statement]] = []
        found, root_is_cue = find_speech(sent, self.cues, quotes)
        for f in found:
            speaker = _speaker(f, mentions, starts)
            if speaker is None and f.speaker_span is None:
                continue  # no subject and no actor before the cue: not a report ("worth mentioning")
            cue = Span(text[f.cue_span[0] : f.cue_span[1]], *f.cue_span)
            content = Span(text[f.content[0] : f.content[1]], *f.content)
            kind: StatementKind = "direct" if f.direct else "indirect"
            items.append((min(cue.start, content.start), Statement("", speaker, cue, content, kind)))
        if root_is_cue or any(f.main for f in found):
            return items
        claim = _claim_span(sent, text)
        if claim is not None and not _quoted(claim, quotes):
            content = Span(text[claim[0] : claim[1]], *claim)
            items.append((claim[0], Statement("", outlet, None, content, "outlet")))
        return items


def _quoted(span: tuple[int, int], quotes: list[Quote]) -> bool:
    """Most of the sentence is inside a quotation: someone's words, not the outlet's claim."""
    start, end = span
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
    return inside >= 0.8 * (end - start)


def _excluded(start: int, end: int, excluded: tuple[tuple[int, int], ...]) -> bool:
    return any(start < e_end and s_start < end for s_start, e_end in excluded)


def _speaker(found: Found, mentions: list[tuple[int, int, str]], starts: list[int]) -> str | None:
    """The actor id named where the speaker is: the phrase's head word first, then anyone in the phrase."""
    if found.speaker_span is not None:
        start, end = found.speaker_span
        inside = [m for m in mentions[bisect_left(starts, start) :] if m[0] < end and m[1] <= end]
        for head in found.speaker_heads:
            for m_start, m_end, actor in mentions[: bisect_left(starts, head + 1)][-8:]:
                if m_start <= head < m_end:
                    return actor
        return inside[0][2] if inside else None
    if found.look_back is not None:
        start, end = found.look_back
        before = [m for m in mentions[bisect_left(starts, start) :] if m[1] <= end]
        return before[-1][2] if before else None
    return None


def _outlet_actor(article: Article, layer: ActorLayer) -> str | None:
    if not article.outlet:
        return None
    name = article.outlet.strip().casefold()
    for actor in layer.actors:
        if actor.name.casefold() == name or any(m.text.casefold() == name for m in actor.mentions):
            return actor.id
    return None


def _claim_span(sent: SpacySpan, text: str) -> tuple[int, int] | None:
    """The sentence as the outlet's claim, or None for headings, questions and verbless lines."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return None
    start, end = words[0].idx, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in sent):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].rstrip()
    if not line or line[-1] not in TERMINAL:
        return None  # a line without a closing stop is a heading
    return start, end
