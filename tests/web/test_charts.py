"""Chart geometry: the story timeline's buckets and the dyad network's layout."""

from __future__ import annotations

import math
from typing import Any

from eventwire.web.charts import network, timeline


def ev(
    date: str | None, type_: str = "CONSULT", actor: str = "A", recipient: str | None = "B"
) -> dict[str, Any]:
    return {
        "date": date,
        "type": type_,
        "actor": [actor],
        "recipient": [recipient] if recipient else None,
        "reciprocal": False,
    }


def test_timeline_fills_empty_days_and_stacks_types() -> None:
    tl = timeline([ev("2025-03-10"), ev("2025-03-10", "ACCUSE"), ev("2025-03-13"), ev(None), ev("2025-03")])
    assert tl.bucket == "day"
    assert [b.label for b in tl.bars] == ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13"]
    assert [b.total for b in tl.bars] == [2, 0, 0, 1]
    assert tl.undated == 2  # no date, and a month-only date in a daily chart
    first = tl.bars[0]
    assert [s[0] for s in first.segments] == ["CONSULT", "ACCUSE"]  # codebook order, bottom up
    tallest = tl.plot_bottom - tl.plot_top
    assert math.isclose(sum(s[3] for s in first.segments), tallest, abs_tol=0.2)
    assert dict(tl.types) == {"CONSULT": 4, "ACCUSE": 1}
    assert tl.dyads[0] == {
        "actors": "A",
        "recipients": "→ B",
        "count": 5,
        "types": [("CONSULT", 4), ("ACCUSE", 1)],
    }


def test_long_stories_are_drawn_by_month() -> None:
    tl = timeline([ev("2024-11-02"), ev("2025-02-20"), ev("2025-02")])
    assert tl.bucket == "month" and tl.undated == 0
    assert [b.label for b in tl.bars] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert tl.bars[-1].since == "2025-02-01" and tl.bars[-1].total == 2


def test_timeline_without_dates() -> None:
    tl = timeline([ev(None), ev(None, "AID")])
    assert tl.bars == [] and tl.undated == 2 and len(tl.types) == 2


def pair(s: str, t: str, n: int = 1, mutual: bool = False) -> dict[str, Any]:
    return {
        "source": s,
        "source_name": s.upper(),
        "target": t,
        "target_name": t.upper(),
        "events": n,
        "mutual": mutual,
        "types": ["CONSULT"],
    }


def test_network_lays_actors_on_a_circle_and_keeps_the_busiest() -> None:
    pairs = [pair("a", "b", 3), pair("b", "c", 1, mutual=True)] + [pair("x", f"y{i}") for i in range(30)]
    net = network(pairs, max_nodes=10)
    assert len(net.nodes) == 10 and net.hidden == 34 - 10  # a, b, c, x and y0..y29
    assert net.nodes[0].key == "x"  # 30 links
    cx, cy = net.width / 2, net.height / 2
    radii = {round(math.hypot(n.x - cx, n.y - cy)) for n in net.nodes}
    assert len(radii) == 1
    keys = {n.key for n in net.nodes}
    assert all(e.source.key in keys and e.target.key in keys for e in net.edges)
    ab = next(e for e in net.edges if e.source.key == "a" and e.target.key == "b")
    assert ab.width > min(e.width for e in net.edges) and ab.count == 3


def test_empty_network() -> None:
    net = network([])
    assert net.nodes == [] and net.edges == [] and net.hidden == 0


def test_dyad_lanes_put_a_dot_per_day_on_the_busiest_dyads() -> None:
    rows = [
        ev("2025-03-10", "ACCUSE", "A", "B"),
        ev("2025-03-10", "REJECT", "A", "B"),
        ev("2025-03-10", "ACCUSE"),
    ]
    rows += [ev("2025-03-12", "AID", "C", None), ev(None, "AID", "D", "E")]
    tl = timeline(rows)
    assert [(lane.actors, lane.recipients) for lane in tl.lanes] == [("A", "→ B"), ("C", "")]
    ab = tl.lanes[0]
    assert len(ab.dots) == 1 and ab.dots[0].count == 3 and ab.dots[0].type == "ACCUSE"
    assert ab.dots[0].types == "2 ACCUSE, 1 REJECT" and ab.first_actor == "A"
    c = tl.lanes[1].dots[0]
    assert c.x > ab.dots[0].x and c.r < ab.dots[0].r and c.since == c.until == "2025-03-12"
    assert [label for _, label in tl.lane_ticks] == ["2025-03-10", "2025-03-11", "2025-03-12"]
