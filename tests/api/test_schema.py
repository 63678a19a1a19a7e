"""Property-based test driven by the OpenAPI document (schemathesis): no 5xx, every answer matches its schema.

Every operation of ``/swagger.json`` is exercised over HTTP against a real
``kgapi serve`` process holding the seed and development articles (hand-made
extractions), with a bounded number of generated requests each
(``MAX_EXAMPLES``), so the run stays short. Two passes:

* positive: requests the document allows. Each answer has a documented status
  and matches its schema; on the domain endpoints a valid request is accepted.
* negative: requests the document forbids (wrong types, missing or malformed
  parameters and bodies, with and without the token). None may be a 5xx, and
  every answer, a refusal included, must be documented and match its schema.

The SPARQL protocol endpoints (/sparql, /store) take part in both passes for
"no 5xx" and the error shape; their results are checked by the W3C suites.
"""

from __future__ import annotations

import os
import time

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from tests.api.corpus import extractions
from tests.conftest import BASE_SETTINGS, TOKEN
from tests.helpers import ServerProcess

MAX_EXAMPLES = int(os.environ.get("KGAPI_SCHEMA_EXAMPLES", "25"))
#: negative examples are slower to generate; fewer per operation, over more operations
NEGATIVE_EXAMPLES = int(os.environ.get("KGAPI_SCHEMA_NEGATIVE_EXAMPLES", "15"))
AUTH = {"Authorization": f"Bearer {TOKEN}"}

#: the SPARQL protocol endpoints: their answers are SPARQL results and RDF, checked by the W3C suites
PROTOCOL = ("/sparql", "/store")


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    env = {"KGAPI_STORE": str(tmp_path_factory.mktemp("schema") / "store"), "KGAPI_SEED": "",
           "KGAPI_TOKEN": TOKEN, "KGAPI_BASE_IRI": BASE_SETTINGS["base_iri"], "KGAPI_QUERY_TIMEOUT": "5"}
    with ServerProcess(env) as server:
        for x in extractions():
            r = requests.post(server.url + "/articles", json=x, headers=AUTH, timeout=60)
            assert r.status_code in (200, 201), r.text[:500]
        yield server


@pytest.fixture(scope="module")
def api_schema(live):
    return schemathesis.openapi.from_url(live.url + "/swagger.json")


def _operations(schema, protocol: bool = False):
    ops = [result.ok() for result in schema.get_all_operations()]
    return [op for op in ops if protocol or not op.path.startswith(PROTOCOL)]


def test_the_document_lists_every_endpoint(api_schema):
    labels = {op.label for op in _operations(api_schema, protocol=True)}
    for label in ("GET /entities", "GET /entities/{entity_id}", "GET /deployments", "GET /deployments/{deployment_id}",
                  "GET /events", "GET /events/{event_id}", "GET /timeline", "GET /articles",
                  "GET /articles/{article_id}", "POST /articles", "DELETE /articles/{article_id}", "POST /extract",
                  "GET /roles", "GET /claims/{claim_id}", "GET /role-types/{role_type_id}",
                  "GET /sparql", "POST /sparql", "GET /store", "PUT /store", "POST /store", "DELETE /store"):
        assert label in labels, label


def _run(op, mode: GenerationMode, headers: dict, excluded: list, max_examples: int = MAX_EXAMPLES) -> None:
    @given(case=op.as_strategy(generation_mode=mode))
    @settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call_and_validate(headers=headers, excluded_checks=excluded, timeout=60)
        assert response.status_code < 500, (case.method, case.path, case.query, response.text[:500])

    run()


def _excluded(op, mode: GenerationMode) -> list:
    if mode is GenerationMode.NEGATIVE:
        # Swagger 2 cannot say everything a refusal depends on (a malformed value of an optional
        # parameter that the handler ignores is no error); what matters here is no 5xx and the shape.
        from schemathesis.checks import negative_data_rejection

        return [negative_data_rejection]
    # Rules across parameters that Swagger 2 cannot state (from ≤ to; a body has text, a url or an
    # article; a SPARQL query must parse) make some schema-valid requests a 400.
    names = {p.name for p in op.iter_parameters()}
    cross = op.method.upper() != "GET" or {"from", "to"} <= names or op.path.startswith(PROTOCOL)
    return [positive_data_acceptance] if cross else []


def _can_be_malformed(op) -> bool:
    """False when every input is a free string in the path: no request breaks the document."""
    return op.body or any(p.location != "path" for p in op.iter_parameters())


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
def test_api_conforms_to_its_openapi_document(api_schema, live, mode):
    failures, timings = [], []
    for op in _operations(api_schema, protocol=True):
        if op.method.upper() == "DELETE":
            continue  # deleting would empty the store the other operations are tested on
        # writes carry the token, so that they get past the guard to the body they send
        headers = AUTH if op.method.upper() in ("POST", "PUT") else {}
        if mode is GenerationMode.NEGATIVE and not _can_be_malformed(op):
            continue
        t0 = time.monotonic()
        try:
            _run(op, mode, headers, _excluded(op, mode),
                 MAX_EXAMPLES if mode is GenerationMode.POSITIVE else NEGATIVE_EXAMPLES)
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE, op.label  # nothing can be malformed (a free path string)
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{op.label} ({mode.value}): {exc}")
        timings.append(f"{op.label}: {time.monotonic() - t0:.1f}s")
    print(f"{mode.value}: " + ", ".join(timings))
    assert live.proc.poll() is None, "the server died"
    assert requests.get(live.url + "/health", timeout=30).status_code == 200
    assert not failures, "\n\n".join(failures)


def test_delete_conforms_too(api_schema):
    for op in _operations(api_schema, protocol=True):
        if op.method.upper() == "DELETE":
            # without the token: 401, as documented (a DELETE with it would empty the store)
            excluded = [positive_data_acceptance] if op.path.startswith(PROTOCOL) else []
            _run(op, GenerationMode.POSITIVE, {}, excluded, max_examples=10)
