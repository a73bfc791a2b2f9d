"""Pages of the warm handover: planning one, the meeting with its invitation, minutes and
agreements, and a school's list of who still needs one."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.meetings import ics, selectors, services
from overdracht.meetings.forms import (
    AgreementForm,
    MeetingCancelForm,
    MeetingChangeForm,
    MeetingInviteForm,
    MinutesForm,
    PlanForm,
    TransitionPickForm,
)
from overdracht.meetings.models import Agreement, HandoverMeeting
from overdracht.meetings.permissions import may_read_minutes
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record, staff_level_at
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, deny, school_or_404


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.HANDOVER_MEETINGS)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    pupil = pupil_detail(pupil_id)
    pick = TransitionPickForm(request.GET)
    preselect = pick.cleaned_data["transition"] if pick.is_valid() else None
    form = PlanForm(request.POST or None, pupil=pupil, school=school, preselect=preselect)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_plan(
                actor=Actor.of(request), acting_school=school, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The warm handover is planned; invitations are sent."))
            return redirect("meetings:meeting", meeting_id=meeting.pk)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="plan_handover")
    return render(request, "meetings/plan.html", {"pupil": pupil, "form": form})


def _meeting_or_404(request: HttpRequest, meeting_id: int) -> tuple[HandoverMeeting, School]:
    user = authenticated_user(request)
    meeting = selectors.meetings_for_user(user).filter(pk=meeting_id).first()
    school_id = selectors.acting_school_id(user, meeting) if meeting else None
    if meeting is None or school_id is None:
        deny(request, status=404, target=f"meeting:{meeting_id}")
    return meeting, School.objects.get(pk=school_id)


# What each form of the meeting page does with its cleaned data; returns the message to
# show, if any. The page's forms carry a hidden `form` with their name.
def _minutes(actor: Actor, meeting: HandoverMeeting, school: School, data: dict[str, Any]) -> str:
    services.minutes_add(actor=actor, meeting=meeting, school=school, **data)
    return ""


def _agreement(actor: Actor, meeting: HandoverMeeting, school: School, data: dict[str, Any]) -> str:
    services.agreement_add(actor=actor, meeting=meeting, school=school, **data)
    return ""


def _change(actor: Actor, meeting: HandoverMeeting, school: School, data: dict[str, Any]) -> str:
    services.meeting_change(actor=actor, meeting=meeting, school=school, **data)
    return _("The warm handover is changed; everyone invited is told.")


def _cancel(actor: Actor, meeting: HandoverMeeting, school: School, data: dict[str, Any]) -> str:
    services.meeting_cancel(actor=actor, meeting=meeting, school=school, **data)
    return _("The warm handover is cancelled; everyone invited is told.")


def _invite(actor: Actor, meeting: HandoverMeeting, school: School, data: dict[str, Any]) -> str:
    added = services.meeting_invite(actor=actor, meeting=meeting, school=school, **data)
    return _("Invited: %(count)d; they get the invitation.") % {"count": added}


ACTIONS: dict[str, Callable[[Actor, HandoverMeeting, School, dict[str, Any]], str]] = {
    "minutes": _minutes,
    "agreement": _agreement,
    "change": _change,
    "cancel": _cancel,
    "invite": _invite,
}


def _meeting_forms(request: HttpRequest, meeting: HandoverMeeting) -> dict[str, forms.Form]:
    """The page's forms; only the one that was sent is bound (prefixes keep their field
    names and element ids apart)."""
    sent = request.POST.get("form") if request.method == "POST" else None

    def data(name: str) -> QueryDict | None:
        return request.POST if sent == name else None

    pupil = meeting.transition.pupil
    schools = [meeting.sending_school_id, meeting.receiving_school_id]
    return {
        "minutes": MinutesForm(data("minutes"), prefix="minutes", meeting=meeting),
        "agreement": AgreementForm(data("agreement"), prefix="agreement", meeting=meeting),
        "change": MeetingChangeForm.of(meeting, data("change"), prefix="change"),
        "cancel": MeetingCancelForm(data("cancel"), prefix="cancel"),
        "invite": MeetingInviteForm(
            data("invite"), prefix="invite", pupil=pupil, school_ids=schools, meeting=meeting
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found, school = _meeting_or_404(request, meeting_id)
    level = staff_level_at(request, found.transition.pupil_id, school.pk)
    show_minutes = may_read_minutes(authenticated_user(request), found, level)
    page_forms = _meeting_forms(request, found)
    sent = next((name for name, form in page_forms.items() if form.is_bound), None)
    if sent == "minutes" and not show_minutes:
        raise Http404
    if sent is not None and page_forms[sent].is_valid():
        try:
            note = ACTIONS[sent](Actor.of(request), found, school, page_forms[sent].cleaned_data)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            if note:
                messages.success(request, note)
            return redirect("meetings:meeting", meeting_id=found.pk)
    audit_record(
        AuditAction.MEETING_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=found.transition.pupil_id,
        target=found,
        details={"minutes": show_minutes},
    )
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": found,
            "school": school,
            **{f"{name}_form": form for name, form in page_forms.items()},
            "participants": found.participants.select_related("user", "guardian").prefetch_related(
                "user__memberships__school", "user__memberships__partnership"
            ),
            "show_minutes": show_minutes,
            "knows_pupil": level is not None,  # a link on to the pupil page, never a dead end
            "minutes": found.minutes.select_related("author", "school") if show_minutes else [],
            "agreements": found.agreements.select_related("owner"),
        },
    )


@login_required
def meeting_ics(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found, school = _meeting_or_404(request, meeting_id)
    audit_record(
        AuditAction.MEETING_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=found.transition.pupil_id,
        target=found,
        details={"format": "ics"},
    )
    response = HttpResponse(
        ics.calendar([services.meeting_event(found)], method="REQUEST"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="warme-overdracht-{found.pk}.ics"'
    return response


@login_required
@require_POST
def agreement_done(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = Agreement.objects.filter(pk=agreement_id, owner=request.user.pk).first()
    if agreement is None:
        raise Http404
    services.agreement_done(actor=Actor.of(request), agreement=agreement)
    return redirect("worklist:index")


@login_required
def school_meetings(request: HttpRequest, school_id: int) -> HttpResponse:
    """The school's warm handovers: pupils flagged 'discuss in person' still without one,
    and those planned or held lately."""
    school = school_or_404(request, school_id, Perm.HANDOVER_MEETINGS)
    to_discuss = selectors.still_to_discuss(school.pk)
    meetings = list(selectors.meetings_of_school(school.pk))
    if to_discuss or meetings:
        list_viewed(
            request,
            name="warm_handovers",
            rows=len(to_discuss) + len(meetings),
            school_id=school.pk,
        )
    return render(
        request,
        "meetings/school_meetings.html",
        {"school": school, "to_discuss": to_discuss, "meetings": meetings, "now": timezone.now()},
    )
