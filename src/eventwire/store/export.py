"""Exports of a store: JSONL (article contract), PLOVER JSONL, GDELT-style TSV, Parquet, CSV.

- ``jsonl``: one ``eventwire.article/1`` object per line, rebuilt from the store;
- ``plover``: the PLOVER JSONL writer of :mod:`eventwire.formats`, fed the same records;
- ``gdelt``: ``events.tsv`` (one row per linked event) and ``mentions.tsv`` (one row per
  report) with GDELT 2.0 column names, tab-separated without quoting (like GDELT's files;
  tabs and line breaks inside values become spaces); the mapping is in ``docs/export.md``;
- ``parquet`` / ``csv``: every table, one file each, written by DuckDB's COPY.

Multi-file formats write into a directory ``PATH``; single-file formats to ``PATH``.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from ..errors import ConfigError, StoreError
from .db import Store
from .load import iter_coded
from .rows import STORE_TABLES

__all__ = ["EXPORT_FORMATS", "GDELT_EVENT_COLUMNS", "GDELT_MENTION_COLUMNS", "export", "gdelt_event_id"]

EXPORT_FORMATS = ("jsonl", "plover", "gdelt", "parquet", "csv")

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
ROOT_EVENT_CHARS = 400  # a first report starting within this many characters counts as a lead event


def export(store: Store, fmt: str, output: str | Path) -> list[Path]:
    """Export the store in ``fmt`` to ``output``; return the files written."""
    out = Path(output)
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt in ("jsonl", "plover"):
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as stream:
            if fmt == "jsonl":
                for coded in iter_coded(store):
                    stream.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
            else:
                from ..formats import Writer

                writer = Writer(stream, "plover")
                for coded in iter_coded(store):
                    writer.write(coded)
                writer.close()
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return _gdelt(store, out)
    return _copy(store, out, fmt)


def _copy(store: Store, out: Path, fmt: str) -> list[Path]:
    written = []
    for table in STORE_TABLES:
        path = out / f"{table}.{fmt}"
        options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
        quoted = str(path).replace("'", "''")
        store.execute(f"COPY (SELECT * FROM \"{table}\" ORDER BY ALL) TO '{quoted}' {options}")
        written.append(path)
    return written


def gdelt_event_id(linked_id: str) -> int:
    """GDELT wants an integer id: the first 60 bits of the sha256 of the linked event id."""
    return int(hashlib.sha256(linked_id.encode()).hexdigest()[:15], 16)


def _rules() -> dict[str, Any]:
    try:
        text = resources.files("eventwire.store").joinpath("data/gdelt.toml").read_text("utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StoreError(f"the packaged GDELT mapping cannot be read: {exc}; reinstall eventwire") from exc


def _first_participant(store: Store, article_id: str, ids: list[str]) -> dict[str, Any] | None:
    if not ids:
        return None
    rows = store.query("SELECT * FROM actors WHERE article_id = ? AND actor_id = ?", [article_id, ids[0]])
    return rows[0] if rows else None


def _actor_cols(actor: dict[str, Any] | None, groups: set[str]) -> list[Any]:
    if actor is None:
        return [""] * 10
    country = actor["country"] or ""
    sector = actor["sector"] or ""
    group = country if country in groups else ""
    code = (group if group else country) + sector
    return [code, (actor["name"] or "").upper(), "" if group else country, group, "", "", "", sector, "", ""]


def _yyyymmdd(value: str | None) -> tuple[str, str, str, str]:
    if not value:
        return "", "", "", ""
    y, m, d = (value + "-01-01")[:10].split("-")
    fraction = f"{int(y) + (int(m) * 30 + int(d)) / 365:.4f}"
    return f"{y}{m}{d}", f"{y}{m}", y, fraction


def _timestamp(value: str | None) -> str:
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    return (digits + "00000000000000")[:14]


def _linked_rows(store: Store) -> Iterator[dict[str, Any]]:
    last = ""
    while True:
        rows = store.query(
            """SELECT le.*, e.actor AS first_actor, e.recipient AS first_recipient, e.cameo, e.location,
                      e.sentence_start, a.url, a.source, r.started AS run_started
               FROM linked_events le
               JOIN events e ON e.article_id = le.first_article_id AND e.event_id = le.first_event_id
               JOIN articles a ON a.id = le.first_article_id
               LEFT JOIN runs r ON r.id = a.run_id
               WHERE le.id > ? ORDER BY le.id LIMIT 500""",
            [last],
        )
        if not rows:
            return
        yield from rows
        last = rows[-1]["id"]


def _gdelt(store: Store, out: Path) -> list[Path]:
    rules = _rules()
    quad = {k.upper(): v for k, v in rules.get("quad_class", {}).items()}
    groups = set(rules.get("known_groups", {}).get("codes", []))
    events_path, mentions_path = out / "events.tsv", out / "mentions.tsv"
    with (
        events_path.open("w", encoding="utf-8", newline="") as ef,
        mentions_path.open("w", encoding="utf-8", newline="") as mf,
    ):
        ew, mw = _TsvWriter(ef), _TsvWriter(mf)
        ew.writerow(GDELT_EVENT_COLUMNS)
        mw.writerow(GDELT_MENTION_COLUMNS)
        for le in _linked_rows(store):
            gid = gdelt_event_id(le["id"])
            sqldate, monthyear, year, fraction = _yyyymmdd(le["date"])
            a1 = _first_participant(store, le["first_article_id"], list(le["first_actor"] or []))
            a2 = _first_participant(store, le["first_article_id"], list(le["first_recipient"] or []))
            cameo = le["cameo"] or ""
            loc = json.loads(le["location"]) if le["location"] else None
            geo = ["", "", "", "", "", "", "", ""]
            if loc:
                geo = [
                    "",
                    loc.get("name") or "",
                    loc.get("country") or "",
                    "",
                    "",
                    loc.get("lat") if loc.get("lat") is not None else "",
                    loc.get("lon") if loc.get("lon") is not None else "",
                    "",
                ]
            added = _timestamp(le["run_started"])
            ew.writerow(
                [
                    gid,
                    sqldate,
                    monthyear,
                    year,
                    fraction,
                    *_actor_cols(a1, groups),
                    *_actor_cols(a2, groups),
                    1 if (le["sentence_start"] or 0) < ROOT_EVENT_CHARS else 0,
                    cameo,
                    cameo[:3],
                    cameo[:2],
                    quad.get(le["type"], ""),
                    "",
                    le["num_mentions"],
                    le["num_sources"],
                    le["num_articles"],
                    "",
                    *([""] * 8),
                    *([""] * 8),
                    *geo,
                    added,
                    le["url"] or le["source"] or "",
                ]
            )
            for m in _mentions(store, le["id"]):
                mw.writerow(
                    [
                        gid,
                        added,
                        _timestamp(m["published"]) or added,
                        1 if (m["url"] or "").startswith(("http://", "https://")) else 2,
                        m["outlet"] or "",
                        m["url"] or m["source"] or f"eventwire:{m['article_id']}",
                        _sentence_number(m["text"], m["sentence_start"]),
                        m["actor1_offset"] if m["actor1_offset"] is not None else "",
                        m["actor2_offset"] if m["actor2_offset"] is not None else "",
                        m["trigger_start"],
                        1,
                        round(100 * (m["confidence"] or 0)),
                        len(m["text"]),
                        "",
                        _translation_info(m["translation_source"], m["translation_service"]),
                        json.dumps(
                            {
                                "article_id": m["article_id"],
                                "event_id": m["event_id"],
                                "type": le["type"],
                                "linked_id": le["id"],
                            },
                            separators=(",", ":"),
                        ),
                    ]
                )
    return [events_path, mentions_path]


class _TsvWriter:
    """GDELT-style TSV: no quoting; tabs and line breaks inside a value become spaces."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def writerow(self, values: Iterable[Any]) -> None:
        self.stream.write("\t".join(_TSV_UNSAFE.sub(" ", str(v)) for v in values) + "\n")


