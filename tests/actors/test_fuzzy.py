"""Tolerant name similarity."""

from __future__ import annotations

import pytest

from eventwire.actors.fuzzy import edit_distance, phonetic_key, similar_given, similar_surname

VARIANTS = {
    "mike": frozenset({"mike", "michael"}),
    "michael": frozenset({"mike", "michael"}),
}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Walz", "Waltz"),
        ("Whitkoff", "Witkoff"),
        ("Vogel", "Fogel"),
        ("Peskow", "Peskov"),
        ("Zelenskiy", "Zelensky"),
        ("Niinisto", "Niinistö"),
        ("Shoygu", "Shoigu"),
    ],
)
def test_transliteration_variants_are_similar(a: str, b: str) -> None:
    assert similar_surname(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Putin", "Pushkin"), ("Biden", "Baden-Powell"), ("Lavrov", "Ivanov"), ("Rubio", "Rutte"), ("Xi", "Li")],
)
def test_different_names_are_not_similar(a: str, b: str) -> None:
    assert not similar_surname(a, b)


def test_given_names() -> None:
    assert similar_given("Michael", "Mike", VARIANTS)
    assert similar_given("Mark", "Marc", VARIANTS)
    assert similar_given("Dmitro", "Dmytro", VARIANTS)
    assert similar_given("J", "John", VARIANTS)
    assert not similar_given("Steve", "Mike", VARIANTS)


def test_edit_distance_and_key() -> None:
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3
    assert phonetic_key("Witkoff") == phonetic_key("Whitkoff")
    assert phonetic_key("Waltz") == phonetic_key("Walz")
