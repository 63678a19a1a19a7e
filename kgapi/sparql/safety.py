"""What the endpoint refuses, decided before any engine sees the text, for every backend.

Engines reach out on their own: Oxigraph calls SERVICE endpoints and LOADs
URLs (``file://`` too) from Rust, past Python's audit hooks, and rdflib
dereferences FROM, FROM NAMED and USING IRIs. So nothing that names a place
outside the store gets through: SERVICE and LOAD are refused, and every
dataset IRI (in the text or in the protocol's ``default-graph-uri`` and
friends) must name a graph of the store, or for an update one that the same
request writes to. Each refusal is a 400 that says what and where.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..errors import QueryRefused
from .scan import Scan


def _refuse(message: str, **details) -> QueryRefused:
    return QueryRefused(message, details=details)


def check(scan: Scan, *, has_graph: Callable[[str], bool], protocol_graphs: Iterable[tuple[str, str]] = ()) -> None:
    """Raise :class:`QueryRefused` unless ``scan`` stays inside the store.

    ``protocol_graphs`` are (parameter, IRI) pairs from the request
    (``default-graph-uri``, ``named-graph-uri``, ``using-graph-uri``,
    ``using-named-graph-uri``); ``has_graph`` tells whether the store holds a
    graph by that name.
    """
    if scan.services:
        target, pos = scan.services[0]
        raise _refuse(f"SERVICE is not allowed ({scan.where(pos)}: SERVICE {target}): this endpoint "
                      f"does not call other endpoints", keyword="SERVICE", target=target)
    if scan.loads:
        target, pos = scan.loads[0]
        raise _refuse(f"LOAD is not allowed ({scan.where(pos)}: LOAD {target}): this endpoint does not "
                      f"fetch documents; send data to the Graph Store at /store instead",
                      keyword="LOAD", target=target)
    clauses = ([("FROM", g) for g in scan.from_graphs] + [("FROM NAMED", g) for g in scan.from_named_graphs]
               if scan.form != "UPDATE" else
               [("USING", g) for g in scan.from_graphs] + [("USING NAMED", g) for g in scan.from_named_graphs]
               + [("WITH", g) for g in scan.with_graphs])
    checked: dict[str, bool] = {}
    for where, iri in [*clauses, *protocol_graphs]:
        if iri in scan.written_graphs:
            continue
        if iri not in checked:
            checked[iri] = _is_local(iri) and has_graph(iri)
        if not checked[iri]:
            raise _refuse(f"{where} <{iri}>: there is no such graph in this store, and this endpoint "
                          f"never fetches graphs from elsewhere", clause=where, graph=iri)


def _is_local(iri: str) -> bool:
    """IRIs with characters no graph name of ours has are refused without asking the store."""
    return not any(c in iri for c in '<>"{}|^`\\ \n\r\t')


def check_protocol_dataset(scan: Scan, using: list[str], using_named: list[str]) -> None:
    """An update may not get its dataset from both the protocol and USING/WITH (SPARQL 1.1 Protocol 2.2.3)."""
    if (using or using_named) and scan.has_dataset_clause:
        raise _refuse("the request gives using-graph-uri / using-named-graph-uri and the update has "
                      "USING, USING NAMED or WITH: give the dataset in one place only",
                      clause="USING/WITH")
