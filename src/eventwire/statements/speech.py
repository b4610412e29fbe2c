"""Finding reported speech in one parsed sentence: cue, speaker token(s) and content tokens.

This module only *finds* (pure functions over spaCy tokens); :mod:`.finder`
turns what is found into :class:`~eventwire.records.Statement` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import Cue, CueLexicon
from .quotes import Quote

if TYPE_CHECKING:
    from ..nlp import Span, Token

__all__ = ["Found", "find_speech"]

WH_TAGS = frozenset({"WP", "WP$", "WRB", "WDT"})
NOT_CONTENT_MARKS = frozenset({"whether", "if"})
# "Officials in Brussels said": a place the speaker is in does not speak.
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "on"})
# Dependents through which a cue shares its subject with the verb it hangs from
# ("Trump commented, calling it ..."; "He arrived and said ...").
SHARED_SUBJECT = frozenset({"conj", "advcl", "xcomp"})
QUOTE_EDGE = frozenset(",.;:'\"“”«»„")
OBJECT_PRONOUNS = frozenset({"it", "this", "that", "them", "so", "nothing", "something", "anything"})


@dataclass(frozen=True)
class Found:
    """One piece of reported speech in a sentence, as character offsets."""

    cue: Cue
    cue_span: tuple[int, int]
    content: tuple[int, int]
    direct: bool
    speaker_span: tuple[int, int] | None  # where the speaker is named (a subject, an "according to" object)
    speaker_heads: tuple[int, ...]  # char offsets of the phrase's head word and its appositions
    look_back: tuple[int, int] | None  # no subject at all: look for the nearest actor in this stretch
    main: bool  # the sentence as a whole is this reported speech (no claim of the outlet's own)


def find_speech(sent: Span, cues: CueLexicon, quotes: list[Quote]) -> tuple[list[Found], bool]:
    """Reported speech in ``sent``, and whether the sentence's main verb is a speech cue at all."""
    found: list[Found] = []
    root_is_cue = False
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues.verbs:
            particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
            cue = cues.verb_cue(token.lemma_, particles)
            if cue is None:
                continue
            if token.i == sent.root.i and cue.content != "quote":
                root_is_cue = True
            item = _verb_speech(token, cue, sent, quotes)
            if item is not None:
                found.append(item)
        elif token.lower_ in cues.sources:
            item = _source_speech(token, cues.sources[token.lower_], sent)
            if item is not None:
                found.append(item)
    return found, root_is_cue


# -- verbs ---------------------------------------------------------------------------------------------


def _verb_speech(verb: Token, cue: Cue, sent: Span, quotes: list[Quote]) -> Found | None:
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    content = _verb_content(verb, cue, sent, quotes)
    if content is None:
        return None
    (start, end), direct = content
    cue_end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.dep_ == "prt" and cue.particle == c.lower_:
            cue_end = max(cue_end, c.idx + len(c.text))
    speaker_span, speaker_heads, look_back = _verb_speaker(verb, sent)
    if speaker_span is None and look_back is None:
        return None
    main = verb.i == sent.root.i or _misattached_report(verb, sent)
    return Found(cue, (verb.idx, cue_end), (start, end), direct, speaker_span, speaker_heads, look_back, main)


def _verb_content(
    verb: Token, cue: Cue, sent: Span, quotes: list[Quote]
) -> tuple[tuple[int, int], bool] | None:
    if cue.content == "quote":
        return _attached_quote(verb, quotes)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and not _embedded_question(c)), None)
    head: Token | None = clause
    if head is None and cue.content == "nominal":
        objects = (c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON")
        head = next((c for c in objects if c.lower_ not in OBJECT_PRONOUNS and _definite(c)), None)
    if head is None:
        quote = _adjacent_quote(verb, sent, quotes)
        inner = _strip_edges(verb.doc.text, quote.start, quote.end) if quote else None
        return (inner, True) if inner is not None else None
    if any(c.dep_ == "ccomp" for c in verb.children) and clause is None:
        return None  # "told him what had happened": an embedded question, not a report
    first, last = head.left_edge.i, head.right_edge.i
    if head.i > verb.i:
        for child in verb.rights:
            if child.i > head.i and child.dep_ not in ("punct", "cc", "conj"):
                last = max(last, child.right_edge.i)
        if _misattached_report(verb, sent):
            last = sent.end - 1
    span = _trim(sent, first, last)
    if span is None:
        return None
    quote = _covering_quote(span, quotes)
    if quote is not None:
        inner = _strip_edges(verb.doc.text, quote.start, quote.end)
        return (inner, True) if inner is not None else None
    return span, False


def _definite(noun: Token) -> bool:
    """ "announced the release of ...": a definite object reports an event that is already there;
    "announced sanctions", "declared a state of emergency" perform a new act (an event, not a statement)."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _embedded_question(clause: Token) -> bool:
    """True for "what had happened", "whether they would come": questions, not reported content."""
    for tok in clause.subtree:
        if tok.is_punct or tok.is_space:
            continue
        return tok.tag_ in WH_TAGS or (tok.dep_ == "mark" and tok.lower_ in NOT_CONTENT_MARKS)
    return False


def _misattached_report(verb: Token, sent: Span) -> bool:
    """ "He stated that A, B and C": the parser hangs it under B; the report is the whole sentence."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i > verb.i
        and head.i == sent.root.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and verb.left_edge.i <= _first_word(sent)
    )


def _first_word(sent: Span) -> int:
    """Index of the first token that is not a bullet, punctuation or an introductory adverbial."""
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        return tok.i
    return sent.start


