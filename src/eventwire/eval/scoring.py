"""Scoring coded articles against gold annotations (pure functions on plain data).

Inputs are plain dicts: a gold file as parsed JSON (``eventwire.gold/1``) and a
coded article as parsed JSON (``eventwire.article/1``, i.e. ``CodedArticle.to_dict()``).
Nothing here reads files or runs the coder; see :mod:`eventwire.eval.run` for that.

Events (DESIGN.md, "Gold files and scoring"). A predicted event matches a gold event when

* its ``type`` is the gold ``type`` or one of the gold ``also_types``;
* its sentence contains the gold ``sentence_contains`` (after collapsing runs of
  whitespace and folding typographic quotes/dashes to ASCII on both sides);
* its participants match: for a ``symmetric`` gold event every gold actor is among the
  predicted actor + recipient lists; otherwise some gold actor is among the predicted
  actors and, if the gold lists recipients, some gold recipient is among the predicted
  recipients. (A gold event that lists no actors puts no constraint on the actors.)

Participants are compared at two levels:

* ``name``: the predicted actor's name equals (case-insensitively) the gold actor's
  canonical name or one of its ``also`` names, looked up in the gold's ``actors`` table;
* ``country``: the predicted actor's country code equals the gold actor's country code.
  A gold actor whose country is null (or that is missing from the actors table) can
  only be matched by name at this level.

Precision = predicted events that match ANY gold event (optional ones included) /
predicted events; recall = non-optional gold events matched / non-optional gold events.
Matching is not one-to-one: two predicted events may match the same gold event (both
count as correct), as the DESIGN's rule says.

Matched pairs are also compared on ``negated`` (a REJECT agrees with a negated gold event
whatever its flag), ``hypothetical``, ``mode`` and ``date`` where the gold gives them; these
agreement counts are informative and do not enter precision or recall.

Per-type figures are by the gold type: a predicted event that matches gold events is
credited to the type of the first non-optional gold event it matches (else the first
optional one); a spurious predicted event is charged to its own predicted type.

Statements match on speaker and content: the predicted speaker matches the gold speaker
(by name or ``also``, or at the country level by country code) and the gold
``content_contains`` is a substring of the predicted content. Statements the coder
marks ``kind == "outlet"`` are the outlet's own, unattributed claims, and gold files list
attributed statements only. So an outlet statement never matches a gold statement, and:

* when its content contains the ``content_contains`` of a (non-optional) gold statement,
  the coder found someone's statement but failed to attribute it: it counts as a predicted
  statement that matches nothing (spurious, at both levels), and the gold statement stays
  missed unless another prediction matches it;
* otherwise it is the outlet's own claim, which no gold lists: it is left out of statement
  precision and only counted, as ``outlet_claims``. (An outlet statement holding only an
  optional gold statement's content is one of these: an optional statement may go unfound.)

Actors: a predicted actor matches a gold actor when its name equals the gold name or
one of ``also`` (case-insensitively); at the ``country`` level its country must also
equal the gold actor's. Gold files need not list every actor of an article, so an
unmatched predicted actor is counted as wrong but listed for inspection. Figures are
given for person actors and for all actors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = [
    "LEVELS",
    "ActorScore",
    "Counts",
    "EventScore",
    "GoldActors",
    "LevelScore",
    "StatementScore",
    "event_matches",
    "normalize_text",
    "score_actors",
    "score_events",
    "score_statements",
]

LEVELS = ("name", "country")

P = TypeVar("P")
G = TypeVar("G")

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Text as compared by the scorer: ASCII quotes/dashes, single spaces, stripped."""
    return _SPACES.sub(" ", text.translate(_TRANSLATE)).strip()


@dataclass
class Counts:
    """Precision counts predicted items that match; recall counts gold items matched."""

    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.predicted_matched += other.predicted_matched
        self.gold += other.gold
        self.gold_matched += other.gold_matched

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "predicted_matched": self.predicted_matched,
            "gold": self.gold,
            "gold_matched": self.gold_matched,
        }


@dataclass
class LevelScore:
    """One level (name or country) of one kind of item: counts, misses, false alarms."""

    level: str
    counts: Counts = field(default_factory=Counts)
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold items not matched
    spurious: list[dict[str, Any]] = field(default_factory=list)  # predicted items matching nothing
    per_type: dict[str, Counts] = field(default_factory=dict)  # events only

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "level": self.level,
            **self.counts.to_dict(),
            "missed": list(self.missed),
            "spurious": list(self.spurious),
        }
        if self.per_type:
            out["per_type"] = {t: c.to_dict() for t, c in sorted(self.per_type.items())}
        return out


