"""Result and graph formats, and choosing one from ``Accept`` (with q-values) or a ``format`` parameter."""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from ..errors import InvalidParameter, NotAcceptable


@dataclass(frozen=True)
class Format:
    key: str
    media_type: str
    aliases: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # accepted as ?format=

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text formats say they are UTF-8)."""
        if self.media_type.startswith("text/") or self.key in ("ntriples", "nquads", "trig"):
            return f"{self.media_type}; charset=utf-8"
        return self.media_type


#: SELECT results, in the order the server prefers them.
RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json", "text/javascript",
                                                        "application/javascript"), ("json", "srj")),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("xml", "srx")),
    Format("csv", "text/csv", (), ("csv",)),
    Format("tsv", "text/tab-separated-values", (), ("tsv",)),
)
#: ASK answers: the result formats that can carry a boolean.
BOOLEAN_FORMATS = RESULT_FORMATS[:2]
#: CONSTRUCT / DESCRIBE answers and Graph Store documents.
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/x-turtle",), ("turtle", "ttl")),
    Format("ntriples", "application/n-triples", ("text/plain",), ("ntriples", "nt", "n-triples")),
    Format("jsonld", "application/ld+json", ("application/json",), ("jsonld", "json-ld", "json")),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), ("rdfxml", "rdf", "xml", "owl")),
    Format("trig", "application/trig", (), ("trig",)),
    Format("nquads", "application/n-quads", (), ("nquads", "nq", "n-quads")),
)
BY_KEY = {f.key: f for f in RESULT_FORMATS + GRAPH_FORMATS if f.key != "xml"} | {"xml": RESULT_FORMATS[1]}


def formats_for(form: str) -> tuple[Format, ...]:
    """The formats an answer of query form ``form`` (SELECT, ASK, CONSTRUCT, DESCRIBE) can take."""
    if form == "SELECT":
        return RESULT_FORMATS
    if form == "ASK":
        return BOOLEAN_FORMATS
    return GRAPH_FORMATS


def negotiate(formats: tuple[Format, ...], accept: str | None, format_param: str | None = None) -> Format:
    """The format to answer in: ``format`` parameter first, then ``Accept`` by q-value, then our first choice.

    Raises 406 (NotAcceptable) when the client accepts none of ``formats``.
    """
    offered = ", ".join(f.media_type for f in formats)
    if format_param:
        wanted = format_param.strip().lower()
        for f in formats:
            if wanted in f.names or wanted == f.media_type or wanted in f.aliases:
                return f
        raise NotAcceptable(f"format={format_param!r} is not available for this answer; use one of "
                            f"{', '.join(f.names[0] for f in formats)}",
                            details={"parameter": "format", "available": [f.names[0] for f in formats]})
    if not accept or not accept.strip():
        return formats[0]
    parsed = [(v.split(";")[0].strip().lower(), q) for v, q in parse_accept_header(accept, MIMEAccept)]
    candidates: list[tuple[str, Format]] = []
    for f in formats:
        candidates.append((f.media_type, f))
    for f in formats:  # aliases rank after every canonical type
        candidates.extend((a, f) for a in f.aliases)
    best, best_q = None, 0.0
    for media_type, f in candidates:
        q = _quality(parsed, media_type)
        if q > best_q:
            best, best_q = f, q
    if best is None:
        raise NotAcceptable(f"none of the accepted media types ({accept}) is available for this answer; "
                            f"available: {offered}", details={"available": [f.media_type for f in formats]})
    return best


def _quality(ranges: list[tuple[str, float]], media_type: str) -> float:
    """q of ``media_type`` under the most specific matching range (RFC 9110 12.5.1)."""
    kind = media_type.split("/")[0]
    best_specificity, q = -1, 0.0
    for value, quality in ranges:
        if value == media_type:
            specificity = 2
        elif value == f"{kind}/*":
            specificity = 1
        elif value in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, q = specificity, quality
    return q


def rdf_input_format(media_type: str | None) -> Format:
    """The graph format of an uploaded document, from its Content-Type (415 otherwise)."""
    from ..errors import UnsupportedMediaType

    mt = (media_type or "").split(";")[0].strip().lower()
    for f in GRAPH_FORMATS:
        if mt == f.media_type or mt in f.aliases and mt not in ("text/plain",):
            return f
    raise UnsupportedMediaType(
        f"cannot read {mt or 'a body without Content-Type'} as RDF; send one of "
        f"{', '.join(f.media_type for f in GRAPH_FORMATS)}",
        details={"accepted": [f.media_type for f in GRAPH_FORMATS]})


def parse_format_param(value: str | None) -> str | None:
    """Validate a ``format`` parameter's shape (a name or a media type)."""
    if value is None or value == "":
        return None
    if len(value) > 100:
        raise InvalidParameter("format", "too long")
    return value
