"""The school administrator's page *Bewaartermijnen*: the law's periods, what falls due
(names of the school's former pupils, so a hold can be placed in time), legal holds, and
the job's last runs."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.audit.services import list_viewed
from overdracht.pupils.models import Pupil
from overdracht.retention import selectors, services
from overdracht.retention.models import LegalHold, RetentionCategory
from overdracht.schools.permissions import Perm, school_or_404

AHEAD_DAYS = 90


class HoldForm(forms.Form):
    pupil = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(label=gettext_lazy("Reason (the dispute that runs)"), max_length=200)


class LiftForm(forms.Form):
    hold = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)


@login_required
@require_http_methods(["GET", "POST"])
def retention_page(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_RETENTION)
    if request.method == "POST":
        if request.POST.get("form") == "lift":
            lift = LiftForm(request.POST)
            hold = (
                LegalHold.objects.filter(
                    pk=lift.cleaned_data["hold"], school=school, lifted_at__isnull=True
                ).first()
                if lift.is_valid()
                else None
            )
            if hold is None:
                raise Http404
            services.legal_hold_lift(actor=Actor.of(request), hold=hold)
            messages.success(request, _("The legal hold is lifted."))
            return redirect("retention:page", school_id=school.pk)
        hold_form = HoldForm(request.POST)
        if hold_form.is_valid():
            try:
                services.legal_hold_place(
                    actor=Actor.of(request),
                    school=school,
                    pupil_id=hold_form.cleaned_data["pupil"],
                    reason=hold_form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("Nothing of this pupil is deleted while the hold runs.")
                )
                return redirect("retention:page", school_id=school.pk)
            except ValidationError as exc:
                messages.error(request, exc.messages[0])
        else:
            messages.error(request, _("Say why the data must be kept (the dispute that runs)."))
        return redirect("retention:page", school_id=school.pk)
    today = timezone.localdate()
    notice_days = settings.OVERDRACHT_RETENTION_NOTICE_DAYS
    items = selectors.due_items(today, school_id=school.pk, ahead_days=AHEAD_DAYS)
    names = {p.pk: p for p in Pupil.objects.filter(pk__in={i.pupil_id for i in items})}
    labels = dict(RetentionCategory.choices)
    rows = [
        {
            "pupil": names[i.pupil_id],
            "category": labels.get(i.category, i.category),
            "left_on": i.left_on,
            "due_on": i.due_on,
            "deletable_on": i.deletable_on(today, notice_days),
            "held": i.held,
        }
        for i in items
        if i.pupil_id in names
    ]
    holds = list(selectors.active_holds(school))
    list_viewed(request, name="retention", rows=len(rows) + len(holds), school_id=school.pk)
    runs = [
        {
            "run": run,
            "counts": run.report.get("schools", {}).get(str(school.pk), {}),
        }
        for run in selectors.runs_for_school()
    ]
    return render(
        request,
        "retention/page.html",
        {
            "school": school,
            "rules": selectors.rules(),
            "rows": rows,
            "holds": holds,
            "runs": runs,
            "labels": labels,
            "ahead_days": AHEAD_DAYS,
            "notice_days": notice_days,
            "today": today,
            "horizon": today + dt.timedelta(days=AHEAD_DAYS),
        },
    )