@dataclass
class EventScore:
    levels: dict[str, LevelScore]
    # Agreement of attributes on matched pairs at the name level (informative, not in P/R).
    attributes: dict[str, Counts] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "attributes": {k: _agreement(c) for k, c in sorted(self.attributes.items())},
        }


@dataclass
class StatementScore:
    levels: dict[str, LevelScore]
    outlet_claims: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "outlet_claims": self.outlet_claims,
        }


@dataclass
class ActorScore:
    """Actor figures: ``groups['person'|'all'][level]``."""

    groups: dict[str, dict[str, LevelScore]]
    sector: Counts = field(default_factory=Counts)  # matched (name level) actors with an acceptable sector

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": {g: {k: v.to_dict() for k, v in lv.items()} for g, lv in self.groups.items()},
            "sector": _agreement(self.sector),
        }


def _agreement(c: Counts) -> dict[str, Any]:
    return {"agree": c.gold_matched, "compared": c.gold, "rate": round(c.recall, 4)}


# --------------------------------------------------------------------------- gold actors


@dataclass(frozen=True)
class _GoldActor:
    name: str
    names: frozenset[str]  # casefolded name + also
    country: str | None
    sectors: tuple[str | None, ...]
    type: str | None


class GoldActors:
    """The gold's ``actors`` table, for looking participants up by name."""

    def __init__(self, gold: Mapping[str, Any]) -> None:
        self._by_name: dict[str, _GoldActor] = {}
        self.entries: list[_GoldActor] = []
        for raw in gold.get("actors") or []:
            entry = _gold_actor(raw)
            self.entries.append(entry)
            for n in entry.names:
                self._by_name.setdefault(n, entry)

    def get(self, name: str) -> _GoldActor:
        """The table entry for a name used in a gold event; a bare entry when it is not listed."""
        found = self._by_name.get(name.casefold())
        if found is not None:
            return found
        return _GoldActor(name, frozenset({name.casefold()}), None, (), None)


def _gold_actor(raw: Mapping[str, Any]) -> _GoldActor:
    name = str(raw["name"])
    also = [str(a) for a in raw.get("also") or []]
    sector = raw.get("sector")
    sectors: tuple[str | None, ...] = tuple(sector) if isinstance(sector, list) else (sector,)
    return _GoldActor(
        name=name,
        names=frozenset(n.casefold() for n in [name, *also]),
        country=raw.get("country"),
        sectors=sectors,
        type=raw.get("type"),
    )


def _actor_matches(pred: Mapping[str, Any] | None, gold: _GoldActor, level: str) -> bool:
    if pred is None:
        return False
    name = str(pred.get("name") or "").casefold()
    if level == "name" or gold.country is None:
        return name in gold.names
    return pred.get("country") is not None and pred.get("country") == gold.country


# --------------------------------------------------------------------------- events


def _participants_match(
    gold_event: Mapping[str, Any],
    actors: Sequence[Mapping[str, Any] | None],
    recipients: Sequence[Mapping[str, Any] | None],
    table: GoldActors,
    level: str,
) -> bool:
    g_actors = [table.get(n) for n in gold_event.get("actor") or []]
    g_recips = [table.get(n) for n in gold_event.get("recipient") or []]
    if gold_event.get("symmetric"):
        everyone = [*actors, *recipients]
        return all(any(_actor_matches(p, g, level) for p in everyone) for g in g_actors)
    if g_actors and not any(_actor_matches(p, g, level) for p in actors for g in g_actors):
        return False
    return not g_recips or any(_actor_matches(p, g, level) for p in recipients for g in g_recips)


def event_matches(
    gold_event: Mapping[str, Any],
    pred_event: Mapping[str, Any],
    coded_actors: Mapping[str, Mapping[str, Any]],
    table: GoldActors,
    level: str,
    sentence: str | None = None,
) -> bool:
    """Whether one predicted event matches one gold event at ``level`` (the DESIGN's rule)."""
    types = {gold_event.get("type"), *(gold_event.get("also_types") or [])}
    if pred_event.get("type") not in types:
        return False
    if sentence is None:
        sentence = normalize_text(str(pred_event.get("sentence") or ""))
    if normalize_text(str(gold_event.get("sentence_contains") or "")) not in sentence:
        return False
    actors = [coded_actors.get(i) for i in pred_event.get("actor") or []]
    recipients = [coded_actors.get(i) for i in pred_event.get("recipient") or []]
    return _participants_match(gold_event, actors, recipients, table, level)


def _event_sentence(event: Mapping[str, Any], article_text: str | None) -> str:
    text = event.get("sentence")
    if not text and article_text is not None and event.get("start") is not None:
        text = article_text[int(event["start"]) : int(event["end"])]
    return normalize_text(str(text or ""))


