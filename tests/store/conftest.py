"""Hand-built coded articles for store tests (no model needed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.ingest import article_id
from eventwire.records import Actor, Article, CodedArticle, Event, Mention, Span, Statement, Translation

KB = {
    "Putin": ("Vladimir Putin", "RUS", "GOV", "putin"),
    "Trump": ("Donald Trump", "USA", "GOV", "trump"),
    "Zelensky": ("Volodymyr Zelensky", "UKR", "GOV", "zelensky"),
}


def build(
    text: str,
    outlet: str | None = "Daily Example",
    published: str | None = "2025-02-12",
    events: tuple[tuple[str, str, str, str], ...] = (),
    translation: Translation | None = None,
) -> CodedArticle:
    """A coded article: actors are the KB names in ``text``; events are (type, actor, recipient, trigger)."""
    article = Article(
        id=article_id(text),
        text=text,
        title=text.split(".")[0][:40],
        outlet=outlet,
        published=published,
        translation=translation,
        source=f"mem:{outlet}",
    )
    actors: list[Actor] = []
    for i, (short, (name, country, sector, entry)) in enumerate(sorted(KB.items()), 1):
        start = text.find(short)
        if start >= 0:
            actors.append(
                Actor(
                    id=f"a{i}",
                    name=name,
                    kind="person",
                    country=country,
                    sector=sector,
                    role="head of state",
                    kb_id=None,
                    entry=entry,
                    mentions=[Mention(short, start, start + len(short))],
                )
            )
    by_short = {a.mentions[0].text: a.id for a in actors}
    coded_events = []
    for j, (type_, actor, recipient, trigger) in enumerate(events, 1):
        t = text.find(trigger)
        sentence = Span(text, 0, len(text))
        coded_events.append(
            Event(
                id=f"e{j}",
                type=type_,
                mode=None,
                context=[],
                cameo="040",
                actor=[by_short[actor]],
                recipient=[by_short[recipient]] if recipient else [],
                sentence=sentence,
                trigger=Span(trigger, t, t + len(trigger)),
                confidence=0.75,
            )
        )
    statements = []
    said = text.find("said")
    if said >= 0 and actors:
        statements.append(
            Statement(
                id="s1",
                speaker=actors[0].id,
                cue=Span("said", said, said + 4),
                content=Span(text[:said], 0, said),
                kind="indirect",
                events=[e.id for e in coded_events],
            )
        )
    return CodedArticle(
        article,
        actors,
        coded_events,
        statements,
        {"eventwire": "test", "lexicon": "1", "kb": "1", "model": "none"},
    )


@pytest.fixture
def make_coded() -> Callable[..., CodedArticle]:
    return build


@pytest.fixture
def sample() -> list[CodedArticle]:
    return [
        build(
            "Putin spoke with Trump by phone, the Kremlin said.",
            "Alpha News",
            "2025-02-12",
            (("CONSULT", "Putin", "Trump", "spoke"),),
        ),
        build(
            "Trump held a call with Putin on Wednesday.",
            "Beta Wire",
            "2025-02-13",
            (("CONSULT", "Trump", "Putin", "held a call"),),
        ),
        build(
            "Zelensky accused Putin of stalling.",
            "Alpha News",
            "2025-02-14",
            (("ACCUSE", "Zelensky", "Putin", "accused"),),
            Translation("uk", "Example Translate"),
        ),
    ]