def _trim(sent: Span, first: int, last: int) -> tuple[int, int] | None:
    doc = sent.doc
    while first <= last and (doc[first].is_punct or doc[first].is_space or _is_that(doc[first])):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _is_that(tok: Token) -> bool:
    return tok.dep_ == "mark" and tok.lower_ == "that"


def _covering_quote(span: tuple[int, int], quotes: list[Quote]) -> Quote | None:
    """A quote that holds (nearly) all of ``span``: the content is quoted, a direct statement."""
    start, end = span
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0 and overlap >= 0.8 * (end - start):
            return q
    return None


def _attached_quote(verb: Token, quotes: list[Quote]) -> tuple[tuple[int, int], bool] | None:
    """Quote-only cues ("calling it \"productive\""): a quote inside the verb's object or predicate."""
    for child in verb.children:
        if child.dep_ not in ("oprd", "dobj", "attr", "xcomp", "ccomp", "acomp", "prep"):
            continue
        left, right = child.left_edge, child.right_edge
        a, b = left.idx, right.idx + len(right.text)
        for q in quotes:
            if q.start <= a < q.end or a <= q.start < b:
                inner = _strip_edges(verb.doc.text, q.start, q.end)
                if inner is not None:
                    return inner, True
    return None


def _adjacent_quote(verb: Token, sent: Span, quotes: list[Quote]) -> Quote | None:
    """'X said: "..."' and '"...," X said': a quote right after the cue or right before its clause."""
    text = verb.doc.text
    after = verb.idx + len(verb.text)
    before = verb.left_edge.idx
    for q in quotes:
        if q.outer_end <= sent.start_char or q.outer_start >= sent.end_char + 3:
            continue
        gap_after = text[after : q.outer_start]
        if q.outer_start >= after and len(gap_after) <= 3 and gap_after.strip() in ("", ":", ","):
            return q
        gap_before = text[q.outer_end : before]
        if (
            q.outer_start >= sent.start_char
            and q.outer_end <= before
            and len(gap_before) <= 3
            and "\n" not in gap_before
            and gap_before.strip() in ("", ",")
        ):
            return q
    return None


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quoted words without surrounding space and the commas and stops that close them."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_EDGE):
        end -= 1
    return (start, end) if start < end else None


def _verb_speaker(
    verb: Token, sent: Span
) -> tuple[tuple[int, int] | None, tuple[int, ...], tuple[int, int] | None]:
    """(speaker span, speaker head offset, look-back stretch) for a cue verb."""
    tok = verb
    subj: Token | None = None
    while True:
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
        if subj is not None:
            break
        if tok.dep_ in SHARED_SUBJECT and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.pos_ == "ADP" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "X was quoted as saying ..."
            continue
        subj = None
        break
    if subj is None:
        # Garbled or subjectless clause ("Following the talks in the Kremlin reported that ..."):
        # the nearest actor named before the cue in its clause speaks.
        start = verb.left_edge.idx
        return None, (), ((start, verb.idx) if start < verb.idx else None)
    if subj.dep_ == "expl" or (subj.dep_ == "nsubjpass" and tok.i == verb.i):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            return (subj.idx, subj.idx), (), None  # "It was reported that ...": no speaker named
        subj = pobj
    if subj.tag_ in WH_TAGS and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "officials who said ...": the relative clause's antecedent
    left, right = _phrase_edges(subj)
    return (left, right), _heads(subj), None


def _heads(tok: Token) -> tuple[int, ...]:
    """The head word of a speaker phrase, then its appositions ("the ambassador, Sergei Lavin,")."""
    return (tok.idx, *(c.idx for c in tok.children if c.dep_ == "appos"))


def _phrase_edges(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase without its relative clauses and locative phrases."""
    tokens = [t for t in tok.subtree]
    cut = {
        t.i
        for c in tok.children
        if c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in LOCATIVE)
        for t in c.subtree
    }
    first = last = tok.i  # the unbroken run of kept words around the head
    while first - 1 >= tokens[0].i and first - 1 not in cut:
        first -= 1
    while last + 1 <= tokens[-1].i and last + 1 not in cut:
        last += 1
    doc = tok.doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# -- source phrases ------------------------------------------------------------------------------------


def _source_speech(token: Token, cue: Cue, sent: Span) -> Found | None:
    if cue.possessor:
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != cue.particle:
            return None
        who = next((c for c in token.children if c.dep_ == "poss"), None)
        if who is None:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            who = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        phrase = prep
    else:
        to = next((c for c in token.children if c.lower_ == cue.particle), None)
        who = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        phrase = token
    if who is None:
        return None
    p_first, p_last = phrase.left_edge.i, phrase.right_edge.i
    clause = phrase.head if phrase.head.i != phrase.i else sent.root
    c_first, c_last = clause.left_edge.i, clause.right_edge.i
    before = (c_first, p_first - 1)
    after = (p_last + 1, c_last)
    side = after if after[1] - after[0] >= before[1] - before[0] else before
    span = _trim(sent, *side)
    if span is None:
        return None
    left, right = _phrase_edges(who)
    cue_span = (phrase.idx, token.idx + len(token.text))
    if not cue.possessor:
        to_tok = next(c for c in token.children if c.lower_ == cue.particle)
        cue_span = (token.idx, to_tok.idx + len(to_tok.text))
    main = clause.i == sent.root.i
    return Found(cue, cue_span, span, False, (left, right), _heads(who), None, main)
