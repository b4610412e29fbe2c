"""Plain-text rendering of an :class:`~eventwire.eval.run.EvalReport`, for people at a terminal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .run import EvalReport, FileScore
from .scoring import LEVELS, Counts

__all__ = ["render_report"]


def _prf(c: Counts) -> str:
    return (
        f"P {c.precision:.3f} ({c.predicted_matched}/{c.predicted})  "
        f"R {c.recall:.3f} ({c.gold_matched}/{c.gold})  F1 {c.f1:.3f}"
    )


def _event_line(item: Mapping[str, Any]) -> str:
    who = ", ".join(item.get("actor") or []) or "?"
    whom = ", ".join(item.get("recipient") or [])
    arrow = f" -> {whom}" if whom else ""
    where = item.get("sentence_contains") or item.get("trigger") or ""
    return f"{item.get('id')} {item.get('type')}: {who}{arrow}  «{where}»"


def render_file(fs: FileScore, details: bool = True) -> list[str]:
    lines = [f"== {fs.gold}"]
    for level in LEVELS:
        lines.append(f"   events     [{level:7}] {_prf(fs.events.levels[level].counts)}")
    for level in LEVELS:
        lines.append(f"   statements [{level:7}] {_prf(fs.statements.levels[level].counts)}")
    lines.append(f"   outlet claims (no gold content, not scored): {fs.statements.outlet_claims}")
    for level in LEVELS:
        lines.append(f"   persons    [{level:7}] {_prf(fs.actors.groups['person'][level].counts)}")
    if not details:
        return lines
    for level in LEVELS:
        ev = fs.events.levels[level]
        for item in ev.missed:
            lines.append(f"   missed   [{level}] {_event_line(item)}")
        for item in ev.spurious:
            lines.append(f"   spurious [{level}] {_event_line(item)}")
    st = fs.statements.levels["name"]
    for item in st.missed:
        lines.append(f"   missed statement   {item.get('speaker')}: «{item.get('content_contains')}»")
    for item in st.spurious:
        content = str(item.get("content") or "")
        content = content if len(content) < 90 else content[:87] + "..."
        speaker = "unattributed (outlet)" if item.get("kind") == "outlet" else item.get("speaker")
        lines.append(f"   spurious statement {speaker}: «{content}»")
    persons = fs.actors.groups["person"]["country"]
    for item in persons.missed:
        lines.append(f"   missed person   {item['name']} ({item.get('country') or '?'})")
    for item in persons.spurious:
        lines.append(f"   unmatched person {item['name']} ({item.get('country') or '?'})")
    return lines


def render_report(report: EvalReport, details: bool = True) -> str:
    """Per-file figures with missed and spurious items, then micro-averaged totals and per-type figures."""
    lines: list[str] = []
    for fs in report.files:
        lines.extend(render_file(fs, details))
    t = report.totals
    lines.append(f"== TOTAL over {len(report.files)} file(s), micro-averaged")
    for level in LEVELS:
        lines.append(f"   events     [{level:7}] {_prf(t.events[level])}")
    for level in LEVELS:
        lines.append(f"   statements [{level:7}] {_prf(t.statements[level])}")
    lines.append(f"   outlet claims (no gold content, not scored): {t.outlet_claims}")
    for level in LEVELS:
        lines.append(f"   persons    [{level:7}] {_prf(t.persons[level])}")
    for level in LEVELS:
        lines.append(f"   actors     [{level:7}] {_prf(t.actors[level])}")
    for name, c in sorted(t.attributes.items()):
        lines.append(f"   matched events agreeing on {name}: {c.gold_matched}/{c.gold}")
    lines.append("   per PLOVER type (by gold type):")
    for level in LEVELS:
        for event_type, c in sorted(t.event_types.get(level, {}).items()):
            lines.append(f"     [{level:7}] {event_type:10} {_prf(c)}")
    return "\n".join(lines)
