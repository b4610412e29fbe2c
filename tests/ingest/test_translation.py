"""Machine-translation notes, bylines, credit lines and datelines: found, and excluded from coding."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import Metadata
from eventwire.ingest.credits import CreditFinder
from eventwire.ingest.translation import NoteFinder

from .conftest import one_article

BODY = "The foreign ministers of Chile and Peru met in Lima on Monday.\nThey signed a treaty.\n"


@pytest.fixture(scope="module")
def notes() -> NoteFinder:
    return NoteFinder()


@pytest.fixture(scope="module")
def credits() -> CreditFinder:
    return CreditFinder()


def test_reference_article_translated_from_russian_by_yandex(seed_path: Path) -> None:
    article = one_article(seed_path)
    assert article.translation is not None
    assert article.translation.source_language == "ru"
    assert article.translation.service == "Yandex Translate"
    note = article.translation.note
    assert note is not None
    assert article.text[note.start : note.end] == note.text
    assert note.text.startswith("Переведено")
    assert (note.start, note.end) in article.excluded
    assert article.language == "en"


@pytest.mark.parametrize(
    ("line", "service", "source_language"),
    [
        ("Translated by Google Translate", "Google Translate", None),
        ("Machine translation by DeepL.", "DeepL", None),
        ("This article was machine-translated from Ukrainian by DeepL", "DeepL", "uk"),
        ("(Translated from Russian with Yandex Translate)", "Yandex Translate", "ru"),
        ("Translated with Microsoft Translator", "Microsoft Translator", None),
        ("Translation: ChatGPT", "ChatGPT", None),
        ("Translated from Persian", None, "fa"),
        ("[Machine translation from Turkish]", None, "tr"),
        ("Machine-translated.", None, None),
        ("Переведено с помощью Google Переводчика", "Google Translate", "ru"),
        ("Переведено сервисом «Яндекс Переводчик».", "Yandex Translate", "ru"),
        ("Машинный перевод: DeepL", "DeepL", "ru"),
        ("Перекладено за допомогою Google Перекладача", "Google Translate", "uk"),
        ("Перекладено з російської сервісом DeepL", "DeepL", "ru"),
        ("Traduit par DeepL", "DeepL", "fr"),
        ("Traduction automatique par Google Traduction", "Google Translate", "fr"),
        ("Übersetzt mit DeepL", "DeepL", "de"),
        ("Maschinell übersetzt mit Google Übersetzer", "Google Translate", "de"),
        ("Traducido por Google", None, None),  # "Google" alone is not a translation service name
        ("Traducido por Google Translate", "Google Translate", "es"),
        ("Tradotto con DeepL", "DeepL", "it"),
        ("Traduzido pelo Google Tradutor", "Google Translate", "pt"),
    ],
)
def test_note_phrasings(tmp_path: Path, line: str, service: str | None, source_language: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY + "\n" + line + "\n", encoding="utf-8")
    article = one_article(path)
    if service is None and source_language is None and "Google" in line:
        assert article.translation is None
        return
    assert article.translation is not None, line
    assert (article.translation.service, article.translation.source_language) == (service, source_language)
    note = article.translation.note
    assert note is not None and line.strip("()") in article.text[note.start - 1 : note.end + 1]
    assert any(s <= note.start and note.end <= e for s, e in article.excluded)


def test_note_language_equal_to_article_language_says_nothing_of_source(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("LANGUAGE: ru\n\nПрезиденты встретились.\nПереведено с помощью DeepL\n", encoding="utf-8")
    article = one_article(path)
    assert article.translation is not None and article.translation.source_language is None


def test_metadata_translation_overrides_note(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY + "Translated by Google Translate\n", encoding="utf-8")
    article = one_article(path, metadata=Metadata(translated_from="ro", translator="DeepL"))
    assert article.translation is not None
    assert (article.translation.source_language, article.translation.service) == ("ro", "DeepL")
    assert article.translation.note is not None  # the note is still found and excluded
    assert article.excluded


def test_header_translation_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("TRANSLATED_FROM: ka\nTRANSLATOR: staff\n\n" + BODY, encoding="utf-8")
    article = one_article(path)
    assert article.translation is not None
    assert (article.translation.source_language, article.translation.service, article.translation.note) == (
        "ka",
        "staff",
        None,
    )


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the text was translated by Google Translate before it was published in Lima.",
        "Google Translate is used by millions of people every day.",
        "Officials translated the treaty into Spanish.",
        "Переведено на русский язык более ста книг автора.",
    ],
)
def test_ordinary_sentences_are_not_notes(notes: NoteFinder, line: str) -> None:
    assert notes.match(BODY + line + "\n") == []


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("By Maria Lopez\n", "By Maria Lopez"),
        ("By Maria Lopez and Tom Baker, Reuters\n", "By Maria Lopez and Tom Baker, Reuters"),
        ("Автор: Иван Петров\n", "Автор: Иван Петров"),
        ("Photo: Andes Daily/Jorge Ruiz\n", "Photo: Andes Daily/Jorge Ruiz"),
        ("Фото: ТАСС/Сергей Иванов\n", "Фото: ТАСС/Сергей Иванов"),
        (
            "(Reporting by Ana Silva; Editing by Paul Kent)\n",
            "(Reporting by Ana Silva; Editing by Paul Kent)",
        ),
        ("© Harbour Gazette 2023\n", "© Harbour Gazette 2023"),
        ("LIMA, March 6 (Andes Daily) - The ministers met.\n", "LIMA, March 6 (Andes Daily) - "),
        ("QUITO (Wire) — The talks began.\n", "QUITO (Wire) — "),
        ("MOSCOW, February 13. /TASS/. The talks began.\n", "MOSCOW, February 13. /TASS/. "),
    ],
)
def test_credit_lines(credits: CreditFinder, text: str, excluded: str) -> None:
    full = BODY + text
    found = credits.match(full)
    assert [full[s:e] for s, e, _ in found] == [excluded]


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the Peruvian minister said little about the treaty and its terms.",
        "By Monday the talks had ended.",
        "The photo showed both ministers.",
        "- Maria Lopez, Director of the Institute of Andean Studies.",
        "What the ministers discussed",
    ],
)
def test_ordinary_lines_are_not_credits(credits: CreditFinder, line: str) -> None:
    assert credits.match(line + "\n") == []


def test_exclusions_keep_the_text_unchanged(tmp_path: Path) -> None:
    text = (
        "Chile and Peru sign a treaty\n\nBy Maria Lopez\n\n" + BODY + "Photo: Jorge Ruiz\nTraduit par DeepL\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = one_article(path)
    assert article.text == text
    assert [article.text[s:e] for s, e in article.excluded] == [
        "By Maria Lopez",
        "Photo: Jorge Ruiz",
        "Traduit par DeepL",
    ]


def test_seed_has_no_other_exclusions(seed_path: Path) -> None:
    article = one_article(seed_path)
    assert len(article.excluded) == 1


@pytest.mark.parametrize(("given", "code"), [("EN", "en"), ("en-GB", "en"), ("Russian", "ru"), (None, "en")])
def test_language_names_become_codes(tmp_path: Path, given: str | None, code: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    assert one_article(path, metadata=Metadata(language=given)).language == code
