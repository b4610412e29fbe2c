"""Support for a military operation is cooperation with whoever runs it, not aid to its target."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.mark.slow
def test_support_for_a_named_offensive_is_cooperation(code: Callable[..., Any]) -> None:
    coded = code("Sweden provided naval support to the Estonian operation.")
    (coop,) = coded.find("COOPERATE")
    assert coded.names(coop.actor) == ["Sweden"] and coded.names(coop.recipient) == ["Estonia"]
    assert not coded.find("AID")


@pytest.mark.slow
def test_support_for_an_earlier_operation_goes_to_its_runner(code: Callable[..., Any]) -> None:
    coded = code(
        "Israel launched an offensive against Hamas. Germany provided air support for the operation."
    )
    coops = coded.find("COOPERATE")
    assert coops and coded.names(coops[0].recipient) == ["Israel"], coded.summary()
    assert not any("Hamas" in coded.names(e.recipient) for e in coded.find("AID"))


@pytest.mark.slow
def test_support_to_a_state_stays_aid(code: Callable[..., Any]) -> None:
    coded = code("Japan provided financial support to Ukraine.")
    assert coded.find("AID") and not coded.find("COOPERATE"), coded.summary()
