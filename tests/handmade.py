"""Parsed documents built by hand, for tests where a parser is not the point.

    doc = build([("Russia", "Russia", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1), ...])

Each row: text, lemma, universal POS, eventwire relation, head index, and optionally UD features
("Case=Dat|Number=Plur") and a named-entity label. Words are joined by single spaces.
"""

from __future__ import annotations

from eventwire.nlp.doc import Doc, Morph, Token

Row = tuple  # (text, lemma, pos, dep, head[, feats[, ent]])


def build(rows: list[Row], lang: str = "en") -> Doc:
    text = " ".join(r[0] for r in rows)
    doc = Doc(text=text, lang=lang)
    pos = 0
    for i, row in enumerate(rows):
        word, lemma, upos, dep, head = row[:5]
        feats = row[5] if len(row) > 5 else ""
        ent = row[6] if len(row) > 6 else ""
        morph = Morph(dict(f.split("=", 1) for f in feats.split("|") if "=" in f))
        doc.tokens.append(
            Token(
                doc, i, word, pos, whitespace=" ", lemma=lemma, pos=upos, dep=dep, head=head,
                ent_type=ent, ent_iob="B" if ent else "O", morph=morph, sent_start=i == 0,
            )
        )
        pos += len(word) + 1
    return doc.finish()
