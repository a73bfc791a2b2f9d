"""The dossier page of a pupil and the section editor."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.dossiers import selectors, supplements
from overdracht.dossiers.differences import received_differences
from overdracht.dossiers.forms import SectionForm
from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import SPECS
from overdracht.dossiers.services import SectionConflictError, section_save
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.models import School
from overdracht.schools.permissions import Perm


@login_required
def dossier(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_PUPILS)
    pupil = pupil_detail(pupil_id)
    sections = selectors.sections_for(pupil, access)
    if not sections:
        raise Http404
    audit_record(
        AuditAction.DOSSIER_VIEWED,
        request=request,
        actor_role=access.role,
        school_id=access.school_id,
        subject_pupil_id=pupil.pk,
        details={"sections": len(sections)},
    )
    level = selectors.max_sensitivity(access) or 0
    school = School.objects.get(pk=access.school_id) if access.school_id else None
    packs = (
        [p for p in supplements.packs_for_school(school) if p.sensitivity <= level]
        if school
        else []
    )
    return render(
        request,
        "dossiers/dossier.html",
        {
            "pupil": pupil,
            "sections": sections,
            "can_edit": access.can(Perm.EDIT_DOSSIER),
            "can_view_received": access.can(Perm.VIEW_RECEIVED_DOSSIERS),
            "can_refer": access.can(Perm.REFER_TO_CARE),
            "packs": packs,
            "supplements": supplements.latest_supplements(pupil, [p.code for p in packs]),
            "results": selectors.test_results_of(pupil, access.school_id),
            "differences": received_differences(
                pupil, access.school_id, [item.spec.kind for item in sections]
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def supplement_edit(request: HttpRequest, pupil_id: uuid.UUID, code: str) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.EDIT_DOSSIER)
    assert access.school_id is not None
    school = School.objects.get(pk=access.school_id)
    pack = next((p for p in supplements.packs_for_school(school) if p.code == code), None)
    level = selectors.max_sensitivity(access) or 0
    if pack is None or pack.sensitivity > level:
        raise Http404
    pupil = pupil_detail(pupil_id)
    questions = list(pack.questions.all())
    error = ""
    if request.method == "POST":
        answers: dict[str, object] = {}
        for question in questions:
            key = str(question.pk)
            answers[key] = (
                request.POST.getlist(key) if question.kind == "multi" else request.POST.get(key, "")
            )
        try:
            supplements.supplement_save(
                actor=Actor.of(request),
                pupil=pupil,
                pack=pack,
                answers=answers,
                school_id=school.pk,
            )
            messages.success(request, _("Saved."))
            return redirect("dossiers:dossier", pupil_id=pupil.pk)
        except ValidationError as exc:
            error = exc.messages[0]
    previous = supplements.latest_supplements(pupil, [pack.code])
    given = previous[0].answers if previous else {}
    pupil_read_record(request, access, AuditAction.SUPPLEMENT_VIEWED, pack=pack.code)
    context = {
        "pupil": pupil,
        "pack": pack,
        "questions": questions,
        "error": error,
        "given": {k: v["answer"] for k, v in given.items()},
    }
    return render(request, "dossiers/supplement_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pupil_id: uuid.UUID, kind: str) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.EDIT_DOSSIER)
    if kind not in selectors.visible_kinds(access):
        raise Http404
    pupil = pupil_detail(pupil_id)
    spec = SPECS[kind]
    assert access.school_id is not None  # EDIT_DOSSIER is a staff permission at one school
    current = DossierSection.objects.filter(
        pupil=pupil, school_id=access.school_id, kind=kind
    ).first()
    initial = {
        **(current.content if current else {}),
        "based_on_version": current.version if current else 0,
    }
    form = SectionForm(request.POST or None, spec=spec, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            return_to = request.POST.get("next") or ""
            section_save(
                actor=Actor.of(request),
                author_id=authenticated_user(request).pk,
                pupil=pupil,
                kind=kind,
                content=form.content(),
                based_on_version=form.cleaned_data["based_on_version"],
                school_id=access.school_id,
            )
            messages.success(request, _("Saved."))
            if return_to == "compose":
                return redirect("dossiers:compose", pupil_id=pupil.pk)
            return redirect("dossiers:dossier", pupil_id=pupil.pk)
        except ValidationError as exc:
            for problem in exc.messages:
                form.add_error(None, problem)
        except SectionConflictError as exc:
            conflict = exc.current
            # Keep what this person typed; point the form at the newest version.
            data = request.POST.copy()
            data["based_on_version"] = str(conflict.version)
            form = SectionForm(data, spec=spec)
            form.is_valid()
    pupil_read_record(request, access, AuditAction.DOSSIER_SECTION_VIEWED, kind=kind)
    return render(
        request,
        "dossiers/section_edit.html",
        {
            "pupil": pupil,
            "spec": spec,
            "form": form,
            "conflict": conflict,
            "history": selectors.history_with_authors(pupil, access.school_id, kind),
            "next": request.GET.get("next") or request.POST.get("next") or "",
        },
    )


@login_required
def section_version(
    request: HttpRequest, pupil_id: uuid.UUID, kind: str, version: int
) -> HttpResponse:
    """An older version of a part beside the current one, the changed fields marked."""
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_PUPILS)
    if kind not in selectors.visible_kinds(access):
        raise Http404
    pupil = pupil_detail(pupil_id)
    history = {
        item.revision.version: item
        for item in selectors.history_with_authors(pupil, access.school_id, kind, limit=1000)
    }
    if version not in history:
        raise Http404
    spec = SPECS[kind]
    old = history[version]
    newest = history[max(history)]
    rows = selectors.compare_versions(spec, old.revision.content, newest.revision.content)
    pupil_read_record(request, access, AuditAction.DOSSIER_SECTION_VIEWED, kind=kind)
    return render(
        request,
        "dossiers/section_version.html",
        {"pupil": pupil, "spec": spec, "old": old, "newest": newest, "rows": rows},
    )
