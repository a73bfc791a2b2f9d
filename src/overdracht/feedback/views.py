"""Giving feedback about a former pupil (the receiving school's mentor) and reading it (the
sending school's former-pupils page). Thin: access, form, service."""

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
from overdracht.audit.models import AuditAction
from overdracht.audit.services import list_viewed
from overdracht.feedback import permissions, selectors, services
from overdracht.feedback.forms import FeedbackForm
from overdracht.feedback.models import Moment
from overdracht.pupils.models import Transition
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.schools.permissions import Perm, deny, school_or_404


def _given_or_404(request: HttpRequest, transition_id: int) -> Transition:
    found = (
        Transition.objects.select_related("pupil", "from_school", "to_school")
        .filter(pk=transition_id)
        .first()
    )
    if found is None or not permissions.may_give(authenticated_user(request), found):
        deny(request, status=404, target=f"transition:{transition_id}")
    return found


@login_required
@require_http_methods(["GET", "POST"])
def give(request: HttpRequest, transition_id: int, moment: str) -> HttpResponse:
    transition = _given_or_404(request, transition_id)
    if moment not in Moment.values:
        deny(request, status=404, target=f"transition:{transition_id}")
    access = pupil_access_or_404(request, transition.pupil_id)
    form = FeedbackForm(request.POST or None, initial=selectors.prefill(transition, moment))
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_send(
                actor=Actor.of(request),
                transition=transition,
                moment=moment,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The feedback about %(pupil)s has been sent to %(school)s.")
                % {"pupil": transition.pupil.name, "school": transition.from_name},
            )
            if transition.from_school is None:
                return redirect("feedback:give", transition_id=transition.pk, moment=moment)
            return redirect("worklist:index")
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="feedback")
    return render(
        request,
        "feedback/give.html",
        {
            "transition": transition,
            "pupil": transition.pupil,
            "moment": Moment(moment).label,
            "form": form,
            "outside": transition.from_school is None,
        },
    )


@login_required
def oso_file(request: HttpRequest, transition_id: int) -> HttpResponse:
    transition = _given_or_404(request, transition_id)
    access = pupil_access_or_404(request, transition.pupil_id)
    data = services.feedback_file(transition=transition)
    pupil_read_record(request, access, AuditAction.OSO_EXPORTED, file="terugkoppeling")
    response = HttpResponse(data, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="terugkoppeling-{transition.pk}.xml"'
    return response


@login_required
def former_pupils(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_TRANSITIONS)
    years = selectors.former_pupils(school)
    list_viewed(
        request,
        name="former_pupils",
        rows=sum(len(rows) for rows in years.values()),
        school_id=school.pk,
    )
    return render(
        request,
        "feedback/former_pupils.html",
        {"school": school, "years": sorted(years.items(), reverse=True)},
    )
