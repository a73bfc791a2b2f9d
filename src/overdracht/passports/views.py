"""Passport pages, the class overview and the dashboard of unread passports."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.core.http import safe_next
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.selectors import reference_levels
from overdracht.passports import exports, selectors, services
from overdracht.passports.models import Arrangement, PassportVersion
from overdracht.passports.permissions import class_group_or_404, may_read_passport
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, pupil_access_or_404, pupil_read_record
from overdracht.pupils.selectors import pupil_detail
from overdracht.schools.permissions import Perm, deny, school_or_404

_PLACEHOLDER = uuid.UUID(int=0)


class PassportForm(forms.Form):
    tips = forms.CharField(
        label=gettext_lazy("Tips for the lesson"),
        help_text=gettext_lazy(
            "3 to 6 tips, one per line: one sentence each, what the teacher does."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    strengths = forms.CharField(
        label=gettext_lazy("This is me: strengths and interests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    what_works = forms.CharField(
        label=gettext_lazy("What works"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    what_does_not_work = forms.CharField(
        label=gettext_lazy("What does not work"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    arrangements = forms.MultipleChoiceField(
        label=gettext_lazy("Arrangements"),
        required=False,
        choices=Arrangement.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    contact = forms.CharField(label=gettext_lazy("Contact person"), required=False, max_length=200)
    valid_until = forms.DateField(
        label=gettext_lazy("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def _readable(request: HttpRequest, pupil_id: uuid.UUID) -> tuple[PupilAccess, Pupil]:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_PUPILS)
    pupil = pupil_detail(pupil_id)
    if not may_read_passport(access, authenticated_user(request), pupil):
        deny(request, status=404, target=f"passport:{pupil_id}")
    return access, pupil


@login_required
def passport(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access, pupil = _readable(request, pupil_id)
    current = selectors.current_passport(pupil)
    if request.method == "POST" and current is not None:
        services.passport_confirm(
            actor=Actor.of(request), passport=current, school_id=access.school_id
        )
        messages.success(request, _("Thank you: you confirmed that you read this passport."))
        back = safe_next(request, request.POST.get("next"))
        return redirect(back) if back else redirect("passports:passport", pupil_id=pupil_id)
    audit_record(
        AuditAction.PASSPORT_VIEWED,
        request=request,
        actor_role=access.role,
        school_id=access.school_id,
        subject_pupil_id=pupil.pk,
    )
    user = authenticated_user(request)
    read = current is not None and current.receipts.filter(user_id=user.pk).exists()
    return render(
        request,
        "passports/passport.html",
        {
            "pupil": pupil,
            "passport": current,
            "read": read,
            "can_write": access.can(Perm.WRITE_PASSPORT),
            "can_refer": access.can(Perm.REFER_TO_CARE),
            "class_group": selectors.current_class_group(pupil),
            "levels": reference_levels(pupil, access.school_id),
            "arrangement_labels": dict(Arrangement.choices),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def passport_edit(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.WRITE_PASSPORT)
    pupil = pupil_detail(pupil_id)
    current = selectors.current_passport(pupil)
    initial = {}
    if current is not None:
        initial = {
            "tips": "\n".join(current.tips),
            "strengths": current.strengths,
            "what_works": current.what_works,
            "what_does_not_work": current.what_does_not_work,
            "arrangements": current.arrangements,
            "contact": current.contact,
            "valid_until": current.valid_until,
        }
    form = PassportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.passport_save(
                actor=Actor.of(request),
                pupil=pupil,
                tips=data["tips"].splitlines(),
                strengths=data["strengths"],
                what_works=data["what_works"],
                what_does_not_work=data["what_does_not_work"],
                arrangements=data["arrangements"],
                contact=data["contact"],
                valid_until=data["valid_until"],
                school_id=access.school_id,
            )
            messages.success(
                request,
                _(
                    "The passport has been saved. The mentor and the "
                    "teachers of the class are asked to read it."
                ),
            )
            return redirect("passports:passport", pupil_id=pupil_id)
        except ValidationError as exc:
            form.add_error(None, exc)
    pupil_read_record(request, access, AuditAction.PASSPORT_VIEWED, page="editor")
    return render(
        request,
        "passports/passport_edit.html",
        {
            "pupil": pupil,
            "form": form,
            "levels": reference_levels(pupil, access.school_id),
        },
    )


@login_required
def class_overview(request: HttpRequest, class_group_id: int) -> HttpResponse:
    class_group = class_group_or_404(request, class_group_id)
    overview = selectors.class_overview(class_group, authenticated_user(request))
    # Links built once here, not per row in the template: the page stays fast for 32 rows.
    passport_base = reverse("passports:passport", args=[_PLACEHOLDER])
    confirm_base = reverse("passports:class_confirm", args=[class_group.pk, 0])
    for row in overview.rows:
        row.passport_url = passport_base.replace(str(_PLACEHOLDER), str(row.enrolment.pupil_id))
        if row.passport is not None:
            row.confirm_url = confirm_base.replace("/0/", f"/{row.passport.pk}/")
    audit_record(
        AuditAction.CLASS_OVERVIEW_VIEWED,
        request=request,
        school_id=class_group.school_id,
        target=class_group,
        details={"rows": len(overview.rows)},
    )
    return render(
        request,
        "passports/class_overview.html",
        {"overview": overview, "same_names": overview.same_names},
    )


@login_required
def class_overview_export(request: HttpRequest, class_group_id: int, fmt: str) -> HttpResponse:
    class_group = class_group_or_404(request, class_group_id)
    overview = selectors.class_overview(class_group, authenticated_user(request))
    audit_record(
        AuditAction.CLASS_OVERVIEW_VIEWED,
        request=request,
        school_id=class_group.school_id,
        target=class_group,
        details={"rows": len(overview.rows), "export": fmt},
    )
    if fmt == "xlsx":
        response = HttpResponse(
            exports.overview_xlsx(overview),
            content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    elif fmt == "pdf":
        response = HttpResponse(exports.overview_pdf(overview), content_type="application/pdf")
    else:
        raise Http404
    filename = f"groepsoverzicht-{class_group.name}.{fmt}".replace(" ", "_")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def class_confirm(request: HttpRequest, class_group_id: int, passport_id: int) -> HttpResponse:
    class_group = class_group_or_404(request, class_group_id)
    found = PassportVersion.objects.filter(
        pk=passport_id, pupil__enrolments__class_group=class_group
    ).first()
    if found is None:
        raise Http404
    services.passport_confirm(
        actor=Actor.of(request), passport=found, school_id=class_group.school_id
    )
    return redirect("passports:class_overview", class_group_id=class_group.pk)


@login_required
def unread(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_ALL_PASSPORTS)
    classes = selectors.unread_dashboard(school, current_school_year())
    # the page names the pupils whose passports wait: one read of the list
    list_viewed(
        request,
        name="passports_unread",
        rows=sum(c.passports for c in classes),
        school_id=school.pk,
    )
    return render(request, "passports/unread.html", {"school": school, "classes": classes})
