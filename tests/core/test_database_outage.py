"""The database goes away under load (every connection of the product cut, as a restart
does): the requests in flight fail cleanly — the product's error page, never a traceback
or a hang — and the product recovers by itself, without a restart of its own (PostgreSQL:
the health check on a reused connection reconnects)."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings
from django.db import connection

import psycopg
import pytest

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="cuts PostgreSQL's server-side connections"
)


def _admin_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgresql://{auth}@{db['HOST']}:{db['PORT']}/postgres"


def cut_every_connection() -> int:
    with psycopg.connect(_admin_url(), autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [settings.DATABASES["default"]["NAME"]],
        ).fetchall()
    return len(rows)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the test server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.django_db(transaction=True)
def test_requests_fail_cleanly_and_the_product_recovers(live_server: Any) -> None:
    # A page that always asks the database: an invitation that does not exist (410).
    url = f"{live_server.url}/invitation/no-such-token/"
    assert fetch(url)[0] == 410
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def load(rounds: int) -> None:
        for _ in range(rounds):
            found = fetch(url)
            with lock:
                answers.append(found)

    workers = [threading.Thread(target=load, args=(15,)) for _ in range(4)]
    for worker in workers:
        worker.start()
    cut = cut_every_connection() + cut_every_connection()
    for worker in workers:
        worker.join(timeout=120)
    connection.close()  # this test's own connection was cut as well
    assert cut >= 1
    assert len(answers) == 60, "a request hung"
    assert {status for status, _ in answers} <= {410, 500}
    for status, body in answers:
        if status == 500:
            assert "Er ging iets mis" in body
            assert "Traceback" not in body
    # Recovered by itself: the next requests are answered normally.
    assert [fetch(url)[0] for _ in range(5)] == [410] * 5
