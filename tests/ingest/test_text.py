from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest import Metadata
from eventwire.ingest.meta import Fields
from eventwire.ingest.text import format_header, parse_header
from eventwire.ingest.title import detect_title

from .conftest import one_article

BODY = "Ministers of Chile and Peru met in Lima on Monday.\n\nThey signed a water treaty.\n"


def write(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_fields_and_offsets_index_the_body(tmp_path: Path) -> None:
    text = (
        "TITLE: Chile and Peru sign a treaty\nOutlet: Andes Daily\ndate: 14 March 2023\n"
        "URL: https://example.org/x\nLanguage: EN\n\n" + BODY
    )
    article = one_article(write(tmp_path, text))
    assert article.text == BODY
    assert article.title == "Chile and Peru sign a treaty"
    assert article.outlet == "Andes Daily"
    assert article.published == "2023-03-14"
    assert article.url == "https://example.org/x"
    assert article.language == "en"
    start = article.text.index("Lima")
    assert article.text[start : start + 4] == "Lima"


def test_no_header_title_stays_in_text(tmp_path: Path) -> None:
    text = "Chile and Peru sign a treaty\n\n" + BODY
    article = one_article(write(tmp_path, text))
    assert article.text == text
    assert article.title == "Chile and Peru sign a treaty"
    assert article.published is None
    assert article.language == "en"


def test_unknown_key_means_no_header(tmp_path: Path) -> None:
    text = "Lima: ministers met today\n\n" + BODY
    fields, offset = parse_header(text)
    assert offset == 0 and fields == Fields()
    assert one_article(write(tmp_path, text)).text == text


def test_header_without_blank_line_is_not_a_header() -> None:
    assert parse_header("TITLE: x\nThe ministers met.\n") == (Fields(), 0)


def test_cli_metadata_overrides_header(tmp_path: Path) -> None:
    text = "TITLE: Old title\nDATE: 2023-03-14\nOUTLET: Andes Daily\n\n" + BODY
    meta = Metadata(published="2024-01-02", outlet="Pacific Wire", title="New title", language="es")
    article = one_article(write(tmp_path, text), metadata=meta)
    assert (article.published, article.outlet, article.title, article.language) == (
        "2024-01-02",
        "Pacific Wire",
        "New title",
        "es",
    )


def test_article_id_ignores_whitespace_differences(tmp_path: Path) -> None:
    a = one_article(write(tmp_path, "One  two\nthree.", "a.txt"))
    b = one_article(write(tmp_path, "One two three.\n", "b.txt"))
    c = one_article(write(tmp_path, "One two four.\n", "c.txt"))
    assert a.id == b.id != c.id


def test_title_detection_rules() -> None:
    assert detect_title("Leaders meet in Oslo\n\nThe leaders met.") == "Leaders meet in Oslo"
    assert detect_title("Why it matters? A talk\n\nText.") == "Why it matters? A talk"
    assert detect_title("The leaders met in Oslo.\n\nThey talked.") is None  # a sentence, not a title
    assert detect_title("Leaders meet in Oslo\nThe leaders met.\n\nMore.") is None  # no blank line after
    assert detect_title("x" * 250 + "\n\nText.") is None  # too long
    assert detect_title("Only a title\n\n") is None  # nothing after it


header_value = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@given(
    title=st.none() | header_value,
    outlet=st.none() | header_value,
    url=st.none() | header_value,
    language=st.none() | st.sampled_from(["en", "ru", "uk"]),
    body=st.text(min_size=1, max_size=200),
)
def test_header_round_trip(
    title: str | None, outlet: str | None, url: str | None, language: str | None, body: str
) -> None:
    fields = Fields(title=title, outlet=outlet, url=url, published="2025-02-13", language=language)
    text = format_header(fields) + body
    parsed, offset = parse_header(text)
    assert parsed == fields
    assert text[offset:] == body


def test_crlf_header_and_title(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"TITLE: Windows file\r\nDATE: 2020-01-31\r\n\r\nThe leaders met.\r\nThey talked.\r\n")
    article = one_article(path)
    assert (article.title, article.published) == ("Windows file", "2020-01-31")
    assert article.text == "The leaders met.\r\nThey talked.\r\n"
