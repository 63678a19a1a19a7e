"""An article graph as N-Triples text, the same text as rdflib's ``serialize(format="nt")``.

Every article graph goes to the store as N-Triples; rdflib's serializer checks and formats
each term of each triple anew (``n3()``), about 2 ms per seed-sized article. Here each
IRI is checked and formatted once per graph and literals are quoted as rdflib's serializer
quotes them; tests compare the output with rdflib's on built graphs and on odd literals.
"""

from __future__ import annotations

from rdflib import Literal

from ._store import triples_of


def _literal(lit: Literal) -> str:
    """rdflib's ``nt._quoteLiteral``: only backslash, newline, quote and carriage return are escaped."""
    text = '"%s"' % lit.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if lit.language:
        if lit.datatype:
            raise ValueError("Literal has datatype AND language!")
        return f"{text}@{lit.language}"
    if lit.datatype:
        return f"{text}^^<{lit.datatype}>"
    return text


def ntriples(graph) -> str:
    """``graph.serialize(format="nt")``, faster: one line per triple, in the graph's order."""
    made: dict = {}  # IRI or blank node → its N-Triples form (literals are not kept: equal ones may differ in form)
    rows = []
    for s, p, o in triples_of(graph):
        ts = made.get(s)
        if ts is None:
            ts = made[s] = s.n3()  # URIRef.n3() checks the IRI (and raises on a bad one); a BNode gives _:id
        tp = made.get(p)
        if tp is None:
            tp = made[p] = p.n3()
        if isinstance(o, Literal):
            to = _literal(o)
        else:
            to = made.get(o)
            if to is None:
                to = made[o] = o.n3()
        rows.append(f"{ts} {tp} {to} .\n")
    return "".join(rows)
