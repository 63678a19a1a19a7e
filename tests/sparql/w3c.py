"""A runner for the W3C SPARQL 1.1 Protocol and Graph Store Protocol test manifests.

Reads each manifest with rdflib and replays every ht:Request of a test, in
order, against a real server over HTTP, checking mf:expectedStatus,
mf:expectedFormat, mf:expectedBoolean, expected response headers and bodies
(graph isomorphism) and mf:expectedLocation templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from tests.helpers import DATA_DIR

W3C_DIR = DATA_DIR / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

_NAMED_STATUS = {"OK": 200, "Created": 201, "Accepted": 202, "NoContent": 204, "BadRequest": 400,
                 "Unauthorized": 401, "Forbidden": 403, "NotFound": 404, "MethodNotAllowed": 405,
                 "NotAcceptable": 406, "UnsupportedMediaType": 415}
_RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
              "application/ld+json": "json-ld", "application/trig": "trig", "application/n-quads": "nquads"}
_TABULAR_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values")


@dataclass
class HttpRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: list[URIRef]
    expected_format: str | None = None
    expected_boolean: bool | None = None
    expected_headers: dict[str, str] = field(default_factory=dict)
    expected_body: tuple[str, str] | None = None  # (content type, text)
    location_template: str | None = None


@dataclass
class ProtocolCase:
    name: str
    title: str
    requests: list[HttpRequest]
    graph_data: list[tuple[Path, str]]  # (file, graph IRI)


def _text(g: Graph, node, prop) -> str | None:
    v = g.value(node, prop)
    return None if v is None else str(v)


def _headers(g: Graph, node, prop) -> dict[str, str]:
    lst = g.value(node, prop)
    if lst is None:
        return {}
    return {str(g.value(h, HT.fieldName)).lower(): str(g.value(h, HT.fieldValue)) for h in Collection(g, lst)}


def _body(g: Graph, node) -> tuple[bytes, str] | None:
    b = g.value(node, HT.body)
    if b is None:
        return None
    chars = str(g.value(b, CNT.chars))
    encoding = _text(g, b, CNT.characterEncoding) or "UTF-8"
    return chars.encode(encoding.lower()), chars


def load_manifest(path: Path) -> list[ProtocolCase]:
    """Every test of one manifest, in the manifest's order."""
    g = Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    cases = []
    for test in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(test, MF.action)
        reqs = []
        for r in Collection(g, g.value(action, HT.requests)):
            resp = g.value(r, HT.resp)
            body = _body(g, r)
            expected = _body(g, resp)
            boolean = g.value(resp, MF.expectedBoolean)
            reqs.append(HttpRequest(
                method=_text(g, r, HT.methodName),
                path=_text(g, r, HT.absolutePath),
                headers=_headers(g, r, HT.headers),
                body=body[0] if body else None,
                statuses=list(g.objects(resp, MF.expectedStatus)),
                expected_format=_text(g, resp, MF.expectedFormat),
                expected_boolean=None if boolean is None else boolean.toPython(),
                expected_headers=_headers(g, resp, HT.headers),
                expected_body=(_headers(g, resp, HT.headers).get("content-type", "text/turtle"), expected[1])
                if expected else None,
                location_template=_text(g, resp, MF.expectedLocation),
            ))
        data = []
        for gd in g.objects(test, UT.graphData):
            file_uri = str(g.value(gd, UT.graph))
            data.append((Path(file_uri.removeprefix("file://")), str(g.value(gd, RDFS.label))))
        cases.append(ProtocolCase(str(test).rsplit("#", 1)[-1], _text(g, test, MF.name) or "", reqs, data))
    return cases


def status_ok(status: int, expected: list[URIRef]) -> bool:
    for e in expected:
        local = str(e).rsplit("#", 1)[-1]
        if local.startswith("StatusCode") and local.endswith("xx"):
            if status // 100 == int(local[len("StatusCode")]):
                return True
        elif _NAMED_STATUS.get(local) == status:
            return True
    return False


