"""Corpus commands: ``ingest``, ``rejected``, ``events``, ``actors``, ``statements``, ``export``.

All of them work on one DuckDB store (``--db``, default ``./eventwire.duckdb``).
Queries print aligned tables on a terminal and JSON with ``--json``.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..ingest import INPUT_FORMATS
from ..options import Options
from .options import language_option, outlet_option, published_option

DB_HELP = "DuckDB store file (created if missing)."


def db_option(read: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=Path("eventwire.duckdb"),
        show_default=True,
        envvar="EVENTWIRE_DB",
        help="DuckDB store file." if read else DB_HELP,
    )


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(f)


def _open(db: Path, read_only: bool = True) -> Any:
    from ..store import Store

    return Store.open(db, read_only=read_only)


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], max_width: int | None = None) -> str:
    """Rows as an aligned text table; long cells are cut to fit the terminal."""
    if not rows:
        return "(none)"
    width = max_width or shutil.get_terminal_size((120, 20)).columns
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    budget = width - 2 * (len(columns) - 1)
    while sum(widths) > budget and max(widths) > 12:
        i = widths.index(max(widths))
        widths[i] -= 1

    def fmt(values: Sequence[str]) -> str:
        out = []
        for v, w in zip(values, widths, strict=True):
            out.append(v if len(v) <= w else v[: max(w - 1, 0)] + "…")
        return "  ".join(o.ljust(w) for o, w in zip(out, widths, strict=True)).rstrip()

    lines = [fmt(list(columns)), fmt(["-" * w for w in widths])]
    lines.extend(fmt(row) for row in cells)
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return " ".join(str(value).split())


def _emit(rows: Any, columns: Sequence[str], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render_table(rows, columns))


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option()
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Code in this many processes (each loads the model once).",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="How to read the inputs (default: by file extension, or content type for URLs).",
)
@click.option("--fetch-links", is_flag=True, help="For feeds: fetch each entry's linked page.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Articles per batch (one transaction each); default: the coder's batch size.",
)
@outlet_option
@published_option
@language_option
@click.option(
    "--memory-limit",
    default="128MB",
    show_default=True,
    help="Cap on DuckDB's buffer pool while ingesting (e.g. 512MB, 2GB).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: only when stderr is a terminal).",
)
@click.option(
    "--cluster",
    metavar="local:N|tcp://HOST:PORT",
    default=None,
    help="Code on Dask: a local cluster of N worker processes, or a running scheduler (docs/cluster.md).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="With --cluster: write Parquet shards here (a path every worker can reach); "
    "without --db no store is touched.",
)
@click.pass_obj
def ingest_command(
    options: Options,
    sources: tuple[str, ...],
    db: Path,
    workers: int,
    input_format: str | None,
    fetch_links: bool,
    batch_size: int | None,
    outlet: str | None,
    published: str | None,
    language: str | None,
    memory_limit: str,
    progress: bool | None,
    cluster: str | None = None,
    output_dir: Path | None = None,
) -> None:
    """Read, code and store SOURCE... (files, directories, JSONL/CSV corpora, feeds, URLs).

    Articles already in the store are skipped, so running the same command again
    after an interruption resumes where it stopped. Rejected inputs are recorded
    with their reason (`eventwire rejected` lists them); the exit status is 0.
    """
    from ..corpus import Progress, ingest
    from ..corpus.progress import format_progress
    from ..ingest import Metadata

    show = sys.stderr.isatty() if progress is None else progress
    last = [0]

    def report(p: Progress) -> None:
        line = format_progress(p)
        pad = max(last[0] - len(line), 0)
        last[0] = len(line)
        sys.stderr.write("\r" + line + " " * pad)
        sys.stderr.flush()

    metadata = Metadata(outlet=outlet, published=published, language=language)
    if output_dir is not None and cluster is None:
        raise click.UsageError("--output-dir needs --cluster (e.g. --cluster local:2)")
    if cluster is not None:
        from ..scale.run import cluster_ingest

        db_given = click.get_current_context().get_parameter_source("db") not in (
            click.core.ParameterSource.DEFAULT,
            None,
        )
        keep_db = db_given or output_dir is None
        result = cluster_ingest(
            cluster,
            sources,
            db=db if keep_db else None,
            output_dir=output_dir,
            notify=lambda line: click.echo(line, err=True),
            options=options,
            input_format=input_format,
            metadata=metadata,
            fetch_links=fetch_links,
            partition_size=batch_size,
            progress=report if show else None,
            command="ingest " + " ".join(sources),
        )
        db = db if keep_db else Path(str(output_dir))
    else:
        from ..store import Store

        with Store.open(db, memory_limit=memory_limit) as store:
            result = ingest(
                store,
                sources,
                options=options,
                workers=workers,
                input_format=input_format,
                metadata=metadata,
                fetch_links=fetch_links,
                batch_size=batch_size,
                progress=report if show else None,
                command="ingest " + " ".join(sources),
            )
    if show:
        sys.stderr.write("\n")
    click.echo(
        f"run {result.run_id}: {result.read} input(s) in {result.seconds:.1f}s; stored {result.stored} new "
        f"article(s), {result.existing} already stored, {result.events} event(s), "
        f"{result.rejected} rejected -> {db}",
        err=True,
    )
    if result.rejected:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(result.rejected_by_reason.items()))
        click.echo(f"rejected by reason: {reasons}", err=True)
        for r in result.rejected_examples[:20]:
            click.echo(f"  rejected {r.source}: [{r.reason}] {r.detail}", err=True)
        if result.rejected > 20:
            click.echo(f"  ... and {result.rejected - 20} more: `eventwire rejected --db {db}`", err=True)


@click.command("rejected")
@db_option(read=True)
@click.option("--reason", help="Only this reason code (e.g. binary, encoding, too-large).")
@json_option
def rejected_command(db: Path, reason: str | None, as_json: bool) -> None:
    """List the inputs ingest rejected, with their reasons."""
    from ..store import query

    with _open(db) as store:
        rows = query.rejected(store, reason)
    _emit(rows, ["source", "reason", "detail"], as_json)


@click.command("events")
@db_option(read=True)
@click.option("--actor", help="A participant's name contains this.")
@click.option("--country", help="A participant's country code (alpha-3, e.g. RUS).")
@click.option("--type", "type_", help="PLOVER event type (e.g. CONSULT).")
@click.option("--since", help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Events on or before this date (YYYY-MM-DD).")
@click.option("--outlet", help="Reported by an outlet whose name contains this.")
@click.option("--text", help="A report's sentence contains this.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option(
    "--explain", "explain_id", metavar="ID", help="Show one linked event and why its mentions were joined."
)
@json_option
def events_command(
    db: Path,
    actor: str | None,
    country: str | None,
    type_: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    text: str | None,
    limit: int,
    explain_id: str | None,
    as_json: bool,
) -> None:
    """List linked events (each with its number of mentions, articles and outlets)."""
    from ..errors import StoreError
    from ..store import query

    with _open(db) as store:
        if explain_id:
            found = query.explain(store, explain_id)
            if found is None:
                raise StoreError(f"no linked event {explain_id!r} in {db}; list ids with `eventwire events`")
            if as_json:
                click.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))
            else:
                click.echo(_explain_text(found))
            return
        rows = query.events(
            store,
            query.EventFilter(
                actor=actor,
                country=country,
                type=type_,
                since=since,
                until=until,
                outlet=outlet,
                text=text,
                limit=limit,
            ),
        )
    _emit(
        rows,
        [
            "id",
            "date",
            "type",
            "actor",
            "recipient",
            "num_mentions",
            "num_articles",
            "num_sources",
            "sentence",
        ],
        as_json,
    )


def _explain_text(found: dict[str, Any]) -> str:
    ev, key = found["event"], found["key"]
    who = (
        " <-> ".join(sorted({*(ev["actor"] or []), *(ev["recipient"] or [])}))
        if ev["reciprocal"]
        else (f"{', '.join(ev['actor'] or []) or '?'} -> {', '.join(ev['recipient'] or []) or '?'}")
    )
    lines = [
        f"{ev['id']}: {ev['type']} {who}, {ev['date'] or 'undated'} ({ev['date_precision'] or '-'})",
        f"  {ev['num_mentions']} mention(s) in {ev['num_articles']} article(s)"
        f" from {ev['num_sources']} outlet(s)",
        "joined because all mentions share:",
        f"  type {key['type']}",
        ("  participants (either direction) " if key["reciprocal"] else "  actors ")
        + (", ".join(key["participants"]) or "(none)"),
    ]
    if key["recipients"] is not None:
        lines.append("  recipients " + (", ".join(key["recipients"]) or "(none)"))
    if key["flags"]:
        lines.append(f"  flags {key['flags']}")
    lines.append("and a compatible date:")
    for m in found["mentions"]:
        lines.append(
            f"  - {m['outlet'] or '(no outlet)'} {m['published'] or ''} article {m['article_id'][:12]} "
            f"{m['event_id']} [{m['sentence_start']}:{m['sentence_end']}] "
            f"conf {m['confidence']:.2f}: {m['reason']}"
        )
        lines.append(f'      "{" ".join((m["sentence"] or "").split())}"')
    return "\n".join(lines)


@click.command("actors")
@db_option(read=True)
@click.option("--name", help="Name contains this.")
@click.option("--country", help="Country code (alpha-3).")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@json_option
def actors_command(db: Path, name: str | None, country: str | None, limit: int, as_json: bool) -> None:
    """List actors across the stored articles, most mentioned first."""
    from ..store import query

    with _open(db) as store:
        rows = query.actors(store, name=name, country=country, limit=limit)
    _emit(rows, ["name", "kind", "country", "sector", "role", "articles", "mentions"], as_json)


@click.command("statements")
@db_option(read=True)
@click.option("--speaker", help="Speaker's name contains this.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@json_option
def statements_command(db: Path, speaker: str | None, limit: int, as_json: bool) -> None:
    """List statements: who said what, where."""
    from ..store import query

    with _open(db) as store:
        rows = query.statements(store, speaker=speaker, limit=limit)
    _emit(rows, ["published", "outlet", "speaker", "kind", "cue", "content"], as_json)


@click.command("export")
@db_option(read=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "plover", "gdelt", "parquet", "csv"]),
    required=True,
    help="jsonl/plover: one file; gdelt/parquet/csv: a directory of tables.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="Output file (jsonl, plover) or directory (gdelt, parquet, csv).",
)
def export_command(db: Path, fmt: str, output: Path) -> None:
    """Export the store: article contract JSONL, PLOVER JSONL, GDELT-style TSV, Parquet or CSV."""
    from ..store.export import export

    with _open(db) as store:
        paths = export(store, fmt, output)
    for p in paths:
        click.echo(f"wrote {p}", err=True)


COMMANDS = [
    ingest_command,
    rejected_command,
    events_command,
    actors_command,
    statements_command,
    export_command,
]
