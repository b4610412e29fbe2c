"""``eventwire bench``: throughput and memory of bare spaCy, the full pipeline, and ingest."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..options import Options


def _ints(value: str, name: str) -> list[int]:
    try:
        out = [int(v) for v in value.split(",") if v.strip()]
    except ValueError as exc:
        raise click.BadParameter(f"{name} must be whole numbers separated by commas, got {value!r}") from exc
    if not out or any(v <= 0 for v in out):
        raise click.BadParameter(f"{name} must be positive whole numbers, got {value!r}")
    return out


@click.command("bench")
@click.option(
    "--sizes", default="1000,10000", show_default=True, help="Corpus sizes (articles), comma-separated."
)
@click.option(
    "--workers", "workers", default="1,2", show_default=True, help="Worker counts, comma-separated."
)
@click.option(
    "--phases",
    default="bare,code,ingest",
    show_default=True,
    help="Phases to run: bare (spaCy only), code (full pipeline), ingest (into DuckDB).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the synthetic corpus.")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON report here."
)
@click.option(
    "--cluster",
    metavar="local:N|tcp://HOST:PORT",
    default=None,
    help="Also ingest each size on Dask (phase dask), next to the local ingest figures.",
)
@click.pass_obj
def bench_command(
    options: Options,
    sizes: str,
    workers: str,
    phases: str,
    seed: int,
    output: Path | None,
    cluster: str | None = None,
) -> None:
    """Benchmark on a synthetic corpus: articles/s, words/s, full/bare ratio, peak memory.

    Every measurement runs in a fresh process; model loading is timed apart from the work.
    """
    from ..bench import format_report, run_bench

    def progress(row: dict[str, object]) -> None:
        click.echo(
            f"  {row['phase']:<6} size {row['size']:>6} workers {row['workers']}: "
            f"{row['articles_per_s']} articles/s, peak {row['peak_rss_mb']} MB",
            err=True,
        )

    report = run_bench(
        _ints(sizes, "--sizes"),
        _ints(workers, "--workers"),
        [p.strip() for p in phases.split(",") if p.strip()],
        seed=seed,
        options=options,
        progress=progress,
        cluster=cluster,
    )
    click.echo(format_report(report))
    if output:
        try:
            output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(
                f"cannot write the report to {output} ({exc.strerror or exc}); the table above is the "
                "result; choose a writable path with --output to keep the JSON"
            ) from exc
        click.echo(f"wrote {output}", err=True)


COMMANDS = [bench_command]