def _media_type(resp: requests.Response) -> str:
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _boolean(resp: requests.Response) -> bool:
    mt = _media_type(resp)
    if mt in ("application/sparql-results+json", "application/json"):
        return bool(resp.json()["boolean"])
    if mt in ("application/sparql-results+xml", "application/xml"):
        from xml.etree import ElementTree

        node = ElementTree.fromstring(resp.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
        return node is not None and node.text.strip() == "true"
    raise AssertionError(f"a boolean answer came as {mt}")


def check_format(resp: requests.Response, expected: str) -> None:
    mt = _media_type(resp)
    if expected == "boolean":
        _boolean(resp)
    elif expected == "tabular":
        assert mt in _TABULAR_TYPES, f"tabular results came as {mt}"
        if mt.endswith("json"):
            assert "results" in resp.json()
    elif expected == "RDF":
        assert mt in _RDF_TYPES, f"an RDF answer came as {mt}"
        Graph().parse(data=resp.content, format=_RDF_TYPES[mt])
    else:  # pragma: no cover - the manifests use only these three
        raise AssertionError(f"unknown expected format {expected}")


def run_case(case: ProtocolCase, base_url: str, *, rewrite: dict[str, str], auth: dict[str, str]) -> None:
    """Replay every request of ``case``; AssertionError on the first that does not match."""
    variables: dict[str, str] = {}
    for i, r in enumerate(case.requests):
        path = r.path
        for old, new in rewrite.items():
            if path.startswith(old):
                path = new + path[len(old):]
                break
        body = r.body
        for name, value in variables.items():
            path = path.replace(name, value)
            if body is not None:
                body = body.replace(name.encode(), value.encode())
        headers = {**r.headers, **auth}
        resp = requests.request(r.method, base_url + path, headers=headers, data=body, timeout=30,
                                allow_redirects=False)
        where = f"{case.name} request {i + 1} ({r.method} {path})"
        assert status_ok(resp.status_code, r.statuses), \
            f"{where}: status {resp.status_code}, expected {[str(s).rsplit('#', 1)[-1] for s in r.statuses]}: " \
            f"{resp.text[:300]}"
        if r.expected_format:
            check_format(resp, r.expected_format)
        if r.expected_boolean is not None:
            assert _boolean(resp) is r.expected_boolean, f"{where}: expected {r.expected_boolean}"
        for name, value in r.expected_headers.items():
            got = resp.headers.get(name, "")
            assert _header_value(got) == _header_value(value), f"{where}: {name} is {got!r}, expected {value!r}"
        if r.expected_body is not None and r.method != "HEAD":
            ctype, text = r.expected_body
            fmt = _RDF_TYPES[ctype.split(";")[0].strip()]
            expected = Graph().parse(data=text, format=fmt, publicID=base_url + path)
            got_graph = Graph().parse(data=resp.content, format=_RDF_TYPES[_media_type(resp)],
                                      publicID=base_url + path)
            assert isomorphic(expected, got_graph), \
                f"{where}: the graph differs:\n{got_graph.serialize(format='nt')}"
        if r.location_template:
            assert "Location" in resp.headers, f"{where}: no Location header"
            variables[r.location_template] = resp.headers["Location"]


def _header_value(value: str) -> tuple:
    """A header value compared case-insensitively, parameters in any order and spacing."""
    parts = [p.strip().lower() for p in value.split(";")]
    return (parts[0], tuple(sorted(p.replace(" ", "") for p in parts[1:] if p)))


def load_dataset(base_url: str, auth: dict[str, str], data: list[tuple[Path, str]]) -> None:
    """Empty the store and load the graphs a test names (with the Graph Store Protocol itself)."""
    r = requests.post(base_url + "/sparql", data="DROP ALL", timeout=30,
                      headers={"Content-Type": "application/sparql-update", **auth})
    assert r.status_code == 204, r.text
    for path, iri in data:
        r = requests.put(base_url + "/store", params={"graph": iri}, data=path.read_bytes() if path else b"",
                         headers={"Content-Type": "application/n-triples", **auth}, timeout=30)
        assert r.status_code in (201, 204), r.text


__all__ = ["W3C_DIR", "ProtocolCase", "load_manifest", "run_case", "load_dataset", "check_format",
           "status_ok"]
