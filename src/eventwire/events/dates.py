"""Event dates: the date expression attached to an event's clause, anchored on the publication date.

    DateResolver(options).resolve(doc, sent, trigger_token, article) -> EventDate

Candidates are the sentence's spaCy DATE entities and the matches of our own
patterns (``data/<lang>/dates.toml``: "late December 2021", "on May 20",
"on Monday", "three years ago", "on the eve of" ...). The candidate in the
trigger's own clause wins, then one in a clause that governs it, then any
other outside parentheses. Our patterns resolve their own matches; other
entities go to dateparser with the publication date as ``RELATIVE_BASE``
(preferring the past). Absent any, the event is dated to publication with
precision "reported". dateparser runs only on DATE entities our patterns do
not cover.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..options import Options
from ..records import Article
from .datepatterns import DatePattern, DatePatterns

if TYPE_CHECKING:
    from ..nlp import Doc, Span, Token

__all__ = ["DatePatterns", "DateResolver", "EventDate"]

Precision = Literal["day", "month", "year", "reported"]
#: Precisions from the coarsest.
PRECISION_ORDER: tuple[Precision, ...] = ("year", "month", "day")
#: Date patterns counted from the publication date ("on Monday", "three days ago").
RELATIVE = frozenset({"weekday", "days", "weeks", "months", "years", "ago", "eve"})
HISTORICAL_DAYS = 31
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj", "parataxis"}
)
ATTRIBUTIVE = frozenset({"nummod", "compound", "amod", "nmod", "poss"})
BARE_NUMBER = re.compile(r"^\W*\d{1,2}\W*$")
#: "the past three years", "the next two weeks": a stretch of time.
PAST_SPAN = re.compile(r"(?i)^(?:the\s+)?(?:past|last|next|coming)\s+(?:\d+|[a-z]+)\s+\w+s\b")


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as far as the text says.

    ``date`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" by ``precision``; with precision
    "reported" it is the publication date (the text names no date for the event).
    ``span`` is the date expression's character offsets, when there is one.
    """

    date: str | None
    precision: Precision
    historical: bool
    span: tuple[int, int] | None


@dataclass(frozen=True)
class _Candidate:
    start: int  # char offsets in the doc
    end: int
    pattern: DatePattern | None  # None: a spaCy DATE entity for dateparser
    match: re.Match[str] | None

    @property
    def relative(self) -> bool:
        """Counted from the publication date; a DATE entity for dateparser may be."""
        return self.pattern is None or self.pattern.resolve in RELATIVE


