"""Pages for the steps of a pupil's transitions, the school's "who does what" register and
the school's view of the regional calendar."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.school_year import current_school_year
from overdracht.handovers import calendar, milestones
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404, school_roles
from overdracht.schools.roles import Role


@login_required
def pupil_steps(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_TRANSITIONS)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    pupil_read_record(request, access, AuditAction.STEPS_VIEWED)
    return render(
        request,
        "handovers/pupil_steps.html",
        {
            "pupil": pupil_detail(pupil_id),
            "school": school,
            "transitions": calendar.steps_of_pupil(
                school, pupil_id, school_roles(request.user).get(school.pk, set())
            ),
            "role_labels": dict(Role.choices),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def responsibilities(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    rows = calendar.responsibilities_of(school)
    errors: list[str] = []
    if request.method == "POST":
        valid = {value for value, _label in Role.choices}
        chosen = {key: request.POST.get(f"role-{key}", "") for key, _l, _r in rows}
        errors = [label for key, label, _r in rows if chosen[key] not in valid]
        rows = [(key, label, chosen[key]) for key, label, _r in rows]
        if not errors:
            changed = calendar.responsibilities_save(school=school, roles=chosen)
            messages.success(
                request, _("Saved: %(count)d steps changed owner.") % {"count": changed}
            )
            return redirect("handovers:responsibilities", school_id=school.pk)
    return render(
        request,
        "handovers/responsibilities.html",
        {"school": school, "rows": rows, "roles": Role.choices, "errors": errors},
    )


@login_required
def school_calendar(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_TRANSITIONS)
    year = current_school_year()
    progress = calendar.calendar_progress(school, year)
    milestone_list = [p.milestone for p in progress]
    overdue, overdue_count = calendar.overdue_steps(school)
    if overdue:
        audit_record(
            AuditAction.PUPIL_LIST_VIEWED,
            request=request,
            school_id=school.pk,
            details={"list": "overdue_steps", "rows": len(overdue)},
        )
    return render(
        request,
        "handovers/calendar.html",
        {
            "school": school,
            "year": year,
            "progress": progress,
            "ticks": milestones.checklist_ticks(school, milestone_list),
            "may_tick": {
                m.pk for m in milestone_list if milestones.may_tick(request.user, school, m)
            },
            "overdue": overdue,
            "overdue_count": overdue_count,
            "role_labels": dict(Role.choices),
        },
    )


@login_required
@require_POST
def checklist_save(request: HttpRequest, school_id: int, milestone_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_TRANSITIONS)
    milestone = next(
        (
            m
            for m in calendar.calendar_ensure(school.region, current_school_year())
            if m.pk == milestone_id
        ),
        None,
    )
    if milestone is None or not milestones.may_tick(request.user, school, milestone):
        raise Http404
    try:
        milestones.checklist_save(
            user=authenticated_user(request),
            school=school,
            milestone=milestone,
            ticked=request.POST.getlist("item"),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Checklist of “%(title)s” saved.") % {"title": milestone.title})
    return redirect(reverse("handovers:calendar", args=[school.pk]) + f"#milestone-{milestone.pk}")
