"""Reading and checking ``eventwire.gold/1`` files.

A gold file annotates one article: ``article`` (``path`` relative to the gold file, or a JSONL
``corpus`` relative to the gold file and the story's ``id`` in it; ``published``, ...), ``actors``
(canonical ``name``, ``also``, ``country``, ``sector``, ``type``), ``events`` and ``statements``.
Passages are snippets or offsets (:mod:`.anchor`); :func:`load_gold` returns the readable form,
checks the shape and that every participant and speaker a gold event or statement names is in
the actors table (so the country level can look its country up), and raises ``DataError``
otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..events.ontology import Ontology
from .anchor import resolve

__all__ = [
    "GOLD_SCHEMA",
    "GoldFile",
    "Stories",
    "check_gold",
    "find_gold_files",
    "load_gold",
    "plover_types",
]

GOLD_SCHEMA = "eventwire.gold/1"


def plover_types() -> tuple[str, ...]:
    """The PLOVER event types in codebook order, read from the packaged ontology on each call.

    Call it once per run and pass the result on (``load_gold(path, types)``).
    """
    return tuple(Ontology.load().types)


@dataclass(frozen=True)
class GoldFile:
    """One gold file: where it is, its data (readable form), and the article it annotates.

    ``story`` is the corpus record when the gold names a story of a JSONL corpus.
    """

    path: Path
    data: dict[str, Any]
    story: dict[str, Any] | None = None
    corpus: Path | None = None

    @property
    def article_path(self) -> Path:
        if self.corpus is not None:
            return self.corpus
        return (self.path.parent / str(self.data["article"]["path"])).resolve()

    @property
    def story_id(self) -> str | None:
        return None if self.story is None else str(self.story.get("id"))

    @property
    def published(self) -> str | None:
        value = self.data["article"].get("published")
        return str(value) if value else None


def find_gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Gold files named, and ``*.gold.json`` files found (recursively, sorted) in directories named."""
    given = list(paths)
    found: list[Path] = []
    for raw in given:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(p.rglob("*.gold.json")))
        elif p.is_file():
            found.append(p)
        else:
            raise DataError(
                f"gold path {p} does not exist; pass *.gold.json files or directories holding them"
            )
    if not found:
        raise DataError(
            f"no *.gold.json files found in {', '.join(str(p) for p in given)}; "
            "pass gold files or directories holding files named *.gold.json"
        )
    return found


class Stories:
    """Stories of JSONL corpora by id, each corpus read once (one per evaluation run)."""

    def __init__(self, corpus: str | Path | None = None) -> None:
        self.override = Path(corpus).resolve() if corpus else None
        self._read: dict[Path, dict[str, dict[str, Any]]] = {}

    def where(self, gold_path: Path, named: str) -> Path:
        """The corpus a gold file names (relative to it), unless one was given for all."""
        return self.override or (gold_path.parent / named).resolve()

    def get(self, corpus: Path, story_id: str) -> dict[str, Any] | None:
        if corpus not in self._read:
            self._read[corpus] = _read_corpus(corpus)
        return self._read[corpus].get(story_id)


def _read_corpus(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DataError(
                        f"corpus {path}:{number} is not valid JSON ({exc}); fix the line"
                    ) from exc
                if isinstance(record, dict) and "id" in record:
                    out[str(record["id"])] = record
    except OSError as exc:
        raise DataError(
            f"cannot read the corpus {path} ({exc}); put it where the gold's article.corpus says "
            "or pass --corpus"
        ) from exc
    return out


def load_gold(
    path: str | Path, types: Collection[str] | None = None, stories: Stories | None = None
) -> GoldFile:
    """Read and check one gold file (event types against ``types``, by default :func:`plover_types`).

    A gold file naming a corpus story is returned in its readable form, its offsets resolved
    against the story's text (looked up through ``stories``).
    """
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read gold file {p} ({exc}); check the path") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"gold file {p} is not valid JSON ({exc}); fix the file") from exc
    story: dict[str, Any] | None = None
    corpus: Path | None = None
    article = data.get("article") if isinstance(data, dict) else None
    if isinstance(article, dict) and article.get("corpus") and not article.get("path"):
        stories = stories or Stories()
        corpus = stories.where(p, str(article["corpus"]))
        story = stories.get(corpus, str(article.get("id")))
        if story is None or not isinstance(story.get("text"), str):
            raise DataError(
                f"gold file {p}: story {article.get('id')!r} is not in the corpus {corpus}; "
                "check article.id, or pass the corpus it comes from with --corpus"
            )
        try:
            data = resolve(data, story["text"])
        except ValueError as exc:
            raise DataError(f"gold file {p}: {exc}; the gold was made for another text") from exc
    problems = check_gold(data, types)
    if problems:
        raise DataError(f"gold file {p} is invalid: {'; '.join(problems[:5])}; fix the file")
    return GoldFile(p, data, story, corpus)


def check_gold(data: Any, types: Collection[str] | None = None) -> list[str]:
    """Problems with a parsed gold file, as sentences (empty when it is valid).

    Event types are checked against ``types``, by default the ontology's (:func:`plover_types`).
    """
    if not isinstance(data, dict):
        return ["the top level must be a JSON object"]
    problems: list[str] = []
    if data.get("schema") != GOLD_SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, expected {GOLD_SCHEMA!r}")
    article = data.get("article")
    if not isinstance(article, dict) or not (article.get("path") or article.get("corpus")):
        problems.append(
            "article.path (the article, relative to the gold file) or article.corpus and article.id "
            "(a story of a JSONL corpus) is missing"
        )
    names: set[str] = set()
    for actor in data.get("actors") or []:
        if not isinstance(actor, dict) or not actor.get("name"):
            problems.append(f"actor entry {actor!r} has no name")
            continue
        names.update(n.casefold() for n in [actor["name"], *(actor.get("also") or [])])
    known = plover_types() if types is None else types
    for ev in data.get("events") or []:
        ident = ev.get("id", "?")
        for t in [ev.get("type"), *(ev.get("also_types") or [])]:
            if t not in known:
                problems.append(f"event {ident}: {t!r} is not a PLOVER type")
        if not ev.get("sentence_contains"):
            problems.append(f"event {ident}: sentence_contains (or sentence_at) is missing")
        for who in [*(ev.get("actor") or []), *(ev.get("recipient") or [])]:
            if str(who).casefold() not in names:
                problems.append(f"event {ident}: participant {who!r} is not in the actors table")
    for st in data.get("statements") or []:
        ident = st.get("id", "?")
        if str(st.get("speaker")).casefold() not in names:
            problems.append(f"statement {ident}: speaker {st.get('speaker')!r} is not in the actors table")
        if not st.get("content_contains"):
            problems.append(f"statement {ident}: content_contains (or content_at) is missing")
    return problems
