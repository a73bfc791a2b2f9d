"""The API's endpoints (django-ninja; the OpenAPI 3 schema is generated from them). Every
call needs a school's token with the endpoint's scope: without one 401, without the scope
403, another school's object 404 — as in the pages. Every call is in the audit trail."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest

from ninja import NinjaAPI, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer

from overdracht.api import selectors
from overdracht.api.models import ApiToken
from overdracht.api.services import token_for
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.pupils.models import Transition


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_for(token)
        if found is not None:
            request.api_token = found  # type: ignore[attr-defined]
        return found


def _token(request: HttpRequest, scope: str) -> ApiToken:
    """The request's token, which must carry `scope`; the call is audited."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    allowed = scope in token.scopes
    audit_record(
        AuditAction.API_CALLED,
        request=request,
        school_id=token.school_id,
        target=token,
        details={"path": request.path[:200], "scope": scope, "allowed": allowed},
    )
    if not allowed:
        raise HttpError(403, f"This token may not {scope}.")
    return token


class StepOut(Schema):
    key: str
    due_on: dt.date | None
    done_on: dt.date | None


class TransitionOut(Schema):
    id: int
    pupil_id: uuid.UUID
    pupil_number: str
    kind: str
    school_year: int
    status: str
    from_brin: str
    to_brin: str
    steps: list[StepOut]


class RegistrationOut(Schema):
    transition_id: int
    pupil_id: uuid.UUID
    from_brin: str
    registered_on: dt.date | None
    requested_on: dt.date | None
    request_due: dt.date | None
    dossier_sent_at: dt.datetime | None


class SectionOut(Schema):
    kind: str
    version: int
    updated_at: dt.datetime


class DossierOut(Schema):
    pupil_id: uuid.UUID
    sections: list[SectionOut]
    received_version: int | None
    received_at: dt.datetime | None
    first_opened_at: dt.datetime | None


class ErrorOut(Schema):
    detail: str


def _brin(transition: Transition, side: str) -> str:
    school = transition.from_school if side == "from" else transition.to_school
    if school is not None:
        return school.brin
    return transition.from_school_brin if side == "from" else ""


def _transitions_out(token: ApiToken, transitions: list[Transition]) -> list[dict[str, Any]]:
    steps = selectors.steps_by_transition([t.pk for t in transitions])
    numbers = selectors.pupil_numbers(token.school, [t.pupil_id for t in transitions])
    return [
        {
            "id": t.pk,
            "pupil_id": t.pupil_id,
            "pupil_number": numbers.get(t.pupil_id, ""),
            "kind": t.kind,
            "school_year": t.school_year,
            "status": t.status,
            "from_brin": _brin(t, "from"),
            "to_brin": _brin(t, "to"),
            "steps": [
                {"key": s.key, "due_on": s.due_date, "done_on": s.done_at}
                for s in steps.get(t.pk, [])
            ],
        }
        for t in transitions
    ]


router = Router(auth=TokenAuth())
ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get("/transitions", response={200: list[TransitionOut], **ERRORS})
@paginate(LimitOffsetPagination)
def transitions(request: HttpRequest) -> list[dict[str, Any]]:
    """The school's transitions (pupils coming and going) with their steps."""
    token = _token(request, "transitions:read")
    return _transitions_out(token, list(selectors.transitions_of(token.school)[:1000]))


@router.get("/transitions/{transition_id}", response={200: TransitionOut, **ERRORS})
def transition(request: HttpRequest, transition_id: int) -> dict[str, Any]:
    token = _token(request, "transitions:read")
    found = selectors.transitions_of(token.school).filter(pk=transition_id).first()
    if found is None:
        raise HttpError(404, "Not found.")
    return _transitions_out(token, [found])[0]


@router.get("/registrations", response={200: list[RegistrationOut], **ERRORS})
@paginate(LimitOffsetPagination)
def registrations(request: HttpRequest) -> list[dict[str, Any]]:
    """Pupils registered at this school, with the request for their dossier."""
    token = _token(request, "registrations:read")
    found = selectors.transitions_of(token.school).filter(
        to_school=token.school, registered_on__isnull=False
    )
    return [
        {
            "transition_id": t.pk,
            "pupil_id": t.pupil_id,
            "from_brin": _brin(t, "from"),
            "registered_on": t.registered_on,
            "requested_on": t.requested_on,
            "request_due": t.request_due,
            "dossier_sent_at": t.sent_at,
        }
        for t in found[:1000]
    ]


@router.get("/pupils/{pupil_id}/dossier", response={200: DossierOut, **ERRORS})
def dossier(request: HttpRequest, pupil_id: uuid.UUID) -> dict[str, Any]:
    """How far the school's dossier of the pupil is: which parts, which version, and the
    dossier received from the previous school. Never its content."""
    token = _token(request, "dossiers:read")
    if not selectors.pupil_of_school(token.school, pupil_id):
        raise HttpError(404, "Not found.")
    state = selectors.dossier_state(token.school, pupil_id)
    return {
        "pupil_id": pupil_id,
        "sections": [
            {"kind": kind, "version": version, "updated_at": at}
            for kind, version, at in state.sections
        ],
        "received_version": state.received_version,
        "received_at": state.received_at,
        "first_opened_at": state.first_opened_at,
    }


api = NinjaAPI(
    title="Overdracht API",
    version="1",
    description=(
        "Read-only API per school for the systems around Overdracht. A school administrator "
        "makes a token with scopes on the page API-tokens; send it as `Authorization: Bearer "
        "<token>`. Pupils are named by id and the school's pupil number only."
    ),
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
)
api.add_router("/v1", router)
