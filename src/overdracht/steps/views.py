"""Pages for the steps of a pupil's transitions and the school's "who does what" register."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.core.http import safe_next
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404, school_roles
from overdracht.schools.roles import Role
from overdracht.steps import selectors, services


@login_required
def pupil_steps(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_TRANSITIONS)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    pupil_read_record(request, access, AuditAction.STEPS_VIEWED)
    return render(
        request,
        "steps/pupil_steps.html",
        {
            "pupil": pupil_detail(pupil_id),
            "school": school,
            "transitions": selectors.steps_of_pupil(
                school, pupil_id, school_roles(authenticated_user(request)).get(school.pk, set())
            ),
            "role_labels": dict(Role.choices),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def responsibilities(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    rows = selectors.responsibilities_of(school)
    errors: list[str] = []
    if request.method == "POST":
        valid = {value for value, _label in Role.choices}
        chosen = {key: request.POST.get(f"role-{key}", "") for key, _l, _r in rows}
        errors = [label for key, label, _r in rows if chosen[key] not in valid]
        rows = [(key, label, chosen[key]) for key, label, _r in rows]
        if not errors:
            changed = services.responsibilities_save(school=school, roles=chosen)
            messages.success(
                request,
                ngettext(
                    "Saved: %(count)d step changed owner.",
                    "Saved: %(count)d steps changed owner.",
                    changed,
                )
                % {"count": changed},
            )
            return redirect("steps:responsibilities", school_id=school.pk)
    return render(
        request,
        "steps/responsibilities.html",
        {"school": school, "rows": rows, "roles": Role.choices, "errors": errors},
    )


@login_required
@require_POST
def step_done(request: HttpRequest, step_id: int) -> HttpResponse:
    found = selectors.step_of_owner(authenticated_user(request), step_id)
    if found is None:
        raise Http404
    step, school_id = found
    services.step_done(actor=Actor.of(request), step=step, school_id=school_id)
    back = safe_next(request, request.POST.get("next"))
    return redirect(back or "worklist:index")
