"""Machine-translation notes: "Переведено сервисом «Яндекс Переводчик»", "Translated by DeepL", ...

The phrasings live in data files (``data/translation_notes.tsv``, ``translation_services.tsv``,
``languages.tsv``); this module only compiles and applies them. :meth:`NoteFinder.match` is pure:
it returns what it found; :func:`translation_for` combines it with the metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Span, Translation
from ._data import compile_pattern, read_tsv

__all__ = ["NoteFinder", "TranslationNote", "translation_for"]

#: Longest line that can be a translation note.
MAX_NOTE_CHARS = 200
_OPEN = r"[\s\-–—*_(\[|]*"
_CLOSE = r"[\s.!;)\]*_|]*"
_QUOTES_OPEN = "[«\"“„'‘]?"
_QUOTES_CLOSE = "[»\"”'’]?"


@dataclass(frozen=True)
class TranslationNote:
    """A note found in a text: where it is, the service, the note's own language, the language named."""

    start: int
    end: int
    service: str | None
    note_language: str
    named_language: str | None


@dataclass(frozen=True)
class _Phrase:
    language: str
    regex: re.Pattern[str]


class NoteFinder:
    """Finds machine-translation notes, each a whole line of an article."""

    def __init__(self) -> None:
        services = read_tsv("translation_services.tsv")
        languages = read_tsv("languages.tsv")
        self._services = [
            (row["service"], compile_pattern(row["names"], "translation_services.tsv", re.IGNORECASE))
            for row in services
        ]
        self._languages = [
            (row["code"], compile_pattern(row["names"], "languages.tsv", re.IGNORECASE)) for row in languages
        ]
        service_alt = "|".join(f"(?:{row['names']})" for row in services)
        language_alt = "|".join(f"(?:{row['names']})" for row in languages)
        phrases = []
        for row in read_tsv("translation_notes.tsv"):
            body = (
                row["pattern"]
                .replace("{service}", f"{_QUOTES_OPEN}\\s*(?P<service>{service_alt})\\s*{_QUOTES_CLOSE}")
                .replace("{language}", f"(?P<language>{language_alt})")
            )
            regex = compile_pattern(f"{_OPEN}(?:{body}){_CLOSE}", "translation_notes.tsv", re.IGNORECASE)
            phrases.append(_Phrase(row["note_language"], regex))
        self._phrases = phrases

    def match(self, text: str) -> list[TranslationNote]:
        """Every line of ``text`` that is a translation note, in text order."""
        notes = []
        for start, end in _lines(text):
            line = text[start:end]
            stripped = line.strip()
            if not stripped or len(stripped) > MAX_NOTE_CHARS:
                continue
            for phrase in self._phrases:
                found = phrase.regex.fullmatch(stripped)
                if found is None:
                    continue
                offset = start + (len(line) - len(line.lstrip()))
                groups = found.groupdict()
                notes.append(
                    TranslationNote(
                        start=offset,
                        end=offset + len(stripped),
                        service=self._service(groups.get("service")),
                        note_language=phrase.language,
                        named_language=self._language(groups.get("language")),
                    )
                )
                break
        return notes

    def _service(self, name: str | None) -> str | None:
        if not name:
            return None
        for service, regex in self._services:
            if regex.fullmatch(name.strip()):
                return service
        return None  # pragma: no cover - the alternation only matches listed names

    def language_code(self, name: str) -> str | None:
        """The ISO 639-1 code of a language name ("Russian", "русского"), or None if unknown."""
        return self._language(name)

    def _language(self, name: str | None) -> str | None:
        if not name:
            return None
        for code, regex in self._languages:
            if regex.fullmatch(name.strip()):
                return code
        return None  # pragma: no cover


def translation_for(
    text: str,
    notes: list[TranslationNote],
    language: str,
    translated_from: str | None,
    translator: str | None,
) -> Translation | None:
    """The article's Translation: given metadata first, then what the last note says.

    A note written in another language than the article's own says the article was
    translated from that language (a Russian note on an English text: from Russian).
    """
    note = notes[-1] if notes else None
    source_language = translated_from
    service = translator
    if note is not None:
        if source_language is None:
            source_language = note.named_language
        if source_language is None and note.note_language != language:
            source_language = note.note_language
        if service is None:
            service = note.service
    if note is None and source_language is None and service is None:
        return None
    span = Span(text[note.start : note.end], note.start, note.end) if note else None
    return Translation(source_language=source_language, service=service, note=span)


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        spans.append((start, start + len(content)))
        start += len(line)
    return spans
