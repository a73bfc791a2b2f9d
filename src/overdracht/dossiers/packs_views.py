"""The school's supplement question packs (dyslexie, ADHD, …): the list and editing one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.dossiers import supplements
from overdracht.schools.permissions import Perm, school_or_404


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
                actor=Actor.of(request),
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
