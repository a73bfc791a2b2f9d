"""The team lead's pages for the end of the school year: the classes to decide on, one
class, one pupil's decision, the norms, and the rollover into next year (preview, run,
progress, report, undo). Thin: forms in, services called, templates out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import list_viewed
from overdracht.core.school_year import current_school_year, school_year_label
from overdracht.promotion import rollover as rollovers
from overdracht.promotion import selectors, services
from overdracht.promotion.forms import (
    BaseNormFormSet,
    ClassPlanForm,
    DecisionForm,
    MoveForm,
    NormFormSet,
)
from overdracht.promotion.models import PromotionDecision, Rollover
from overdracht.promotion.norms import norms_of, proposal_for
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.permissions import Perm, school_or_404


def _class_or_404(school: School, class_id: int) -> ClassGroup:
    found = ClassGroup.objects.filter(school=school, pk=class_id).first()
    if found is None:
        raise Http404
    return found


@login_required
def overview(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.PROMOTION)
    year = current_school_year()
    return render(
        request,
        "promotion/overview.html",
        {
            "school": school,
            "year_label": school_year_label(year),
            "next_label": school_year_label(year + 1),
            "classes": selectors.classes_to_decide(school, year),
            "norms": norms_of(school),
            "rollover": selectors.latest_rollover(school, year),
        },
    )


@login_required
def class_decisions(request: HttpRequest, school_id: int, class_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.PROMOTION)
    class_group = _class_or_404(school, class_id)
    rows = selectors.class_decisions(class_group)
    list_viewed(
        request, name="promotion_class", rows=len(rows), school_id=school.pk, target=class_group
    )
    return render(
        request,
        "promotion/class.html",
        {"school": school, "class_group": class_group, "rows": rows},
    )


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, school_id: int, enrolment_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.PROMOTION)
    enrolment = selectors.enrolment_of_school(school, enrolment_id)
    if enrolment is None or enrolment.class_group is None:
        raise Http404
    decision = PromotionDecision.objects.filter(enrolment=enrolment).first()
    initial = {}
    if decision is not None:
        initial = {f: getattr(decision, f) for f in DecisionForm.base_fields}
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_save(
                actor=Actor.of(request), enrolment=enrolment, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The decision about %(name)s is saved.") % {"name": enrolment.pupil.name}
            )
            return redirect(_next_to_decide(school, enrolment.class_group, enrolment.pk))
    access = pupil_access_or_404(request, enrolment.pupil_id, Perm.PROMOTION)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="promotion_decision")
    marks = decision.insufficient_marks if decision else None
    return render(
        request,
        "promotion/decide.html",
        {
            "school": school,
            "enrolment": enrolment,
            "pupil": enrolment.pupil,
            "class_group": enrolment.class_group,
            "form": form,
            "proposal": proposal_for(norms_of(school), marks),
        },
    )


def _next_to_decide(school: School, class_group: ClassGroup, after: int) -> str:
    """The next pupil of the class without a decision, or the class."""
    for row in selectors.class_decisions(class_group):
        if row.enrolment.pk != after and (row.decision is None or not row.decision.outcome):
            return reverse("promotion:decide", args=[school.pk, row.enrolment.pk])
    return reverse("promotion:class", args=[school.pk, class_group.pk])


@login_required
@require_http_methods(["GET", "POST"])
def norms(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.PROMOTION)
    initial = [
        {
            "insufficient_from": n.insufficient_from,
            "insufficient_to": n.insufficient_to,
            "proposal": n.proposal,
        }
        for n in norms_of(school)
    ]
    formset = NormFormSet(request.POST or None, initial=initial, prefix="norm")
    assert isinstance(formset, BaseNormFormSet)
    if request.method == "POST" and formset.is_valid():
        services.norms_save(actor=Actor.of(request), school=school, norms=formset.norms())
        messages.success(request, _("The norms are saved."))
        return redirect("promotion:overview", school_id=school.pk)
    return render(request, "promotion/norms.html", {"school": school, "formset": formset})


@login_required
@require_http_methods(["GET", "POST"])
def rollover(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.PROMOTION)
    year = current_school_year()
    latest = selectors.latest_rollover(school, year)
    if request.headers.get("Accept") == "application/json":
        return _progress(latest)
    if request.method == "POST":
        return _rollover_post(request, school, year)
    preview = selectors.rollover_preview(school, year)
    candidates = selectors.mentor_candidates(school)
    plans = [
        (
            c,
            ClassPlanForm(
                initial={"name": c.name, "mentor": c.mentor},
                candidates=candidates,
                prefix=f"plan-{i}",
            ),
        )
        for i, c in enumerate(preview.classes)
    ]
    list_viewed(
        request,
        name="rollover_preview",
        rows=sum(len(c.pupils) for c in preview.classes) + len(preview.leavers),
        school_id=school.pk,
    )
    return render(
        request,
        "promotion/rollover.html",
        {
            "school": school,
            "year_label": school_year_label(year),
            "next_label": school_year_label(year + 1),
            "preview": preview,
            "plans": plans,
            "rollover": latest,
            "running": selectors.rollover_running(latest),
            "undo_blockers": rollovers.undo_blockers(latest) if latest else [],
        },
    )


def _progress(latest: Rollover | None) -> JsonResponse:
    if latest is None:
        return JsonResponse({"done": 0, "total": 0, "percent": 0, "finished": True})
    return JsonResponse(
        {
            "done": latest.classes_done,
            "total": latest.classes_total,
            "percent": latest.percent,
            "text": _("%(done)s of %(total)s classes moved")
            % {"done": latest.classes_done, "total": latest.classes_total},
            "finished": not selectors.rollover_running(latest),
        }
    )


def _rollover_post(request: HttpRequest, school: School, year: int) -> HttpResponse:
    """One handler per form of the page: the mentor of a class, a pupil's move, run, undo."""
    action = request.POST.get("action", "")
    back = redirect("promotion:rollover", school_id=school.pk)
    if action == "plan":
        form = ClassPlanForm(
            request.POST,
            candidates=selectors.mentor_candidates(school),
            prefix=request.POST.get("prefix", ""),
        )
        preview = selectors.rollover_preview(school, year)
        if form.is_valid() and form.cleaned_data["name"] in preview.class_names:
            target = next(c for c in preview.classes if c.name == form.cleaned_data["name"])
            services.class_plan_save(
                school=school,
                school_year=year + 1,
                name=target.name,
                year_group=target.year_group,
                mentor=form.cleaned_data["mentor"],
            )
            messages.success(request, _("The mentor of %(name)s is saved.") % {"name": target.name})
        else:
            messages.error(request, _("That mentor could not be saved. Choose again."))
        return back
    if action == "move":
        preview = selectors.rollover_preview(school, year)
        move = MoveForm(request.POST, class_names=preview.class_names)
        decision = None
        if move.is_valid():
            decision = PromotionDecision.objects.filter(
                enrolment_id=move.cleaned_data["enrolment"], enrolment__school=school
            ).first()
        if decision is None:
            messages.error(request, _("That pupil could not be moved. Choose again."))
            return back
        services.pupil_move(decision=decision, next_class_name=move.cleaned_data["next_class_name"])
        messages.success(request, _("The pupil is moved."))
        return back
    try:
        if action == "run":
            rollovers.rollover_request(actor=Actor.of(request), school=school, from_year=year)
        elif action == "undo":
            latest = selectors.latest_rollover(school, year)
            if latest is None:
                raise Http404
            rollovers.rollover_undo(actor=Actor.of(request), rollover=latest)
            messages.success(request, _("The rollover is undone; nothing of it is left."))
        else:
            raise Http404
    except rollovers.RolloverRefusedError as exc:
        messages.error(request, str(exc))
    return back
