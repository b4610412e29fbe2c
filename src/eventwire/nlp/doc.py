"""eventwire's parsed document: the one view of a parse that every stage after ``nlp`` reads.

A language adapter (:mod:`.english` on spaCy, :mod:`.russian` on natasha) turns its parser's output
into a :class:`Doc` of :class:`Token` records; actors, statements and events read nothing else, so
a new language is an adapter plus data. The view keeps what those stages need: words with their
character offsets, lemmas and look-up keys, universal part of speech, morphological features,
named-entity labels, sentence starts and a dependency tree.

The tree uses **eventwire relations**, Stanford-style basic dependencies in which a preposition
heads its object: ``verb -prep-> "with" -pobj-> noun``. They are the labels of spaCy's English
pipelines (ClearNLP); an adapter for a Universal Dependencies parser converts ``obl``/``nmod`` +
``case`` into ``prep`` + ``pobj``, ``obj`` into ``dobj``, ``nsubj:pass`` into ``nsubjpass`` and so
on (see :mod:`.russian`). The relations the stages rely on:

=========== ===============================================================================
nsubj       subject; ``nsubjpass`` passive subject; ``csubj`` clausal subject
dobj        direct object; ``dative`` indirect object (or the "to" of one); ``attr``,
            ``acomp``, ``oprd`` predicative complements
prep, pobj  a preposition on its head, its object under it; ``pcomp`` a clause under it;
            ``agent`` the "by" of a passive
xcomp       an open clause ("agreed to meet"); ``ccomp`` a clause with its own subject;
            ``advcl`` an adverbial clause; ``relcl`` and ``acl`` clauses on nouns
amod, compound, poss, nmod, appos, nummod, det, npadvmod   inside noun phrases
neg, aux, auxpass, mark, cc, conj, advmod, prt, punct      function words
=========== ===============================================================================

Records are plain Python objects with ``__slots__``: reading an attribute costs nothing, unlike
a parser's own token objects that are rebuilt on every access.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

__all__ = ["Doc", "Morph", "Span", "Token"]


class Morph:
    """Morphological features, UD style: ``morph.get("Number") == ["Plur"]``."""

    __slots__ = ("_feats",)

    def __init__(self, feats: dict[str, str] | None = None) -> None:
        self._feats = feats or {}

    def get(self, key: str, default: list[str] | None = None) -> list[str]:
        value = self._feats.get(key)
        return value.split(",") if value else ([] if default is None else default)

    def has(self, key: str, value: str) -> bool:
        return value in self.get(key)

    def to_dict(self) -> dict[str, str]:
        return dict(self._feats)

    def __str__(self) -> str:
        return "|".join(f"{k}={v}" for k, v in sorted(self._feats.items()))


EMPTY_MORPH = Morph()


class Token:
    """One word of a :class:`Doc` (the attribute names follow spaCy's, which most readers know)."""

    __slots__ = (
        "_children",
        "_head",
        "dep_",
        "doc",
        "ent_iob_",
        "ent_type_",
        "i",
        "idx",
        "is_punct",
        "is_sent_start",
        "is_space",
        "keys",
        "lemma_",
        "like_num",
        "lower_",
        "morph",
        "pos_",
        "tag_",
        "text",
        "whitespace_",
    )

    def __init__(
        self,
        doc: Doc,
        i: int,
        text: str,
        idx: int,
        *,
        whitespace: str = "",
        lemma: str = "",
        pos: str = "X",
        tag: str = "",
        dep: str = "dep",
        head: int | None = None,
        ent_type: str = "",
        ent_iob: str = "O",
        morph: Morph = EMPTY_MORPH,
        keys: tuple[str, ...] = (),
        sent_start: bool = False,
    ) -> None:
        self.doc = doc
        self.i = i
        self.text = text
        self.idx = idx
        self.whitespace_ = whitespace
        self.lower_ = text.lower()
        self.lemma_ = lemma or text
        self.pos_ = pos
        self.tag_ = tag
        self.dep_ = dep
        self._head = i if head is None else head
        self.ent_type_ = ent_type
        self.ent_iob_ = ent_iob
        self.morph = morph
        self.keys = keys or (self.lemma_.lower(), self.lower_)
        self.is_sent_start = sent_start
        self.is_space = text.isspace()
        self.is_punct = pos == "PUNCT"
        self.like_num = _like_num(text)
        self._children: list[Token] = []

    @classmethod
    def fast(
        cls,
        doc: Doc,
        i: int,
        text: str,
        idx: int,
        whitespace: str,
        lower: str,
        lemma: str,
        pos: str,
        tag: str,
        dep: str,
        head: int,
        ent_type: str,
        ent_iob: str,
        morph: Morph,
        keys: tuple[str, ...],
        sent_start: bool,
        is_space: bool,
        is_punct: bool,
        like_num: bool,
    ) -> Token:
        """A token from values an adapter has already worked out (no checks, no defaults)."""
        t = cls.__new__(cls)
        t.doc, t.i, t.text, t.idx, t.whitespace_, t.lower_ = doc, i, text, idx, whitespace, lower
        t.lemma_, t.pos_, t.tag_, t.dep_, t._head = lemma, pos, tag, dep, head
        t.ent_type_, t.ent_iob_, t.morph, t.keys, t.is_sent_start = ent_type, ent_iob, morph, keys, sent_start
        t.is_space, t.is_punct, t.like_num, t._children = is_space, is_punct, like_num, []
        return t

    # -- the tree --------------------------------------------------------------------------
    @property
    def head(self) -> Token:
        return self.doc.tokens[self._head]

    @property
    def children(self) -> list[Token]:
        return self._children

    @property
    def lefts(self) -> list[Token]:
        return [c for c in self._children if c.i < self.i]

    @property
    def rights(self) -> list[Token]:
        return [c for c in self._children if c.i > self.i]

    @property
    def subtree(self) -> list[Token]:
        out: list[Token] = []
        stack = [self]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(t._children)
        out.sort(key=lambda t: t.i)
        return out

    @property
    def left_edge(self) -> Token:
        t = self
        while t._children and t._children[0].i < t.i:
            t = t._children[0]
        return t

    @property
    def right_edge(self) -> Token:
        t = self
        while t._children and t._children[-1].i > t.i:
            t = t._children[-1]
        return t

    @property
    def ancestors(self) -> Iterator[Token]:
        t = self
        for _ in range(len(self.doc.tokens)):
            if t._head == t.i:
                return
            t = t.head
            yield t

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Token({self.i}, {self.text!r}, {self.dep_}<-{self._head})"


def _like_num(text: str) -> bool:
    t = text.replace(",", "").replace(".", "", 1)
    return t.isdigit() or text.lower() in _NUMBER_WORDS


_NUMBER_WORDS = frozenset(
    {
        *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "twenty", "thirty", "forty", "fifty"),
        *("hundred", "thousand", "million", "billion"),
    }
)


