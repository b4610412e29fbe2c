"""The scorer on hand-built gold and coded dicts: every matching rule of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import DataError
from eventwire.eval import (
    Counts,
    check_gold,
    evaluate,
    load_gold,
    normalize_text,
    plover_types,
    read_coded,
    score_actors,
    score_events,
    score_statements,
)

SENT = "Leaders of France and Germany met in Paris on Monday and signed a treaty."


def gold(events: list[dict[str, Any]], statements: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "schema": "eventwire.gold/1",
        "article": {"path": "a.txt", "published": "2024-03-04"},
        "actors": [
            {"name": "Emmanuel Macron", "country": "FRA", "sector": "GOV", "type": "person"},
            {"name": "Olaf Scholz", "country": "DEU", "sector": "GOV", "type": "person"},
            {"name": "France", "country": "FRA", "sector": None, "type": "country"},
            {"name": "Germany", "country": "DEU", "sector": None, "type": "country"},
            {
                "name": "NATO",
                "also": ["North Atlantic Treaty Organization"],
                "country": "IGO",
                "type": "organization",
            },
        ],
        "events": events,
        "statements": statements or [],
    }


ACTORS = {
    "macron": {"id": "a1", "name": "Emmanuel Macron", "kind": "person", "country": "FRA", "sector": "GOV"},
    "scholz": {"id": "a2", "name": "Olaf Scholz", "kind": "person", "country": "DEU", "sector": "GOV"},
    "france": {"id": "a3", "name": "France", "kind": "country", "country": "FRA", "sector": None},
    "germany": {"id": "a4", "name": "Germany", "kind": "country", "country": "DEU", "sector": None},
    "nato": {
        "id": "a5",
        "name": "north atlantic treaty organization",
        "kind": "organization",
        "country": "IGO",
    },
    "berlin_mayor": {"id": "a6", "name": "Kai Wegner", "kind": "person", "country": "DEU", "sector": "GOV"},
}


def coded(events: list[dict[str, Any]], statements: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "schema": "eventwire.article/1",
        "article": {"id": "x", "text": SENT},
        "actors": list(ACTORS.values()),
        "events": events,
        "statements": statements or [],
    }


def pred(
    type_: str, actor: list[str], recipient: list[str] | None = None, sentence: str = SENT
) -> dict[str, Any]:
    return {
        "id": "e",
        "type": type_,
        "actor": [ACTORS[a]["id"] for a in actor],
        "recipient": [ACTORS[r]["id"] for r in recipient or []],
        "sentence": sentence,
        "negated": False,
    }


def counts(score: Any, level: str) -> tuple[int, int, int, int]:
    c = score.levels[level].counts
    return c.predicted_matched, c.predicted, c.gold_matched, c.gold


def test_counts_precision_recall_f1() -> None:
    c = Counts(predicted=4, predicted_matched=3, gold=6, gold_matched=2)
    assert c.precision == 0.75
    assert c.recall == pytest.approx(1 / 3)
    assert c.f1 == pytest.approx(2 * 0.75 * (1 / 3) / (0.75 + 1 / 3))
    assert Counts().f1 == 0.0


def test_exact_match_by_name_and_country() -> None:
    g = gold(
        [
            {
                "id": "g1",
                "type": "AGREE",
                "actor": ["France"],
                "recipient": ["Germany"],
                "sentence_contains": "signed a treaty",
            }
        ]
    )
    s = score_events(g, coded([pred("AGREE", ["france"], ["germany"])]))
    assert counts(s, "name") == (1, 1, 1, 1)
    assert counts(s, "country") == (1, 1, 1, 1)
    assert s.levels["name"].per_type["AGREE"].f1 == 1.0


def test_wrong_type_does_not_match_unless_also_types() -> None:
    ev = {"id": "g1", "type": "AGREE", "actor": ["France"], "recipient": [], "sentence_contains": "treaty"}
    s = score_events(gold([ev]), coded([pred("COOPERATE", ["france"])]))
    assert counts(s, "name") == (0, 1, 0, 1)
    assert s.levels["name"].spurious[0]["type"] == "COOPERATE"
    assert s.levels["name"].missed[0]["id"] == "g1"
    s = score_events(gold([{**ev, "also_types": ["COOPERATE"]}]), coded([pred("COOPERATE", ["france"])]))
    assert counts(s, "name") == (1, 1, 1, 1)
    # credited to the gold type in the per-type figures
    assert s.levels["name"].per_type["AGREE"].predicted_matched == 1
    assert "COOPERATE" not in s.levels["name"].per_type


def test_sentence_must_contain_the_gold_string() -> None:
    ev = {
        "id": "g1",
        "type": "AGREE",
        "actor": ["France"],
        "recipient": [],
        "sentence_contains": "signed a treaty",
    }
    other = pred("AGREE", ["france"], sentence="France and Germany quarrelled over the treaty.")
    assert counts(score_events(gold([ev]), coded([other])), "name") == (0, 1, 0, 1)


def test_sentence_comparison_folds_whitespace_and_quotes() -> None:
    ev = {
        "id": "g1",
        "type": "SUPPORT",
        "actor": ["France"],
        "recipient": [],
        "sentence_contains": 'called it "historic"',
    }
    p = pred("SUPPORT", ["france"], sentence="France  called it\n\u201chistoric\u201d.")
    assert counts(score_events(gold([ev]), coded([p])), "name") == (1, 1, 1, 1)
    assert normalize_text(" a\u00a0\u2014 b ") == "a - b"


def test_sentence_taken_from_offsets_when_text_is_absent() -> None:
    ev = {
        "id": "g1",
        "type": "AGREE",
        "actor": ["France"],
        "recipient": [],
        "sentence_contains": "signed a treaty",
    }
    p = pred("AGREE", ["france"])
    del p["sentence"]
    p.update(start=0, end=len(SENT))
    assert counts(score_events(gold([ev]), coded([p])), "name") == (1, 1, 1, 1)


def test_some_gold_actor_among_actors_and_some_recipient_among_recipients() -> None:
    ev = {
        "id": "g1",
        "type": "AGREE",
        "actor": ["France", "Emmanuel Macron"],
        "recipient": ["Germany"],
        "sentence_contains": "treaty",
    }
    g = gold([ev])
    assert counts(score_events(g, coded([pred("AGREE", ["macron"], ["germany"])])), "name")[0] == 1
    # recipient missing -> no match
    assert counts(score_events(g, coded([pred("AGREE", ["macron"], [])])), "name")[0] == 0
    # actor and recipient swapped -> no match
    assert counts(score_events(g, coded([pred("AGREE", ["germany"], ["france"])])), "name")[0] == 0
    # gold without recipients: any recipients are fine
    g2 = gold([{**ev, "recipient": []}])
    assert counts(score_events(g2, coded([pred("AGREE", ["france"], ["nato"])])), "name")[0] == 1


def test_symmetric_needs_every_gold_actor_anywhere() -> None:
    ev = {
        "id": "g1",
        "type": "CONSULT",
        "actor": ["Emmanuel Macron", "Olaf Scholz"],
        "recipient": [],
        "symmetric": True,
        "sentence_contains": "met in Paris",
    }
    g = gold([ev])
    assert counts(score_events(g, coded([pred("CONSULT", ["scholz"], ["macron"])])), "name")[0] == 1
    assert counts(score_events(g, coded([pred("CONSULT", ["macron", "scholz"])])), "name")[0] == 1
    assert counts(score_events(g, coded([pred("CONSULT", ["macron"])])), "name")[0] == 0
    # non-symmetric reading of the same gold would accept one actor
    g_asym = gold([{**ev, "symmetric": False}])
    assert counts(score_events(g_asym, coded([pred("CONSULT", ["macron"])])), "name")[0] == 1


def test_country_level_is_coarser_than_name_level() -> None:
    ev = {
        "id": "g1",
        "type": "CONSULT",
        "actor": ["Olaf Scholz"],
        "recipient": [],
        "sentence_contains": "met",
    }
    s = score_events(gold([ev]), coded([pred("CONSULT", ["berlin_mayor"])]))
    assert counts(s, "name") == (0, 1, 0, 1)
    assert counts(s, "country") == (1, 1, 1, 1)
    # Germany (the country) stands for Scholz at the country level too
    s = score_events(gold([ev]), coded([pred("CONSULT", ["germany"])]))
    assert counts(s, "country") == (1, 1, 1, 1)
    # a French actor is wrong at both levels
    s = score_events(gold([ev]), coded([pred("CONSULT", ["france"])]))
    assert counts(s, "country") == (0, 1, 0, 1)


def test_also_names_match_case_insensitively() -> None:
    ev = {"id": "g1", "type": "SUPPORT", "actor": ["NATO"], "recipient": [], "sentence_contains": "treaty"}
    s = score_events(gold([ev]), coded([pred("SUPPORT", ["nato"])]))
    assert counts(s, "name") == (1, 1, 1, 1)


def test_optional_gold_counts_for_precision_not_recall() -> None:
    events = [
        {"id": "g1", "type": "AGREE", "actor": ["France"], "recipient": [], "sentence_contains": "treaty"},
        {
            "id": "g2",
            "type": "CONSULT",
            "actor": ["France"],
            "recipient": [],
            "sentence_contains": "met",
            "optional": True,
        },
    ]
    # only the optional one is found: precision 1, recall 0
    s = score_events(gold(events), coded([pred("CONSULT", ["france"])]))
    assert counts(s, "name") == (1, 1, 0, 1)
    assert [m["id"] for m in s.levels["name"].missed] == ["g1"]
    # the optional event, when missed, is not listed as missed
    s = score_events(gold(events), coded([pred("AGREE", ["france"])]))
    assert counts(s, "name") == (1, 1, 1, 1)
    assert s.levels["name"].missed == []


def test_two_predictions_of_one_gold_event_are_both_correct() -> None:
    ev = {"id": "g1", "type": "AGREE", "actor": ["France"], "recipient": [], "sentence_contains": "treaty"}
    s = score_events(gold([ev]), coded([pred("AGREE", ["france"]), pred("AGREE", ["france"])]))
    assert counts(s, "name") == (2, 2, 1, 1)


def test_per_type_charges_spurious_events_to_their_own_type() -> None:
    ev = {"id": "g1", "type": "AGREE", "actor": ["France"], "recipient": [], "sentence_contains": "treaty"}
    s = score_events(gold([ev]), coded([pred("AGREE", ["france"]), pred("ASSAULT", ["germany"])]))
    per_type = s.levels["name"].per_type
    assert per_type["AGREE"].precision == 1.0 and per_type["AGREE"].recall == 1.0
    assert per_type["ASSAULT"].predicted == 1 and per_type["ASSAULT"].predicted_matched == 0
    assert per_type["ASSAULT"].gold == 0


def test_attribute_agreement_on_matched_events() -> None:
    ev = {
        "id": "g1",
        "type": "AGREE",
        "actor": ["France"],
        "recipient": [],
        "sentence_contains": "treaty",
        "negated": True,
        "date": "2024-03-04",
    }
    p = {**pred("AGREE", ["france"]), "negated": False, "date": "2024-03-04"}
    s = score_events(gold([ev]), coded([p]))
    assert (s.attributes["negated"].gold_matched, s.attributes["negated"].gold) == (0, 1)
    assert (s.attributes["date"].gold_matched, s.attributes["date"].gold) == (1, 1)


def test_statements_speaker_and_content() -> None:
    sts = [
        {"id": "s1", "speaker": "Emmanuel Macron", "content_contains": "a new chapter"},
        {"id": "s2", "speaker": "Olaf Scholz", "content_contains": "no alternative", "optional": True},
    ]
    preds = [
        {"id": "p1", "speaker": "a1", "content": "the treaty opens a new chapter", "kind": "indirect"},
        {"id": "p2", "speaker": "a6", "content": "there is no alternative", "kind": "direct"},
        {"id": "p3", "speaker": "a2", "content": "the treaty opens a new chapter", "kind": "indirect"},
        {
            "id": "p4",
            "speaker": None,
            "content": "The treaty is the most important in decades.",
            "kind": "outlet",
        },
    ]
    s = score_statements(gold([], sts), coded([], preds))
    assert s.outlet_claims == 1
    # by name: p1 matches s1; p2 is a different German; p3 has the wrong speaker
    assert counts(s, "name") == (1, 3, 1, 1)
    # by country: p2 (DEU) matches the optional s2
    assert counts(s, "country") == (2, 3, 1, 1)
    assert {x["id"] for x in s.levels["name"].spurious} == {"p2", "p3"}


def test_an_outlet_claim_holding_gold_content_is_an_unattributed_statement() -> None:
    # The coder found France's statement but gave it to the outlet: spurious, and s1 stays missed.
    sts = [{"id": "s1", "speaker": "France", "content_contains": "treaty"}]
    preds = [{"id": "p1", "speaker": "a3", "content": "the treaty", "kind": "outlet"}]
    s = score_statements(gold([], sts), coded([], preds))
    assert counts(s, "name") == (0, 1, 0, 1)
    assert counts(s, "country") == (0, 1, 0, 1)
    assert s.outlet_claims == 0
    assert [(x["id"], x["kind"]) for x in s.levels["name"].spurious] == [("p1", "outlet")]
    assert [x["id"] for x in s.levels["name"].missed] == ["s1"]


def test_outlet_claims_without_gold_content_stay_out_of_precision() -> None:
    sts = [
        {"id": "s1", "speaker": "Emmanuel Macron", "content_contains": "a new chapter"},
        {"id": "s2", "speaker": "Olaf Scholz", "content_contains": "no alternative", "optional": True},
    ]
    preds = [
        {"id": "p1", "speaker": "a1", "content": "the treaty opens a new chapter", "kind": "indirect"},
        {"id": "p2", "speaker": None, "content": "The treaty opens a new chapter.", "kind": "outlet"},
        {"id": "p3", "speaker": None, "content": "Talks lasted four hours.", "kind": "outlet"},
        # only an optional statement's content: an optional statement may go unfound
        {"id": "p4", "speaker": None, "content": "There is no alternative.", "kind": "outlet"},
    ]
    s = score_statements(gold([], sts), coded([], preds))
    # p1 matches s1; p2 holds s1's content but is unattributed (spurious even though s1 is matched)
    assert counts(s, "name") == (1, 2, 1, 1)
    assert [x["id"] for x in s.levels["name"].spurious] == ["p2"]
    assert s.outlet_claims == 2


def test_actors_person_and_all_by_name_and_country() -> None:
    actors = [
        {"id": "a1", "name": "Emmanuel Macron", "kind": "person", "country": "FRA", "sector": "GOV"},
        {"id": "a2", "name": "olaf scholz", "kind": "person", "country": "AUT", "sector": "MIL"},
        {"id": "a3", "name": "Jean Dupont", "kind": "person", "country": "FRA", "sector": "CVL"},
        {"id": "a4", "name": "North Atlantic Treaty Organization", "kind": "organization", "country": "IGO"},
    ]
    s = score_actors(gold([]), {"actors": actors})
    person = s.groups["person"]
    assert (person["name"].counts.predicted_matched, person["name"].counts.predicted) == (2, 3)
    assert (person["name"].counts.gold_matched, person["name"].counts.gold) == (2, 2)
    assert (person["country"].counts.predicted_matched, person["country"].counts.gold_matched) == (1, 1)
    assert [x["name"] for x in person["name"].spurious] == ["Jean Dupont"]
    everyone = s.groups["all"]["name"].counts
    assert (everyone.predicted_matched, everyone.predicted, everyone.gold_matched, everyone.gold) == (
        3,
        4,
        3,
        5,
    )
    assert {x["name"] for x in s.groups["all"]["name"].missed} == {"France", "Germany"}
    # sector compared for matched actors whose gold sector is known: Macron right, Scholz wrong
    assert (s.sector.gold_matched, s.sector.gold) == (1, 2)


def test_to_dict_is_json() -> None:
    ev = {"id": "g1", "type": "AGREE", "actor": ["France"], "recipient": [], "sentence_contains": "treaty"}
    s = score_events(gold([ev]), coded([pred("AGREE", ["france"])]))
    data = json.loads(json.dumps(s.to_dict()))
    assert data["levels"]["country"]["f1"] == 1.0
    assert data["levels"]["name"]["per_type"]["AGREE"]["recall"] == 1.0


def test_check_gold_reports_unknown_participants_and_types() -> None:
    bad = gold([{"id": "g1", "type": "HUG", "actor": ["Spain"], "recipient": [], "sentence_contains": "x"}])
    problems = check_gold(bad)
    assert any("HUG" in p for p in problems)
    assert any("Spain" in p for p in problems)
    assert check_gold(gold([])) == []


def test_evaluate_with_coded_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENT + "\n", encoding="utf-8")
    ev = {
        "id": "g1",
        "type": "AGREE",
        "actor": ["France"],
        "recipient": ["Germany"],
        "sentence_contains": "treaty",
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(gold([ev])), encoding="utf-8")
    out = coded([pred("AGREE", ["france"], ["germany"])])
    (tmp_path / "coded.jsonl").write_text(json.dumps(out) + "\n", encoding="utf-8")
    report = evaluate([tmp_path], coded=read_coded(tmp_path / "coded.jsonl"))
    assert report.totals.events["name"].f1 == 1.0
    assert report.to_dict()["totals"]["events"]["country"]["gold"] == 1


def test_plover_types_come_from_the_ontology() -> None:
    types = plover_types()
    assert len(types) == 16 and types[:2] == ("AGREE", "CONSULT") and types[-1] == "ASSAULT"
    bad = gold([{"id": "g1", "type": "MEET", "actor": ["France"], "sentence_contains": "treaty"}])
    assert check_gold(bad) == ["event g1: 'MEET' is not a PLOVER type"]
    assert check_gold(bad, types=("MEET",)) == []


def test_load_gold_rejects_bad_files(tmp_path: Path) -> None:
    p = tmp_path / "x.gold.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        load_gold(p)
    with pytest.raises(DataError, match="does not exist"):
        evaluate([tmp_path / "nowhere"], coded=[])


def test_read_coded_errors_say_what_to_do(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"is empty .*eventwire code --format jsonl.*leave out --coded"):
        read_coded(empty)
    plover = tmp_path / "plover.jsonl"
    plover.write_text(json.dumps({"id": "e1", "event": "AGREE"}) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"keys: event, id\); pass the output of eventwire code --format"):
        read_coded(plover)
    with pytest.raises(DataError, match=r"no \*\.gold\.json files found in .*; pass gold files"):
        evaluate([tmp_path], coded=[])


def test_refusal_agrees_with_a_negated_gold_event() -> None:
    ev = {
        "id": "g1",
        "type": "REJECT",
        "also_types": ["AGREE"],
        "actor": ["France"],
        "recipient": [],
        "sentence_contains": "treaty",
        "negated": True,
    }
    preds = [
        {**pred("REJECT", ["france"]), "negated": False},
        {**pred("AGREE", ["france"]), "negated": True},
        {**pred("AGREE", ["france"]), "negated": False},
    ]
    s = score_events(gold([ev]), coded(preds))
    assert counts(s, "name") == (3, 3, 1, 1)  # the flags do not enter P/R ...
    assert (s.attributes["negated"].gold_matched, s.attributes["negated"].gold) == (
        2,
        3,
    )  # ... but are reported
