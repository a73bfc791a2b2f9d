"""The sending school's page per leaving pupil: what the profile requires, who writes what,
the receiving school, the guardians' review and sending — one page from writing to sent."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.consent.selectors import outgoing_transitions, review_of, review_status
from overdracht.dossiers.composition import readiness, school_career
from overdracht.dossiers.forms import ChooseSchoolForm, OutsideFileForm
from overdracht.dossiers.selectors import test_results_of
from overdracht.dossiers.sending import SendingError, dossier_file, dossier_send
from overdracht.dossiers.sending import review_open_when_ready as review_open_service
from overdracht.oso.constants import CATEGORIES
from overdracht.oso.selectors import delivered_dossier
from overdracht.pupils.models import Pupil, Transition, TransitionStatus
from overdracht.pupils.permissions import PupilAccess, pupil_access_or_404, pupil_read_record
from overdracht.pupils.registration import (
    RegistrationError,
    receiving_school_choose,
    receiving_schools,
)
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, has_school_perm

DELIVERY_WORDS = {
    "VERPLICHT": gettext_lazy("required"),
    "OPTIONEEL": gettext_lazy("optional"),
    "VERBODEN": gettext_lazy("not allowed"),
}


def _outgoing(
    request: HttpRequest, pupil_id: uuid.UUID, perm: Perm
) -> tuple[PupilAccess, School, Pupil, Transition]:
    """The pupil's open transition away from the user's school; 404 when there is none."""
    access = pupil_access_or_404(request, pupil_id, perm)
    if access.school_id is None:
        raise Http404
    school = School.objects.get(pk=access.school_id)
    pupil = pupil_detail(pupil_id)
    transition = (
        outgoing_transitions(pupil, school)
        .exclude(status=TransitionStatus.COMPLETED)
        .select_related("pupil", "from_school", "to_school")
        .first()
    )
    if transition is None:
        raise Http404
    return access, school, pupil, transition


@login_required
def compose(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, school, pupil, transition = _outgoing(request, pupil_id, Perm.EDIT_DOSSIER)
    ready = readiness(transition, school)
    career, career_notes = school_career(pupil, school)
    review = review_of(transition)
    pupil_read_record(request, access, AuditAction.COMPOSE_VIEWED)
    categories = [
        (label, DELIVERY_WORDS.get(ready.delivery.get(key, ""), _("optional")))
        for key, label in CATEGORIES
        if key not in ("cat_metadata",)
    ]
    context = {
        "pupil": pupil,
        "school": school,
        "transition": transition,
        "ready": ready,
        "categories": categories,
        "review": review,
        "review_status": review_status(review) if review else None,
        "arrived": delivered_dossier(pupil_id=pupil.pk, from_school=school),
        "can_send": access.can(Perm.EXPORT_DOSSIERS),
        "can_review": access.can(Perm.MANAGE_REVIEWS),
        "choose_form": ChooseSchoolForm(schools=receiving_schools(transition)),
        "results": test_results_of(pupil, school.pk),
        "career": career,
        "career_notes": career_notes,
        "can_import_results": has_school_perm(
            authenticated_user(request), Perm.EDIT_DOSSIER, school.pk
        ),
    }
    return render(request, "dossiers/compose.html", context)


@login_required
@require_POST
def choose_school(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    _access, _school, _pupil, transition = _outgoing(request, pupil_id, Perm.EDIT_DOSSIER)
    form = ChooseSchoolForm(request.POST, schools=receiving_schools(transition))
    if not form.is_valid():
        messages.error(request, _("Choose the school from the list."))
    else:
        try:
            receiving_school_choose(
                transition=transition,
                school=form.cleaned_data["school"],
                actor_id=authenticated_user(request).pk,
            )
            messages.success(request, _("The receiving school has been recorded."))
        except RegistrationError as exc:
            messages.error(request, exc.message)
    return redirect("dossiers:compose", pupil_id=pupil_id)


@login_required
@require_POST
def review_open(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    _access, school, _pupil, transition = _outgoing(request, pupil_id, Perm.MANAGE_REVIEWS)
    try:
        review_open_service(actor=Actor.of(request), transition=transition, school=school)
        messages.success(
            request,
            _("The review is open. The parents (and the pupil from 16) have been sent a message."),
        )
    except SendingError as exc:
        messages.error(request, exc.message)
    return redirect("dossiers:compose", pupil_id=pupil_id)


@login_required
@require_POST
def send(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    _access, school, _pupil, transition = _outgoing(request, pupil_id, Perm.EXPORT_DOSSIERS)
    try:
        arrived = dossier_send(
            transition=transition, school=school, actor_id=authenticated_user(request).pk
        )
        messages.success(
            request,
            _("The dossier has arrived at %(school)s.") % {"school": arrived.school.name},
        )
    except SendingError as exc:
        messages.error(request, exc.message)
        for detail in exc.details[:5]:
            messages.error(request, detail)
    return redirect("dossiers:compose", pupil_id=pupil_id)


@login_required
@require_POST
def download(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    """The OSO file: for a school outside the installation, or the provisional dossier."""
    _access, school, _pupil, transition = _outgoing(request, pupil_id, Perm.EXPORT_DOSSIERS)
    form = OutsideFileForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, str(errors[0]))
        return redirect("dossiers:compose", pupil_id=pupil_id)
    try:
        made = dossier_file(
            transition=transition,
            school=school,
            actor_id=authenticated_user(request).pk,
            provisional=form.cleaned_data["kind"] == "provisional",
            to_brin=form.cleaned_data["to"].upper(),
        )
    except SendingError as exc:
        messages.error(request, exc.message)
        for detail in exc.details[:5]:
            messages.error(request, detail)
        return redirect("dossiers:compose", pupil_id=pupil_id)
    response = HttpResponse(made.content, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return response
