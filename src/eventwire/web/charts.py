"""Geometry for the server-rendered charts: the story timeline and the dyad network.

Pure functions from query rows to shapes (coordinates, sizes, labels); the
templates draw them as SVG. No JavaScript is needed to see a chart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..events.ontology import Ontology

__all__ = ["PLOVER_TYPES", "Network", "Timeline", "network", "timeline"]

#: The 16 PLOVER event types, in codebook order (the colours in style.css follow it), from the
#: packaged ontology: read once at import into an immutable tuple (the load takes a few ms).
PLOVER_TYPES: tuple[str, ...] = tuple(Ontology.load().types)


@dataclass(frozen=True)
class Bar:
    label: str  # the bucket: "2025-02-13" or "2025-02"
    since: str
    until: str
    x: float
    width: float
    total: int
    segments: tuple[tuple[str, int, float, float], ...]  # (type, count, y, height)


@dataclass(frozen=True)
class Dot:
    x: float
    r: float
    type: str  # the most frequent type that day, for the colour
    count: int
    since: str
    until: str
    types: str  # "2 ACCUSE, 1 REJECT"


@dataclass(frozen=True)
class Lane:
    actors: str
    recipients: str
    first_actor: str  # for the link to the lane's events
    y: float
    dots: tuple[Dot, ...]


@dataclass
class Timeline:
    bars: list[Bar] = field(default_factory=list)
    undated: int = 0
    width: int = 900
    height: int = 240
    plot_top: int = 16
    plot_bottom: int = 200
    max_count: int = 0
    ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    types: list[tuple[str, int]] = field(default_factory=list)
    dyads: list[dict[str, Any]] = field(default_factory=list)
    bucket: str = "day"
    lanes: list[Lane] = field(default_factory=list)
    lane_left: int = 280
    lanes_height: int = 0
    lane_ticks: list[tuple[float, str]] = field(default_factory=list)


def _bucket_of(date: str, bucket: str) -> str:
    return date[:7] if bucket == "month" else date[:10]


def timeline(rows: list[dict[str, Any]], width: int = 900, height: int = 210) -> Timeline:
    """Stacked bars of linked events per day (or per month when the story spans over 90 days)."""
    tl = Timeline(width=width, height=height, plot_bottom=height - 40)
    dated = [r for r in rows if r.get("date")]
    tl.types = Counter(r["type"] for r in rows).most_common()
    dyad_counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        dyad_counts[_dyad(r)][r["type"]] += 1
    ranked = sorted(dyad_counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:15]
    tl.dyads = [
        {"actors": a, "recipients": b, "count": sum(c.values()), "types": c.most_common()}
        for (a, b), c in ranked
    ]
    days = sorted({r["date"][:10] for r in dated if len(r["date"]) >= 10})
    tl.bucket = "month" if len(days) > 1 and _span_days(days[0], days[-1]) > 90 else "day"
    # A date less precise than the bucket (a month in a daily chart, a year) cannot be placed on the axis.
    width_of = 10 if tl.bucket == "day" else 7
    placed = [r for r in dated if len(r["date"]) >= width_of]
    tl.undated = len(rows) - len(placed)
    if not placed:
        return tl
    buckets: dict[str, Counter[str]] = defaultdict(Counter)
    for r in placed:
        buckets[_bucket_of(r["date"], tl.bucket)][r["type"]] += 1
    labels = _all_buckets(sorted(buckets), tl.bucket)
    tl.max_count = max(sum(c.values()) for c in buckets.values())
    left, right = 40, width - 10
    slot = (right - left) / len(labels)
    bar_w = max(min(slot * 0.7, 60), 2)
    plot_h = tl.plot_bottom - tl.plot_top
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar_w) / 2
        y = float(tl.plot_bottom)
        segments = []
        for type_, n in sorted(buckets[label].items(), key=lambda kv: order.get(kv[0], 99)):
            h = plot_h * n / tl.max_count
            y -= h
            segments.append((type_, n, round(y, 1), round(h, 1)))
        until = label if tl.bucket == "day" else label + "-31"
        since = label if tl.bucket == "day" else label + "-01"
        tl.bars.append(
            Bar(
                label,
                since,
                until,
                round(x, 1),
                round(bar_w, 1),
                sum(buckets[label].values()),
                tuple(segments),
            )
        )
    _lanes(tl, placed, labels)
    step = max(1, math.ceil(len(labels) / 10))
    tl.ticks = [(b.x + b.width / 2, b.label) for b in tl.bars[::step]]
    y_step = max(1, math.ceil(tl.max_count / 5))
    tl.y_ticks = [
        (round(tl.plot_bottom - plot_h * v / tl.max_count, 1), v) for v in range(0, tl.max_count + 1, y_step)
    ]
    return tl


def _dyad(row: dict[str, Any]) -> tuple[str, str]:
    actors = ", ".join(row.get("actor") or []) or "?"
    arrow = "↔" if row.get("reciprocal") else "→"
    recipients = ", ".join(row.get("recipient") or [])
    return actors, f"{arrow} {recipients}" if recipients else ""


def _lanes(tl: Timeline, placed: list[dict[str, Any]], labels: list[str], top: int = 8) -> None:
    """One row per busiest dyad, a dot on each day (or month) it has events."""
    by_dyad: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    first_actor: dict[tuple[str, str], str] = {}
    for r in placed:
        key = _dyad(r)
        by_dyad[key][_bucket_of(r["date"], tl.bucket)][r["type"]] += 1
        first_actor.setdefault(key, (r.get("actor") or [""])[0])
    ranked = sorted(by_dyad, key=lambda k: (-sum(sum(c.values()) for c in by_dyad[k].values()), k))[:top]
    index = {label: i for i, label in enumerate(labels)}
    slot = (tl.width - 10 - tl.lane_left) / len(labels)
    for i, key in enumerate(ranked):
        dots = []
        for label, counts in sorted(by_dyad[key].items()):
            n = sum(counts.values())
            since = label if tl.bucket == "day" else label + "-01"
            until = label if tl.bucket == "day" else label + "-31"
            dots.append(
                Dot(
                    x=round(tl.lane_left + (index[label] + 0.5) * slot, 1),
                    r=round(min(6 + 2.5 * math.sqrt(n - 1), 12), 1),
                    type=counts.most_common(1)[0][0],
                    count=n,
                    since=since,
                    until=until,
                    types=", ".join(f"{c} {t}" for t, c in counts.most_common()),
                )
            )
        tl.lanes.append(Lane(key[0], key[1], first_actor[key], 18 + 26 * i, tuple(dots)))
    tl.lanes_height = 18 + 26 * len(tl.lanes) + 14
    step = max(1, math.ceil(len(labels) / 8))
    tl.lane_ticks = [
        (round(tl.lane_left + (i + 0.5) * slot, 1), labels[i]) for i in range(0, len(labels), step)
    ]


def _all_buckets(present: list[str], bucket: str) -> list[str]:
    """Every day (or month) from the first to the last present one, so gaps show as gaps."""
    from datetime import date, timedelta

    try:
        if bucket == "day":
            first, last = date.fromisoformat(present[0]), date.fromisoformat(present[-1])
            return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
        (y0, m0), (y1, m1) = (tuple(map(int, p.split("-"))) for p in (present[0], present[-1]))
        return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]
    except ValueError:
        return present


def _span_days(a: str, b: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except ValueError:
        return 0


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    x: float
    y: float
    r: float
    degree: int
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    count: int
    mutual: bool
    types: tuple[str, ...]
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    label_x: float
    label_y: float


@dataclass
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: int = 900
    height: int = 620
    hidden: int = 0  # actors left out to keep the drawing readable


def network(pairs: list[dict[str, Any]], max_nodes: int = 24, width: int = 900, height: int = 620) -> Network:
    """A circular layout of the actors in ``pairs`` (from :func:`eventwire.store.query.dyads`)."""
    degree: Counter[str] = Counter()
    names: dict[str, str] = {}
    for p in pairs:
        degree[p["source"]] += p["events"]
        degree[p["target"]] += p["events"]
        names[p["source"]] = p["source_name"]
        names[p["target"]] = p["target_name"]
    keep = [k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:max_nodes]]
    net = Network(width=width, height=height, hidden=max(len(degree) - len(keep), 0))
    if not keep:
        return net
    cx, cy = width / 2, height / 2
    radius = min(height / 2 - 40, width / 2 - 190)
    top = max(degree[k] for k in keep)
    nodes: dict[str, Node] = {}
    for i, key in enumerate(keep):
        angle = 2 * math.pi * i / len(keep) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 6 + 10 * math.sqrt(degree[key] / top)
        lx, ly = cx + (radius + r + 8) * math.cos(angle), cy + (radius + r + 8) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        nodes[key] = Node(
            key,
            names[key],
            round(x, 1),
            round(y, 1),
            round(r, 1),
            degree[key],
            round(lx, 1),
            round(ly + 4, 1),
            anchor,
        )
    net.nodes = list(nodes.values())
    top_edge = max((p["events"] for p in pairs), default=1)
    for p in pairs:
        s, t = nodes.get(p["source"]), nodes.get(p["target"])
        if s is None or t is None:
            continue
        dx, dy = t.x - s.x, t.y - s.y
        dist = math.hypot(dx, dy) or 1.0
        ux, uy = dx / dist, dy / dist
        # Directed pairs in both directions are offset sideways so both stay visible.
        off = 0.0 if p["mutual"] else 4.0
        x1, y1 = s.x + ux * s.r - uy * off, s.y + uy * s.r + ux * off
        x2, y2 = t.x - ux * (t.r + 4) - uy * off, t.y - uy * (t.r + 4) + ux * off
        net.edges.append(
            Edge(
                s,
                t,
                p["events"],
                bool(p["mutual"]),
                tuple(p["types"]),
                round(x1, 1),
                round(y1, 1),
                round(x2, 1),
                round(y2, 1),
                round(1 + 4 * p["events"] / top_edge, 1),
                round((x1 + x2) / 2 - uy * 8, 1),
                round((y1 + y2) / 2 + ux * 8, 1),
            )
        )
    return net