class DateResolver:
    """Dates events. Build one per process: patterns compile once; dateparser loads on first use."""

    def __init__(self, options: Options, patterns: DatePatterns | None = None) -> None:
        self.options = options
        self.patterns = patterns if patterns is not None else DatePatterns.load()
        self._parsers: dict[dt.date, Any] = {}
        # dateparser is slow and news repeats its date expressions: answers are kept per
        # (expression, publication date), a bounded memo of this resolver only.
        self._answers: dict[tuple[str, dt.date], tuple[dt.date, Precision] | None] = {}

    def resolve(self, doc: Doc, sent: Span, trigger_token: Token, article: Article) -> EventDate:
        """The date of the event whose trigger is ``trigger_token`` in ``sent``."""
        published = _published(article)
        sent_text = sent.text  # Span.text joins tokens: read it once
        cue = bool(self.patterns.historical.search(sent_text))
        if published is None:
            return EventDate(None, "reported", cue, None)
        reported = article.published if article.published_precision != "day" else published.isoformat()
        for candidate in self._ranked(doc, sent, sent_text, trigger_token):
            base = sent.start_char
            resolved = self._resolve_candidate(
                sent_text[candidate.start - base : candidate.end - base], candidate, published
            )
            if resolved is None:
                continue
            date, precision = resolved
            span = (candidate.start, candidate.end)
            if precision == "reported":
                return EventDate(reported, "reported", cue, span)
            if candidate.relative and article.published_precision in ("month", "year"):
                # "on Monday" in an article dated only to a month: no surer than the article's date
                precision = min(precision, article.published_precision, key=PRECISION_ORDER.index)
            historical = cue or _last_day(date, precision) < published - dt.timedelta(days=HISTORICAL_DAYS)
            return EventDate(_iso(date, precision), precision, historical, span)
        return EventDate(reported, "reported", cue, None)

    # -- candidates ------------------------------------------------------------------------------------

    def _candidates(self, sent: Span, sent_text: str, trigger: Token) -> list[_Candidate]:
        found = [
            c
            for c, ent in self._sentence_candidates(sent, sent_text)
            if ent is None or not _attributive(ent, trigger)
        ]
        return found

    def _sentence_candidates(self, sent: Span, sent_text: str) -> list[tuple[_Candidate, Span | None]]:
        """The date expressions of a sentence, found once per sentence (kept with its doc)."""
        memo = sent.doc.user_data.setdefault("eventwire_dates", {})
        cached = memo.get(sent.start)
        if cached is not None:
            return cached
        found: list[tuple[_Candidate, Span | None]] = []
        base = sent.start_char
        patterns = self.patterns.patterns if self.patterns.any_pattern.search(sent_text) else ()
        for pattern in patterns:
            for m in pattern.regex.finditer(sent_text):
                if not _names_capitalized(m):
                    continue
                start, end = base + m.start(), base + m.end()
                if any(c.start < end and start < c.end for c, _ in found):
                    continue
                if self._after_duration(sent_text[: m.start()]):
                    continue  # "until 2028", "since March": not when the event happened
                found.append((_Candidate(start, end, pattern, m), None))
        for ent in _date_entities(sent):
            if any(c.start < ent.end_char and ent.start_char < c.end for c, _ in found):
                continue
            if self._duration(ent) or BARE_NUMBER.match(ent.text):
                continue
            if self.patterns.anaphoric.search(ent.text):
                continue  # "a day later": counted from another event, not from publication
            found.append((_Candidate(ent.start_char, ent.end_char, None, None), ent))
        memo[sent.start] = found
        return found

    def _ranked(self, doc: Doc, sent: Span, sent_text: str, trigger: Token) -> list[_Candidate]:
        clause = _clause_head(trigger)
        governing = {t.i for t in clause.ancestors}
        ranked: list[tuple[int, int, _Candidate]] = []
        for cand in self._candidates(sent, sent_text, trigger):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None:
                continue
            anchor = span.root
            if _attributive_token(anchor) and anchor.head.i != trigger.i:
                continue  # "the 2014 borders": dates the noun, not the event
            own = _clause_head(anchor)
            if own.i == clause.i:
                rank = 0
            elif own.i in governing:
                rank = 1
            elif _parenthesized(sent_text[: span.start_char - sent.start_char]):
                continue
            else:
                rank = 2
            ranked.append((rank, abs(anchor.i - trigger.i), cand))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [r[2] for r in ranked]

    def _duration(self, ent: Span) -> bool:
        """ "for the past three years", "until 2028": a stretch of time or a deadline, not a date."""
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ in self.patterns.durations and head.i == ent.start - 1:
            return True
        if self._after_duration(ent.doc.text[max(0, ent.start_char - 20) : ent.start_char]):
            return True
        return bool(PAST_SPAN.match(ent.text))

    def _after_duration(self, before: str) -> bool:
        words = before.split()
        return bool(words) and words[-1].lower().strip(",(") in self.patterns.durations

    # -- resolution ------------------------------------------------------------------------------------

    def _resolve_candidate(
        self, text: str, cand: _Candidate, published: dt.date
    ) -> tuple[dt.date, Precision] | None:
        if cand.pattern is not None and cand.match is not None:
            return self._resolve_pattern(cand.pattern, cand.match, published)
        return self._dateparser(text, published)

    def _resolve_pattern(
        self, pattern: DatePattern, m: re.Match[str], published: dt.date
    ) -> tuple[dt.date, Precision] | None:
        groups = {k: v for k, v in m.groupdict().items() if v}
        kind = pattern.resolve
        try:
            if kind == "month":
                month = self.patterns.months[groups["month"].lower().rstrip(".")]
                year = int(groups["year"]) if "year" in groups else _latest_year(published, month, 1)
                return dt.date(year, month, 1), "month"
            if kind == "month_day":
                month = self.patterns.months[groups["month"].lower().rstrip(".")]
                day = int(groups["day"])
                year = int(groups["year"]) if "year" in groups else _latest_year(published, month, day)
                return dt.date(year, month, day), "day"
            if kind == "weekday":
                target = self.patterns.weekdays[groups["weekday"].lower()]
                back = (published.weekday() - target) % 7
                return published - dt.timedelta(days=back), "day"
            if kind == "days":
                return published + dt.timedelta(days=pattern.offset), "day"
            if kind == "weeks":
                return published + dt.timedelta(days=7 * pattern.offset), "month"
            if kind == "months":
                return _add_months(published, pattern.offset), "month"
            if kind == "years":
                return dt.date(published.year + pattern.offset, 1, 1), "year"
            if kind == "year":
                return dt.date(int(groups["year"]), 1, 1), "year"
            if kind == "ago":
                return self._ago(groups, published)
            if kind == "eve":
                return published, "reported"
        except (KeyError, ValueError, OverflowError):
            return None  # "February 30", a number word we do not know: not a date
        return None

    def _ago(self, groups: dict[str, str], published: dt.date) -> tuple[dt.date, Precision] | None:
        raw = groups["n"].lower()
        n = int(raw) if raw.isdigit() else self.patterns.numbers.get(raw)
        if n is None:
            return None
        unit = groups["unit"].lower()
        if unit == "day":
            return published - dt.timedelta(days=n), "day"
        if unit == "week":
            return published - dt.timedelta(days=7 * n), "month"
        if unit == "month":
            return _add_months(published, -n), "month"
        return dt.date(published.year - n, 1, 1), "year"

    def _dateparser(self, text: str, published: dt.date) -> tuple[dt.date, Precision] | None:
        key = (text, published)
        if key not in self._answers:
            if len(self._answers) > 4096:
                self._answers.clear()
            self._answers[key] = self._parse_with_dateparser(text, published)
        return self._answers[key]

    def _parse_with_dateparser(self, text: str, published: dt.date) -> tuple[dt.date, Precision] | None:
        parser = self._parsers.get(published)
        if parser is None:
            from dateparser.date import DateDataParser

            if len(self._parsers) > 64:
                self._parsers.clear()
            base = dt.datetime(published.year, published.month, published.day)
            parser = DateDataParser(
                languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
            )
            self._parsers[published] = parser
        data = parser.get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        period = data.period or "day"
        found = data.date_obj.date()
        precision: Precision = (
            "year" if period == "year" else "month" if period in ("month", "week") else "day"
        )
        return found, precision