_TSV_UNSAFE = re.compile(r"[\t\r\n]")


def _mentions(store: Store, linked_id: str) -> list[dict[str, Any]]:
    return store.query(
        """SELECT l.article_id, l.event_id, a.outlet, a.url, a.source, a.published, a.text,
                  a.translation_source, a.translation_service, e.sentence_start, e.trigger_start,
                  e.confidence,
                  (SELECT min(m.start) FROM actor_mentions m WHERE m.article_id = e.article_id
                     AND m.actor_id = e.actor[1] AND m.start >= e.sentence_start
                     AND m."end" <= e.sentence_end)
                     AS actor1_offset,
                  (SELECT min(m.start) FROM actor_mentions m WHERE m.article_id = e.article_id
                     AND m.actor_id = e.recipient[1] AND m.start >= e.sentence_start
                     AND m."end" <= e.sentence_end) AS actor2_offset
           FROM event_links l JOIN events e USING (article_id, event_id)
           JOIN articles a ON a.id = l.article_id
           WHERE l.linked_id = ? ORDER BY l.article_id, l.event_id""",
        [linked_id],
    )


_BOUNDARY = re.compile(r"[.!?…]+[\"'»”)]*\s+|\n+")


def _sentence_number(text: str, start: int) -> int:
    """1-based sentence number of the sentence starting at ``start`` (split on punctuation and lines)."""
    return 1 + sum(1 for m in _BOUNDARY.finditer(text, 0, max(start, 0)) if m.end() <= start)


def _translation_info(source: str | None, service: str | None) -> str:
    if not source and not service:
        return ""
    code = source or ""
    if source and len(source) == 2:
        import pycountry

        lang = pycountry.languages.get(alpha_2=source)
        code = getattr(lang, "alpha_3", source) if lang else source
    parts = []
    if code:
        parts.append(f"srclc:{code}")
    if service:
        parts.append(f"eng:{service}")
    return ";".join(parts)
