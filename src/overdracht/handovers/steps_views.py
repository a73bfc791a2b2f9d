"""Pages for the steps of a pupil's transitions, the school's "who does what" register and
the region's milestones."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.core.school_year import current_school_year
from overdracht.handovers import calendar, milestones
from overdracht.pupils.permissions import pupil_access_or_404
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404
from overdracht.schools.roles import Role
from overdracht.schools.selectors import regions_coordinated_by


@login_required
def pupil_steps(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_TRANSITIONS)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    return render(
        request,
        "handovers/pupil_steps.html",
        {
            "pupil": pupil_detail(pupil_id),
            "school": school,
            "transitions": calendar.steps_of_pupil(school, pupil_id),
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


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def region_milestones(request: HttpRequest, region_id: int) -> HttpResponse:
    """Partnership staff set the region's milestones for this school year."""
    region = next((r for r in regions_coordinated_by(request.user) if r.pk == region_id), None)
    if region is None:
        raise Http404
    year = current_school_year()
    rows = sorted(calendar.calendar_ensure(region, year), key=lambda m: m.date)
    errors: list[str] = []
    if request.method == "POST":
        values = [
            milestones.MilestoneInput(
                key=m.key,
                title=request.POST.get(f"title-{m.key}", ""),
                date=_date_or_none(request.POST.get(f"date-{m.key}", "")),
                checklist=request.POST.get(f"checklist-{m.key}", "").splitlines(),
            )
            for m in rows
        ]
        try:
            milestones.milestones_save(region=region, school_year=year, values=values)
        except ValidationError as exc:
            errors = exc.messages
            for milestone, value in zip(rows, values, strict=True):  # show what was typed
                milestone.title, milestone.checklist = value.title, value.checklist
                milestone.date = value.date  # type: ignore[assignment]
        else:
            messages.success(request, _("The regional calendar has been saved."))
            return redirect("handovers:region_milestones", region_id=region.pk)
    return render(
        request,
        "handovers/region_milestones.html",
        {"region": region, "year": year, "rows": rows, "errors": errors},
    )
