"""Plural references to parties named together, state bodies named through a country, groups without
a KB entry. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Actor, ActorLayer, Article, CodedArticle

pytestmark = pytest.mark.slow


def code(coder, text: str, date: str = "2024-03-01") -> CodedArticle:  # type: ignore[no-untyped-def]
    return coder.code(Article(id="t", text=text, published=date))  # type: ignore[no-any-return]


def holding(coded: CodedArticle, phrase: str) -> list[Actor]:
    """Actors with a mention whose text is exactly ``phrase``."""
    return [a for a in coded.actors if any(m.text == phrase for m in a.mentions)]


def names(actors: list[Actor]) -> set[str]:
    return {a.name for a in actors}


# -- plural references ------------------------------------------------------------------------


def test_both_sides_and_adjectives_refer_to_the_coordinated_pair(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Armenia and Azerbaijan traded accusations on Monday. Both sides said the other fired first, "
        "and the two former Soviet neighbours agreed to meet in Geneva.",
    )
    assert names(holding(coded, "Both sides")) == {"Armenia", "Azerbaijan"}
    assert names(holding(coded, "the two former Soviet neighbours")) == {"Armenia", "Azerbaijan"}
    mention = next(m for a in coded.actors for m in a.mentions if m.text == "Both sides")
    assert mention.how == "coref"
    start = coded.article.text.index("Both sides")
    assert len(ActorLayer(coded.actors).actors_in(start, start + len("Both sides"))) == 2


def test_the_two_leaders_and_their_countries(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Modi and Kishida met in Tokyo on Friday. The two leaders said the two countries would expand "
        "defence ties.",
        date="2022-03-19",
    )
    assert names(holding(coded, "The two leaders")) == {"Narendra Modi", "Fumio Kishida"}
    assert names(holding(coded, "the two countries")) == {"India", "Japan"}


def test_the_parties_after_talks_between(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Talks between Israel and Hamas resumed in Cairo. Egypt said the parties were close to a deal.",
    )
    assert names(holding(coded, "the parties")) == {"Israel", "Hamas"}


def test_no_clear_pair_no_reference(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "France, Germany and Italy sent envoys to Kyiv. Both countries pledged aid. "
        "Officials from Spain and Portugal met. The fighting near both sides of the border went on.",
    )
    assert holding(coded, "Both countries") == []  # three named together, "both" says two
    assert holding(coded, "both sides") == []  # "both sides of the border" is a place


# -- bodies named through a country -----------------------------------------------------------


def test_kb_bodies_through_a_country(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Iran's foreign ministry and the Chinese defence ministry rejected the report.")
    assert {a.entry for a in coded.actors} >= {"irn-mfa", "chn-mod"}


def test_generic_bodies_are_named_by_country_and_noun(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "The Indian government accused the Pakistani military of shelling. Mexico's navy and the "
        "Nigerian police were put on alert, and the parliament of Peru met.",
    )
    got = {(a.name, a.country, a.sector) for a in coded.actors if a.kind == "organization"}
    assert ("Indian government", "IND", "GOV") in got
    assert ("Mexican navy", "MEX", "MIL") in got
    assert ("Nigerian police", "NGA", "COP") in got
    assert ("Peruvian parliament", "PER", "LEG") in got
    # the army of Pakistan is one body however it is called; the country word is still a mention
    assert any(a.country == "PAK" and a.sector == "MIL" for a in holding(coded, "Pakistani military"))
    assert names(holding(coded, "Indian")) == {"India"}


def test_coordinated_countries_give_one_body_each(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Ethiopian and Eritrean troops crossed the river at dawn.")
    found = holding(coded, "Ethiopian and Eritrean troops")
    assert {(a.country, a.sector) for a in found} == {("ETH", "MIL"), ("ERI", "MIL")}


def test_unqualified_body_takes_the_sentence_country(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Flooding hit Bangladesh on Sunday. In Dhaka, the government ordered schools closed and "
        "the army was deployed.",
    )
    assert {(a.name, a.country) for a in holding(coded, "government")} == {("Bangladeshi government", "BGD")}
    assert [a.sector for a in holding(coded, "army")] == ["MIL"]


def test_unqualified_body_with_two_countries_is_nothing(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Chile and Peru signed the accord while the government in Lima stayed silent.")
    assert holding(coded, "government") == []


def test_body_inside_a_proper_name_or_as_modifier_is_not_a_body(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "In Sudan, the Rapid Support Forces took the town. Police stations were burned in Khartoum.",
    )
    assert not any(a.name.endswith("forces") for a in coded.actors)
    assert holding(coded, "Police") == []


# -- groups -----------------------------------------------------------------------------------


def test_groups_alone_take_the_country_of_the_article(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Thousands marched in Tbilisi on Saturday. Protesters waved flags outside Georgia's parliament. "
        "Students joined them later.",
    )
    assert {(a.name, a.country, a.sector, a.kind) for a in holding(coded, "Protesters")} == {
        ("protesters", "GEO", "CVL", "group")
    }
    assert {(a.country, a.sector) for a in holding(coded, "Students")} == {("GEO", "EDU")}


def test_groups_with_their_country_word(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Ukraine's farmers blocked roads, and Polish truckers joined Hungarian lawmakers.")
    assert {(a.name, a.country, a.sector) for a in holding(coded, "Ukraine's farmers")} == {
        ("Ukrainian farmers", "UKR", "AGR")
    }
    assert {(a.country, a.sector) for a in holding(coded, "Hungarian lawmakers")} == {("HUN", "LEG")}


def test_western_partners_have_no_country(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Kyiv asked its Western partners for air defence. The West has sent billions, Zelensky said. "
        "The West Bank was quiet.",
    )
    west = holding(coded, "Western partners")
    assert [(a.kind, a.country, a.sector) for a in west] == [("group", None, "GOV")]
    assert [a.country for a in holding(coded, "West")] == [None]
    assert holding(coded, "West Bank") == []


# -- no regressions ---------------------------------------------------------------------------


def test_titles_with_a_country_and_outlets_stay_whole(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Turkish President Erdogan told China Daily that Russian troops must leave.",
        date="2023-05-01",
    )
    assert names(holding(coded, "Turkish President Erdogan")) == {"Recep Tayyip Erdoğan"}
    assert [a.kind for a in holding(coded, "China Daily")] == ["organization"]
    assert not any(a.name == "China" for a in coded.actors)


def test_the_ministry_is_the_ministry_last_named(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Japan's foreign ministry protested on Monday. The ministry said the ship had left. "
        "Elsewhere, the ministry of a small island state was not named.",
    )
    assert [a.entry for a in holding(coded, "ministry")] == ["jpn-mfa"]
    assert sum(m.text == "ministry" for a in coded.actors for m in a.mentions) == 1
    alone = code(coder, "The ministry said nothing on Monday.")
    assert holding(alone, "ministry") == []


def test_local_bodies_are_not_the_country_s(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Ghanaian troops freed the hostages, the army said. They were handed to the state government "
        "and local police.",
    )
    assert [a.name for a in holding(coded, "army")] == ["Ghanaian troops"]
    assert holding(coded, "government") == [] and holding(coded, "police") == []


def test_a_country_named_once_is_not_the_article_s(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Federal forces struck depots near the front, the government said. "
        "Rebels fired rockets at Asmara, the Eritrean capital.",
    )
    assert holding(coded, "government") == []
    twice = code(
        coder,
        "Eritrea closed its border. Federal forces struck depots, the government said. Eritrean "
        "officials left Asmara.",
    )
    assert [a.country for a in holding(twice, "government")] == ["ERI"]


def test_pair_by_recency_needs_parties_not_topics(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Russia attacked Ukraine on Monday. The two countries later exchanged prisoners.")
    assert names(holding(coded, "The two countries")) == {"Russia", "Ukraine"}
    topics = code(
        coder,
        "The envoys discussed the crisis in Sudan and the Iranian nuclear programme. "
        "The parties paid attention to it.",
    )
    assert holding(topics, "The parties") == []


def test_a_demonym_describing_others_does_not_place_the_police(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "The Haitian president was killed in Port-au-Prince. Police arrested 12 suspects, including "
        "Venezuelan former soldiers. The Haitian government asked for help.",
    )
    assert {(a.name, a.country) for a in holding(coded, "Police")} == {("Haitian police", "HTI")}


def test_bodies_of_countries_without_an_adjective_use_the_name(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Hong Kong's government defended the law, and Swiss police said nothing.")
    assert names(holding(coded, "Hong Kong's government")) == {"Hong Kong government"}
    assert names(holding(coded, "Swiss police")) == {"Swiss police"}


def test_a_body_alone_is_the_subject_s_country(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Albanian Prime Minister Edi Rama put the army on alert near the border with Greece. "
        "The government of Greece asked the UN to send troops.",
        date="2023-06-01",
    )
    assert {(a.name, a.country) for a in holding(coded, "army")} == {("Albanian army", "ALB")}
    assert holding(coded, "troops") == []  # plural soldiers alone: whose is not clear
    assert names(holding(coded, "government of Greece")) == {"Greek government"}


def test_adjectives_are_not_plural_demonyms(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(coder, "Berlin said its army was ready. Germany's military had trained for weeks.")
    # one body, named as the text first writes it
    assert holding(coded, "Germany's military") == holding(coded, "army")
    assert names(holding(coded, "army")) == {"German army"}


def test_one_title_naming_two_is_a_pair(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "The Russian and Turkish presidents spoke by phone on Monday, while Lula and Macron met in Paris. "
        "Both presidents later issued statements.",
        date="2023-06-01",
    )
    assert names(holding(coded, "Both presidents")) == {"Luiz Inácio Lula da Silva", "Emmanuel Macron"}
    same_span = code(
        coder,
        "The Russian and Turkish presidents spoke by phone. Zelensky was not told. The two leaders agreed "
        "to meet.",
        date="2023-06-01",
    )
    assert names(holding(same_span, "The two leaders")) == {"Vladimir Putin", "Recep Tayyip Erdoğan"}


def test_protesters_and_demonstrators_are_one_group(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Protesters gathered in Accra on Tuesday. Police fired tear gas at the demonstrators. "
        "Ghanaian farmers joined later, and the farmers blocked roads.",
    )
    crowd = holding(coded, "Protesters")
    assert [(a.name, a.country) for a in crowd] == [("protesters", "GHA")]
    assert holding(coded, "demonstrators") == crowd
    assert holding(coded, "Ghanaian farmers") == holding(coded, "farmers")


def test_more_groups_and_police_officers(coder) -> None:  # type: ignore[no-untyped-def]
    coded = code(
        coder,
        "Gunmen attacked a village in Nigeria on Sunday. Police officers said civilians fled. "
        "In Abuja, lawmakers and the opposition demanded an inquiry.",
    )
    got = {(a.name, a.country, a.sector) for a in coded.actors if a.kind in ("group", "organization")}
    assert {
        ("gunmen", "NGA", "CRM"),
        ("civilians", "NGA", "CVL"),
        ("lawmakers", "NGA", "LEG"),
        ("opposition", "NGA", "OPP"),
        ("Nigerian police officers", "NGA", "COP"),
    } <= got
