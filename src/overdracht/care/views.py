"""Care pages: refer a pupil, the care team's agenda with outcomes and escalation, OPP."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.care import selectors, services
from overdracht.care.forms import (
    CareMeetingForm,
    DevelopmentPlanForm,
    ReferralEscalateForm,
    ReferralForm,
    ReferralOutcomeForm,
)
from overdracht.care.models import CareLevel
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404


@login_required
@require_http_methods(["GET", "POST"])
def refer(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.REFER_TO_CARE)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    pupil = pupil_detail(pupil_id)
    form = ReferralForm(request.POST or None)
    if not access.can(Perm.CARE_TEAM):  # a mentor refers to the care team; escalation is theirs
        form.fields["level"].choices = [(CareLevel.CARE_TEAM, CareLevel.CARE_TEAM.label)]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(
                actor=Actor.of(request),
                pupil=pupil,
                school=school,
                level=form.cleaned_data["level"],
                reason=form.cleaned_data["reason"],
                urgency=form.cleaned_data["urgency"],
            )
            messages.success(request, _("The pupil has been referred."))
            if referral.level == CareLevel.PARTNERSHIP:  # next: the dossier goes with it
                return redirect(
                    "care:referral_dossier", school_id=school.pk, referral_id=referral.pk
                )
            return redirect("pupils:detail", pupil_id=pupil_id)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
    pupil_read_record(request, access, AuditAction.REFERRAL_FORM_VIEWED)
    mine = selectors.referrals_by(authenticated_user(request), pupil_id)
    return render(request, "care/refer.html", {"pupil": pupil, "form": form, "mine": mine})


@login_required
@require_POST
def outcome_seen(request: HttpRequest, pupil_id: uuid.UUID, referral_id: int) -> HttpResponse:
    """The referrer marks the care team's outcome read."""
    pupil_access_or_404(request, pupil_id, Perm.REFER_TO_CARE)
    found = next(
        (
            r
            for r in selectors.referrals_by(authenticated_user(request), pupil_id)
            if r.pk == referral_id
        ),
        None,
    )
    if found is None:
        raise Http404
    services.outcome_seen(actor=Actor.of(request), referral=found)
    messages.success(request, _("Marked as read."))
    return redirect("care:refer", pupil_id=pupil_id)


def _agenda_action(request: HttpRequest, school: School) -> None:
    """One of the agenda page's forms, by its `action`: plan a meeting, record a
    referral's outcome, or escalate a referral. Each form says what is wrong with it."""
    action = request.POST.get("action")
    actor = Actor.of(request)
    try:
        if action == "meeting":
            meeting_form = CareMeetingForm(request.POST)
            if meeting_form.is_valid():
                services.care_meeting_plan(
                    school=school, level=CareLevel.CARE_TEAM, date=meeting_form.cleaned_data["date"]
                )
                return
            form: forms.Form = meeting_form
        elif action == "outcome":
            form = ReferralOutcomeForm(request.POST, school=school)
            if form.is_valid():
                services.referral_outcome(actor=actor, **form.cleaned_data)
                return
        elif action == "escalate":
            form = ReferralEscalateForm(request.POST, school=school)
            if form.is_valid():
                services.referral_escalate(actor=actor, **form.cleaned_data)
                messages.success(request, _("The referral has been escalated."))
                return
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return
    messages.error(request, str(next(iter(form.errors.values()))[0]))


@login_required
@require_http_methods(["GET", "POST"])
def agenda(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.CARE_TEAM)
    if request.method == "POST":
        _agenda_action(request, school)
        return redirect("care:agenda", school_id=school.pk)
    meetings = selectors.upcoming_meetings(school)
    referrals = selectors.open_referrals(school)
    audit_record(
        AuditAction.REFERRAL_VIEWED,
        request=request,
        school_id=school.pk,
        details={"open": referrals.count()},
    )
    return render(
        request,
        "care/agenda.html",
        {
            "school": school,
            "meetings": meetings,
            "referrals": referrals,
            "levels": [CareLevel.CARE_ADVISORY_TEAM, CareLevel.PARTNERSHIP],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def development_plan(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.CARE_TEAM)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    pupil = pupil_detail(pupil_id)
    plan = selectors.development_plan_of(pupil, school)
    if request.method == "POST":
        form = DevelopmentPlanForm(request.POST)
        if not form.is_valid() or (plan is None and form.cleaned_data["support_started"] is None):
            messages.error(request, _("Choose a valid date."))
        elif plan is None:
            services.development_plan_start(
                actor=Actor.of(request),
                pupil=pupil,
                school=school,
                support_started=form.cleaned_data["support_started"],
            )
            return redirect("care:development_plan", pupil_id=pupil_id)
        else:
            services.development_plan_update(
                actor=Actor.of(request),
                plan=plan,
                completed_at=form.cleaned_data["completed_at"],
                pupil_view=form.cleaned_data["pupil_view"],
            )
            return redirect("care:development_plan", pupil_id=pupil_id)
    pupil_read_record(request, access, AuditAction.DEVELOPMENT_PLAN_VIEWED)
    return render(
        request,
        "care/development_plan.html",
        {"pupil": pupil, "plan": plan, "today": timezone.localdate()},
    )