class Span:
    """Tokens ``start`` to ``end`` (exclusive) of a doc: a sentence or an entity."""

    __slots__ = ("doc", "end", "label_", "start")

    def __init__(self, doc: Doc, start: int, end: int, label: str = "") -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.label_ = label

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx if self.end > self.start else 0

    @property
    def end_char(self) -> int:
        if self.end <= self.start:
            return self.start_char
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def root(self) -> Token:
        """The token whose head lies outside the span (the first such, as spaCy picks it)."""
        toks = self.doc.tokens
        for t in toks[self.start : self.end]:
            if t._head == t.i or not self.start <= t._head < self.end:
                return t
        return toks[self.start]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start

    @overload
    def __getitem__(self, key: int) -> Token: ...
    @overload
    def __getitem__(self, key: slice) -> Span: ...
    def __getitem__(self, key: int | slice) -> Token | Span:
        if isinstance(key, slice):
            lo, hi, _ = key.indices(len(self))
            return Span(self.doc, self.start + lo, self.start + max(lo, hi))
        if key < 0:
            key += len(self)
        return self.doc.tokens[self.start + key]

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {self.text[:40]!r})"


@dataclass
class Doc:
    """A parsed text: its tokens, sentences, entities and the parse tree over them."""

    text: str
    lang: str = "en"
    tokens: list[Token] = field(default_factory=list)
    ents: list[Span] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)
    #: One context vector per token from the parser (a numpy array of shape (tokens, dims)), or None.
    vectors: Any = None
    _sents: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def finish(self) -> Doc:
        """Link children to heads and find sentence bounds; adapters call it once, after adding tokens."""
        for t in self.tokens:
            t._children = []
        for t in self.tokens:
            if t._head != t.i:
                self.tokens[t._head]._children.append(t)
        starts = [t.i for t in self.tokens if t.is_sent_start or t.i == 0]
        ends = [*starts[1:], len(self.tokens)] if starts else []
        self._sents = [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]
        self._starts = [t.idx for t in self.tokens]
        return self

    @property
    def sents(self) -> Iterator[Span]:
        return (Span(self, s, e) for s, e in self._sents)

    @property
    def sent_bounds(self) -> list[tuple[int, int]]:
        return self._sents

    def char_span(self, start: int, end: int, alignment_mode: str = "expand") -> Span | None:
        """The tokens covering characters ``start``-``end`` (``expand``: any token they touch)."""
        if end <= start or not self.tokens:
            return None
        first = bisect.bisect_right(self._starts, start) - 1
        first = max(first, 0)
        t = self.tokens[first]
        if t.idx + len(t.text) <= start:
            first += 1
        last = bisect.bisect_left(self._starts, end)
        if first >= last:
            return None
        end_tok = self.tokens[last - 1]
        if alignment_mode == "strict" and (
            self.tokens[first].idx != start or end_tok.idx + len(end_tok.text) != end
        ):
            return None
        return Span(self, first, last)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    @overload
    def __getitem__(self, key: int) -> Token: ...
    @overload
    def __getitem__(self, key: slice) -> Span: ...
    def __getitem__(self, key: int | slice) -> Token | Span:
        if isinstance(key, slice):
            lo, hi, _ = key.indices(len(self.tokens))
            return Span(self, lo, max(lo, hi))
        return self.tokens[key]


def entity_spans(doc: Doc, labels: Sequence[tuple[int, int, str]]) -> list[Span]:
    """Entity spans from (start token, end token, label) triples."""
    return [Span(doc, s, e, label) for s, e, label in labels]
