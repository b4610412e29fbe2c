"""Reading and checking ``eventwire.gold/1`` files.

A gold file annotates one article: ``article`` (``path`` relative to the gold file,
``published``, ...), ``actors`` (canonical ``name``, ``also``, ``country``, ``sector``,
``type``), ``events`` and ``statements``. :func:`load_gold` checks the shape and that
every participant and speaker a gold event or statement names is in the actors table
(so the country level can look its country up), and raises ``DataError`` otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..events.ontology import Ontology

__all__ = ["GOLD_SCHEMA", "GoldFile", "check_gold", "find_gold_files", "load_gold", "plover_types"]

GOLD_SCHEMA = "eventwire.gold/1"


def plover_types() -> tuple[str, ...]:
    """The PLOVER event types in codebook order, read from the packaged ontology on each call.

    Call it once per run and pass the result on (``load_gold(path, types)``).
    """
    return tuple(Ontology.load().types)


@dataclass(frozen=True)
class GoldFile:
    """One gold file: where it is, its parsed data, and the article it annotates."""

    path: Path
    data: dict[str, Any]

    @property
    def article_path(self) -> Path:
        return (self.path.parent / str(self.data["article"]["path"])).resolve()

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


def load_gold(path: str | Path, types: Collection[str] | None = None) -> GoldFile:
    """Read and check one gold file (event types against ``types``, by default :func:`plover_types`)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read gold file {p} ({exc}); check the path") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"gold file {p} is not valid JSON ({exc}); fix the file") from exc
    problems = check_gold(data, types)
    if problems:
        raise DataError(f"gold file {p} is invalid: {'; '.join(problems[:5])}; fix the file")
    return GoldFile(p, data)


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
    if not isinstance(article, dict) or not article.get("path"):
        problems.append("article.path (the article, relative to the gold file) is missing")
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
            problems.append(f"event {ident}: sentence_contains is missing")
        for who in [*(ev.get("actor") or []), *(ev.get("recipient") or [])]:
            if str(who).casefold() not in names:
                problems.append(f"event {ident}: participant {who!r} is not in the actors table")
    for st in data.get("statements") or []:
        ident = st.get("id", "?")
        if str(st.get("speaker")).casefold() not in names:
            problems.append(f"statement {ident}: speaker {st.get('speaker')!r} is not in the actors table")
        if not st.get("content_contains"):
            problems.append(f"statement {ident}: content_contains is missing")
    return problems
