"""``eventwire train``: an event model from gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..options import Options


@click.command("train")
@click.argument("gold", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Write the model here (a .npz file; use it with the event_model setting).",
)
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds (by article).")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The JSONL corpus of gold files that name corpus stories (default: their article.corpus).",
)
@click.option("--version", "model_version", help="The model's version (default: events-<lang>-<date>).")
@click.option("--json", "as_json", is_flag=True, help="Print the training report as JSON.")
@click.pass_obj
def train_command(
    options: Options,
    gold: tuple[str, ...],
    output: Path,
    folds: int,
    corpus: Path | None,
    model_version: str | None,
    as_json: bool,
) -> None:
    """Train an event model on GOLD files (*.gold.json or directories of them).

    Every candidate word of the gold articles becomes an example labelled with
    the gold event it triggers (or none); the model is cross-validated by
    article, its thresholds are tuned for events F1 by country, and the report
    compares rules alone, the model alone and both. Code with the new model by
    setting event_model (e.g. `event_model = "model.npz"` in the --config file).
    """
    from ..errors import DataError
    from ..eval.train import train

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(f"cannot write the model to {output} ({exc}); choose a writable --output") from exc
    report = train(gold, options, output, folds=folds, corpus=corpus, version=model_version)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    click.echo(
        f"trained on {report.articles} articles, {report.examples} candidates ({report.positives} events)"
    )
    click.echo(
        f"settings: threshold {report.threshold}, veto {report.veto} ({report.folds}-fold cross-validation)"
    )
    click.echo("events by country, cross-validated:")
    for name, figures in report.ablation.items():
        click.echo(
            f"  {name:<6} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}"
        )
    click.echo(f"wrote {output}")


COMMANDS = [train_command]
