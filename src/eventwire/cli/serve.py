"""``eventwire serve``: the HTTP API and web UI over one store."""

from __future__ import annotations

from pathlib import Path

import click

from ..options import Options

__all__ = ["COMMANDS", "serve_command"]


@click.command("serve")
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eventwire.duckdb"),
    show_default=True,
    envvar="EVENTWIRE_DB",
    help="DuckDB store file (must exist unless --enable-writes).",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on."
)
@click.option(
    "--enable-writes",
    is_flag=True,
    help="Accept POST /api/articles (code and store new articles); off loopback it needs --token.",
)
@click.option(
    "--token",
    envvar="EVENTWIRE_TOKEN",
    default=None,
    help="Bearer token that clients off loopback must send to write (env EVENTWIRE_TOKEN).",
)
@click.option(
    "--max-body",
    type=click.IntRange(1024, 512 * 1024 * 1024),
    default=2 * 1024 * 1024,
    show_default=True,
    help="Largest request body in bytes; larger requests get 413.",
)
@click.pass_obj
def serve_command(
    options: Options,
    db: Path,
    host: str,
    port: int,
    enable_writes: bool,
    token: str | None,
    max_body: int,
) -> None:
    """Serve the store at --db: a web UI at http://HOST:PORT/ and a JSON API under /api/.

    The store is opened read-only unless --enable-writes is given. The API is
    described at /openapi.json and browsable at /docs.
    """
    import uvicorn

    from ..web import WebSettings, create_app, is_loopback

    settings = WebSettings(enable_writes=enable_writes, token=token or None, max_body_bytes=max_body)
    app = create_app(db, options, settings)
    if not is_loopback(host):
        click.echo(f"Note: listening on {host}, reachable from other machines.", err=True)
        if enable_writes and not token:
            click.echo("Note: writes from other machines are refused until you set --token.", err=True)
    click.echo(f"Serving {db} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = [serve_command]
