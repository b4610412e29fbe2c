"""The PLOVER ontology and the event lexicon as data: loading, checks, user files, CAMEO codes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.events import Lexicon, Ontology
from eventwire.events.lexicon import parse_lexicon
from eventwire.options import Options

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(Options())


def test_sixteen_types_with_quads_and_scores(ontology: Ontology) -> None:
    assert set(ontology.types) == TYPES
    assert {t.quad_class for t in ontology.types.values()} == {1, 2, 3, 4}
    assert ontology.quad_class("CONSULT") == 1 and ontology.quad_class("ASSAULT") == 4
    assert ontology.score("CONSULT", "phone") == 1.5
    assert ontology.score("CONSULT") == 2.5
    assert ontology.score("ASSAULT", "unconventional") == -10
    assert ontology.types["SANCTION"].requires_recipient and not ontology.types["REJECT"].requires_recipient


def test_cameo_for_picks_the_most_specific_consistent_code(ontology: Ontology) -> None:
    assert ontology.cameo_for("CONSULT", "phone", ["diplomatic"]) == "041"
    assert ontology.cameo_for("RETREAT", "release", ["legal"]) == "0841"
    assert ontology.cameo_for("AGREE", None, ["diplomatic"]) == "030"
    assert ontology.cameo_for("ASSAULT", "aerial", ["military"]) == "190"
    assert ontology.cameo_for("REQUEST", "meet", ["diplomatic"]) == "106"


def test_every_pattern_is_valid_plover_with_a_known_cameo_code(lexicon: Lexicon, ontology: Ontology) -> None:
    assert lexicon.size > 700
    covered: set[str] = set()
    for patterns in lexicon.index.values():
        for p in patterns:
            if p.type is None:
                continue
            covered.add(p.type)
            assert p.mode is None or p.mode in ontology.types[p.type].modes, p.source
            assert p.cameo is None or p.cameo in ontology.cameo, p.source
    assert covered == TYPES


def test_every_type_has_verb_and_noun_patterns(lexicon: Lexicon) -> None:
    kinds: dict[str, set[str]] = {}
    for (kind, _), patterns in lexicon.index.items():
        for p in patterns:
            if p.type:
                kinds.setdefault(p.type, set()).add(kind)
    for t in TYPES:
        assert "V" in kinds[t] or "VO" in kinds[t], t


def test_index_is_by_kind_and_lemma(lexicon: Lexicon) -> None:
    calls = lexicon.get("V", "call")
    assert [p.type for p in calls][-1] == "CONSULT"  # the bare verb is the least specific reading
    assert calls[0].specificity >= calls[-1].specificity
    assert lexicon.get("VO", "hold") and lexicon.get("N", "talk")
    assert lexicon.get("V", "no-such-verb") == []


def test_user_lexicon_file_adds_patterns(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("VERSION\t3\nV\tbadmouth\tACCUSE\tdisapprove\t-\t-\t-\n", encoding="utf-8")
    lexicon = Lexicon.load(Options(lexicon_files=(extra,)))
    (p,) = lexicon.get("V", "badmouth")
    assert p.type == "ACCUSE" and p.cameo == "110"  # derived from type, mode and contexts
    assert lexicon.version.endswith("+mine-3")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("V\tsmile\tHAPPY\t-\t-\t-\t-", "unknown PLOVER type 'HAPPY'"),
        ("V\tsmile\tCONSULT\tdance\t-\t-\t-", "CONSULT has no mode 'dance'"),
        ("V\tsmile\tCONSULT\t-\tfun\t-\t-", "unknown PLOVER context 'fun'"),
        ("V\tsmile\tCONSULT\t-\t-\t999\t-", "CAMEO code '999'"),
        ("V\tsmile\tCONSULT\t-\t-\t-\tloud", "unknown flag(s) loud"),
        ("Q\tsmile\tCONSULT\t-\t-\t-\t-", "unknown pattern kind 'Q'"),
        ("V\tsmile\tCONSULT", "expected 7 tab-separated columns"),
    ],
)
def test_bad_rows_say_where_and_what(ontology: Ontology, row: str, message: str) -> None:
    with pytest.raises(LexiconError) as info:
        parse_lexicon("# comment\n" + row + "\n", "mine.tsv", ontology)
    assert message in str(info.value)
    assert "mine.tsv:2" in str(info.value)


def test_missing_user_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot be read"):
        Lexicon.load(Options(lexicon_files=(tmp_path / "absent.tsv",)))


def test_ontology_frames_and_roles_are_consistent(ontology: Ontology) -> None:
    for outer, table in ontology.frames.items():
        assert outer in ontology.types
        for inner, frame in table.items():
            assert inner == "*" or inner in ontology.types
            assert frame.type in ontology.types
            assert frame.mode is None or frame.mode in ontology.types[frame.type].modes
            assert frame.cameo is None or frame.cameo in ontology.cameo


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference table is not beside the project")
def test_cameo_table_is_generated_from_the_reference() -> None:
    spec = importlib.util.spec_from_file_location("cameo_table", ROOT / "scripts" / "cameo_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = ROOT / "src" / "eventwire" / "events" / "data"
    ontology = json.loads((data / "plover.json").read_text(encoding="utf-8"))
    rows = module.convert(REFERENCE.read_text(encoding="utf-8").splitlines(), ontology)
    shipped = [
        line
        for line in (data / "cameo.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert rows == shipped
