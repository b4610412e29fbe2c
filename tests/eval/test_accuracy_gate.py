"""Accuracy gate: the real coder on the reference article's gold and on our own gold set.

Fails when a floor of issue 3's acceptance is crossed. The failure message carries the
figures and the missed/spurious events, so a failing run says what regressed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.eval import EvalReport, evaluate, render_report

EVENTS_DIR = Path(__file__).resolve().parents[1] / "data" / "events"

# Floors (issue 3, "Acceptance").
REFERENCE_EVENTS_F1_NAME = 0.70
REFERENCE_EVENTS_F1_COUNTRY = 0.75
REFERENCE_STATEMENTS_RECALL = 0.80
REFERENCE_STATEMENTS_PRECISION = 0.70
GOLD_SET_EVENTS_F1_COUNTRY = 0.75


@pytest.fixture(scope="module")
def reference_report(coder: Any, seed_path: Path) -> EvalReport:
    gold = seed_path.parent.parent / "gold" / "izvestia-2025-02-13-putin-trump-call.gold.json"
    return evaluate([gold], coder=coder)


@pytest.fixture(scope="module")
def gold_set_report(coder: Any) -> EvalReport:
    return evaluate([EVENTS_DIR], coder=coder)


def _why(report: EvalReport, details: bool = True) -> str:
    return "\n" + render_report(report, details=details)


@pytest.mark.slow
def test_reference_events_by_name(reference_report: EvalReport) -> None:
    f1 = reference_report.totals.events["name"].f1
    assert f1 >= REFERENCE_EVENTS_F1_NAME, f"events F1 by name {f1:.3f}" + _why(reference_report)


@pytest.mark.slow
def test_reference_events_by_country(reference_report: EvalReport) -> None:
    f1 = reference_report.totals.events["country"].f1
    assert f1 >= REFERENCE_EVENTS_F1_COUNTRY, f"events F1 by country {f1:.3f}" + _why(reference_report)


@pytest.mark.slow
def test_reference_statements(reference_report: EvalReport) -> None:
    c = reference_report.totals.statements["name"]
    assert c.recall >= REFERENCE_STATEMENTS_RECALL, f"statement recall {c.recall:.3f}" + _why(
        reference_report
    )
    assert c.precision >= REFERENCE_STATEMENTS_PRECISION, f"statement precision {c.precision:.3f}" + _why(
        reference_report
    )


@pytest.mark.slow
def test_gold_set_events_by_country(gold_set_report: EvalReport) -> None:
    f1 = gold_set_report.totals.events["country"].f1
    assert f1 >= GOLD_SET_EVENTS_F1_COUNTRY, f"gold-set events F1 by country {f1:.3f}" + _why(
        gold_set_report, details=False
    )
