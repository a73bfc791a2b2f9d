"""The secondary school's pages on the way to the vervolgopleiding: the decaan's overview,
one pupil's choices and registrations (for the pupil, the parents and the guides), the
skills a choice asks, and a report from the institution on the start."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.careers.permissions import career_access_or_404
from overdracht.core.school_year import current_school_year
from overdracht.further_education import selectors, services
from overdracht.further_education.forms import (
    AftercareForm,
    ChoiceForm,
    RegistrationForm,
    RegistrationUpdateForm,
    SkillsForm,
)
from overdracht.further_education.models import Choice, StartReport
from overdracht.further_education.permissions import (
    may_guide,
    pupil_side_or_404,
    registration_or_404,
)
from overdracht.pupils.models import Pupil
from overdracht.pupils.permissions import PupilAccess, pupil_read_record
from overdracht.schools.models import ClassGroup
from overdracht.schools.permissions import Perm, deny, school_or_404


@login_required
@require_GET
def overview(request: HttpRequest, school_id: int) -> HttpResponse:
    """The decaan's real-time overview: per class, and first the pupils with a signal."""
    school = school_or_404(request, school_id, Perm.CAREER_GUIDANCE)
    summaries = selectors.class_summaries(school)
    chosen: ClassGroup | None = None
    klass = request.GET.get("klass", "")
    if klass.isdigit():
        chosen = next((c.class_group for c in summaries if c.class_group.pk == int(klass)), None)
    only_signals = (chosen is None and klass != "all") or request.GET.get("signals") == "1"
    rows = selectors.overview(school, class_group=chosen, only_signals=only_signals)
    list_viewed(request, school_id=school.pk, name="further_education", rows=len(rows))
    return render(
        request,
        "further_education/overview.html",
        {
            "school": school,
            "summaries": summaries,
            "chosen": chosen,
            "all_classes": klass == "all",
            "rows": rows,
            "only_signals": only_signals,
            "totals": {
                "pupils": sum(c.pupils for c in summaries),
                "chosen": sum(c.chosen for c in summaries),
                "registered": sum(c.registered for c in summaries),
            },
        },
    )


def _pupil_page(
    request: HttpRequest,
    access: PupilAccess,
    pupil: Pupil,
    *,
    choice_form: ChoiceForm | None = None,
    registration_form: RegistrationForm | None = None,
) -> HttpResponse:
    institutions = selectors.institutions()
    transition = selectors.outgoing_transition(pupil.pk)
    registrations = selectors.registrations_of(pupil.pk)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="further_education")
    return render(
        request,
        "further_education/pupil.html",
        {
            "pupil": pupil,
            "transition": transition,
            "deadline": selectors.deadline_of(transition) if transition else None,
            "choices": selectors.choices_of(pupil.pk),
            "registrations": registrations,
            # a registration at an institution outside Overdracht: the decaan keeps it up
            "update_forms": {
                r.pk: RegistrationUpdateForm(
                    prefix=f"update-{r.pk}",
                    initial={
                        "status": r.status,
                        "status_on": timezone.localdate(),
                        "intake_on": r.intake_on,
                        "intake_outcome": r.intake_outcome,
                        "study_check_done": r.study_check_done,
                        "guidance": r.guidance,
                    },
                )
                for r in registrations
                if r.institution_id is None
            },
            "may_guide": may_guide(access),
            "is_family": not may_guide(access),
            "choice_form": choice_form or ChoiceForm(institutions=institutions, prefix="choice"),
            "registration_form": registration_form
            or RegistrationForm(
                institutions=institutions,
                initial={"registered_on": timezone.localdate()},
                prefix="registration",
            ),
        },
    )


