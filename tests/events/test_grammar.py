"""Reading the tree with one language's words: subjects, objects, prepositional roles, modality.

The parses are built by hand (tests/handmade.py): the grammar is the point, not a parser.
"""

from __future__ import annotations

import pytest
from tests.handmade import build

from eventwire.events.grammar import Grammar
from eventwire.events.modality import ModalityReader
from eventwire.events.words import Words


@pytest.fixture(scope="module")
def en() -> Grammar:
    return Grammar(Words.load("en"))


def test_subject_object_and_recipient_phrase(en: Grammar) -> None:
    # Russia sent troops to Belarus
    doc = build(
        [
            ("Russia", "Russia", "PROPN", "nsubj", 1),
            ("sent", "send", "VERB", "ROOT", 1),
            ("troops", "troop", "NOUN", "dobj", 1, "Number=Plur"),
            ("to", "to", "ADP", "prep", 1),
            ("Belarus", "Belarus", "PROPN", "pobj", 3),
        ]
    )
    verb = doc[1]
    assert [t.text for t in en.subjects(verb)] == ["Russia"]
    assert [t.text for t in en.patients(verb)] == ["troops"]
    assert [t.text for t in en.prep_objects(verb, ("to",))] == ["Belarus"]
    assert en.prep_objects(verb, ("with",)) == []


def test_object_control_passes_the_object_on_as_subject(en: Grammar) -> None:
    # Washington urged Kyiv to negotiate
    doc = build(
        [
            ("Washington", "Washington", "PROPN", "nsubj", 1),
            ("urged", "urge", "VERB", "ROOT", 1),
            ("Kyiv", "Kyiv", "PROPN", "dobj", 1),
            ("to", "to", "PART", "aux", 4),
            ("negotiate", "negotiate", "VERB", "xcomp", 1),
        ]
    )
    assert [t.text for t in en.subjects(doc[4])] == ["Kyiv"]
    assert en.infinitive(doc[4])


def test_a_passive_subject_is_acted_on_and_the_agent_acts(en: Grammar) -> None:
    # Two journalists were detained by police
    doc = build(
        [
            ("Two", "two", "NUM", "nummod", 1),
            ("journalists", "journalist", "NOUN", "nsubjpass", 3, "Number=Plur"),
            ("were", "be", "AUX", "auxpass", 3),
            ("detained", "detain", "VERB", "ROOT", 3, "Tense=Past|VerbForm=Part"),
            ("by", "by", "ADP", "agent", 3),
            ("police", "police", "NOUN", "pobj", 4),
        ]
    )
    assert [t.text for t in en.subjects(doc[3])] == ["police"]
    assert [t.text for t in en.patients(doc[3])] == ["journalists"]


def test_a_role_marked_by_case_is_found_without_a_preposition() -> None:
    # a language that marks the recipient by the dative: "помощь Украине" (aid to Ukraine)
    words = Words.from_data("xx", {"prepositions": {"to": ["к"]}, "cases": {"to": "Dat"}})
    grammar = Grammar(words)
    doc = build(
        [
            ("помощь", "помощь", "NOUN", "ROOT", 0, "Case=Nom"),
            ("Украине", "Украина", "PROPN", "nmod", 0, "Case=Dat"),
        ],
        lang="xx",
    )
    assert [t.text for t in grammar.prep_objects(doc[0], ("to",))] == ["Украине"]
    assert grammar.prep_objects(doc[0], ("with",)) == []


@pytest.mark.parametrize(
    ("rows", "anchor", "expected"),
    [
        # Russia will not send troops
        (
            [
                ("Russia", "Russia", "PROPN", "nsubj", 3),
                ("will", "will", "AUX", "aux", 3),
                ("not", "not", "PART", "neg", 3),
                ("send", "send", "VERB", "ROOT", 3),
                ("troops", "troop", "NOUN", "dobj", 3),
            ],
            3,
            (True, True, False),
        ),
        # Kyiv may retaliate
        (
            [
                ("Kyiv", "Kyiv", "PROPN", "nsubj", 2),
                ("may", "may", "AUX", "aux", 2),
                ("retaliate", "retaliate", "VERB", "ROOT", 2),
            ],
            2,
            (False, False, True),
        ),
    ],
)
def test_modality(rows: list[tuple], anchor: int, expected: tuple[bool, bool, bool]) -> None:
    reader = ModalityReader(Words.load("en"))
    m = reader(build(rows)[anchor])
    assert (m.negated, m.future, m.modal) == expected
