"""A remote store: any SPARQL 1.1 server (Oxigraph server, Fuseki, Virtuoso, GraphDB) over HTTP.

With it the API process holds no state, so several API processes can serve
from one (clustered) triplestore. Everything goes through the SPARQL 1.1
Protocol: queries to the query endpoint, writes to the update endpoint.

What the servers differ on is kept in one :class:`Dialect` per engine, picked
from the ``Server`` header of the first answer (or named by the
``KGAPI_STORE_DIALECT`` setting): how to ask for the union of all named graphs
as the default graph, and how to pass a query time limit on. The time limit is
always also enforced here: a query that has not fully answered by limit + 1 s
is abandoned (its connection closed) and answered with a :class:`QueryTimeout`.

Atomicity: :meth:`RemoteStore.replace_graphs` sends one update request
(``DROP SILENT GRAPH <g> ; INSERT DATA {…}`` for each graph), and so does
:meth:`~kgapi.store.base.Store.write_articles` (each article graph replaced and the entity
registry brought in step, see :mod:`kgapi.graph.registry`). Oxigraph and
Fuseki (TDB2) run one update request as one transaction, so readers see every
graph old or every graph new. Virtuoso runs each operation of a request in its
own transaction by default (a reader may briefly see a dropped, not yet
refilled graph); GraphDB (RDF4J) runs one request in one transaction.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
import requests.auth
import urllib3
from requests.adapters import HTTPAdapter
from rdflib import Graph, URIRef
from rdflib.term import Node
from urllib3.util.retry import Retry

from ..errors import BadRequest, KgapiError, QuerySyntaxError, QueryTimeout, StoreUnavailable
from .base import RawResult, Store
from .embedded import to_rdflib
from .formats import GRAPH_MEDIA, RESULT_MEDIA, graph_format_of

log = logging.getLogger(__name__)

#: How long trusted (API-built) queries and writes may take before the store counts as hung.
TRUSTED_TIMEOUT = 300.0
CONNECT_TIMEOUT = 3.05
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Dialect:
    """What one engine needs beyond the standard protocol."""

    name: str
    #: query-string parameters that make the default graph the union of all named graphs
    union_params: tuple[tuple[str, str], ...] = ()
    #: name of a per-request time-limit parameter, and how many of them make one second
    timeout_param: str | None = None
    timeout_scale: float = 1.0
    #: True when the engine's default graph already is the union of all graphs
    native_union: bool = False
    #: True when the engine keeps a named graph that holds no triples (CREATE GRAPH, PUT of nothing)
    keeps_empty_graphs: bool = True
    #: True when the engine has a plain default graph of its own. Virtuoso has none (INSERT DATA
    #: without GRAPH is refused) and its default graph always is the union: ``union=False`` cannot be
    #: honoured there (naming a missing graph as default-graph-uri instead breaks GRAPH <iri> in 7.2)
    own_default_graph: bool = True
    #: graphs the engine fills itself, which its setup should hide from kgapi's user (see README)
    system_graphs: tuple[str, ...] = ()
    #: True when the engine answers a query that ran out of time with a partial result and an
    #: ``X-SQL-State: S1TAT`` header (Virtuoso's "anytime" queries) instead of an error
    anytime_results: bool = False


DIALECTS = {
    "oxigraph": Dialect("oxigraph", union_params=(("union-default-graph", ""),)),
    "fuseki": Dialect("fuseki", union_params=(("default-graph-uri", "urn:x-arq:UnionGraph"),),
                      timeout_param="timeout"),
    "virtuoso": Dialect("virtuoso", timeout_param="timeout", timeout_scale=1000.0, native_union=True,
                        keeps_empty_graphs=False, own_default_graph=False,
                        system_graphs=("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#"),
                        anytime_results=True),
    "graphdb": Dialect("graphdb", timeout_param="timeout", native_union=True),
    "generic": Dialect("generic"),
}



def detect_dialect(server_header: str) -> Dialect:
    s = (server_header or "").lower()
    for key, name in (("oxigraph", "oxigraph"), ("fuseki", "fuseki"), ("jena", "fuseki"),
                      ("virtuoso", "virtuoso"), ("graphdb", "graphdb"), ("rdf4j", "graphdb")):
        if key in s:
            return DIALECTS[name]
    return DIALECTS["generic"]


def _session(user: str | None, password: str | None, pool: int) -> requests.Session:
    """A pooled session. urllib3 retries only failed *connects* (the request never left),
    which is safe for every method; anything else is retried by the caller where idempotent.
    ``read=False`` lets a read time-out surface as itself (a QueryTimeout), not as a
    "max retries" connection error (which would read as the store being down)."""
    s = requests.Session()
    retry = Retry(total=2, connect=2, read=False, status=0, other=0, backoff_factor=0.1,
                  allowed_methods=None, raise_on_status=False)
    adapter = HTTPAdapter(pool_connections=2, pool_maxsize=pool, max_retries=retry)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    if user:
        s.auth = _ChallengeAuth(user, password or "")
    s.headers["User-Agent"] = "kgapi"
    return s


class _ChallengeAuth(requests.auth.AuthBase):
    """HTTP Basic or Digest, whichever the server's 401 challenge asks for.

    Credentials are sent only once a server has asked: Basic then goes with every
    request; Digest (Virtuoso's ``/sparql-auth``) reuses the server's nonce.
    """

    def __init__(self, user: str, password: str):
        self._basic = requests.auth.HTTPBasicAuth(user, password)
        self._digest = requests.auth.HTTPDigestAuth(user, password)
        self.scheme: str | None = None

    def __call__(self, r):
        if self.scheme == "basic":
            return self._basic(r)
        if self.scheme == "digest":
            return self._digest(r)   # also registers the digest's own 401 handler
        r.register_hook("response", self._first_challenge)
        return r

    def _first_challenge(self, resp, **kwargs):
        challenge = resp.headers.get("WWW-Authenticate", "").lower()
        if resp.status_code != 401 or self.scheme is not None or "Authorization" in resp.request.headers:
            return resp
        if "digest" in challenge:
            self.scheme = "digest"
            self._digest.init_per_thread_state()
            self._digest._thread_local.pos = None
            self._digest._thread_local.num_401_calls = 1
            return self._digest.handle_401(resp, **kwargs)
        if "basic" not in challenge:
            return resp
        self.scheme = "basic"
        resp.content  # noqa: B018 - drain, so the connection can be reused
        resp.close()
        prep = self._basic(resp.request.copy())
        again = resp.connection.send(prep, **kwargs)
        again.history.append(resp)
        again.request = prep
        return again


class RemoteStore(Store):
    """A SPARQL 1.1 server at ``url`` (query endpoint) and ``update_url`` (update endpoint)."""

    kind = "remote"

    def __init__(self, url: str, update_url: str | None = None, *, user: str | None = None,
                 password: str | None = None, timeout: float = 10.0, dialect: str | None = None,
                 union_default_graph: bool = True, pool: int = 32):
        self.url = url
        self._update_url = update_url or None
        self.timeout = float(timeout)
        self.union_default_graph = union_default_graph
        self._session = _session(user, password, pool)
        self._dialect: Dialect | None = None
        if dialect and dialect != "auto":
            if dialect not in DIALECTS:
                raise KgapiError(f"unknown store dialect {dialect!r}; one of auto, {', '.join(DIALECTS)}")
            self._dialect = DIALECTS[dialect]
        self._dialect_lock = threading.Lock()
        self.generation = 0

    # -- plumbing -------------------------------------------------------------
    @property
    def dialect(self) -> Dialect:
        if self._dialect is None:
            with self._dialect_lock:
                if self._dialect is None:
                    resp = self._send("GET", self.url, params={"query": "ASK {}"},
                                      headers={"Accept": RESULT_MEDIA["json"]}, timeout=30.0, idempotent=True)
                    self._dialect = detect_dialect(resp.headers.get("Server", ""))
                    if self._dialect.name == "generic" and self.union_default_graph:
                        log.warning("remote store %s: unknown engine (Server: %r); kgapi assumes its "
                                    "default graph is the union of all named graphs (set "
                                    "KGAPI_STORE_DIALECT if it is not)", self.url, resp.headers.get("Server"))
                    log.info("remote store %s speaks the %s dialect", self.url, self._dialect.name)
                    self._check_system_graphs(self._dialect)
        return self._dialect

    def _check_system_graphs(self, d: Dialect) -> None:
        """Warn when the engine's own graphs are part of kgapi's dataset (Virtuoso not set up as the
        README says: they would show in every union-default-graph query, count and graph listing)."""
        for g in d.system_graphs:
            try:
                resp = self._send("POST", self.url, data={"query": f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"},
                                  headers={"Accept": RESULT_MEDIA["json"]}, timeout=30.0, idempotent=True)
                seen = resp.status_code == 200 and resp.json().get("boolean") is True
                resp.close()
            except (KgapiError, ValueError):
                return
            if seen:
                log.warning("remote store %s: kgapi's user sees the %s system graph <%s>, so it is part of "
                            "every query's dataset; make it private to kgapi's user (README, 'Virtuoso')",
                            self.url, d.name, g)

    @property
    def update_url(self) -> str:
        """The update endpoint: as configured, else Oxigraph's ``/update`` beside ``/query``, else the query URL."""
        if self._update_url:
            return self._update_url
        parts = urlsplit(self.url)
        if self.dialect.name == "oxigraph" and parts.path.endswith("/query"):
            path = parts.path[: -len("query")] + "update"
            return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
        return self.url

    def _where(self, url: str | None = None) -> str:
        parts = urlsplit(url or self.url)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

    def _send(self, method: str, url: str, *, timeout: float, idempotent: bool, stream: bool = False,
              **kw) -> requests.Response:
        """One HTTP exchange; network failures become StoreUnavailable or QueryTimeout.

        A dropped connection (e.g. a pooled one the server closed while idle) is
        retried once when the request is idempotent.
        """
        attempts = 2 if idempotent else 1
        for attempt in range(attempts):
            try:
                return self._session.request(method, url, timeout=(CONNECT_TIMEOUT, timeout),
                                             stream=stream, **kw)
            except requests.Timeout as exc:
                if isinstance(exc, requests.ConnectTimeout):
                    raise self._down(url, "connection timed out") from None
                raise QueryTimeout(f"the store did not answer within {timeout:g} s") from None
            except requests.ConnectionError as exc:
                if _is_read_timeout(exc):  # urllib3's retry wrapper turns a read timeout into this
                    raise QueryTimeout(f"the store did not answer within {timeout:g} s") from None
                if attempt + 1 < attempts and not _is_refused(exc):
                    continue
                raise self._down(url, _reason(exc)) from None
            except requests.RequestException as exc:
                raise self._down(url, str(exc)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _down(self, url: str, reason: str) -> StoreUnavailable:
        return StoreUnavailable(f"the remote store at {self._where(url)} does not answer ({reason}); "
                                f"kgapi will use it again as soon as it is back",
                                details={"store": self._where(url)})

    def _check(self, resp: requests.Response, url: str, *, client_query: bool) -> None:
        if resp.status_code < 300:
            return
        text = _error_text(resp)
        if resp.status_code in (401, 403):
            raise StoreUnavailable(f"the remote store at {self._where(url)} refused kgapi's credentials "
                                   f"(HTTP {resp.status_code}); check KGAPI_STORE_USER and KGAPI_STORE_PASSWORD")
        if resp.status_code == 400 and client_query:
            raise QuerySyntaxError(f"the store refused the query: {text}")
        state = _virtuoso_state(text)
        if state:
            if "SR186" in text or state.startswith("42"):
                raise KgapiError(f"the remote store at {self._where(url)} does not let kgapi's user do this "
                                 f"(on Virtuoso: GRANT SPARQL_UPDATE to it, see the README): {text}",
                                 details={"store": self._where(url)}, status=502)
            if state.startswith("S1T"):
                raise QueryTimeout(f"the store stopped the request at its time limit: {text}")
            if client_query and state[:2] in ("22", "37"):   # data exception / syntax error: the client's
                raise (QuerySyntaxError if state.startswith("37") else BadRequest)(
                    f"the store refused the request: {text}")
        if resp.status_code in (502, 503, 504):
            raise self._down(url, f"HTTP {resp.status_code}")
        if resp.status_code == 413:
            raise BadRequest(f"the store refused a request this large: {text}")
        raise KgapiError(f"the remote store answered HTTP {resp.status_code}: {text}",
                         details={"store": self._where(url)}, status=502)

    def _query_params(self, query: str, *, default_graph_uris=None, named_graph_uris=None,
                      timeout: float | None = None, union: bool | None = None) -> list[tuple[str, str]]:
        d = self.dialect
        params: list[tuple[str, str]] = [("query", query)]
        if default_graph_uris:
            params += [("default-graph-uri", str(u)) for u in default_graph_uris]
        elif (self.union_default_graph if union is None else union) and not named_graph_uris:
            params += list(d.union_params)
        params += [("named-graph-uri", str(u)) for u in named_graph_uris or ()]
        if timeout is not None and d.timeout_param:
            params.append((d.timeout_param, f"{timeout * d.timeout_scale:g}"))
        return params

    def _post_query(self, query: str, accept: str, *, timeout: float, client_query: bool,
                    **protocol) -> tuple[bytes, str, dict]:
        """POST the query (form-encoded: no URL-length limit) and read the whole answer by a deadline."""
        deadline = time.monotonic() + timeout
        params = self._query_params(query, timeout=timeout if client_query else None, **protocol)
        resp = self._send("POST", self.url, data=params, headers={"Accept": accept},
                          timeout=timeout, idempotent=True, stream=True)
        try:
            self._check(resp, self.url, client_query=client_query)
            if self.dialect.anytime_results and resp.headers.get("X-SQL-State", "").startswith("S1T"):
                # a partial answer cut at the time limit: never passed on as if it were whole
                raise QueryTimeout(f"the store stopped the query at its time limit "
                                   f"({resp.headers.get('X-SQL-Message', '').strip()[:200]})")
            return _read_by(resp, deadline, timeout, lambda exc: self._down(self.url, _reason(exc))), \
                resp.headers.get("Content-Type", ""), dict(resp.headers)
        finally:
            resp.close()

    # -- reading ----------------------------------------------------------------
    def select(self, query: str, *, union_default_graph: bool = True) -> list[dict[str, Node]]:
        body, _ctype, _h = self._post_query(query, RESULT_MEDIA["json"], timeout=TRUSTED_TIMEOUT,
                                            client_query=False, union=union_default_graph)
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = to_rdflib(value)
            rows.append(row)
        return rows

    def select_values(self, query: str) -> list[dict[str, str]]:
        """Lexical forms straight from the SPARQL JSON: no term objects on hot paths."""
        import json

        body, _ctype, _h = self._post_query(query, RESULT_MEDIA["json"], timeout=TRUSTED_TIMEOUT,
                                            client_query=False)
        try:
            doc = json.loads(body)
            return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise KgapiError(f"the remote store sent an answer kgapi cannot read: {exc}", status=502) from None

    def ask(self, query: str) -> bool:
        body, _ctype, _h = self._post_query(query, RESULT_MEDIA["json"], timeout=TRUSTED_TIMEOUT,
                                            client_query=False)
        return bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def construct(self, query: str) -> Graph:
        body, _ctype, _h = self._post_query(query, GRAPH_MEDIA["ntriples"], timeout=TRUSTED_TIMEOUT,
                                            client_query=False)
        g = Graph()
        for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES):
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return g

    def sparql(self, query: str, *, result_format: str = "json", default_graph_uris=None,
               named_graph_uris=None, union_default_graph: bool = True, base_iri: str | None = None,
               timeout: float | None = None, max_rows: int | None = None) -> RawResult:
        """Pass a client's query on, then cap and serialize its answer as the embedded store does.

        The server is asked for SPARQL JSON (SELECT/ASK) or N-Triples
        (CONSTRUCT/DESCRIBE); kgapi applies ``max_rows`` and writes
        ``result_format`` itself, so both backends answer alike.
        """
        from . import _execute
        from ..graph.terms import PREFIXES

        limit = self.timeout if timeout is None else float(timeout)
        # The preferred type follows the query form (Virtuoso fails a CONSTRUCT asked for SPARQL JSON first).
        if result_format in GRAPH_MEDIA:
            accept = f"{GRAPH_MEDIA['ntriples']}, {RESULT_MEDIA['json']};q=0.9"
        else:
            accept = f"{RESULT_MEDIA['json']}, {GRAPH_MEDIA['ntriples']};q=0.9"
        text = f"BASE <{base_iri}>\n{query}" if base_iri else query
        # The deadline sits just past the limit, so a server that keeps the limit itself answers first.
        try:
            body, ctype, _h = self._post_query(text, accept, timeout=limit + 0.25, client_query=True,
                                               default_graph_uris=default_graph_uris,
                                               named_graph_uris=named_graph_uris, union=union_default_graph)
        except QueryTimeout:
            raise QueryTimeout(f"the query ran past the time limit ({limit:g} s); kgapi stopped waiting "
                               f"(the remote store may go on computing it until its own limit)",
                               details={"timeout": limit}) from None
        media = ctype.split(";")[0].strip().lower()
        try:
            if graph_format_of(media):
                triples = (q.triple for q in ox.parse(body, format=ox.RdfFormat.from_media_type(media)))
                result = triples
            else:
                result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            answer = _execute.serialize_result(result, result_format, max_rows, PREFIXES)
        except (SyntaxError, ValueError) as exc:
            raise KgapiError(f"the remote store sent an answer kgapi cannot read: {exc}", status=502) from None
        return RawResult(answer.body, answer.media_type, answer.kind, answer.truncated)

    def sparql_update(self, update: str, *, using_graph_uris=None, using_named_graph_uris=None,
                      base_iri: str | None = None, timeout: float | None = None, then: str | None = None) -> None:
        """A client's update: its errors are the client's (400), never resent.

        ``timeout`` bounds the wait (limit + 1 s, as for queries) and is passed on where the
        engine takes one; an update abandoned at the deadline may still complete on the server.
        """
        limit = self.timeout if timeout is None else float(timeout)
        self._post_update(self.update_text(update, using_graph_uris=using_graph_uris,
                                           using_named_graph_uris=using_named_graph_uris, base_iri=base_iri,
                                           then=then),
                          idempotent=False, client_query=True, timeout=limit + 1.0)

    # -- writing ----------------------------------------------------------------
    def _post_update(self, update: str | bytes, *, idempotent: bool, client_query: bool = False,
                     timeout: float = TRUSTED_TIMEOUT) -> None:
        data = update.encode("utf-8") if isinstance(update, str) else update
        url = self.update_url
        d = self.dialect
        if client_query and d.timeout_param:
            sep = "&" if "?" in url else "?"
            url = f"{url}{sep}{d.timeout_param}={max(timeout - 1.0, 0.001) * d.timeout_scale:g}"
        resp = self._send("POST", url, data=data, timeout=timeout, idempotent=idempotent,
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        try:
            self._check(resp, self.update_url, client_query=client_query)
        finally:
            resp.close()
        self.generation += 1

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        self.replace_graphs([(name, graph)])

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, Graph]]) -> None:
        """All the graphs in ONE update request: one transaction where the engine allows (see module doc)."""
        parts = [_replace_text(name, graph.serialize(format="nt")) for name, graph in graphs]
        if parts:
            # DROP + INSERT DATA of fixed content: running it twice gives the same state.
            self._post_update(" ;\n".join(parts), idempotent=True)

    def replace_ntriples(self, graphs: Iterable[tuple[str, str]]) -> None:
        """Like :meth:`replace_graphs`, for graphs already written as N-Triples text."""
        parts = [_replace_text(name, body) for name, body in graphs]
        if parts:
            self._post_update(" ;\n".join(parts), idempotent=True)

    def drop_graph(self, name: URIRef) -> bool:
        if not self.has_graph(name):
            return False
        self._post_update(f"DROP SILENT GRAPH <{name}>", idempotent=True)
        return True

    def update(self, update: str) -> None:
        # A client's update may not be idempotent (INSERT … WHERE): never resent.
        self._post_update(update, idempotent=False)

    def apply_update(self, update: str, *, idempotent: bool = False) -> None:
        self._post_update(update, idempotent=idempotent)

    # -- dataset ----------------------------------------------------------------
    def named_graphs(self) -> list[URIRef]:
        if self.dialect.keeps_empty_graphs:
            rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        else:
            # Virtuoso keeps no empty graphs and binds nothing to ?g for an empty pattern; and its
            # shortcut for SELECT DISTINCT ?g ignores graph permissions (lists private graphs)
            rows = self.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sorted(URIRef(str(r["g"])) for r in rows if isinstance(r.get("g"), URIRef))

    def has_graph(self, name: URIRef) -> bool:
        # An empty pattern: a graph the server keeps empty (CREATE GRAPH, PUT of nothing) counts too.
        if not self.dialect.keeps_empty_graphs:   # Virtuoso answers true for any IRI here
            return self.ask(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        return self.ask(f"ASK {{ GRAPH <{name}> {{ }} }}")

    def graph_sizes(self) -> dict[URIRef | None, int]:
        if self.dialect.own_default_graph:
            return super().graph_sizes()
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        sizes: dict[URIRef | None, int] = {r["g"]: int(r["n"]) for r in rows if "g" in r}
        sizes[None] = 0   # no default graph of its own (its default graph is the union of the others)
        return sizes

    def health(self) -> dict:
        self.ask("ASK { }")
        return {"store": self.kind, "dialect": self.dialect.name}

    def quads(self):
        """Every quad of the dataset as pyoxigraph quads, for export.

        The store's own default graph is included where the union default graph
        is a per-query option (Oxigraph, Fuseki); where the engine's default graph
        always is the union (Virtuoso, GraphDB) only the named graphs can be told apart.
        """
        # TSV is the quickest to read, but Virtuoso writes its header as "g" instead of ?g: JSON there
        fmt = "json" if self.dialect.name == "virtuoso" else "tsv"
        parse_as = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.TSV
        body, _c, _h = self._post_query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                        RESULT_MEDIA[fmt], timeout=TRUSTED_TIMEOUT, client_query=False)
        for sol in ox.parse_query_results(body, format=parse_as):
            yield ox.Quad(sol["s"], sol["p"], sol["o"], sol["g"])
        if not self.dialect.union_params:
            return
        body, _c, _h = self._post_query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", RESULT_MEDIA["tsv"],
                                        timeout=TRUSTED_TIMEOUT, client_query=False, union=False)
        for sol in ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV):
            yield ox.Quad(sol["s"], sol["p"], sol["o"], ox.DefaultGraph())

    def close(self) -> None:
        self._session.close()


