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
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The JSONL corpus of gold files that name corpus stories (default: their article.corpus).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the machine-readable report (JSON).")
@click.option("--brief", is_flag=True, help="Figures only: leave out the missed and spurious items.")
@click.pass_obj
def eval_command(
    options: Options,
    gold: tuple[str, ...],
    coded: Path | None,
    corpus: Path | None,
    as_json: bool,
    brief: bool,
) -> None:
    """Score the coding of the gold articles against GOLD files.

    GOLD is a *.gold.json file or a directory holding them. Each gold file's
    article (article.path, relative to the gold file, or the story article.id of
    the JSONL corpus article.corpus) is coded with the gold's publication date,
    then events, statements and person actors are scored by name and by country:
    precision, recall and F1 per file, with the missed and spurious items, and
    micro-averaged totals with per-PLOVER-type figures.
    """
    from ..eval import evaluate, read_coded, render_report

    if coded is not None:
        report = evaluate(gold, coded=read_coded(coded), corpus=corpus)
    else:
        from ..pipeline import Coder

        report = evaluate(gold, coder=Coder(options), corpus=corpus)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, details=not brief))


@click.group("gold")
def gold_group() -> None:
    """Gold files (eventwire.gold/1): check them, anchor their passages to offsets."""


@gold_group.command("anchor")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the anchored files here, under their own names.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The JSONL corpus the files' stories come from (default: their article.corpus).",
)
@click.option(
    "--corpus-ref",
    help="Write this as article.corpus in the anchored files (a path relative to where they will live).",
)
def gold_anchor(
    files: tuple[Path, ...], output_dir: Path, corpus: Path | None, corpus_ref: str | None
) -> None:
    """Turn readable gold FILES (snippets) into anchored ones (character offsets, no article text).

    Each sentence_contains and content_contains must occur exactly once in its
    article; a trigger must lie inside its sentence_contains. Anchored files keep
    a corpus's text out of the repository that holds the gold.
    """
    from ..errors import DataError
    from ..eval.anchor import anchor
    from ..eval.gold import Stories, find_gold_files, load_gold

    stories = Stories(corpus)
    bad = 0
    written = 0
    for path in find_gold_files(files):
        gold = load_gold(path, stories=stories)
        text = gold.story["text"] if gold.story is not None else gold.article_path.read_text("utf-8")
        anchored, problems = anchor(gold.data, text)
        if problems:
            bad += 1
            for problem in problems:
                click.echo(f"{path}: {problem}", err=True)
            continue
        if corpus_ref:
            anchored["article"]["corpus"] = corpus_ref
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
            (output_dir / path.name).write_text(
                json.dumps(anchored, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            raise DataError(f"cannot write to {output_dir} ({exc}); choose a writable --output-dir") from exc
        written += 1
    click.echo(f"anchored {written} gold file(s) into {output_dir}")
    if bad:
        raise click.ClickException(
            f"{bad} gold file(s) were not anchored (problems above); fix their snippets and run again"
        )


COMMANDS = [eval_command, gold_group]
