"""The floor: what a naive SPARQL endpoint over rdflib's own engine does.

A tiny Flask app over an in-memory ``rdflib.Dataset`` (union default graph) loaded from the
file in ``BENCH_RDFLIB_DATA``; ``GET/POST /query`` runs the query with rdflib's evaluator and
answers SPARQL JSON. Served by gunicorn like kgapi (1 process, 8 threads) by the harness.
"""

from __future__ import annotations

import os

from flask import Flask, Response, request
from rdflib import Dataset

dataset = Dataset(default_union=True)
_data = os.environ["BENCH_RDFLIB_DATA"]
dataset.parse(_data, format="nquads" if _data.endswith(".nq") else "trig")
app = Flask("rdflib-endpoint")


@app.route("/query", methods=["GET", "POST"])
def query():
    text = request.values.get("query", "")
    result = dataset.query(text)
    return Response(result.serialize(format="json"), mimetype="application/sparql-results+json")
