"""Pages of the warm handover: planning one, the meeting with its invitation, minutes and
agreements, and a school's list of who still needs one."""

from __future__ import annotations

import uuid
from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.meetings import ics, selectors, services
from overdracht.meetings.forms import (
    AgreementForm,
    MeetingCancelForm,
    MeetingChangeForm,
    MeetingInviteForm,
    MinutesForm,
    PlanForm,
)
from overdracht.meetings.models import Agreement, HandoverMeeting
from overdracht.meetings.permissions import may_read_minutes
from overdracht.pupils.models import Transition
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
    transitions = Transition.objects.filter(
        Q(from_school=school) | Q(to_school=school),
        pupil=pupil,
        from_school__isnull=False,
        to_school__isnull=False,
    )
    relations = list(pupil.guardian_relations.select_related("guardian"))
    form = PlanForm(request.POST or None)
    form.fields["transition"].queryset = transitions  # type: ignore[attr-defined]
    cast("forms.ModelMultipleChoiceField[User]", form.fields["staff"]).queryset = (
        User.objects.filter(
            memberships__school__in=[t.from_school_id for t in transitions]
            + [t.to_school_id for t in transitions]
        )
        .distinct()
        .order_by("full_name")
    )
    guardian_field = cast(forms.MultipleChoiceField, form.fields["guardians"])
    guardian_field.choices = [(str(r.guardian_id), r.guardian.name) for r in relations]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [r.guardian for r in relations if str(r.guardian_id) in data["guardians"]]
        try:
            meeting = services.meeting_plan(
                actor=Actor.of(request),
                transition=data["transition"],
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                place=data["place"],
                video_link=data["video_link"],
                staff=list(data["staff"]),
                guardians=chosen,
                invite_pupil=data["invite_pupil"],
                acting_school=school,
            )
            messages.success(request, _("The warm handover is planned; invitations are sent."))
            return redirect("meetings:meeting", meeting_id=meeting.pk)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="plan_handover")
    return render(request, "meetings/plan.html", {"pupil": pupil, "form": form})


def _meeting_or_404(request: HttpRequest, meeting_id: int) -> tuple[HandoverMeeting, School]:
    user = authenticated_user(request)
    meeting = selectors.meetings_for_user(user).filter(pk=meeting_id).first()
    school_id = selectors.acting_school_id(user, meeting) if meeting else None
    if meeting is None or school_id is None:
        deny(request, status=404, target=f"meeting:{meeting_id}")
    return meeting, School.objects.get(pk=school_id)


def _bound(request: HttpRequest, name: str) -> QueryDict | None:
    """The POSTed data when this page's form `name` was sent, else None (several forms on
    one page; prefixes keep their field names and element ids apart)."""
    return request.POST if request.POST.get("form") == name else None


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found, school = _meeting_or_404(request, meeting_id)
    minutes_form = MinutesForm(_bound(request, "minutes"), prefix="minutes")
    minutes_form.fields["agenda_item"].choices = [("", "—")] + [  # type: ignore[attr-defined]
        (item, item) for item in found.agenda
    ]
    agreement_form = AgreementForm(_bound(request, "agreement"), prefix="agreement")
    agreement_form.fields["owner"].queryset = User.objects.filter(  # type: ignore[attr-defined]
        meeting_participations__meeting=found
    )
    change_form = MeetingChangeForm(
        _bound(request, "change"),
        prefix="change",
        initial={
            "starts_at": timezone.localtime(found.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": found.duration_minutes,
            "place": found.place,
            "video_link": found.video_link,
        },
    )
    cancel_form = MeetingCancelForm(_bound(request, "cancel"), prefix="cancel")
    invite_form = _invite_form(request, found)
    show_minutes = may_read_minutes(
        authenticated_user(request),
        found,
        staff_level_at(request, found.transition.pupil_id, school.pk),
    )
    if not show_minutes and minutes_form.is_bound:
        raise Http404
    try:
        done = _meeting_post(request, found, school, minutes_form, agreement_form)
        done = done or _meeting_change_post(request, found, school, change_form, cancel_form)
        done = done or _meeting_invite_post(request, found, school, invite_form)
        if done:
            return redirect("meetings:meeting", meeting_id=found.pk)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    audit_record(
        AuditAction.MEETING_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=found.transition.pupil_id,
        target=f"meeting:{found.pk}",
        details={"minutes": show_minutes},
    )
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": found,
            "school": school,
            "minutes_form": minutes_form,
            "agreement_form": agreement_form,
            "change_form": change_form,
            "cancel_form": cancel_form,
            "invite_form": invite_form,
            "participants": found.participants.select_related("user", "guardian"),
            "show_minutes": show_minutes,
            "minutes": found.minutes.select_related("author", "school") if show_minutes else [],
            "agreements": found.agreements.select_related("owner"),
        },
    )


