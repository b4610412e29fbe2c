"""The event lexicon: patterns over lemmas mapped to PLOVER type, mode, context and CAMEO code.

The packaged lexicon of a language is ``data/<lang>/lexicon.tsv`` (its header documents the
format); users add patterns with ``Options.lexicon_files`` in the same format. Patterns are parsed once and
indexed by (kind, head lemma), so matching a sentence is one dictionary look-up per token.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from ..errors import LexiconError
from ..options import Options
from .ontology import Ontology

__all__ = ["KINDS", "Lexicon", "Pattern"]

DATA = "eventwire.events.data"
#: Pattern kinds: see the header of data/lexicon.tsv.
KINDS = frozenset({"V", "VO", "N", "A", "L", "F", "S", "M", "B", "G"})
EVENT_KINDS = frozenset({"V", "VO", "N", "A", "M"})
FLAGS = frozenset(
    {
        "recip",
        "frame",
        "intent",
        "decide",
        "recv",
        "subj",
        "report",
        "container",
        "needobj",
        "objactor",
        "future",
        "civil",
        "weak",
        "armed",
        "model",
    }
)
COLUMNS = ("kind", "pattern", "type", "mode", "context", "cameo", "flags")


@dataclass(frozen=True)
class Pattern:
    """One lexicon row, parsed."""

    kind: str
    head: str  # the lemma the pattern is indexed by (verb, noun or adjective)
    comps: tuple[str, ...]  # V/L/F/S: lemmas of required children (particles, fixed objects)
    preps: tuple[tuple[str, str | None], ...]  # required (preposition, object lemma or None)
    mods: tuple[str, ...]  # VO/N: required modifier lemmas of the (object) noun
    obj: str | None  # VO: the object noun's lemma
    type: str | None
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    flags: frozenset[str]
    source: str  # "file:line", for messages

    @cached_property
    def specificity(self) -> int:
        pobjs = sum(1 for _, pobj in self.preps if pobj)
        extra = (2 if self.obj else 0) + (1 if "objactor" in self.flags else 0)
        return 1 + len(self.comps) + len(self.preps) + pobjs + len(self.mods) + extra

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass
class Lexicon:
    """Event patterns indexed by kind and head lemma."""

    version: str
    ontology: Ontology
    index: dict[tuple[str, str], list[Pattern]]
    size: int
    language: str = "en"

    @classmethod
    def load(cls, options: Options, language: str = "en") -> Lexicon:
        ontology = Ontology.load()
        name = f"{language}/lexicon.tsv"
        try:
            folder = resources.files(DATA).joinpath(language)
            text = folder.joinpath("lexicon.tsv").read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(
                f"there is no event lexicon for language {language!r} ({exc}); "
                "add data/<lang>/lexicon.tsv for a new language"
            ) from exc
        version, patterns = parse_lexicon(text, name, ontology)
        for path in options.lexicon_files:
            try:
                user_text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise LexiconError(
                    f"lexicon file {path} cannot be read ({exc}); fix the path in lexicon_files"
                ) from exc
            user_version, more = parse_lexicon(user_text, str(path), ontology)
            patterns.extend(more)
            version += f"+{Path(path).stem}-{user_version}" if user_version else f"+{Path(path).stem}"
        return cls.from_patterns(version, ontology, patterns, language)

    @classmethod
    def from_patterns(
        cls, version: str, ontology: Ontology, patterns: list[Pattern], language: str = "en"
    ) -> Lexicon:
        index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in patterns:
            index[(p.kind, p.head)].append(p)
        for plist in index.values():
            plist.sort(key=lambda p: (-p.specificity, p.has("weak")))
        return cls(
            version=version, ontology=ontology, index=dict(index), size=len(patterns), language=language
        )

    def get(self, kind: str, lemma: str) -> list[Pattern]:
        """Patterns of ``kind`` headed by ``lemma``, most specific first."""
        return self.index.get((kind, lemma), [])

    def has(self, kind: str, lemma: str) -> bool:
        return (kind, lemma) in self.index


def parse_lexicon(text: str, name: str, ontology: Ontology) -> tuple[str, list[Pattern]]:
    """Parse one lexicon file: (its VERSION, its patterns). Raises LexiconError on bad rows."""
    version = ""
    patterns: list[Pattern] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{name}:{number}"
        if cells[0] == "VERSION":
            version = cells[1].strip() if len(cells) > 1 else ""
            continue
        if cells[0] == "kind":
            continue
        if len(cells) != len(COLUMNS):
            raise LexiconError(
                f"{where}: expected {len(COLUMNS)} tab-separated columns ({', '.join(COLUMNS)}), "
                f"got {len(cells)}: {line!r}"
            )
        patterns.append(parse_row(cells, where, ontology))
    return version, patterns


def _cell(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def parse_row(cells: list[str], where: str, ontology: Ontology) -> Pattern:
    kind = cells[0].strip()
    if kind not in KINDS:
        raise LexiconError(f"{where}: unknown pattern kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
    text = cells[1].strip()
    if not text:
        raise LexiconError(f"{where}: empty pattern")
    ptype, mode, cameo = _cell(cells[2]), _cell(cells[3]), _cell(cells[5])
    contexts = tuple(c.strip() for c in (cells[4] or "").split(";") if _cell(c))
    flags = frozenset(f.strip() for f in cells[6].split(",") if _cell(f))
    bad = flags - FLAGS
    if bad:
        raise LexiconError(
            f"{where}: unknown flag(s) {', '.join(sorted(bad))}; known: {', '.join(sorted(FLAGS))}"
        )
    if kind in EVENT_KINDS:
        if ptype is None:
            raise LexiconError(f"{where}: {kind} patterns need a PLOVER type")
        ontology.check(ptype, mode, contexts, where)
        if cameo is None:
            cameo = ontology.cameo_for(ptype, mode, contexts)
        elif cameo not in ontology.cameo:
            raise LexiconError(f"{where}: CAMEO code {cameo!r} is not in the CAMEO table (data/cameo.tsv)")
    words = [w for w in text.lower().split() if not w.startswith("+")]
    preps: list[tuple[str, str | None]] = []
    for w in text.lower().split():
        if w.startswith("+"):
            prep, _, pobj = w[1:].partition(":")
            preps.append((prep, pobj or None))
    head, comps, mods, obj = "", [], [], None
    if kind in ("V", "L", "F", "S", "M"):
        head, comps = words[0], words[1:]
    elif kind == "VO":
        if len(words) < 2:
            raise LexiconError(f"{where}: VO patterns need a verb and an object: {text!r}")
        verb = words[0].split("_")
        head, comps, mods, obj = verb[0], verb[1:], words[1:-1], words[-1]
    elif kind in ("N", "B"):
        head, mods = words[-1], words[:-1]
    elif kind == "A":
        head, comps = words[0], words[1:]
    elif kind == "G":
        head, mods = words[-1], words[:-1]
    return Pattern(
        kind=kind,
        head=head,
        comps=tuple(comps),
        preps=tuple(preps),
        mods=tuple(mods),
        obj=obj,
        type=ptype,
        mode=mode,
        contexts=contexts,
        cameo=cameo,
        flags=flags,
        source=where,
    )
