"""Run one client query on a pyoxigraph store and serialize the answer, with the row cap.

Shared by the query worker processes and the in-process path, so both answer
byte for byte the same. pyoxigraph cannot stop after N rows and serialize,
so SELECT rows are read up to ``max_rows + 1`` and written as SPARQL JSON
here; the other result formats are produced from that JSON by pyoxigraph's
own serializers, which keeps them exactly to the specs. It imports nothing
from kgapi, so that a worker process starts with pyoxigraph alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "rdfxml": ox.RdfFormat.RDF_XML, "nquads": ox.RdfFormat.N_QUADS,
                 "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
MEDIA_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
               "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples; charset=utf-8",
               "rdfxml": "application/rdf+xml", "nquads": "application/n-quads; charset=utf-8",
               "trig": "application/trig; charset=utf-8", "jsonld": "application/ld+json"}

_POSITION = re.compile(r"error at (\d+):(\d+): ?")


@dataclass
class Answer:
    body: bytes
    media_type: str
    kind: str  # solutions, boolean, graph
    truncated: bool = False


class QueryFailed(Exception):
    """The engine refused the query; ``kind`` is 'syntax' or 'evaluation'."""

    def __init__(self, kind: str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.kind, self.message, self.line, self.column = kind, message, line, column


def open_store(path: str):
    """A snapshot of the store (never written to or compacted: nothing can change under the reader)."""
    return ox.Store.read_only(path)


def syntax_failure(exc: SyntaxError) -> QueryFailed:
    """Oxigraph's 'error at L:C: expected …' as a short message with line and column."""
    text = str(exc)
    m = _POSITION.search(text)
    line = column = None
    if m:
        line, column = int(m.group(1)), int(m.group(2))
        text = text[m.end():]
    text = " ".join(text.split())
    if len(text) > 300:
        text = text[:300].rsplit(",", 1)[0] + ", …"
    where = f" at line {line}, column {column}" if line else ""
    return QueryFailed("syntax", f"SPARQL syntax error{where}: {text}", line, column)


def _term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _term(t.subject), "predicate": _term(t.predicate),
                                            "object": _term(t.object)}}
    raise TypeError(f"unsupported term {t!r}")


def solutions_json(variables: list[str], rows, max_rows: int | None, *, mark: bool = True) -> tuple[bytes, bool]:
    """SPARQL 1.1 JSON results for ``rows`` (QuerySolution), at most ``max_rows`` of them.

    ``mark``: add the top-level ``"kgapi"`` member when truncated (not when the
    JSON is only a step towards another format: pyoxigraph's reader refuses it).
    """
    it = iter(rows)
    if max_rows is not None:
        it = islice(it, max_rows + 1)
    bindings = []
    for solution in it:
        b = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                b[name] = _term(value)
        bindings.append(b)
    truncated = max_rows is not None and len(bindings) > max_rows
    if truncated:
        bindings.pop()
    doc: dict = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    if truncated and mark:
        # An extra top-level member: SPARQL JSON readers ignore it, kgapi clients can look for it.
        doc["kgapi"] = {"truncated": True, "maxRows": max_rows}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), truncated


def run(store: ox.Store, query: str, *, result_format: str = "json", default_graph=None, named_graphs=None,
        union_default_graph: bool = True, base_iri: str | None = None, max_rows: int | None = None,
        prefixes: dict[str, str] | None = None) -> Answer:
    """Execute ``query`` and serialize it in ``result_format``; raises :class:`QueryFailed`."""
    kwargs: dict = {"base_iri": base_iri}
    if default_graph is not None or named_graphs is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph or []]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or []]
    else:
        kwargs["use_default_graph_as_union"] = union_default_graph
    try:
        result = store.query(query, **kwargs)
        return serialize_result(result, result_format, max_rows, prefixes)
    except SyntaxError as exc:
        raise syntax_failure(exc) from None
    except (OSError, ValueError, TypeError) as exc:
        raise QueryFailed("evaluation", f"the query failed: {exc}") from None


def serialize_result(result, result_format: str, max_rows: int | None, prefixes=None) -> Answer:
    """Any pyoxigraph answer (boolean, solutions, triples) in ``result_format``, capped at ``max_rows``."""
    if isinstance(result, ox.QueryBoolean):
        fmt = result_format if result_format in ("json", "xml") else "json"
        return Answer(result.serialize(format=RESULT_FORMATS[fmt]) or b"", MEDIA_TYPES[fmt], "boolean")
    if isinstance(result, ox.QuerySolutions):
        fmt = result_format if result_format in RESULT_FORMATS else "json"
        body, truncated = solutions_json([v.value for v in result.variables], result, max_rows,
                                         mark=fmt == "json")
        if fmt != "json":
            body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[fmt])
        return Answer(body or b"", MEDIA_TYPES[fmt], "solutions", truncated)
    fmt = result_format if result_format in GRAPH_FORMATS else "turtle"
    triples = list(islice(result, max_rows + 1)) if max_rows is not None else list(result)
    truncated = max_rows is not None and len(triples) > max_rows
    if truncated:
        triples.pop()
    return Answer(serialize_triples(triples, fmt, prefixes), MEDIA_TYPES[fmt], "graph", truncated)


def serialize_triples(triples, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Triples in one of GRAPH_FORMATS (TriG and N-Quads put them in the default graph)."""
    rdf_format = GRAPH_FORMATS[fmt]
    if rdf_format.supports_datasets:
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    prefixes = prefixes if fmt in ("turtle", "trig", "rdfxml") else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
