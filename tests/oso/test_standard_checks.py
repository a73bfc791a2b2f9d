"""Without the OSO standard's files production refuses to start, and the upload page says
plainly that checks are off."""

from __future__ import annotations

from pathlib import Path

from django.core import checks
from django.test import override_settings
from django.urls import reverse

import pytest

from tests.conftest import World, client_for


def serious(tmp: Path, *, required: bool) -> list[str]:
    with override_settings(OSO_STANDARD_DIR=tmp, OSO_STANDARD_REQUIRED=required):
        return [m.id or "" for m in checks.run_checks(tags=["oso"]) if m.is_serious()]


def test_production_refuses_without_the_schema_and_rules(tmp_path: Path) -> None:
    assert serious(tmp_path, required=True) == ["oso.E001", "oso.E002"]
    assert serious(tmp_path, required=False) == []


@pytest.mark.django_db
def test_the_upload_page_says_when_checks_are_off(world: World, tmp_path: Path) -> None:
    url = reverse("oso:incoming", args=[world.school.pk])
    with override_settings(OSO_STANDARD_DIR=tmp_path):
        page = client_for(world.care_coordinator).get(url).content.decode()
    assert 'data-testid="checks-off"' in page
    assert "zonder controle op het schema" in page
