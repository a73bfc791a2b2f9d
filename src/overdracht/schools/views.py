"""Class groups and their subject teachers, kept by the school (team lead, administrator),
and the school's own details (Schoolgegevens)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.schools import selectors, services
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.people import StaffChoiceField, with_roles
from overdracht.schools.permissions import Perm, school_or_404


class TeacherForm(forms.Form):
    class_group = forms.ModelChoiceField(
        label=gettext_lazy("Class"), queryset=ClassGroup.objects.none()
    )
    user = StaffChoiceField(label=gettext_lazy("Teacher"), queryset=User.objects.none())
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=60)


@login_required
@require_http_methods(["GET", "POST"])
def class_teachers(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    year = current_school_year()
    form = TeacherForm(request.POST or None)
    form.fields["class_group"].queryset = ClassGroup.objects.filter(  # type: ignore[attr-defined]
        school=school, school_year__in=[year, year + 1]
    )
    form.fields["user"].queryset = with_roles(  # type: ignore[attr-defined]
        selectors.staff_of_school(school)
    )
    if request.method == "POST" and form.is_valid():
        services.class_group_teacher_add(
            class_group=form.cleaned_data["class_group"],
            user=form.cleaned_data["user"],
            subject=form.cleaned_data["subject"].strip(),
        )
        messages.success(request, _("The teacher has been added to the class."))
        return redirect("schools:class_teachers", school_id=school.pk)
    return render(
        request,
        "schools/class_teachers.html",
        {
            "school": school,
            "form": form,
            "class_groups": selectors.class_groups_with_teachers(school, year),
        },
    )


@login_required
@require_POST
def class_teacher_remove(
    request: HttpRequest, school_id: int, class_group_id: int, teacher_id: int
) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_CLASSES)
    class_group = ClassGroup.objects.filter(pk=class_group_id, school=school).first()
    if class_group is None:
        raise Http404
    services.class_group_teacher_remove(class_group=class_group, teacher_id=teacher_id)
    return redirect("schools:class_teachers", school_id=school.pk)


class SchoolDetailsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = School
        fields = services.SCHOOL_DETAIL_FIELDS


@login_required
@require_http_methods(["GET", "POST"])
def school_details(request: HttpRequest, school_id: int) -> HttpResponse:
    """Schoolgegevens: address, phone, e-mail and contact person, as every dossier the
    school sends names them."""
    school = school_or_404(request, school_id, Perm.MANAGE_SCHOOL_DETAILS)
    form = SchoolDetailsForm(request.POST or None, instance=School.objects.get(pk=school.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.school_details_save(
                school=school,
                details={k: str(v) for k, v in form.cleaned_data.items()},
                actor_id=request.user.pk,
            )
            messages.success(request, _("The school details have been saved."))
            return redirect("schools:details", school_id=school.pk)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    return render(
        request,
        "schools/school_details.html",
        {"school": school, "form": form, "missing": school.details_missing},
    )
