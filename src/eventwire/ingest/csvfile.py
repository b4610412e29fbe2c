"""CSV corpora: a header row with the JSONL field names (``text`` required), one article per row.

Rows are read with the csv module; a malformed row (wrong number of cells, no text) becomes a
Rejected whose source is ``path:LINENO`` (the line the row starts on); the other rows go on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..records import Article, Rejected
from .build import Context
from .jsonl import record_to_article

__all__ = ["read_csv"]


def read_csv(text: str, source: str, ctx: Context) -> Iterator[Article | Rejected]:
    """An Article or Rejected per data row of a CSV corpus."""
    # The csv field limit is process-wide; raise it (never lower it) so articles up to
    # max_article_bytes fit in one cell.
    if csv.field_size_limit() < ctx.options.max_article_bytes:
        csv.field_size_limit(ctx.options.max_article_bytes)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        yield Rejected(source, "empty", "the CSV file has no header row and no rows")
        return
    except csv.Error as exc:
        yield Rejected(source, "malformed", f"the CSV header row cannot be read ({exc})")
        return
    columns = [name.strip().lower() for name in header]
    if "text" not in columns:
        yield Rejected(
            source,
            "malformed",
            f"the CSV header has no 'text' column (columns: {', '.join(columns)}); "
            "name the article text column 'text'",
        )
        return
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejected(f"{source}:{line}", "malformed", f"the CSV row cannot be parsed ({exc})")
            if reader.line_num < line:  # the reader cannot move past the bad row
                return
            continue
        where = f"{source}:{line}"
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            yield Rejected(
                where, "malformed", f"the row has {len(row)} cells but the header has {len(columns)}"
            )
            continue
        yield record_to_article(dict(zip(columns, row, strict=True)), where, ctx)
