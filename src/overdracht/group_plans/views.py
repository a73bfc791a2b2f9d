"""A class's group plans: the list with a new plan, and one plan with its clusters (added
from a suggestion or by hand). Thin: access, forms, services."""

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
from overdracht.audit.services import list_viewed
from overdracht.group_plans import permissions, selectors, services
from overdracht.group_plans.forms import ClusterForm, DiscussionForm, PlanForm, RemoveForm
from overdracht.group_plans.models import Cluster, GroupPlan
from overdracht.schools.models import ClassGroup
from overdracht.schools.permissions import deny


def _class_or_404(request: HttpRequest, class_group_id: int) -> ClassGroup:
    found = ClassGroup.objects.select_related("school").filter(pk=class_group_id).first()
    if found is None or not permissions.may_read(authenticated_user(request), found):
        deny(request, status=404, target=f"class_group:{class_group_id}")
    return found


@login_required
@require_http_methods(["GET", "POST"])
def class_plans(request: HttpRequest, class_group_id: int) -> HttpResponse:
    class_group = _class_or_404(request, class_group_id)
    may_write = permissions.may_write(authenticated_user(request), class_group)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and may_write and form.is_valid():
        try:
            plan = services.plan_save(
                actor=Actor.of(request), class_group=class_group, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The group plan is saved; add its clusters."))
            return redirect("group_plans:plan", plan_id=plan.pk)
    plans = list(selectors.plans_of_class(class_group))
    list_viewed(
        request,
        name="group_plans",
        rows=sum(c.pupils.count() for p in plans for c in p.clusters.all()),
        school_id=class_group.school_id,
        target=class_group,
    )
    return render(
        request,
        "group_plans/class.html",
        {"class_group": class_group, "plans": plans, "form": form, "may_write": may_write},
    )


def _plan_or_404(request: HttpRequest, plan_id: int) -> GroupPlan:
    plan = GroupPlan.objects.select_related("class_group__school").filter(pk=plan_id).first()
    if plan is None or not permissions.may_read(authenticated_user(request), plan.class_group):
        deny(request, status=404, target=f"groupplan:{plan_id}")
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    found = _plan_or_404(request, plan_id)
    class_group = found.class_group
    may_write = permissions.may_write(authenticated_user(request), class_group)
    pupils = selectors.pupils_of_class(class_group)
    sent = request.POST.get("form", "") if request.method == "POST" else ""
    plan_form = PlanForm(
        request.POST if sent == "plan" else None,
        initial={"period": found.period, "goals": found.goals, "evaluation": found.evaluation},
    )
    cluster_form = ClusterForm(request.POST if sent == "cluster" else None, pupils=pupils)
    discussion_form = DiscussionForm(request.POST if sent == "discussion" else None)
    if sent and may_write:
        try:
            if sent == "plan" and plan_form.is_valid():
                services.plan_save(
                    actor=Actor.of(request),
                    class_group=class_group,
                    plan=found,
                    **plan_form.cleaned_data,
                )
                messages.success(request, _("The group plan is saved."))
                return redirect("group_plans:plan", plan_id=found.pk)
            if sent == "cluster" and cluster_form.is_valid():
                services.cluster_add(
                    actor=Actor.of(request),
                    plan=found,
                    name=cluster_form.cleaned_data["name"],
                    approach=cluster_form.cleaned_data["approach"],
                    pupils=list(cluster_form.cleaned_data["pupils"]),
                )
                messages.success(request, _("The cluster is added."))
                return redirect("group_plans:plan", plan_id=found.pk)
            if sent == "discussion" and discussion_form.is_valid():
                invited = services.discussion_invite(
                    actor=Actor.of(request), plan=found, **discussion_form.cleaned_data
                )
                messages.success(
                    request,
                    _("Invited to the group discussion: %(names)s.")
                    % {"names": ", ".join(u.full_name for u in invited)},
                )
                return redirect("group_plans:plan", plan_id=found.pk)
            remove = RemoveForm(request.POST if sent == "remove" else None)
            if remove.is_valid():
                cluster = Cluster.objects.filter(
                    plan=found, pk=remove.cleaned_data["cluster"]
                ).first()
                if cluster is not None:
                    services.cluster_remove(actor=Actor.of(request), cluster=cluster)
                    messages.success(request, _("The cluster is removed."))
                return redirect("group_plans:plan", plan_id=found.pk)
        except ValidationError as exc:
            {"plan": plan_form, "discussion": discussion_form}.get(sent, cluster_form).add_error(
                None, exc
            )
    clusters = list(found.clusters.prefetch_related("pupils"))
    list_viewed(
        request,
        name="group_plan",
        rows=sum(len(c.pupils.all()) for c in clusters),
        school_id=class_group.school_id,
        target=found,
    )
    return render(
        request,
        "group_plans/plan.html",
        {
            "plan": found,
            "class_group": class_group,
            "clusters": clusters,
            "plan_form": plan_form,
            "cluster_form": cluster_form,
            "discussion_form": discussion_form,
            "next_mentors": selectors.next_mentors(class_group) if may_write else [],
            "suggestions": [
                s
                for s in (selectors.cluster_suggestions(class_group) if may_write else [])
                if s.name not in {c.name for c in clusters}  # made into a cluster already
            ],
            "may_write": may_write,
        },
    )
