"""Output formats of ``eventwire code``: json, jsonl, plover, tsv.

- ``json``: the ``eventwire.article/1`` contract, one indented object per article;
- ``jsonl``: the same, one line per article;
- ``plover``: PLOVER JSONL, one record per event (:mod:`.plover`);
- ``tsv``: a flat event table with a header row (:mod:`.tsv`).
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from ..errors import ConfigError
from ..records import CodedArticle
from .plover import PloverTables, plover_records
from .tsv import TSV_COLUMNS, tsv_rows

__all__ = ["FORMATS", "TSV_COLUMNS", "Writer", "plover_records", "tsv_rows"]

FORMATS = ("json", "jsonl", "plover", "tsv")


class Writer:
    """Writes coded articles to a stream in one format."""

    def __init__(self, stream: TextIO, fmt: str) -> None:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.stream = stream
        self.fmt = fmt
        self._tables: PloverTables | None = None
        self._tsv: csv.DictWriter[str] | None = None

    def write(self, coded: CodedArticle) -> None:
        if self.fmt == "json":
            json.dump(coded.to_dict(), self.stream, ensure_ascii=False, indent=2)
            self.stream.write("\n")
        elif self.fmt == "jsonl":
            self.stream.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "plover":
            if self._tables is None:
                self._tables = PloverTables.load()
            for record in plover_records(coded, self._tables):
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            self._table().writerows(tsv_rows(coded))

    def _table(self) -> csv.DictWriter[str]:
        if self._tsv is None:
            self._tsv = csv.DictWriter(
                self.stream, fieldnames=TSV_COLUMNS, delimiter="\t", lineterminator="\n"
            )
            self._tsv.writeheader()
        return self._tsv

    def close(self) -> None:
        if self.fmt == "tsv":
            self._table()  # an empty table still has its header
        self.stream.flush()