def _invite_form(request: HttpRequest, found: HandoverMeeting) -> MeetingInviteForm:
    """Staff of both schools and the pupil's guardians who are not invited yet."""
    form = MeetingInviteForm(_bound(request, "invite"), prefix="invite")
    invited = found.participants.all()
    cast("forms.ModelMultipleChoiceField[User]", form.fields["staff"]).queryset = (
        User.objects.filter(
            memberships__school__in=[found.sending_school_id, found.receiving_school_id]
        )
        .exclude(pk__in=invited.filter(user__isnull=False).values("user_id"))
        .distinct()
        .order_by("full_name")
    )
    taken = set(invited.filter(guardian__isnull=False).values_list("guardian_id", flat=True))
    cast(forms.MultipleChoiceField, form.fields["guardians"]).choices = [
        (str(r.guardian_id), r.guardian.name)
        for r in found.transition.pupil.guardian_relations.select_related("guardian")
        if r.guardian_id not in taken
    ]
    return form


def _meeting_invite_post(
    request: HttpRequest, found: HandoverMeeting, school: School, form: MeetingInviteForm
) -> bool:
    if not (form.is_bound and form.is_valid()):
        return False
    chosen = {str(g) for g in form.cleaned_data["guardians"]}
    guardians = [
        r.guardian
        for r in found.transition.pupil.guardian_relations.select_related("guardian")
        if str(r.guardian_id) in chosen
    ]
    added = services.meeting_invite(
        actor=Actor.of(request),
        meeting=found,
        school=school,
        staff=list(form.cleaned_data["staff"]),
        guardians=guardians,
    )
    messages.success(request, _("Invited: %(count)d; they get the invitation.") % {"count": added})
    return True


def _meeting_post(
    request: HttpRequest,
    found: HandoverMeeting,
    school: School,
    minutes_form: MinutesForm,
    agreement_form: AgreementForm,
) -> bool:
    if minutes_form.is_bound and minutes_form.is_valid():
        services.minutes_add(
            actor=Actor.of(request),
            meeting=found,
            school=school,
            text=minutes_form.cleaned_data["text"],
            agenda_item=minutes_form.cleaned_data["agenda_item"],
        )
        return True
    if agreement_form.is_bound and agreement_form.is_valid():
        data = agreement_form.cleaned_data
        services.agreement_add(
            actor=Actor.of(request),
            meeting=found,
            school=school,
            text=data["text"],
            owner=data["owner"],
            due_date=data["due_date"],
        )
        return True
    return False


def _meeting_change_post(
    request: HttpRequest,
    found: HandoverMeeting,
    school: School,
    change_form: MeetingChangeForm,
    cancel_form: MeetingCancelForm,
) -> bool:
    if change_form.is_bound and change_form.is_valid():
        data = change_form.cleaned_data
        services.meeting_change(
            actor=Actor.of(request),
            meeting=found,
            school=school,
            starts_at=data["starts_at"],
            duration_minutes=data["duration_minutes"],
            place=data["place"],
            video_link=data["video_link"],
        )
        messages.success(request, _("The warm handover is changed; everyone invited is told."))
        return True
    if cancel_form.is_bound and cancel_form.is_valid():
        services.meeting_cancel(
            actor=Actor.of(request),
            meeting=found,
            school=school,
            reason=cancel_form.cleaned_data["reason"],
        )
        messages.success(request, _("The warm handover is cancelled; everyone invited is told."))
        return True
    return False


@login_required
def meeting_ics(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found, school = _meeting_or_404(request, meeting_id)
    audit_record(
        AuditAction.MEETING_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=found.transition.pupil_id,
        target=f"meeting:{found.pk}",
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
        audit_record(
            AuditAction.PUPIL_LIST_VIEWED,
            request=request,
            school_id=school.pk,
            details={"list": "warm_handovers", "rows": len(to_discuss) + len(meetings)},
        )
    return render(
        request,
        "meetings/school_meetings.html",
        {"school": school, "to_discuss": to_discuss, "meetings": meetings, "now": timezone.now()},
    )
