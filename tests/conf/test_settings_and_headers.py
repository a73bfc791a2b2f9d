"""Production settings refuse to start half-configured; every page carries the headers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

import pytest

from tests.conftest import World, client_for

ROOT = Path(__file__).resolve().parents[2]


def _start_production(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(
        env, DJANGO_SETTINGS_MODULE="overdracht.conf.production", PYTHONPATH=str(ROOT / "src")
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _start_production(DJANGO_ALLOWED_HOSTS="school.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts() -> None:
    result = _start_production(DJANGO_SECRET_KEY="k" * 64)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_starts_when_configured() -> None:
    result = _start_production(DJANGO_SECRET_KEY="k" * 64, DJANGO_ALLOWED_HOSTS="school.example")
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_pages_with_personal_data_are_not_cached_and_carry_a_csp(world: World) -> None:
    response = client_for(world.mentor).get(reverse("pupils:detail", args=[world.pupil.pk]))
    assert response["Cache-Control"] == "no-store, private"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