def _read_by(resp: requests.Response, deadline: float, limit: float, down) -> bytes:
    """The whole body, or QueryTimeout once ``deadline`` passes.

    Reads whatever has arrived (``read1``) and shortens the socket's timeout to
    the time left, so neither a slow trickle nor a stall can outlast the deadline.
    """
    raw = resp.raw
    sock = getattr(getattr(raw, "connection", None), "sock", None)
    buf = io.BytesIO()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryTimeout(f"the query did not finish within {limit:g} s")
            if sock is not None:
                sock.settimeout(left)
            chunk = raw.read1(_CHUNK, decode_content=True)
            if not chunk:
                return buf.getvalue()
            buf.write(chunk)
    except (TimeoutError, urllib3.exceptions.ReadTimeoutError):
        raise QueryTimeout(f"the query did not finish within {limit:g} s") from None
    except (OSError, urllib3.exceptions.HTTPError) as exc:
        raise down(exc) from None


def _replace_text(name, ntriples: str) -> str:
    return f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples}\n}} }}"


def _virtuoso_state(text: str) -> str | None:
    """The SQLSTATE of a Virtuoso error text (``Virtuoso 37000 Error SP030: …``), else None."""
    if not text.startswith("Virtuoso "):
        return None
    parts = text.split(None, 3)
    return parts[1] if len(parts) > 2 and parts[2] == "Error" else None


def _is_read_timeout(exc: Exception) -> bool:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, urllib3.exceptions.ReadTimeoutError) or "Read timed out" in str(exc)


def _is_refused(exc: Exception) -> bool:
    text = repr(exc)
    return "ConnectionRefused" in text or "NewConnectionError" in text or "Failed to establish" in text


def _reason(exc: Exception) -> str:
    if _is_refused(exc):
        return "connection refused"
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"


def _error_text(resp: requests.Response) -> str:
    try:
        text = resp.content[:2000].decode("utf-8", errors="replace").strip()
    except requests.RequestException:
        text = ""
    return text or resp.reason or f"HTTP {resp.status_code}"
