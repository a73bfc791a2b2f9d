"""The aftercare of one arrived pupil (the check-ins, and recording the next), and the
school's check-in moments. Thin: access, form, service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.aftercare import permissions, selectors, services
from overdracht.aftercare.forms import CheckInForm, MomentFormSet
from overdracht.aftercare.moments import MomentDefault
from overdracht.audit.models import AuditAction
from overdracht.pupils.models import Transition
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.schools.permissions import Perm, deny, school_or_404


@login_required
@require_http_methods(["GET", "POST"])
def pupil(request: HttpRequest, transition_id: int) -> HttpResponse:
    transition = (
        Transition.objects.select_related("pupil", "to_school").filter(pk=transition_id).first()
    )
    if transition is None or not permissions.may_record(authenticated_user(request), transition):
        deny(request, status=404, target=f"transition:{transition_id}")
    access = pupil_access_or_404(request, transition.pupil_id)
    rows = selectors.check_ins_of(transition)
    open_moments = [r.moment for r in rows if r.done is None]
    form = CheckInForm(request.POST or None, open_moments=open_moments)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_in_record(
                actor=Actor.of(request), transition=transition, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The check-in with %(name)s is recorded.") % {"name": transition.pupil.name},
            )
            return redirect("aftercare:pupil", transition_id=transition.pk)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="aftercare")
    return render(
        request,
        "aftercare/pupil.html",
        {"transition": transition, "pupil": transition.pupil, "rows": rows, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def moments(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    initial = [
        {
            "key": m.key,
            "name": m.name,
            "days_after_start": m.days_after_start,
            "with_care_coordinator": m.with_care_coordinator,
        }
        for m in selectors.moments_of(school)
    ]
    formset = MomentFormSet(request.POST or None, initial=initial, prefix="moment")
    if request.method == "POST" and formset.is_valid():
        chosen = [
            MomentDefault(
                f.cleaned_data["key"],
                f.cleaned_data["name"],
                f.cleaned_data["days_after_start"],
                f.cleaned_data["with_care_coordinator"],
            )
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            services.moments_save(actor=Actor.of(request), school=school, moments=chosen)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The check-in moments are saved."))
            return redirect("aftercare:moments", school_id=school.pk)
    return render(request, "aftercare/moments.html", {"school": school, "formset": formset})
