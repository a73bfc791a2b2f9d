"""Pages of the regional calendar: the region's milestones (partnership staff) and a school's
view of them, with its progress, overdue steps and checklists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.services import list_viewed
from overdracht.core.school_year import current_school_year
from overdracht.pupils.models import TransitionKind
from overdracht.regional_calendar import selectors, services
from overdracht.regional_calendar.models import Milestone
from overdracht.regional_calendar.permissions import may_tick
from overdracht.schools.models import Region
from overdracht.schools.permissions import Perm, school_or_404
from overdracht.schools.roles import Role
from overdracht.schools.selectors import regions_coordinated_by
from overdracht.steps import selectors as step_selectors
from overdracht.steps.catalogue import DEFAULT_OWNER_ROLE, STEPS, step_label


def _region_or_404(request: HttpRequest, region_id: int) -> Region:
    region = next(
        (r for r in regions_coordinated_by(authenticated_user(request)) if r.pk == region_id), None
    )
    if region is None:
        raise Http404
    return region


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _page(
    request: HttpRequest,
    region: Region,
    rows: list[Milestone],
    *,
    errors: list[str] | None = None,
    add_errors: list[str] | None = None,
    new: dict[str, Any] | None = None,
) -> HttpResponse:
    return render(
        request,
        "regional_calendar/region_milestones.html",
        {
            "region": region,
            "year": current_school_year(),
            "rows": rows,
            "errors": errors or [],
            "add_errors": add_errors or [],
            "new": new or {"kinds": []},
            "roles": Role.choices,
            "steps": [(key, step_label(key)) for key in DEFAULT_OWNER_ROLE],
            "kinds": [(value, label) for value, label in TransitionKind.choices if value in STEPS],
            "default_keys": services.DEFAULT_KEYS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def region_milestones(request: HttpRequest, region_id: int) -> HttpResponse:
    """Partnership staff set the region's milestones for this school year."""
    region = _region_or_404(request, region_id)
    year = current_school_year()
    rows = sorted(services.calendar_ensure(region, year), key=lambda m: m.date)
    if request.method == "GET":
        return _page(request, region, rows)
    values = [
        services.MilestoneInput(
            key=m.key,
            title=request.POST.get(f"title-{m.key}", ""),
            date=_date_or_none(request.POST.get(f"date-{m.key}", "")),
            checklist=request.POST.get(f"checklist-{m.key}", "").splitlines(),
            role=request.POST.get(f"role-{m.key}", ""),
        )
        for m in rows
    ]
    try:
        services.milestones_save(region=region, school_year=year, values=values)
    except ValidationError as exc:
        for milestone, value in zip(rows, values, strict=True):  # show what was typed
            milestone.title, milestone.checklist = value.title, value.checklist
            milestone.role = value.role or milestone.role
            milestone.date = value.date  # type: ignore[assignment]
        return _page(request, region, rows, errors=exc.messages)
    messages.success(request, _("The regional calendar has been saved."))
    return redirect("regional_calendar:region_milestones", region_id=region.pk)


@login_required
@require_POST
def milestone_add(request: HttpRequest, region_id: int) -> HttpResponse:
    region = _region_or_404(request, region_id)
    year = current_school_year()
    post = request.POST
    value = services.NewMilestone(
        title=post.get("new-title", ""),
        date=_date_or_none(post.get("new-date", "")),
        role=post.get("new-role", ""),
        step_key=post.get("new-step", ""),
        kinds=post.getlist("new-kinds"),
        checklist=post.get("new-checklist", "").splitlines(),
    )
    try:
        milestone = services.milestone_add(region=region, school_year=year, value=value)
    except ValidationError as exc:
        rows = sorted(services.calendar_ensure(region, year), key=lambda m: m.date)
        typed = {
            **value.__dict__,
            "date": post.get("new-date", ""),
            "checklist": post.get("new-checklist", ""),
        }
        return _page(request, region, rows, add_errors=exc.messages, new=typed)
    messages.success(
        request, _("“%(title)s” is added to the calendar.") % {"title": milestone.title}
    )
    return redirect("regional_calendar:region_milestones", region_id=region.pk)


@login_required
@require_POST
def milestone_remove(request: HttpRequest, region_id: int, key: str) -> HttpResponse:
    region = _region_or_404(request, region_id)
    try:
        services.milestone_remove(region=region, school_year=current_school_year(), key=key)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The milestone is removed from the calendar."))
    return redirect("regional_calendar:region_milestones", region_id=region.pk)


@login_required
def school_calendar(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_TRANSITIONS)
    year = current_school_year()
    progress = selectors.calendar_progress(school, year)
    milestone_list = [p.milestone for p in progress]
    overdue, overdue_count = step_selectors.overdue_steps(school)
    if overdue:
        list_viewed(request, name="overdue_steps", rows=len(overdue), school_id=school.pk)
    return render(
        request,
        "regional_calendar/calendar.html",
        {
            "school": school,
            "year": year,
            "progress": progress,
            "ticks": selectors.checklist_ticks(school, milestone_list),
            "may_tick": {
                m.pk for m in milestone_list if may_tick(authenticated_user(request), school, m)
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
            for m in services.calendar_ensure(school.region, current_school_year())
            if m.pk == milestone_id
        ),
        None,
    )
    if milestone is None or not may_tick(authenticated_user(request), school, milestone):
        raise Http404
    try:
        services.checklist_save(
            user=authenticated_user(request),
            school=school,
            milestone=milestone,
            ticked=request.POST.getlist("item"),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Checklist of “%(title)s” saved.") % {"title": milestone.title})
    return redirect(
        reverse("regional_calendar:calendar", args=[school.pk]) + f"#milestone-{milestone.pk}"
    )
