"""Schemathesis over the OpenAPI description the app publishes at /openapi.json, in-process
(WSGI): generated requests for every documented operation never get a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from geokg.config import Settings
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app

#: Bodies in RDF and SPARQL media types are fuzzed as bytes by test_fuzz_inputs.py;
#: Schemathesis has no generator for them and says so.
pytestmark = pytest.mark.filterwarnings("ignore:Skipped test cases:UserWarning")

_store = OxigraphStore()
app = create_app(Settings(store="memory", max_body_bytes=100_000), store=_store)
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=8, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=[schemathesis.checks.not_a_server_error])
