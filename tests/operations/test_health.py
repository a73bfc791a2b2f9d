"""Health and readiness for a load balancer or monitor; JSON logs without personal data."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

import pytest

from overdracht.core.logs import JsonFormatter


@pytest.mark.django_db(databases=["default", "audit"])
def test_health_and_readiness_answer_without_a_login() -> None:
    client = Client()
    assert client.get(reverse("operations:health")).json() == {"status": "ok"}
    ready = client.get(reverse("operations:ready"))
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] is True
    assert body["checks"]["audit_database"] is True
    assert body["checks"]["migrations"] is True
    assert "no-store" in ready["Cache-Control"]


@pytest.mark.django_db(databases=["default", "audit"])
def test_not_ready_without_the_oso_standard_where_it_is_required(tmp_path: Path) -> None:
    with override_settings(OSO_STANDARD_REQUIRED=True, OSO_STANDARD_DIR=str(tmp_path)):
        response = Client().get(reverse("operations:ready"))
    assert response.status_code == 503
    assert response.json()["checks"]["oso_standard"] is False
    assert response.json()["status"] == "unavailable"


def test_a_json_log_line_leaves_the_request_and_the_exception_text_out() -> None:
    request = RequestFactory().post("/pupils/", {"bsn": "999990019"})
    request.COOKIES["sessionid"] = "geheim"
    try:
        raise ValueError("BSN 999990019 van Jan Jansen")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/pupils/",),
            sys.exc_info(),
            extra={"request": request, "status_code": 500},
        )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "Internal Server Error: /pupils/"
    assert entry["level"] == "ERROR"
    assert entry["status"] == 500
    assert entry["exception"] == "ValueError"
    assert "999990019" not in line
    assert "geheim" not in line
    assert "Jansen" not in line
