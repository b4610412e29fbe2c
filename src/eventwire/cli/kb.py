"""``eventwire kb``: look actors up and keep the knowledge base current.

User files have the formats of the packaged ones (``src/eventwire/actors/data/README.md``);
a file's kind comes from its name (``people-mine.tsv``, ``terms-2026.tsv``) or a first
line ``# kind: people``. ``kb add`` copies a valid file into the user's KB directory
(``$EVENTWIRE_HOME/kb``, else ``$XDG_DATA_HOME/eventwire/kb``, else
``~/.local/share/eventwire/kb``), which every later run reads after the packaged data.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

import click

from ..actors.kb import KnowledgeBase, kind_of_file, user_kb_dir
from ..errors import ConfigError, KnowledgeBaseError
from ..options import Options


@click.group("kb")
def kb_group() -> None:
    """Look actors up in the knowledge base and add or override entries."""


def _date(value: str | None) -> str:
    if value is None:
        return _dt.date.today().isoformat()
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ConfigError(f"--date {value!r} is not a date; use YYYY-MM-DD") from exc


@kb_group.command("lookup")
@click.argument("name")
@click.option("--date", "date", help="Show the offices held on this date (YYYY-MM-DD; default: today).")
@click.pass_obj
def lookup_command(options: Options, name: str, date: str | None) -> None:
    """Show the KB entries one of whose names is NAME, and the offices a person held at --date."""
    kb = KnowledgeBase.load(options)
    day = _date(date)
    found = kb.lookup(name)
    if not found:
        raise click.ClickException(f"no knowledge-base entry is named {name!r}; try another spelling")
    for kind, key in found:
        if kind in ("country", "demonym", "capital"):
            c = kb.countries[key]
            click.echo(f"country  {c.code}  {c.name}  ({c.kind}; qid {c.qid or '-'})  matched as {kind}")
        elif kind == "organization":
            o = kb.organizations[key]
            click.echo(f"organization  {o.id}  {o.name}  country {o.country}  sector {o.sector or '-'}")
        elif kind == "outlet":
            u = kb.outlets[key]
            state = "yes" if u.state else "no"
            click.echo(f"outlet  {u.id}  {u.name}  country {u.country}  state media: {state}")
        elif kind == "person":
            p = kb.people[key]
            click.echo(
                f"person  {p.id}  {p.name}  country {p.country}  sector {p.sector or '-'}  qid {p.qid or '-'}"
            )
            held = kb.offices_held(p.id, day)
            for office in held:
                click.echo(f"    on {day}: {office.title} ({office.id})")
            if not held:
                click.echo(f"    on {day}: no office in the KB")
            for term in kb.terms_of(p.id):
                until = term.end or "in office"
                click.echo(f"    {term.office}: {term.start} .. {until} {term.note}".rstrip())


@kb_group.command("holder")
@click.argument("office")
@click.option("--country", help="Country code or name, for a title phrase such as 'foreign minister'.")
@click.option("--date", "date", help="Date (YYYY-MM-DD; default: today).")
@click.pass_obj
def holder_command(options: Options, office: str, country: str | None, date: str | None) -> None:
    """Who held OFFICE (an office id such as USA.head_of_state, or a title phrase) on --date."""
    kb = KnowledgeBase.load(options)
    day = _date(date)
    code: str | None = None
    if country:
        c = kb.find_country(country)
        if c is None:
            raise ConfigError(f"--country {country!r} is not a country the KB knows; use an alpha-3 code")
        code = c.code
    offices = [kb.offices[office]] if office in kb.offices else kb.offices_by_title(office, code)
    if not offices:
        where = f" in {code}" if code else ""
        raise click.ClickException(f"no office{where} is called {office!r}; see `eventwire kb lookup`")
    for o in offices:
        holder = kb.holder(o.id, day)
        who = f"{holder.name} ({holder.id})" if holder else "nobody in the KB"
        click.echo(f"{o.id}  {o.title}: {who} on {day}")


def _validate(options: Options, path: Path) -> KnowledgeBase:
    if not path.is_file():
        raise ConfigError(f"{path} is not a file; pass a tab-separated KB file")
    first = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    if kind_of_file(path, first) is None:
        raise KnowledgeBaseError(
            f"{path}: cannot tell what this file holds; name it people-*.tsv, offices-*.tsv, "
            "terms-*.tsv, organizations-*.tsv, outlets-*.tsv, countries-*.tsv or roles-*.tsv, "
            "or start it with '# kind: people'"
        )
    kb = KnowledgeBase.load(options.replace(kb_files=(*options.kb_files, path)))
    mine = [p for p in kb.problems() if p.startswith(f"{path}:")]
    if mine:
        raise KnowledgeBaseError(f"{path} has {len(mine)} problem(s):\n" + "\n".join(mine[:20]))
    return kb


@kb_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
def check_command(options: Options, file: Path) -> None:
    """Validate a user KB FILE against the packaged KB without installing it."""
    _validate(options, file)
    click.echo(f"{file}: OK")


@kb_group.command("add")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
def add_command(options: Options, file: Path) -> None:
    """Validate a user KB FILE and copy it into the user's KB directory (read on every later run)."""
    _validate(options, file)
    target_dir = user_kb_dir()
    if target_dir is None:  # pragma: no cover - user_kb_dir always answers
        raise ConfigError("no user KB directory; set EVENTWIRE_HOME")
    target = target_dir / file.name
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    except OSError as exc:
        raise click.ClickException(
            f"cannot install {file} as {target} ({exc.strerror or exc}); make {target_dir} writable "
            "or point EVENTWIRE_HOME at a writable directory"
        ) from exc
    click.echo(f"{file}: OK, installed as {target}")


COMMANDS = [kb_group]