def _describe_gold_event(ev: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": ev.get("id"),
        "type": ev.get("type"),
        "actor": list(ev.get("actor") or []),
        "recipient": list(ev.get("recipient") or []),
        "sentence_contains": ev.get("sentence_contains"),
    }


def _describe_pred_event(ev: Mapping[str, Any], actors: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    def names(ids: Iterable[str]) -> list[str]:
        return [_actor_label(actors.get(i), i) for i in ids]

    trigger = ev.get("trigger")
    return {
        "id": ev.get("id"),
        "type": ev.get("type"),
        "actor": names(ev.get("actor") or []),
        "recipient": names(ev.get("recipient") or []),
        "trigger": trigger.get("text") if isinstance(trigger, Mapping) else trigger,
        "sentence": ev.get("sentence"),
    }


def _actor_label(actor: Mapping[str, Any] | None, fallback: str) -> str:
    if actor is None:
        return fallback
    return f"{actor.get('name')} ({actor.get('country') or '?'})"


def score_events(gold: Mapping[str, Any], coded: Mapping[str, Any]) -> EventScore:
    """Score the coded article's events against the gold events, at the name and country levels."""
    table = GoldActors(gold)
    coded_actors = {str(a["id"]): a for a in coded.get("actors") or []}
    article_text = (coded.get("article") or {}).get("text")
    gold_events = list(gold.get("events") or [])
    preds = list(coded.get("events") or [])
    sentences = [_event_sentence(p, article_text) for p in preds]
    levels: dict[str, LevelScore] = {}
    attributes: dict[str, Counts] = {}
    for level in LEVELS:
        score = LevelScore(level)
        matched_gold: set[int] = set()
        for p_index, pred in enumerate(preds):
            hits = [
                g_index
                for g_index, g in enumerate(gold_events)
                if event_matches(g, pred, coded_actors, table, level, sentences[p_index])
            ]
            matched_gold.update(hits)
            score.counts.predicted += 1
            if hits:
                score.counts.predicted_matched += 1
                best = min(hits, key=lambda i: (bool(gold_events[i].get("optional")), i))
                credited = str(gold_events[best].get("type"))
                _type_counts(score, credited).predicted += 1
                _type_counts(score, credited).predicted_matched += 1
                if level == "name":
                    for g_index in hits:
                        _compare_attributes(gold_events[g_index], pred, attributes)
            else:
                _type_counts(score, str(pred.get("type"))).predicted += 1
                score.spurious.append(_describe_pred_event(pred, coded_actors))
        for g_index, g in enumerate(gold_events):
            if g.get("optional"):
                continue
            counts = _type_counts(score, str(g.get("type")))
            score.counts.gold += 1
            counts.gold += 1
            if g_index in matched_gold:
                score.counts.gold_matched += 1
                counts.gold_matched += 1
            else:
                score.missed.append(_describe_gold_event(g))
        levels[level] = score
    return EventScore(levels, attributes)


def _type_counts(score: LevelScore, event_type: str) -> Counts:
    return score.per_type.setdefault(event_type, Counts())


def _compare_attributes(gold_ev: Mapping[str, Any], pred: Mapping[str, Any], out: dict[str, Counts]) -> None:
    """Count agreement on flags, mode and date for a matched pair (gold/gold_matched = compared/agree)."""
    gold_negated = bool(gold_ev.get("negated", False))
    pred_negated = bool(pred.get("negated", False))
    # A refusal (REJECT) already says "not": coding a negated sentence as REJECT agrees either way.
    refusal = gold_negated and pred.get("type") == "REJECT"
    checks: list[tuple[str, bool]] = [("negated", refusal or gold_negated == pred_negated)]
    if "hypothetical" in gold_ev:
        checks.append(("hypothetical", bool(gold_ev["hypothetical"]) == bool(pred.get("hypothetical"))))
    if "mode_any" in gold_ev:
        checks.append(("mode", pred.get("mode") in gold_ev["mode_any"]))
    elif gold_ev.get("mode"):
        checks.append(("mode", pred.get("mode") == gold_ev["mode"]))
    if gold_ev.get("date"):
        checks.append(("date", str(pred.get("date") or "") == str(gold_ev["date"])))
    for name, agree in checks:
        c = out.setdefault(name, Counts())
        c.gold += 1
        c.gold_matched += int(agree)


# --------------------------------------------------------------------------- one level


def _score_level(
    level: str,
    preds: Sequence[P],
    golds: Sequence[G],
    match: Callable[[P, G], bool],
    describe_pred: Callable[[P], dict[str, Any]],
    describe_gold: Callable[[G], dict[str, Any]],
    required: Callable[[G], bool] = lambda _: True,
) -> LevelScore:
    """Count ``preds`` matching any gold and ``golds`` (the ``required`` ones) matched by any pred."""
    score = LevelScore(level)
    matched_gold: set[int] = set()
    for pred in preds:
        hits = [i for i, g in enumerate(golds) if match(pred, g)]
        matched_gold.update(hits)
        score.counts.predicted += 1
        if hits:
            score.counts.predicted_matched += 1
        else:
            score.spurious.append(describe_pred(pred))
    for i, g in enumerate(golds):
        if not required(g):
            continue
        score.counts.gold += 1
        if i in matched_gold:
            score.counts.gold_matched += 1
        else:
            score.missed.append(describe_gold(g))
    return score


# --------------------------------------------------------------------------- statements


@dataclass(frozen=True)
class _PredStatement:
    raw: Mapping[str, Any]
    content: str  # normalized
    speaker: Mapping[str, Any] | None  # the coded actor
    outlet: bool


def score_statements(gold: Mapping[str, Any], coded: Mapping[str, Any]) -> StatementScore:
    """Score statements (speaker + content substring); outlet claims holding gold content are spurious."""
    table = GoldActors(gold)
    coded_actors = {str(a["id"]): a for a in coded.get("actors") or []}
    gold_statements = list(gold.get("statements") or [])
    required = [
        normalize_text(str(g.get("content_contains") or "")) for g in gold_statements if not g.get("optional")
    ]
    preds: list[_PredStatement] = []
    outlet_claims = 0
    for raw in coded.get("statements") or []:
        p = _PredStatement(
            raw,
            normalize_text(str(raw.get("content") or "")),
            coded_actors.get(str(raw.get("speaker"))),
            raw.get("kind") == "outlet",
        )
        if p.outlet and not any(w in p.content for w in required):
            outlet_claims += 1  # the outlet's own claim, which gold files do not list
            continue
        preds.append(p)  # an outlet claim holding gold content is a statement left unattributed

    def describe(p: _PredStatement) -> dict[str, Any]:
        return {
            "id": p.raw.get("id"),
            "speaker": _actor_label(p.speaker, str(p.raw.get("speaker"))),
            "kind": p.raw.get("kind"),
            "content": p.raw.get("content"),
        }

    def describe_gold(g: Mapping[str, Any]) -> dict[str, Any]:
        return {"id": g.get("id"), "speaker": g.get("speaker"), "content_contains": g.get("content_contains")}

    levels: dict[str, LevelScore] = {}
    for level in LEVELS:

        def match(p: _PredStatement, g: Mapping[str, Any], level: str = level) -> bool:
            return (
                not p.outlet
                and normalize_text(str(g.get("content_contains") or "")) in p.content
                and _actor_matches(p.speaker, table.get(str(g.get("speaker"))), level)
            )

        levels[level] = _score_level(
            level, preds, gold_statements, match, describe, describe_gold, lambda g: not g.get("optional")
        )
    return StatementScore(levels, outlet_claims=outlet_claims)


# --------------------------------------------------------------------------- actors


def score_actors(gold: Mapping[str, Any], coded: Mapping[str, Any]) -> ActorScore:
    """Actor recall/precision by name and by name + country, for persons and for all actors."""
    table = GoldActors(gold)
    preds = list(coded.get("actors") or [])
    groups: dict[str, dict[str, LevelScore]] = {}
    for group in ("person", "all"):
        g_entries = [g for g in table.entries if group == "all" or g.type == "person"]
        p_entries = [p for p in preds if group == "all" or p.get("kind") == "person"]
        groups[group] = {}
        for level in LEVELS:

            def match(p: Mapping[str, Any], g: _GoldActor, level: str = level) -> bool:
                return _actor_name_country(p, g, level)

            groups[group][level] = _score_level(
                level, p_entries, g_entries, match, _describe_pred_actor, _describe_gold_actor
            )
    sector = Counts()
    for pred in preds:
        for g in table.entries:
            if _actor_name_country(pred, g, "name") and g.sectors != (None,):
                sector.gold += 1
                sector.gold_matched += int(pred.get("sector") in g.sectors)
                break
    return ActorScore(groups, sector)


def _describe_pred_actor(p: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": p.get("name"), "kind": p.get("kind"), "country": p.get("country")}


def _describe_gold_actor(g: _GoldActor) -> dict[str, Any]:
    return {"name": g.name, "type": g.type, "country": g.country}


def _actor_name_country(pred: Mapping[str, Any], gold: _GoldActor, level: str) -> bool:
    if str(pred.get("name") or "").casefold() not in gold.names:
        return False
    return level == "name" or pred.get("country") == gold.country
