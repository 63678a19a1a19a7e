"""Claims: what one article says about one fact, with the sentence, its offsets and its attribution."""

from __future__ import annotations

from flask_restx import Namespace, Resource

from ..errors import NotFound
from ..graph.read import PROV_DERIVED, RDFS_LABEL, read_claim
from . import models as m
from .common import state
from .facts import PRODUCES
from .http import json_response, split_suffix, valid_id_or_404
from .linked import FORMATS, describe_claim, html_response, negotiate, represent

PATH = "/claims"
ns = Namespace("claims", description="The provenance of every fact: article, sentence, offsets, source, modality")
m.register(ns, m.claim, m.error)


@ns.route("/<string:claim_id>")
@ns.param("claim_id", "Claim id, optionally with a format suffix (.json .html .ttl .jsonld .nt .rdf)")
class Claim(Resource):
    @ns.response(200, "The claim (JSON by default; HTML or RDF by Accept or suffix)", m.claim)
    @ns.response(304, "Not modified")
    @ns.response(404, "No such claim", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(PRODUCES)
    def get(self, claim_id: str):
        """One claim."""
        ident, suffix = split_suffix(claim_id)
        valid_id_or_404(ident, "claim")
        fmt = negotiate(suffix, "claim")
        st = state()
        iri = str(st.minter.claim(ident))
        found = read_claim(st.store, st.minter, iri)
        if found is None:
            raise NotFound(f"no claim with id {ident!r}")
        asm, claim = found
        art_iri = asm.t.one(iri, PROV_DERIVED)
        article = asm.article(art_iri) if art_iri else None
        about_label = asm.t.one(claim["about"]["iri"], RDFS_LABEL)
        formats = [(s, f"/claims/{ident}.{s}") for s in FORMATS if s != "html"]
        return represent(fmt, json_fn=lambda: json_response(claim), rdf_fn=lambda: describe_claim(st.store, iri),
                         html_fn=lambda: html_response("claim.html", claim=claim, article=article,
                                                       about_label=about_label, formats=formats))
