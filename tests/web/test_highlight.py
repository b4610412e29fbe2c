"""Highlighting article text from offsets: every piece escaped, layers nested, overlaps resolved."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from eventwire.web.highlight import Mark, article_marks, highlight


def strip_tags(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


def test_text_between_offsets_is_escaped() -> None:
    text = 'A <script>alert("x")</script> & <img src=x onerror=y>'
    out = str(
        highlight(text, [Mark(0, 10, "st st-outlet")], [Mark(2, 10, "act", href="/actors/a", title='"q"')])
    )
    assert "<script>" not in out and "<img" not in out
    assert out.startswith('<span class="st st-outlet">A <a class="act" href="/actors/a" title="&#34;q&#34;">')
    assert strip_tags(out) == text


def test_attribute_values_are_escaped() -> None:
    out = str(highlight("abc", [], [Mark(0, 3, "act", href='/x?a=1&b="2"><script>', title="<b>")]))
    assert 'href="/x?a=1&amp;b=&#34;2&#34;&gt;&lt;script&gt;"' in out and 'title="&lt;b&gt;"' in out


def test_inner_mark_crossing_an_outer_boundary_is_cut() -> None:
    out = str(highlight("0123456789", [Mark(0, 5, "st")], [Mark(3, 8, "act", href="/a")]))
    assert out == (
        '<span class="st">012<a class="act" href="/a">34</a></span><a class="act" href="/a">567</a>89'
    )


def test_overlapping_marks_keep_the_first_and_longest() -> None:
    out = str(highlight("abcdefgh", [], [Mark(2, 4, "short"), Mark(2, 6, "long"), Mark(5, 8, "late")]))
    assert out == 'ab<span class="long">cdef</span>gh'


def test_marks_outside_the_text_are_clipped_or_dropped() -> None:
    out = str(highlight("abc", [Mark(-5, 2, "st")], [Mark(2, 99, "act"), Mark(7, 9, "gone")]))
    assert out == '<span class="st">ab</span><span class="act">c</span>'


spans = st.tuples(st.integers(-3, 40), st.integers(0, 45))


@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), max_size=40),
    st.lists(spans, max_size=5),
    st.lists(spans, max_size=8),
)
def test_highlighting_never_changes_or_unescapes_the_text(text: str, outer: list, inner: list) -> None:
    out = str(
        highlight(text, [Mark(s, e, "o") for s, e in outer], [Mark(s, e, "i", href="/x") for s, e in inner])
    )
    assert strip_tags(out) == text
    assert "<" not in re.sub(r'</?(span|a)( class="[oi]"( href="/x")?)?>', "", out)


def test_article_marks_label_statement_kinds_and_link_actors_and_events() -> None:
    text = 'Ann said "we agree". The sky is blue.'
    detail = {
        "article": {"text": text, "excluded": [[30, 35]]},
        "actors": [
            {
                "id": "a1",
                "name": "Ann Example",
                "kind": "person",
                "role": "Minister",
                "canonical": "kb:ann",
                "mentions": [{"start": 0, "end": 3, "how": "name", "text": "Ann"}],
            },
        ],
        "events": [
            {"linked_id": "le-1", "type": "AGREE", "mode": None, "trigger_start": 13, "trigger_end": 18}
        ],
        "statements": [
            {
                "kind": "direct",
                "speaker": "a1",
                "cue": "said",
                "cue_start": 4,
                "cue_end": 8,
                "content_start": 10,
                "content_end": 18,
            },
            {
                "kind": "outlet",
                "speaker": None,
                "cue": None,
                "cue_start": None,
                "cue_end": None,
                "content_start": 21,
                "content_end": 37,
            },
        ],
    }
    outer, inner = article_marks(detail, lambda k: f"/actors/{k}", lambda i: f"/events/{i}")
    out = str(highlight(text, outer, inner))
    assert (
        '<a class="act act-person" href="/actors/kb:ann" title="Ann Example, Minister [name]">Ann</a>' in out
    )
    assert '<span class="cue" title="Attribution cue">said</span>' in out
    assert 'title="Direct quote by Ann Example (cue: said)"' in out
    assert '<a class="trig t-agree" href="/events/le-1" title="Event: AGREE">agree</a>' in out
    assert '<span class="st st-outlet" title="The outlet&#39;s own claim (no speaker)">' in out