def _published(article: Article) -> dt.date | None:
    if not article.reference_date:
        return None
    try:
        return dt.date.fromisoformat(article.reference_date)
    except ValueError:
        return None


def _names_capitalized(m: re.Match[str]) -> bool:
    """Month and weekday names count only capitalized ("May 20", not "may 20 people")."""
    for group in ("month", "weekday"):
        value = m.groupdict().get(group)
        if value and not value[0].isupper():
            return False
    return True


def _latest_year(published: dt.date, month: int, day: int) -> int:
    """The year of the last ``month``/``day`` on or before publication."""
    if (month, day) <= (published.month, published.day):
        return published.year
    return published.year - 1


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _last_day(date: dt.date, precision: Precision) -> dt.date:
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return date


def _iso(date: dt.date, precision: Precision) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def _clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` is in (the token itself when it heads one)."""
    tok = token
    while tok.dep_ not in CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX"):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok




def _attributive_token(tok: Token) -> bool:
    return tok.dep_ in ATTRIBUTIVE and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i


def _attributive(ent: Span, trigger: Token) -> bool:
    return _attributive_token(ent.root) and ent.root.head.i != trigger.i


def _date_entities(sent: Span) -> list[Span]:
    """The DATE entities of one sentence (read from the tokens: ``Span.ents`` walks the whole doc)."""
    found: list[Span] = []
    start: int | None = None
    for tok in sent:
        if start is not None and (tok.ent_iob_ != "I" or tok.ent_type_ != "DATE"):
            found.append(sent.doc[start : tok.i])
            start = None
        if tok.ent_iob_ == "B" and tok.ent_type_ == "DATE":
            start = tok.i
    if start is not None:
        found.append(sent.doc[start : sent.end])
    return found


def _parenthesized(before: str) -> bool:
    """True when the sentence text ``before`` a date leaves a parenthesis open."""
    return before.count("(") > before.count(")")
