"""The cue lexicon file format and the quotation finder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import DataError
from eventwire.options import Options
from eventwire.records import Article
from eventwire.statements import CueLexicon, StatementFinder
from eventwire.statements.cues import parse_cues
from eventwire.statements.quotes import find_quotes


def test_packaged_cues_load() -> None:
    lex = CueLexicon.load(Options())
    assert lex.verb_cue("say", set()) is not None
    point = lex.verb_cue("point", {"out"})
    assert point is not None and point.text == "point out"
    assert lex.verb_cue("point", set()) is None  # "point" alone is not a speech cue
    assert lex.sources["according"].particle == "to"
    assert lex.sources["words"].possessor


@pytest.mark.parametrize(
    "row",
    [
        "say\tverb",
        "say\tnoun\tclause",
        "say\tverb\tpoem",
        "according\tsource\tclause",
        "a b c d\tsource\tclause",
    ],
)
def test_bad_cue_rows_name_the_line(row: str) -> None:
    with pytest.raises(DataError, match=r"cues\.tsv:2"):
        parse_cues("cue\tform\tcontent\n" + row + "\n", "cues.tsv")


def test_user_cue_file_adds_cues(tmp_path: Path, nlp: Any, layer_maker: Any) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# my cues\nconcur\tverb\tclause\n", encoding="utf-8")
    finder = StatementFinder(Options(statement_cue_files=(path,)))
    text = "Omar Haddad concurred that the plan was sound."
    layer = layer_maker(text, {"Omar Haddad": ["Omar Haddad"]}, ("Omar Haddad",))
    (st,) = finder.find(nlp(text), Article(id="t", text=text), layer)
    assert st.kind == "indirect" and st.content.text == "the plan was sound"


def test_missing_user_cue_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"nothing\.tsv"):
        CueLexicon.load(Options(statement_cue_files=(tmp_path / "nothing.tsv",)))


def test_quotes_pair_within_paragraphs() -> None:
    text = 'He said "yes" and “no”.\n«Open until the end'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["yes", "no", "Open until the end"]
    assert [text[q.outer_start : q.outer_end] for q in quotes][:2] == ['"yes"', "“no”"]


@given(st.text(alphabet=st.sampled_from(list('ab "“”«»„\n,.')), max_size=60))
def test_quotes_are_well_formed(text: str) -> None:
    quotes = find_quotes(text)
    last_end = 0
    for q in quotes:
        assert last_end <= q.outer_start <= q.start <= q.end <= q.outer_end <= len(text)
        assert "\n" not in text[q.outer_start : q.outer_end]
        last_end = q.outer_end


@pytest.mark.parametrize(
    "text", ["", "\n\n", '"', '""', '"unclosed quote, he said', "- \n-", "?", "«»", "said said said."]
)
def test_odd_texts_do_not_fail(text: str, nlp: Any, layer_maker: Any) -> None:
    finder = StatementFinder(Options())
    found = finder.find(nlp(text), Article(id="t", text=text), layer_maker(text, {}))
    for s in found:
        assert 0 <= s.content.start <= s.content.end <= len(text)
