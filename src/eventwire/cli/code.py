"""``eventwire code``: code articles and print the output contract."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import click

from ..formats import FORMATS, Writer
from ..formats.summary import summarize
from ..ingest import INPUT_FORMATS, Metadata, read_articles
from ..options import Options
from ..records import Article, Rejected
from .options import language_option, outlet_option, published_option, url_option


@click.command("code")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="How to read the inputs (default: by file extension; text for stdin).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Output format: the article contract as json/jsonl, PLOVER JSONL, or a TSV event table.",
)
@published_option
@outlet_option
@url_option
@language_option
@click.option("--title", help="Article title; overrides the input's.")
@click.option(
    "--translated-from",
    metavar="LANG",
    help="Language code the text was translated from (e.g. ru); overrides any translation note.",
)
@click.option("--translator", help="Translation service or translator (e.g. DeepL); overrides any note.")
@click.option(
    "--fetch-links",
    is_flag=True,
    help="For RSS/Atom feeds: fetch each entry's link and code the page, not the entry's summary.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the output to this file instead of stdout.",
)
@click.option("--summary", is_flag=True, help="Also print a readable summary of each article.")
@click.pass_obj
def code_command(
    options: Options,
    paths: tuple[str, ...],
    input_format: str | None,
    fmt: str,
    published: str | None,
    outlet: str | None,
    url: str | None,
    language: str | None,
    title: str | None,
    translated_from: str | None,
    translator: str | None,
    fetch_links: bool,
    output: Path | None,
    summary: bool,
) -> None:
    """Code articles: PATH is a file, a directory (read recursively), a URL, or - for stdin.

    Prints one JSON object per article (the eventwire.article/1 contract).
    Inputs that cannot be read are reported on stderr with the reason; the
    others are still coded, and the exit status is 1 if anything was rejected.
    """
    from ..pipeline import Coder

    metadata = Metadata(
        published=published,
        outlet=outlet,
        url=url,
        language=language,
        title=title,
        translated_from=translated_from,
        translator=translator,
    )
    coder = Coder(options)
    rejected: list[Rejected] = []
    try:
        stream: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise click.ClickException(
            f"cannot write the output file {output} ({exc.strerror}); choose a writable path with --output"
        ) from exc
    summary_stream = sys.stdout if output else sys.stderr
    writer = Writer(stream, fmt)
    try:
        articles = read_articles(
            paths, input_format=input_format, metadata=metadata, options=options, fetch_links=fetch_links
        )
        accepted = _accept(articles, rejected)
        for coded in coder.code_each(accepted):
            if isinstance(coded, Rejected):
                _reject(coded, rejected)
                continue
            writer.write(coded)
            if summary:
                click.echo(summarize(coded), file=summary_stream)
    finally:
        writer.close()
        if output:
            stream.close()
    if output:
        click.echo(f"wrote {output}", file=summary_stream)
    if rejected:
        click.echo(f"{len(rejected)} input(s) rejected; the others were coded", err=True)
        raise click.exceptions.Exit(1)


def _accept(items: Iterable[Article | Rejected], rejected: list[Rejected]) -> Iterator[Article]:
    """The articles of ``items``; each rejection is reported on stderr as it comes and kept."""
    for item in items:
        if isinstance(item, Rejected):
            _reject(item, rejected)
        else:
            yield item


def _reject(item: Rejected, rejected: list[Rejected]) -> None:
    rejected.append(item)
    click.echo(f"rejected {item.source}: [{item.reason}] {item.detail}", err=True)


COMMANDS = [code_command]
