"""The API: a school's token with scopes, revocable; tenancy as in the pages (another
school's object is 404); every call in the audit trail; no names in what it returns."""

from __future__ import annotations

import json

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.actor import Actor
from overdracht.api.models import ApiToken
from overdracht.api.services import token_create, token_revoke
from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.pupils.models import Transition
from overdracht.schools.models import School
from tests.conftest import SCHOOL_DETAILS, World, client_for


def _token(world: World, *scopes: str, school: object = None) -> str:
    _made, raw = token_create(
        actor=Actor(user=world.school_admin),
        school=school or world.school,  # type: ignore[arg-type]
        name="LAS",
        scopes=list(scopes) or ["transitions:read"],
    )
    return raw


def _get(url: str, raw: str = "") -> tuple[int, object]:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if raw else {}
    response = Client().get(url, **headers)  # type: ignore[arg-type]
    return response.status_code, json.loads(response.content or b"null")


@pytest.mark.django_db
def test_only_the_hash_of_a_token_is_kept(world: World) -> None:
    raw = _token(world)
    stored = ApiToken.objects.get()
    assert raw not in stored.token_hash
    assert stored.prefix == raw[:8]
    assert AuditEvent.objects.filter(action=AuditAction.API_TOKEN_CREATED).count() == 1


@pytest.mark.django_db
def test_without_a_live_token_the_api_answers_401(world: World) -> None:
    url = reverse("api:transitions")
    assert _get(url)[0] == 401
    assert _get(url, "ovd_not-a-token")[0] == 401
    raw = _token(world)
    assert _get(url, raw)[0] == 200
    token_revoke(actor=Actor(user=world.school_admin), token=ApiToken.objects.get())
    assert _get(url, raw)[0] == 401


@pytest.mark.django_db
def test_a_token_reads_only_what_its_scopes_allow(world: World) -> None:
    raw = _token(world, "registrations:read")
    assert _get(reverse("api:registrations"), raw)[0] == 200
    status, body = _get(reverse("api:transitions"), raw)
    assert status == 403
    assert "transitions:read" in str(body)
    assert AuditEvent.objects.filter(action=AuditAction.API_CALLED, details__allowed=False).exists()


@pytest.mark.django_db
def test_the_schools_transitions_without_names_and_another_schools_are_404(
    world: World,
) -> None:
    raw = _token(world)
    status, body = _get(reverse("api:transitions"), raw)
    assert status == 200
    assert isinstance(body, dict)
    items = body["items"]
    ours = Transition.objects.get(pupil=world.pupil, to_school=world.school)
    assert ours.pk in {i["id"] for i in items}
    text = json.dumps(body)
    assert world.pupil.surname not in text
    assert world.pupil.call_name not in text
    theirs = Transition.objects.create(
        pupil=world.pupil_elsewhere, kind="vo_vo", from_school=world.other_school, school_year=2030
    )
    assert _get(reverse("api:transition", args=[theirs.pk]), raw)[0] == 404
    assert _get(reverse("api:transition", args=[ours.pk]), raw)[0] == 200
    third = School.objects.create(
        board=world.school.board,
        region=world.school.region,
        name="Derde school",
        brin="77GG",
        kind="VO",
        **SCHOOL_DETAILS,
    )
    assert _get(reverse("api:transition", args=[ours.pk]), _token(world, school=third))[0] == 404


@pytest.mark.django_db
def test_the_dossier_state_of_a_pupil_of_the_school_and_404_for_another(world: World) -> None:
    raw = _token(world, "dossiers:read")
    status, body = _get(reverse("api:dossier", args=[world.pupil.pk]), raw)
    assert status == 200
    assert isinstance(body, dict)
    assert body["pupil_id"] == str(world.pupil.pk)
    assert _get(reverse("api:dossier", args=[world.pupil_elsewhere.pk]), raw)[0] == 404


@pytest.mark.django_db
def test_every_call_is_audited_with_its_token(world: World) -> None:
    raw = _token(world)
    _get(reverse("api:transitions"), raw)
    event = AuditEvent.objects.get(action=AuditAction.API_CALLED)
    assert event.target == f"apitoken:{ApiToken.objects.get().pk}"
    assert event.school_id == world.school.pk
    assert event.actor_id is None


def test_the_schema_is_openapi_3_and_the_docs_page_fetches_nothing_from_elsewhere() -> None:
    schema = Client().get(reverse("api:openapi-json")).json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/transitions", "/api/v1/registrations"} <= set(schema["paths"])
    page = Client().get(reverse("api:openapi-view")).content.decode()
    assert "cdn" not in page.lower()
    assert "/static/ninja/swagger-ui-bundle.js" in page


@pytest.mark.django_db
def test_the_tokens_page_makes_and_revokes_a_token(world: World) -> None:
    admin = client_for(world.school_admin)
    url = reverse("api_tokens:tokens", args=[world.school.pk])
    response = admin.post(url, {"name": "Dashboard", "scopes": ["registrations:read"]})
    assert response.status_code == 200
    assert "ovd_" in response.content.decode()
    token = ApiToken.objects.get(name="Dashboard")
    admin.post(reverse("api_tokens:token_revoke", args=[world.school.pk, token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client_for(world.mentor).get(url).status_code == 403
