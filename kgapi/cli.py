"""The ``kgapi`` command: serve, ingest, extract, settings.

Every setting of :mod:`kgapi.settings` is also a flag of every command
(``--store``, ``--query-timeout`` …), over its ``KGAPI_*`` variable.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import KgapiError
from .settings import SETTINGS, Settings, table


def _settings_epilog() -> str:
    lines = ["Settings (flag / environment variable, default):", ""]
    for env, flag, default, help_ in table():
        lines.append(f"  {flag:<24} {env} (default: {default or '∅'})")
    return "\n".join(lines)


def settings_options(fn):
    """Add one flag per setting; the values land in ``ctx.obj['overrides']``."""
    for s in reversed(SETTINGS):
        fn = click.option(s.flag, s.name, default=None, help=f"{s.help} [{s.env}]",
                          metavar=s.name.upper())(fn)
    return fn


def _load(overrides: dict) -> Settings:
    try:
        return Settings.load({k: v for k, v in overrides.items() if v is not None})
    except KgapiError as exc:
        raise click.UsageError(exc.message) from None


def _fail(exc: KgapiError) -> None:
    click.echo(f"error: {exc.message}", err=True)
    sys.exit(1)


@click.group(epilog=_settings_epilog(), context_settings={"max_content_width": 110})
@click.version_option(__version__, prog_name="kgapi")
def main():
    """kgapi: a knowledge graph of state military cooperation read out of news articles."""


@main.command()
@settings_options
def serve(**overrides):
    """Serve the API with gunicorn (a production WSGI server).

    On start, an empty store gets the articles of the seed folder ingested.
    """
    settings = _load(overrides)
    if settings.workers > 1 and not settings.is_remote:
        raise click.UsageError("--workers > 1 needs a remote store (KGAPI_STORE=http://…): "
                               "an embedded store can be opened by one process only")
    if not settings.is_remote and settings.store != "memory":
        # Fail here with a clear message, not in a booting worker with a traceback.
        from .store import EmbeddedStore

        try:
            EmbeddedStore(settings.store).close()
        except KgapiError as exc:
            _fail(exc)
    from .server import run

    run(settings)


@main.command()
@click.argument("targets", nargs=-1, required=True)
@settings_options
def ingest(targets, **overrides):
    """Ingest article files, folders of them, or structured-claims JSON files."""
    from .ingest import Pipeline, article_files
    from .store import open_store

    settings = _load(overrides)
    files = article_files(targets)
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file: {', '.join(missing)}")
    try:
        store = open_store(settings)
    except KgapiError as exc:
        _fail(exc)
    with store:
        pipeline = Pipeline.from_settings(store, settings)
        pipeline.ensure_ontology()
        done, failed = pipeline.ingest_paths(files)
        triples = sum(r["triples"] for r in done)
        click.echo(f"ingested {len(done)} article(s), {triples} triples; {len(failed)} failed")
        for path, exc in failed:
            click.echo(f"  failed: {path}: {exc.message}", err=True)
    sys.exit(1 if failed and not done else 0)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", default=None, help="Override the title found in the text.")
@click.option("--published", default=None, help="Override the publication date (YYYY-MM-DD).")
@click.option("--url", default=None, help="The article's URL.")
@settings_options
def extract(file: Path, title, published, url, **overrides):
    """Print what ingesting FILE would store (the extraction contract as JSON); writes nothing."""
    from .graph import Minter
    from .ingest import Pipeline

    settings = _load(overrides)
    pipeline = Pipeline(store=None, minter=Minter(settings.base_iri), validate=settings.validate)  # type: ignore[arg-type]
    try:
        text = file.read_bytes().decode("utf-8")
        result = pipeline.dry_run(text, title=title, published=published, url=url, source=file.name)
    except UnicodeDecodeError:
        _fail(KgapiError(f"{file}: not UTF-8 text"))
    except KgapiError as exc:
        _fail(exc)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))


@main.command("settings")
@click.option("--markdown", is_flag=True, help="Print as a Markdown table (as in the README).")
def settings_cmd(markdown: bool):
    """List every setting with its variable, flag, default and help."""
    rows = table()
    if markdown:
        click.echo("| Variable | Flag | Default | What it does |")
        click.echo("|---|---|---|---|")
        for env, flag, default, help_ in rows:
            shown = f"`{default}`" if default else "*(empty)*"
            click.echo(f"| `{env}` | `{flag}` | {shown} | {help_} |")
        return
    for env, flag, default, help_ in rows:
        click.echo(f"{env}  ({flag}, default {default!r})\n    {help_}")


if __name__ == "__main__":  # pragma: no cover
    main()
