"""eventwire's parsed document: the tree, spans and offsets every later stage reads."""

from __future__ import annotations

import pytest
from tests.handmade import build

from eventwire.nlp import Doc, sentence_of, sentences

# "Russia sent troops to Belarus ." with a second sentence "Kyiv protested ."
ROWS = [
    ("Russia", "Russia", "PROPN", "nsubj", 1, "", "GPE"),
    ("sent", "send", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
    ("troops", "troop", "NOUN", "dobj", 1, "Number=Plur"),
    ("to", "to", "ADP", "prep", 1),
    ("Belarus", "Belarus", "PROPN", "pobj", 3, "", "GPE"),
    (".", ".", "PUNCT", "punct", 1),
    ("Kyiv", "Kyiv", "PROPN", "nsubj", 7, "", "GPE"),
    ("protested", "protest", "VERB", "ROOT", 7),
    (".", ".", "PUNCT", "punct", 7),
]


@pytest.fixture()
def doc() -> Doc:
    d = build(ROWS)
    d.tokens[6].is_sent_start = True
    return d.finish()


def test_the_tree_links_heads_and_children(doc: Doc) -> None:
    sent = doc[1]
    assert [c.text for c in sent.children] == ["Russia", "troops", "to", "."]
    assert doc[4].head.head is sent
    assert [t.text for t in doc[3].subtree] == ["to", "Belarus"]
    assert doc[3].left_edge is doc[3] and doc[3].right_edge is doc[4]
    assert [t.text for t in doc[4].ancestors] == ["to", "sent"]


def test_sentences_spans_and_offsets(doc: Doc) -> None:
    first, second = sentences(doc)
    assert first.text == "Russia sent troops to Belarus ."
    assert second.root.text == "protested"
    assert sentence_of(doc[7]).start == second.start
    span = doc.char_span(7, 18)
    assert span is not None and span.text == "sent troops"
    assert doc.char_span(8, 9, alignment_mode="strict") is None


def test_morphology_and_lookup_keys(doc: Doc) -> None:
    assert doc[2].morph.get("Number") == ["Plur"]
    assert doc[2].morph.has("Number", "Plur") and not doc[0].morph.has("Number", "Plur")
    assert doc[1].keys[0] == "send"
