"""The ``kgapi`` command: serve, ingest, import, export, reindex, extract, settings.

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
        # Fail here with a clear message, not in a booting worker with a traceback. Only probe the
        # lock: opening RocksDB here would leave its thread pools half-alive in the forked workers.
        from .store import EmbeddedStore

        try:
            EmbeddedStore.check_available(settings.store)
        except KgapiError as exc:
            _fail(exc)
    from .server import run

    run(settings)


@main.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--batch", default=16, show_default=True, type=click.IntRange(1, 1000),
              help="Articles validated together and written in one transaction.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes that read, extract and validate (the writes stay in one).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@settings_options
def ingest(targets, batch, jobs, progress, **overrides):
    """Ingest article files, folders of them, or structured-claims JSON files.

    A failing article is reported and skipped; the rest go in. Exit status 1
    when nothing could be ingested, 0 otherwise.
    """
    import time

    from tqdm import tqdm

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
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(files), unit="article", disable=not show, file=sys.stderr, dynamic_ncols=True)
    totals = {"triples": 0, "failed": 0}
    t0 = time.monotonic()

    def tick(result, path, exc):
        if exc is not None:
            totals["failed"] += 1
            bar.write(f"  failed: {path}: {exc.message}", file=sys.stderr)
        else:
            totals["triples"] += result["triples"]
        elapsed = max(time.monotonic() - t0, 1e-9)
        bar.set_postfix(triples=totals["triples"], failed=totals["failed"],
                        tps=f"{totals['triples'] / elapsed:,.0f}", refresh=False)
        bar.update(1)

    with store:
        try:
            pipeline = Pipeline.from_settings(store, settings)
            pipeline.ensure_ontology()
            with store.bulk_writes():
                done, failed = pipeline.ingest_paths(files, batch=batch, jobs=jobs, progress=tick)
        except KgapiError as exc:
            bar.close()
            _fail(exc)
        bar.close()
    elapsed = max(time.monotonic() - t0, 1e-9)
    triples = sum(r["triples"] for r in done)
    click.echo(f"ingested {len(done)} article(s), {triples} triples; {len(failed)} failed "
               f"({elapsed:.1f} s, {len(done) / elapsed:.1f} articles/s, {triples / elapsed:,.0f} triples/s)")
    if not show:
        for path, exc in failed:
            click.echo(f"  failed: {path}: {exc.message}", err=True)
    sys.exit(1 if failed and not done else 0)


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", default=None, help="trig, nquads, turtle or ntriples (default: from the suffix).")
@click.option("--graph", default=None, help="The graph a Turtle/N-Triples file goes into (default: the default graph).")
@settings_options
def import_cmd(file: Path, fmt, graph, **overrides):
    """Load pre-extracted RDF (TriG, N-Quads, Turtle, N-Triples) into the store.

    Each named graph in the file replaces the graph of that name, so importing
    a file twice changes nothing. The data is trusted as it is: no SHACL gate.
    The entity registry ({base}graphs/entities, so give the --base-iri the data was made
    with) is then rebuilt from the mention records (kgapi reindex), unless the file restored
    a whole dataset, registry included, into an empty store.
    """
    import time

    from .store import open_store
    from .store.dump import import_file

    from rdflib import URIRef

    from .ingest import Pipeline

    settings = _load(overrides)
    try:
        with open_store(settings) as store:
            t0 = time.monotonic()
            pipeline = Pipeline.from_settings(store, settings)
            was_empty = not store.named_graphs()
            stats = import_file(store, file, fmt, graph)
            # A whole dump restored into an empty store brings its own registry; otherwise the
            # file's graphs replaced some of the store's, and the registry follows their mentions.
            if was_empty and store.has_graph(URIRef(pipeline.registry)):
                registry = "entity registry as in the file"
            else:
                pipeline.reindex()
                registry = "entity registry rebuilt"
    except KgapiError as exc:
        _fail(exc)
    click.echo(f"imported {stats['quads']} quads in {stats['graphs']} named graph(s), {registry} "
               f"({time.monotonic() - t0:.1f} s)")


@main.command()
@click.option("--check", is_flag=True,
              help="Only report how the registry differs from the mention records (exit status 1 if it does).")
@click.option("--print", "print_update", is_flag=True,
              help="Print the SPARQL update that rebuilds the registry (to send to /sparql) and exit.")
@settings_options
def reindex(check, print_update, **overrides):
    """Rebuild the entity registry graph from the articles' mention records, in one update.

    Ingest, POST/DELETE /articles, /store and /sparql updates keep the registry
    ({base}graphs/entities) in step by themselves. Run this after writing the store around
    kgapi (another SPARQL client, a bulk load; with an embedded store: while no server holds it,
    or send the --print output to /sparql), or after editing the registry graph by hand. Graphs
    written before the registry existed are turned into mention records first.
    """
    import time

    from .graph import Minter
    from .graph.registry import drift, rebuild_update
    from .ingest import Pipeline
    from .store import open_store

    settings = _load(overrides)
    minter = Minter(settings.base_iri)
    registry = str(minter.registry())
    if print_update:
        click.echo(rebuild_update(registry, str(minter.article(""))))
        return
    try:
        with open_store(settings) as store:
            if check:
                found = drift(store, registry)
                for line in found[:50]:
                    click.echo(line)
                click.echo(f"{len(found)} difference(s) between the registry and the mention records")
                sys.exit(1 if found else 0)
            t0 = time.monotonic()
            Pipeline.from_settings(store, settings).reindex()
            left = drift(store, registry)
    except KgapiError as exc:
        _fail(exc)
    click.echo(f"entity registry rebuilt ({time.monotonic() - t0:.1f} s); {len(left)} difference(s) left")
    sys.exit(1 if left else 0)


@main.command("export")
@click.option("--format", "fmt", default="trig", show_default=True,
              type=click.Choice(["trig", "nquads", "turtle", "ntriples"]),
              help="TriG and N-Quads keep every graph; Turtle and N-Triples write one graph "
                   "(--graph) or the union of all graphs.")
@click.option("--graph", default=None, help="Export only this named graph.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="File to write (default: standard output).")
@settings_options
def export_cmd(fmt, graph, output, **overrides):
    """Write the whole dataset (or one graph) as TriG, N-Quads, Turtle or N-Triples."""
    from .store import open_store
    from .store.dump import export

    settings = _load(overrides)
    try:
        with open_store(settings) as store:
            if output is None:
                n = export(store, sys.stdout.buffer, fmt, graph)
                sys.stdout.buffer.flush()
            else:
                with open(output, "wb") as out:
                    n = export(store, out, fmt, graph)
    except KgapiError as exc:
        _fail(exc)
    click.echo(f"exported {n} {'quads' if fmt in ('trig', 'nquads') and not graph else 'triples'}", err=True)


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