@login_required
@require_GET
def pupil(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    return _pupil_page(request, access, Pupil.objects.get(pk=pupil_id))


@login_required
@require_POST
def choice(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = career_access_or_404(request, pupil_id)
    pupil = Pupil.objects.get(pk=pupil_id)
    transition = selectors.outgoing_transition(pupil_id)
    form = ChoiceForm(request.POST, institutions=selectors.institutions(), prefix="choice")
    if not form.is_valid():
        return _pupil_page(request, access, pupil, choice_form=form)
    services.choice_save(
        actor=Actor.of(request),
        pupil=pupil,
        school_year=transition.school_year if transition else current_school_year() + 1,
        **form.cleaned_data,
    )
    messages.success(request, _("The choice is saved."))
    return redirect("further_education:pupil", pupil_id=pupil_id)


@login_required
@require_http_methods(["GET", "POST"])
def skills(request: HttpRequest, choice_id: int) -> HttpResponse:
    found = Choice.objects.select_related("pupil").filter(pk=choice_id).first()
    if found is None:
        raise Http404
    access = career_access_or_404(request, found.pupil_id)
    current = {
        s.skill: {"asked": s.asked, "present": s.present, "gap": s.gap, "plan": s.plan}
        for s in found.skills.all()
    }
    form = SkillsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.skills_save(actor=Actor.of(request), choice=found, rows=form.rows())
        messages.success(request, _("The skills are saved."))
        return redirect("further_education:pupil", pupil_id=found.pupil_id)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="skills")
    return render(request, "further_education/skills.html", {"choice": found, "form": form})


@login_required
@require_POST
def register(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    """The decaan records the pupil's registration (or the pupil's own, told to the school)."""
    access = career_access_or_404(request, pupil_id)
    if not may_guide(access):
        deny(request, status=403, target=f"pupil:{pupil_id}")
    pupil = Pupil.objects.get(pk=pupil_id)
    transition = selectors.outgoing_transition(pupil_id)
    form = RegistrationForm(
        request.POST, institutions=selectors.institutions(), prefix="registration"
    )
    if transition is None:
        form.add_error(None, _("This pupil has no transition to further education."))
    if not form.is_valid() or transition is None:
        return _pupil_page(request, access, pupil, registration_form=form)
    try:
        services.registration_record(
            actor=Actor.of(request), transition=transition, **form.cleaned_data
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _pupil_page(request, access, pupil, registration_form=form)
    messages.success(request, _("The registration is recorded."))
    return redirect("further_education:pupil", pupil_id=pupil_id)


@login_required
@require_POST
def registration_update(request: HttpRequest, registration_id: int) -> HttpResponse:
    """The decaan keeps a registration at an institution outside Overdracht up to date (an
    institution inside it does so itself)."""
    registration = registration_or_404(request, registration_id)
    access = pupil_side_or_404(request, registration)
    if not may_guide(access) or registration.institution_id is not None:
        deny(request, status=403, target=f"registration:{registration_id}")
    form = RegistrationUpdateForm(request.POST, prefix=f"update-{registration.pk}")
    if form.is_valid():
        try:
            services.registration_update(
                actor=Actor.of(request), registration=registration, **form.cleaned_data
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The registration is saved."))
    else:
        messages.error(request, _("Check the status and its date."))
    return redirect("further_education:pupil", pupil_id=registration.transition.pupil_id)


@login_required
@require_http_methods(["GET", "POST"])
def aftercare(request: HttpRequest, registration_id: int) -> HttpResponse:
    """The secondary school's aftercare contact with the institution about a former pupil:
    for the pupil's last mentor and the guiding roles of the school, also after the pupil
    has left it."""
    registration = registration_or_404(request, registration_id)
    if not selectors.follows_up(authenticated_user(request), registration):
        deny(request, status=404, target=f"registration:{registration_id}")
    form = AftercareForm(request.POST or None, initial={"contacted_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.aftercare_contact_record(
            actor=Actor.of(request), registration=registration, **form.cleaned_data
        )
        messages.success(request, _("The aftercare contact is recorded."))
        return redirect("worklist:index")
    audit_record(
        AuditAction.PUPIL_VIEWED,
        request=request,
        subject_pupil_id=registration.transition.pupil_id,
        details={"page": "further_aftercare"},
    )
    return render(
        request,
        "further_education/aftercare.html",
        {
            "registration": registration,
            "form": form,
            "contacts": list(registration.aftercare_contacts.all()),
            "reports": list(registration.start_reports.all()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, report_id: int) -> HttpResponse:
    """What the institution reported on the start, for the pupil's last mentor and the
    guides of the school the pupil left; marked seen from here."""
    found = (
        StartReport.objects.select_related(
            "registration__transition__pupil", "registration__institution"
        )
        .filter(pk=report_id)
        .first()
    )
    if found is None or not selectors.may_see_report(authenticated_user(request), found):
        deny(request, status=404, target=f"start_report:{report_id}")
    if request.method == "POST":
        services.start_report_seen(actor=Actor.of(request), report=found)
        messages.success(request, _("Marked as seen."))
        return redirect("worklist:index")
    audit_record(
        AuditAction.PUPIL_VIEWED,
        request=request,
        subject_pupil_id=found.registration.transition.pupil_id,
        details={"page": "start_report"},
    )
    return render(request, "further_education/report.html", {"report": found})
