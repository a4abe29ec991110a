"""Schemathesis over the OpenAPI spec: generated requests never get a server error, and every
answer matches the spec (status codes, content types, bodies)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings

from desk_data import write_desk_store

EXAMPLES_PER_OPERATION = 15


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    from eventwire.api import create_app

    path = tmp_path_factory.mktemp("schema") / "desk.duckdb"
    write_desk_store(path)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(path))


def _checks():
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                                    status_code_conformance)

    return [not_a_server_error, status_code_conformance, content_type_conformance,
            response_schema_conformance]


def test_no_server_errors_and_answers_match_the_spec(api_schema):
    checks = _checks()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=checks)

        check()
