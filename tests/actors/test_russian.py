"""Russian case forms of KB names."""

from __future__ import annotations

import pytest

from eventwire.actors.russian import case_forms


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [
        ("Владимир Путин", True, {"Владимира Путина", "Владимиру Путину", "Владимиром Путиным"}),
        ("Владимир Зеленский", True, {"Владимира Зеленского", "Владимиру Зеленскому"}),
        ("Мария Захарова", True, {"Марии Захаровой", "Марию Захарову"}),
        ("Россия", False, {"России", "Россию", "Россией"}),
        ("Украина", False, {"Украины", "Украине", "Украину", "Украиной"}),
        ("Сергей Лавров", True, {"Сергея Лаврова", "Сергеем Лавровым"}),
    ],
)
def test_oblique_cases(name: str, person: bool, expected: set[str]) -> None:
    assert expected <= set(case_forms(name, person=person))


@pytest.mark.parametrize("name", ["США", "Нетаньяху", "Vladimir Putin", "НАТО"])
def test_indeclinable_and_latin_names_get_no_forms(name: str) -> None:
    assert case_forms(name) == []


def test_cyrillic_text_is_resolved(coder) -> None:  # type: ignore[no-untyped-def]
    from eventwire.records import Article

    text = (
        "Дмитрий Песков прокомментировал разговор Владимира Путина с Дональдом Трампом о ситуации на Украине."
    )
    coded = coder.code(Article(id="ru1", text=text, published="2025-02-13", language="ru"))
    names = {a.name for a in coded.actors}
    assert {"Dmitry Peskov", "Vladimir Putin", "Donald Trump", "Ukraine"} <= names
