"""Staff pages: the guardians' review of a pupil's outgoing transitions, statements and
replies, correction requests."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.consent import selectors, services
from overdracht.consent.forms import ReplyForm, ReviewRecordForm
from overdracht.consent.models import CorrectionRequest, GuardianStatement, ReviewParticipant
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, pupil_access_or_404, pupil_read_record
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm


def _access(request: HttpRequest, pupil_id: uuid.UUID) -> tuple[PupilAccess, School, Pupil]:
    access = pupil_access_or_404(request, pupil_id, Perm.MANAGE_REVIEWS)
    assert access.school_id is not None
    return access, School.objects.get(pk=access.school_id), pupil_detail(pupil_id)


def _school_and_pupil(request: HttpRequest, pupil_id: uuid.UUID) -> tuple[School, Pupil]:
    _, school, pupil = _access(request, pupil_id)
    return school, pupil


@login_required
def reviews(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, school, pupil = _access(request, pupil_id)
    pupil_read_record(request, access, AuditAction.REVIEWS_VIEWED)
    transitions = []
    for transition in selectors.outgoing_transitions(pupil, school):
        review = selectors.review_of(transition)
        transitions.append(
            {
                "transition": transition,
                "review": review,
                "status": selectors.review_status(review) if review else None,
                "statements": list(review.statements.prefetch_related("replies")) if review else [],
            }
        )
    corrections = CorrectionRequest.objects.filter(pupil=pupil, school=school)
    return render(
        request,
        "consent/reviews.html",
        {
            "pupil": pupil,
            "school": school,
            "transitions": transitions,
            "corrections": corrections,
            "copies": selectors.copy_requests_for_school(pupil, school),
            "record_form": ReviewRecordForm(),
        },
    )


@login_required
@require_POST
def review_record(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    school, pupil = _school_and_pupil(request, pupil_id)
    form = ReviewRecordForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in how and when the review took place."))
        return redirect("consent:reviews", pupil_id=pupil_id)
    participant = ReviewParticipant.objects.filter(
        pk=form.cleaned_data["participant"], review__school=school, review__transition__pupil=pupil
    ).first()
    if participant is None:
        raise Http404
    try:
        services.review_record(
            actor=Actor.of(request),
            participant=participant,
            way=form.cleaned_data["way"],
            day=form.cleaned_data["day"],
        )
        messages.success(request, _("The review has been recorded."))
    except services.ConsentError as exc:
        messages.error(request, exc.message)
    return redirect("consent:reviews", pupil_id=pupil_id)


@login_required
@require_POST
def statement_reply(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    school, pupil = _school_and_pupil(request, pupil_id)
    form = ReplyForm(request.POST)
    valid = form.is_valid()
    if "statement" in form.errors:  # not a number: no such statement
        raise Http404
    statement = GuardianStatement.objects.filter(
        pk=form.cleaned_data["statement"], review__school=school, review__transition__pupil=pupil
    ).first()
    if statement is None:
        raise Http404
    if valid:
        services.statement_reply(
            actor=Actor.of(request), statement=statement, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Your reply has been added."))
    else:
        messages.error(request, _("Write a reply."))
    return redirect("consent:reviews", pupil_id=pupil_id)


@login_required
@require_POST
def correction_handle(
    request: HttpRequest, pupil_id: uuid.UUID, correction_id: int
) -> HttpResponse:
    school, pupil = _school_and_pupil(request, pupil_id)
    correction = CorrectionRequest.objects.filter(
        pk=correction_id, school=school, pupil=pupil
    ).first()
    if correction is None:
        raise Http404
    services.correction_request_handle(actor=Actor.of(request), correction=correction)
    return redirect("consent:reviews", pupil_id=pupil_id)


@login_required
@require_POST
def copy_release(request: HttpRequest, pupil_id: uuid.UUID, copy_id: int) -> HttpResponse:
    """The school releases the copy of all data the family asked for."""
    school, pupil = _school_and_pupil(request, pupil_id)
    found = selectors.copy_requests_for_school(pupil, school).filter(pk=copy_id).first()
    if found is None:
        raise Http404
    services.copy_request_release(actor_id=authenticated_user(request).pk, copy_request=found)
    messages.success(request, _("The copy is ready for the family to download in the portal."))
    return redirect("consent:reviews", pupil_id=pupil_id)
