"""The career dossier's pages: one page for the pupil (who writes), the guardians (who read)
and the mentor and decaan (who comment and record conversations); a page to add an
activity, made for a phone."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.careers import selectors, services
from overdracht.careers.forms import ActivityForm, CommentForm, ConversationForm, ReflectionForm
from overdracht.careers.models import Activity
from overdracht.careers.permissions import career_access_or_404, may_guide, may_write
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, pupil_read_record
from overdracht.schools.permissions import deny


def _page(
    request: HttpRequest,
    access: PupilAccess,
    pupil: Pupil,
    *,
    comment_form: CommentForm | None = None,
    conversation_form: ConversationForm | None = None,
) -> HttpResponse:
    dossier = selectors.dossier_of(pupil.pk)
    activities = [(a.pk, f"{a.title} ({a.done_on:%d-%m-%Y})") for a in dossier.activities]
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="career_dossier")
    return render(
        request,
        "careers/dossier.html",
        {
            "pupil": pupil,
            "dossier": dossier,
            "may_write": may_write(access),
            "may_guide": may_guide(access),
            "is_family": not may_guide(access),
            "comment_form": comment_form or CommentForm(activities=activities),
            "conversation_form": conversation_form or ConversationForm(),
        },
    )


@login_required
@require_GET
def dossier(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    return _page(request, access, Pupil.objects.get(pk=pupil_id))


@login_required
@require_POST
def reflection(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    if not may_write(access):
        deny(request, status=403, target=f"pupil:{pupil_id}")
    form = ReflectionForm(request.POST)
    if form.is_valid():
        services.reflection_save(
            actor=Actor.of(request), pupil=Pupil.objects.get(pk=pupil_id), **form.cleaned_data
        )
        messages.success(request, _("Your answer is saved."))
    else:
        messages.error(request, _("Write an answer before you save it."))
    return redirect("careers:dossier", pupil_id=pupil_id)


@login_required
@require_http_methods(["GET", "POST"])
def activity_add(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    if not may_write(access):
        deny(request, status=403, target=f"pupil:{pupil_id}")
    pupil = Pupil.objects.get(pk=pupil_id)
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year_group = (
            pupil.enrolments.order_by("-school_year").values_list("year_group", flat=True).first()
        )
        try:
            services.activity_add(
                actor=Actor.of(request),
                pupil=pupil,
                year_group=year_group or 1,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The activity is in your career dossier."))
            return redirect("careers:dossier", pupil_id=pupil_id)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="career_activity")
    return render(request, "careers/activity.html", {"pupil": pupil, "form": form})


@login_required
@require_POST
def comment(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    if not may_guide(access):
        deny(request, status=403, target=f"pupil:{pupil_id}")
    pupil = Pupil.objects.get(pk=pupil_id)
    activities = list(Activity.objects.filter(pupil=pupil))
    form = CommentForm(request.POST, activities=[(a.pk, a.title) for a in activities])
    if not form.is_valid():
        return _page(request, access, pupil, comment_form=form)
    chosen = next((a for a in activities if a.pk == form.cleaned_data["activity"]), None)
    services.comment_add(
        actor=Actor.of(request), pupil=pupil, text=form.cleaned_data["text"], activity=chosen
    )
    messages.success(request, _("Your comment is in the career dossier."))
    return redirect("careers:dossier", pupil_id=pupil_id)


@login_required
@require_POST
def conversation(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    if not may_guide(access):
        deny(request, status=403, target=f"pupil:{pupil_id}")
    pupil = Pupil.objects.get(pk=pupil_id)
    form = ConversationForm(request.POST)
    if not form.is_valid():
        return _page(request, access, pupil, conversation_form=form)
    services.conversation_record(actor=Actor.of(request), pupil=pupil, **form.cleaned_data)
    messages.success(request, _("The career conversation is recorded."))
    return redirect("careers:dossier", pupil_id=pupil_id)
