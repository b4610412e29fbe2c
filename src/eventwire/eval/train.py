"""Training the event model from gold files: ``eventwire train GOLD...``.

    report = train(["tests/data/voa/dev"], options, output="model.npz")

1. Every gold article is parsed, its actors and statements found, and the rules' drafts coded;
   every candidate word gets its features (:meth:`~eventwire.events.EventCoder.candidates`) and a
   label from the gold (:func:`~eventwire.events.model.label`).
2. Cross-validation by article: for each fold, a model trained on the other folds codes the
   fold's articles with every setting of the grid (the probability at which the model adds an
   event, the one at which it drops a rule's), and events are scored against the gold as
   ``eventwire eval`` scores them; the setting with the best F1 by country wins.
3. The model is trained on all the data and saved with its settings, the training data's names
   and the cross-validated figures of rules alone, model alone and both (the ablation).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..options import Options
from ..records import ActorLayer, Article, CodedArticle, Statement
from .gold import GoldFile, Stories, find_gold_files, load_gold, plover_types
from .scoring import Counts, score_events

if TYPE_CHECKING:
    from ..events import EventCoder
    from ..events.model import EventModel, Example
    from ..nlp import Doc
    from ..pipeline import Coder

__all__ = ["GRID", "TrainReport", "train"]

#: (threshold, veto) settings tried in cross-validation.
GRID: tuple[tuple[float, float], ...] = tuple(
    (t, v) for t in (0.4, 0.5, 0.6, 0.7, 0.8) for v in (1.0, 0.95, 0.9)
)
#: How much an optional gold event and a "not an event" candidate count against a required event.
OPTIONAL_WEIGHT = 0.5
NONE_WEIGHT = 0.6


@dataclass
class Prepared:
    gold: GoldFile
    article: Article
    doc: Doc
    layer: ActorLayer
    statements: list[Statement]
    examples: list[Example] = field(default_factory=list)


@dataclass
class TrainReport:
    """What training did: data, folds, the chosen settings and the ablation (events F1 by country)."""

    articles: int
    examples: int
    positives: int
    folds: int
    threshold: float
    veto: float
    ablation: dict[str, dict[str, float]]
    grid: list[dict[str, float]]
    model_path: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _depth(tok: Any) -> int:
    return sum(1 for _ in tok.ancestors)


def prepare(golds: Sequence[GoldFile], coder: Coder) -> list[Prepared]:
    """Parse the gold articles and turn their candidates into labelled examples."""
    from ..events.model import Candidate, Example, label
    from .run import read_gold_article

    articles = [read_gold_article(g) for g in golds]
    out: list[Prepared] = []
    for gold, (article, doc, layer, statements) in zip(golds, coder.analyse(articles), strict=True):
        prepared = Prepared(gold, article, doc, layer, statements)
        scored = coder.event_coder.candidates(doc, article, layer, copy.deepcopy(statements))
        candidates = [
            Candidate(
                start=x.token.idx,
                end=x.token.idx + len(x.token.text),
                depth=_depth(x.token),
                pos=x.token.pos_,
                rule=next((f[5:] for f in x.features if f.startswith("rule=") and f != "rule=none"), None),
            )
            for x in scored
        ]
        for x, (tag, optional) in zip(
            scored, label(candidates, gold.data.get("events") or [], article.text), strict=True
        ):
            if tag is None:
                continue
            weight = NONE_WEIGHT if tag == "NONE" else OPTIONAL_WEIGHT if optional else 1.0
            prepared.examples.append(Example(tuple(x.features), x.vector, tag, str(gold.path), weight))
        out.append(prepared)
    return out


def _code(event_coder: EventCoder, p: Prepared, versions: dict[str, str]) -> dict[str, Any]:
    statements = copy.deepcopy(p.statements)
    events, skipped = event_coder.code(p.doc, p.article, p.layer, statements)
    coded = CodedArticle(p.article, p.layer.actors, events, statements, versions, skipped)
    return coded.to_dict()


def _f1(counts: Counts) -> float:
    return round(counts.f1, 4)


def _score(event_coder: EventCoder, items: Iterable[Prepared], versions: dict[str, str]) -> Counts:
    total = Counts()
    for p in items:
        total.add(score_events(p.gold.data, _code(event_coder, p, versions)).levels["country"].counts)
    return total


def train(
    gold_paths: Iterable[str | Path],
    options: Options,
    output: str | Path | None,
    *,
    folds: int = 5,
    corpus: str | Path | None = None,
    version: str | None = None,
    epochs: int = 300,
) -> TrainReport:
    """Train (and cross-validate) an event model on gold files; save it to ``output`` if given."""
    from ..events.model import NONE, ModelSettings, fit
    from ..pipeline import Coder

    stories = Stories(corpus)
    types = plover_types()
    golds = [load_gold(p, types, stories) for p in find_gold_files(gold_paths)]
    coder = Coder(options.replace(event_coding="rules", event_model=None))
    data = prepare(golds, coder)
    classes = (NONE, *types)
    version = version or f"events-{coder.parser.language}-{dt.date.today().isoformat()}"
    rules_only = coder.event_coder
    k = max(2, min(folds, len(data)))
    per_setting: dict[tuple[float, float], Counts] = {s: Counts() for s in GRID}
    ablation = {"rules": Counts(), "model": Counts(), "both": Counts()}
    for fold in range(k):
        held = [p for i, p in enumerate(data) if i % k == fold]
        train_examples = [e for i, p in enumerate(data) if i % k != fold for e in p.examples]
        model = fit(train_examples, classes, version=version, epochs=epochs)
        for threshold, veto in GRID:
            both = rules_only.with_model(model, ModelSettings(threshold, veto), "both")
            per_setting[(threshold, veto)].add(_score(both, held, coder.versions))
        ablation["rules"].add(_score(rules_only, held, coder.versions))
        alone = rules_only.with_model(model, ModelSettings(0.5, 1.0), "model")
        ablation["model"].add(_score(alone, held, coder.versions))
    best = max(GRID, key=lambda s: (per_setting[s].f1, s[1], s[0]))
    ablation["both"] = per_setting[best]
    examples = [e for p in data for e in p.examples]
    meta = {
        "threshold": best[0],
        "veto": best[1],
        "trained_on": sorted({str(Path(p.gold.path).parent) for p in data}),
        "articles": len(data),
        "examples": len(examples),
        "cross_validated_f1_country": {name: _f1(c) for name, c in ablation.items()},
    }
    model = fit(examples, classes, version=version, epochs=epochs, meta=meta)
    if output is not None:
        model.save(output)
    return TrainReport(
        articles=len(data),
        examples=len(examples),
        positives=sum(1 for e in examples if e.label != NONE),
        folds=k,
        threshold=best[0],
        veto=best[1],
        ablation={
            name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": _f1(c)}
            for name, c in ablation.items()
        },
        grid=[{"threshold": t, "veto": v, "f1": _f1(c)} for (t, v), c in per_setting.items()],
        model_path=str(output) if output is not None else None,
    )


def describe(model: EventModel) -> dict[str, Any]:
    """What a model file says about itself."""
    return {"version": model.version, "features": len(model.index), **model.meta}
