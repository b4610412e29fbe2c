"""The speech-cue lexicon: which words introduce reported speech, and what content they take.

The cues live in ``data/cues.tsv`` (see the header of that file for its columns);
users add their own with a file of the same columns (``Options.statement_cue_files``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Literal

from ..errors import DataError
from ..options import Options

__all__ = ["Cue", "CueLexicon"]

CueForm = Literal["verb", "source"]
ContentRule = Literal["clause", "nominal", "quote"]
_FORMS = ("verb", "source")
_CONTENT = ("clause", "nominal", "quote")


@dataclass(frozen=True)
class Cue:
    """One speech cue: ``lemma`` and ``particle`` for verbs, ``prep``/``noun`` for source phrases."""

    text: str
    form: CueForm
    content: ContentRule
    lemma: str  # verb lemma, or the head word of a source phrase ("according", "words")
    particle: str | None = None  # "out" of "point out"; "to" of "according to"
    possessor: bool = False  # "in * words": the speaker is the noun's possessor or its "of" object


@dataclass(frozen=True)
class CueLexicon:
    """Verb cues by lemma and source cues by head word."""

    verbs: dict[str, tuple[Cue, ...]]
    sources: dict[str, Cue]
    version: str = "1"

    @classmethod
    def load(cls, options: Options) -> CueLexicon:
        """The packaged cues plus the user's files named in ``options.statement_cue_files``."""
        packaged = resources.files("eventwire.statements").joinpath("data", "cues.tsv")
        cues = parse_cues(packaged.read_text(encoding="utf-8"), "eventwire/statements/data/cues.tsv")
        for p in options.statement_cue_files:
            try:
                text = p.read_text(encoding="utf-8")
            except OSError as exc:
                raise DataError(
                    f"cannot read statement cue file {p} ({exc}); pass a readable TSV file"
                ) from exc
            cues.extend(parse_cues(text, str(p)))
        return cls.from_cues(cues)

    @classmethod
    def from_cues(cls, cues: list[Cue]) -> CueLexicon:
        verbs: dict[str, list[Cue]] = {}
        sources: dict[str, Cue] = {}
        for cue in cues:
            if cue.form == "verb":
                verbs.setdefault(cue.lemma, []).append(cue)
            else:
                sources[cue.lemma] = cue
        return cls(verbs={k: tuple(v) for k, v in verbs.items()}, sources=sources)

    def verb_cue(self, lemma: str, particles: set[str]) -> Cue | None:
        """The cue for a verb lemma given the particles it has ("point" + {"out"})."""
        best: Cue | None = None
        for cue in self.verbs.get(lemma.lower(), ()):
            if cue.particle is None and best is None:
                best = cue
            elif cue.particle is not None and cue.particle in particles:
                return cue
        return best


def parse_cues(text: str, where: str) -> list[Cue]:
    """Parse a cue TSV; raises DataError naming the file and line of a bad row."""
    cues: list[Cue] = []
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not header_seen and cols[:3] == ["cue", "form", "content"]:
            header_seen = True
            continue
        if len(cols) < 3:
            raise DataError(
                f"{where}:{number}: expected 3 tab-separated columns (cue, form, content), got {line!r}"
            )
        phrase, form, content = cols[0].lower(), cols[1], cols[2]
        if form not in _FORMS or content not in _CONTENT:
            raise DataError(
                f"{where}:{number}: form must be one of {_FORMS} and content one of {_CONTENT}, "
                f"got {form!r}/{content!r}"
            )
        words = phrase.split()
        if not words:
            raise DataError(f"{where}:{number}: empty cue")
        if form == "verb":
            cues.append(Cue(phrase, "verb", content, words[0], words[1] if len(words) > 1 else None))  # type: ignore[arg-type]
        elif len(words) == 3 and words[1] == "*":
            cues.append(Cue(phrase, "source", content, words[2], words[0], possessor=True))  # type: ignore[arg-type]
        elif len(words) == 2:
            cues.append(Cue(phrase, "source", content, words[0], words[1]))  # type: ignore[arg-type]
        else:
            raise DataError(
                f"{where}:{number}: a source cue is 'PREP-WORD PREP' (\"according to\") or "
                f"'PREP * NOUN' (\"in * words\"), got {phrase!r}"
            )
    return cues
