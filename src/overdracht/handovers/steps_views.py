"""Pages for the steps of a pupil's transitions and the school's "who does what" register."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.handovers import calendar
from overdracht.pupils.permissions import pupil_access_or_404
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm, school_or_404
from overdracht.schools.roles import Role


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
