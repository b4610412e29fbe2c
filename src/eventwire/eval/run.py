"""Scoring gold files: code each gold article (or take existing coded output) and score it.

:func:`evaluate` returns an :class:`EvalReport` with one :class:`FileScore` per gold file
and micro-averaged totals (counts summed over files, then P/R/F1).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataError, InputError
from .gold import GoldFile, Stories, find_gold_files, load_gold, plover_types
from .scoring import (
    LEVELS,
    ActorScore,
    Counts,
    EventScore,
    StatementScore,
    score_actors,
    score_events,
    score_statements,
)

if TYPE_CHECKING:
    from ..pipeline import Coder

__all__ = ["EvalReport", "FileScore", "Totals", "evaluate", "read_coded", "score_file"]


@dataclass
class FileScore:
    gold: str
    article: str
    events: EventScore
    statements: StatementScore
    actors: ActorScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "article": self.article,
            "events": self.events.to_dict(),
            "statements": self.statements.to_dict(),
            "actors": self.actors.to_dict(),
        }


@dataclass
class Totals:
    """Micro-averaged counts over files: ``events[level]``, ``event_types[level][type]``, ..."""

    events: dict[str, Counts] = field(default_factory=dict)
    event_types: dict[str, dict[str, Counts]] = field(default_factory=dict)
    statements: dict[str, Counts] = field(default_factory=dict)
    persons: dict[str, Counts] = field(default_factory=dict)
    actors: dict[str, Counts] = field(default_factory=dict)
    attributes: dict[str, Counts] = field(default_factory=dict)
    outlet_claims: int = 0

    def add(self, fs: FileScore) -> None:
        for level in LEVELS:
            self.events.setdefault(level, Counts()).add(fs.events.levels[level].counts)
            types = self.event_types.setdefault(level, {})
            for t, c in fs.events.levels[level].per_type.items():
                types.setdefault(t, Counts()).add(c)
            self.statements.setdefault(level, Counts()).add(fs.statements.levels[level].counts)
            self.persons.setdefault(level, Counts()).add(fs.actors.groups["person"][level].counts)
            self.actors.setdefault(level, Counts()).add(fs.actors.groups["all"][level].counts)
        for name, c in fs.events.attributes.items():
            self.attributes.setdefault(name, Counts()).add(c)
        self.outlet_claims += fs.statements.outlet_claims

    def to_dict(self) -> dict[str, Any]:
        def levels(d: Mapping[str, Counts]) -> dict[str, Any]:
            return {k: v.to_dict() for k, v in d.items()}

        return {
            "events": levels(self.events),
            "event_types": {
                lv: {t: c.to_dict() for t, c in sorted(ts.items())} for lv, ts in self.event_types.items()
            },
            "statements": levels(self.statements),
            "outlet_claims": self.outlet_claims,
            "person_actors": levels(self.persons),
            "actors": levels(self.actors),
            "event_attributes": {
                k: {"agree": c.gold_matched, "compared": c.gold, "rate": round(c.recall, 4)}
                for k, c in sorted(self.attributes.items())
            },
        }


@dataclass
class EvalReport:
    files: list[FileScore]
    totals: Totals

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "eventwire.eval/1",
            "files": [f.to_dict() for f in self.files],
            "totals": self.totals.to_dict(),
        }


def score_file(gold: GoldFile, coded: Mapping[str, Any]) -> FileScore:
    """Score one coded article (a ``CodedArticle.to_dict()``) against one gold file."""
    return FileScore(
        gold=str(gold.path),
        article=str(gold.article_path),
        events=score_events(gold.data, coded),
        statements=score_statements(gold.data, coded),
        actors=score_actors(gold.data, coded),
    )


def evaluate(
    gold_paths: Iterable[str | Path],
    coder: Coder | None = None,
    coded: list[dict[str, Any]] | None = None,
    corpus: str | Path | None = None,
) -> EvalReport:
    """Score gold files: code their articles with ``coder``, or look them up in ``coded``.

    With ``coded`` (parsed ``eventwire code`` output), each gold file is paired with the coded
    article whose id equals the gold article's id, else whose source has the article's file
    name, else (one gold file, one coded article) the only one there is. ``corpus`` is the JSONL
    corpus for gold files naming corpus stories, instead of the one their ``article.corpus`` names.
    """
    types = plover_types()
    stories = Stories(corpus)
    golds = [load_gold(p, types, stories) for p in find_gold_files(gold_paths)]
    articles = [read_gold_article(g) for g in golds]
    if coded is None:
        if coder is None:
            from ..pipeline import Coder

            coder = Coder()
        results = [c.to_dict() for c in coder.code_many(articles)]
    else:
        results = [_pair(g, a, coded, len(golds)) for g, a in zip(golds, articles, strict=True)]
    report = EvalReport([], Totals())
    for gold, result in zip(golds, results, strict=True):
        fs = score_file(gold, result)
        report.files.append(fs)
        report.totals.add(fs)
    return report


def read_gold_article(gold: GoldFile) -> Any:
    from ..ingest import Metadata, read_articles
    from ..records import Rejected

    if gold.story is not None:
        return _story_article(gold)
    path = gold.article_path
    if not path.is_file():
        raise DataError(f"gold file {gold.path}: its article {path} does not exist; fix article.path")
    items = list(read_articles([path], metadata=Metadata(published=gold.published)))
    if len(items) != 1 or isinstance(items[0], Rejected):
        if items and isinstance(items[0], Rejected):
            raise InputError(items[0])
        raise DataError(
            f"gold file {gold.path}: {path} read as {len(items)} articles, not one; "
            "point article.path at a file holding exactly one article"
        )
    return items[0]


def _story_article(gold: GoldFile) -> Any:
    from ..ingest import Metadata, story_article
    from ..records import Rejected

    assert gold.story is not None
    meta = gold.data.get("article") or {}
    metadata = Metadata(published=gold.published, outlet=meta.get("outlet"), language=meta.get("language"))
    article = story_article(gold.story, f"{gold.corpus}:{gold.story_id}", metadata)
    if isinstance(article, Rejected):
        raise InputError(article)
    return article


def _pair(gold: GoldFile, article: Any, coded: list[dict[str, Any]], n_gold: int) -> dict[str, Any]:
    for c in coded:
        if (c.get("article") or {}).get("id") == article.id:
            return c
    name = gold.article_path.name
    for c in coded:
        source = (c.get("article") or {}).get("source")
        if source and Path(str(source)).name == name:
            return c
    if n_gold == 1 and len(coded) == 1:
        return coded[0]
    raise DataError(
        f"no coded article for gold file {gold.path} (article id {article.id[:12]}..., file {name}); "
        "code that article into the --coded file"
    )


def read_coded(path: str | Path) -> list[dict[str, Any]]:
    """Parse ``eventwire code --format json`` or ``jsonl`` output: one or more JSON objects."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read coded output {p} ({exc}); check the path") from exc
    decoder = json.JSONDecoder()
    out: list[dict[str, Any]] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise DataError(
                f"coded output {p} is not eventwire JSON/JSONL ({exc}); "
                "write it with eventwire code --format json or jsonl"
            ) from exc
        items = obj if isinstance(obj, list) else [obj]
        for item in items:
            if not isinstance(item, dict) or "events" not in item or "actors" not in item:
                raise DataError(
                    f"coded output {p} holds an object that is not an eventwire.article/1 record "
                    f"(keys: {', '.join(sorted(item)) if isinstance(item, dict) else type(item).__name__}); "
                    "pass the output of eventwire code --format json or jsonl, not plover or tsv"
                )
            out.append(item)
    if not out:
        raise DataError(
            f"coded output {p} is empty (no coded articles in it); code the gold articles into it "
            "with eventwire code --format jsonl, or leave out --coded to code them now"
        )
    return out
