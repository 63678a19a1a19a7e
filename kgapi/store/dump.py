"""Whole-dataset import and export (``kgapi import`` / ``kgapi export``), for both backends.

Export writes TriG or N-Quads (every graph, names kept) or Turtle / N-Triples (one graph, or the
union of all graphs when none is named). Import reads those formats streaming; each named graph
in the file *replaces* that graph in the store, so importing the same file twice changes nothing,
and export then import into an empty store gives the same dataset.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterable

import pyoxigraph as ox

from ..errors import BadRequest
from .base import Store
from .formats import RDF_FILES, RDF_FORMATS

#: quads per update request when writing an import through SPARQL
IMPORT_BATCH = 20000


def format_of(path: str | Path, name: str | None = None) -> tuple[str, ox.RdfFormat, bool]:
    """(name, pyoxigraph format, holds named graphs) from a format name or the file's suffix."""
    if name:
        if name not in RDF_FORMATS:
            raise BadRequest(f"unknown format {name!r}; one of {', '.join(sorted(RDF_FORMATS))}")
        fmt, quads = RDF_FORMATS[name]
        return name, fmt, quads
    suffix = Path(str(path)).suffix.lower()
    if suffix not in RDF_FILES:
        raise BadRequest(f"{path}: cannot tell the format from the suffix; use one of "
                         f"{', '.join(sorted(RDF_FILES))} or give --format")
    return RDF_FILES[suffix]


def export(store: Store, out: BinaryIO, fmt: str, graph: str | None = None) -> int:
    """Write the dataset (or one graph) to ``out``; returns the number of triples/quads written."""
    rdf_format, quads = RDF_FORMATS[fmt]
    if quads and graph is None:
        items = list(store.quads())
    else:
        items = [ox.Triple(q.subject, q.predicate, q.object) for q in _triples(store, graph)]
    ox.serialize(items, out, rdf_format)
    return len(items)


def _triples(store: Store, graph: str | None):
    """Distinct triples of one graph, or of the union of all graphs."""
    seen = set()
    for q in store.quads():
        if graph is not None and (not isinstance(q.graph_name, ox.NamedNode) or q.graph_name.value != graph):
            continue
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            yield t


def import_file(store: Store, path: str | Path, fmt: str | None = None, graph: str | None = None) -> dict:
    """Load an RDF file; returns {"quads", "graphs"}. ``graph`` names the target of a triples format."""
    name, rdf_format, quads = format_of(path, fmt)
    if graph is not None and quads:
        raise BadRequest(f"--graph applies to triple formats; a {name} file names its own graphs")
    target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    try:
        if hasattr(store, "bulk_import") and store.bulk_import(path, rdf_format, target):
            return store.import_stats
        return _import_sparql(store, ox.parse(path=str(path), format=rdf_format), target)
    except SyntaxError as exc:
        raise BadRequest(f"{path}: not valid {name}: {exc}") from None


def _term(t) -> str:
    return str(t)  # pyoxigraph terms print in N-Triples syntax


def _import_sparql(store: Store, parsed: Iterable, target) -> dict:
    """Stream the file into the store by SPARQL updates of IMPORT_BATCH quads each."""
    seen: set[str] = set()
    pending: dict[str, list[str]] = {}
    total = 0
    count = 0
    last = None

    def flush():
        parts = []
        for g, lines in pending.items():
            body = "\n".join(lines)
            if g == "":
                parts.append(f"INSERT DATA {{\n{body}\n}}")
                continue
            if g not in seen:
                seen.add(g)
                parts.append(f"DROP SILENT GRAPH <{g}>")
            parts.append(f"INSERT DATA {{ GRAPH <{g}> {{\n{body}\n}} }}")
        if parts:
            store.update(" ;\n".join(parts))
        pending.clear()

    for item in parsed:
        g = getattr(item, "graph_name", target)
        if isinstance(g, ox.DefaultGraph):
            g = target
        key = g.value if isinstance(g, ox.NamedNode) else ""
        if isinstance(g, ox.BlankNode):
            raise BadRequest("graphs named by blank nodes cannot be imported")
        # Requests end between graphs (a graph's blank nodes must arrive in one request:
        # INSERT DATA makes fresh ones per request), or inside a graph only when it is huge.
        if count >= IMPORT_BATCH and (key != last or count >= 10 * IMPORT_BATCH):
            flush()
            count = 0
        last = key
        pending.setdefault(key, []).append(f"{_term(item.subject)} {_term(item.predicate)} {_term(item.object)} .")
        total += 1
        count += 1
    flush()
    graphs = len(seen)
    return {"quads": total, "graphs": graphs}
