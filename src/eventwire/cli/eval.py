"""``eventwire eval``: score eventwire's coding against gold files (``eventwire.gold/1``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..options import Options


@click.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option(
    "--coded",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this existing `eventwire code --format json/jsonl` output instead of running the coder.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the machine-readable report (JSON).")
@click.option("--brief", is_flag=True, help="Figures only: leave out the missed and spurious items.")
@click.pass_obj
def eval_command(
    options: Options, gold: tuple[str, ...], coded: Path | None, as_json: bool, brief: bool
) -> None:
    """Score the coding of the gold articles against GOLD files.

    GOLD is a *.gold.json file or a directory holding them. Each gold file's
    article (article.path, relative to the gold file) is coded with the gold's
    publication date, then events, statements and person actors are scored by
    name and by country: precision, recall and F1 per file, with the missed and
    spurious items, and micro-averaged totals with per-PLOVER-type figures.
    """
    from ..eval import evaluate, read_coded, render_report

    if coded is not None:
        report = evaluate(gold, coded=read_coded(coded))
    else:
        from ..pipeline import Coder

        report = evaluate(gold, coder=Coder(options))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, details=not brief))


COMMANDS = [eval_command]
