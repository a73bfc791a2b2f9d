"""The intake analysis pages of the receiving school."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.school_year import current_school_year
from overdracht.dossiers import intake, selectors, supplements
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.pupils.models import Pupil
from overdracht.schools.models import ClassGroup
from overdracht.schools.permissions import Perm, school_or_404


class AnalysisForm(forms.Form):
    needs_support = forms.BooleanField(label=gettext_lazy("Needs support"), required=False)
    discuss_in_person = forms.BooleanField(
        label=gettext_lazy("Discuss in person (warm handover)"), required=False
    )
    refer_to_care_team = forms.BooleanField(
        label=gettext_lazy("Refer to the care team"), required=False
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes of the analysis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    class_group = forms.ModelChoiceField(
        label=gettext_lazy("Class"), required=False, queryset=ClassGroup.objects.none()
    )


@login_required
def cohort(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.INTAKE)
    rows = intake.incoming_cohort(school)
    audit_record(
        AuditAction.PUPIL_LIST_VIEWED,
        request=request,
        school_id=school.pk,
        details={"list": "intake", "rows": len(rows)},
    )
    return render(
        request, "dossiers/cohort.html", {"school": school, "rows": rows, "steps": intake.STEPS}
    )


@login_required
@require_http_methods(["GET", "POST"])
def analyse(request: HttpRequest, school_id: int, pupil_id: uuid.UUID) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.INTAKE)
    row = next((r for r in intake.incoming_cohort(school) if r.pupil.pk == pupil_id), None)
    if row is None:
        raise Http404
    pupil: Pupil = row.pupil
    existing = IntakeAnalysis.objects.filter(pupil=pupil, school=school).first()
    initial: dict[str, object] = {
        "class_group": row.enrolment.class_group if row.enrolment else None
    }
    if existing:
        initial.update(
            needs_support=existing.needs_support,
            discuss_in_person=existing.discuss_in_person,
            refer_to_care_team=existing.refer_to_care_team,
            notes=existing.notes,
        )
    form = AnalysisForm(request.POST or None, initial=initial)
    years = [current_school_year(), current_school_year() + 1]
    form.fields["class_group"].queryset = ClassGroup.objects.filter(  # type: ignore[attr-defined]
        school=school, school_year__in=years
    ).order_by("school_year", "year_group", "name")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        intake.intake_analysis_save(
            request=request,
            pupil=pupil,
            school=school,
            needs_support=data["needs_support"],
            discuss_in_person=data["discuss_in_person"],
            refer_to_care_team=data["refer_to_care_team"],
            notes=data["notes"],
        )
        try:
            if data["class_group"] is not None:
                intake.class_assign(
                    request=request, pupil=pupil, school=school, class_group=data["class_group"]
                )
            messages.success(request, _("The analysis has been saved."))
            return redirect("dossiers:cohort", school_id=school.pk)
        except ValidationError as exc:
            form.add_error("class_group", exc.messages[0])
    audit_record(
        AuditAction.INTAKE_ANALYSIS_VIEWED,
        request=request,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
    )
    return render(
        request,
        "dossiers/analyse.html",
        {
            "school": school,
            "row": row,
            "form": form,
            "parts": selectors.received_sections(pupil, school.pk),
        },
    )


class PackForm(forms.Form):
    questions = forms.CharField(
        label=gettext_lazy("Questions"),
        help_text=gettext_lazy(
            "One question per line. Start with [text], [choice], [multi], [yesno], [scale] or "
            "[date]; after a | the options, separated by ;."
        ),
        widget=forms.Textarea(attrs={"rows": 14}),
    )


@login_required
def packs(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_PACKS)
    return render(
        request,
        "dossiers/packs.html",
        {"school": school, "packs": supplements.packs_for_school(school)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pack_edit(request: HttpRequest, school_id: int, code: str) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_PACKS)
    pack = next((p for p in supplements.packs_for_school(school) if p.code == code), None)
    if pack is None:
        raise Http404
    form = PackForm(
        request.POST or None, initial={"questions": supplements.questions_as_lines(pack)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            supplements.pack_customise(
                request=request,
                school=school,
                code=code,
                questions=supplements.questions_from_lines(form.cleaned_data["questions"]),
            )
            messages.success(request, _("The questions have been saved for this school."))
            return redirect("dossiers:packs", school_id=school.pk)
        except ValidationError as exc:
            form.add_error("questions", exc.messages[0])
    return render(
        request, "dossiers/pack_edit.html", {"school": school, "pack": pack, "form": form}
    )
