"""Pupil list, pupil page, school transitions, invitations. Views parse, call, render."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user
from overdracht.accounts.services import login_complete
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record, list_viewed
from overdracht.core.school_year import current_school_year, school_year_label
from overdracht.pupils import registration, selectors, services
from overdracht.pupils.forms import (
    InvitationAcceptForm,
    InvitationForm,
    PupilSearchForm,
    RegistrationForm,
)
from overdracht.pupils.permissions import Relation, pupil_access_or_404, pupil_read_record
from overdracht.schools.permissions import Perm, has_school_perm, school_or_404
from overdracht.schools.selectors import class_groups_of_school


@login_required
def school_pupils(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_PUPILS)
    year = current_school_year()
    class_groups = [(cg.pk, cg.name) for cg in class_groups_of_school(school, year)]
    form = PupilSearchForm(request.GET or None, class_groups=class_groups)
    query, class_group_id = "", None
    if form.is_valid():
        query = form.cleaned_data["q"] or ""
        class_group_id = form.cleaned_data["class_group"]
    after = _uuid_or_none(request.GET.get("after"))
    if form.is_bound and not form.is_valid():
        # A refused filter shows its error and no pupils, never the unfiltered list.
        page = selectors.PupilListPage(rows=[], next_after=None)
    else:
        page = selectors.pupil_list_page(
            school=school, class_group_id=class_group_id, query=query, after=after
        )
    audit_record(
        AuditAction.PUPIL_LIST_VIEWED,
        request=request,
        school_id=school.pk,
        details={"class_group": class_group_id, "searched": bool(query), "rows": len(page.rows)},
    )
    next_query = request.GET.copy()
    if page.next_after:
        next_query["after"] = str(page.next_after)
    context = {
        "school": school,
        "form": form,
        "page": page,
        "same_names": page.same_names,
        "year_label": school_year_label(year),
        "next_query": next_query.urlencode(),
        "is_first_page": after is None,
    }
    return render(request, "pupils/school_pupils.html", context)


@login_required
def pupil_detail(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.VIEW_PUPILS, families=True)
    page = selectors.pupil_page(access)
    audit_record(
        AuditAction.PUPIL_VIEWED,
        request=request,
        actor_role=access.role,
        school_id=access.school_id,
        subject_pupil_id=page.pupil.pk,
    )
    context = {
        "pupil": page.pupil,
        "access": access,
        "relations": page.relations,
        "enrolments": page.enrolments,
        "transitions": page.transitions,
        "show_contacts": access.can(Perm.VIEW_PUPIL_CONTACTS),
        "show_transitions": access.can(Perm.VIEW_TRANSITIONS),
        "can_guide_career": access.can(Perm.CAREER_GUIDANCE)
        and any(e.school.kind in ("VO", "VSO") for e in page.enrolments),
        "can_invite": access.can(Perm.INVITE_ACCOUNTS),
        "sending": access.can(Perm.EDIT_DOSSIER)
        and any(
            t.from_school_id == access.school_id and t.status in ("planned", "in_progress")
            for t in page.transitions
        ),
        "can_manage_reviews": access.can(Perm.MANAGE_REVIEWS),
        "can_plan_meeting": access.can(Perm.HANDOVER_MEETINGS),
        "can_refer": access.can(Perm.REFER_TO_CARE),
        "can_care_team": access.can(Perm.CARE_TEAM),
        "is_family": access.relation != Relation.STAFF,
        "show_dossier": access.relation == Relation.STAFF and access.level is not None,
    }
    return render(request, "pupils/pupil_detail.html", context)


@login_required
def school_transitions(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_TRANSITIONS)
    year = current_school_year()
    transitions = list(
        selectors.transitions_of_school(school=school, school_years=[year, year + 1])
    )
    list_viewed(request, name="transitions", rows=len(transitions), school_id=school.pk)
    waiting = request.GET.get("waiting", "")
    outgoing = [t for t in transitions if t.from_school_id == school.pk]
    waiting_counts = {
        key: selectors.outgoing_waiting(
            school=school, school_years=[year, year + 1], waiting=key
        ).count()
        for key in selectors.WAITING
    }
    if waiting in selectors.WAITING:
        outgoing = list(
            selectors.outgoing_waiting(
                school=school, school_years=[year, year + 1], waiting=waiting
            )
        )
    context = {
        "school": school,
        "waiting": waiting if waiting in selectors.WAITING else "",
        "waiting_counts": waiting_counts,
        "outgoing": outgoing,
        "can_register": has_school_perm(
            authenticated_user(request), Perm.IMPORT_DOSSIERS, school.pk
        )
        and not school.is_primary,
        "incoming": [t for t in transitions if t.to_school_id == school.pk],
    }
    return render(request, "pupils/school_transitions.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request: HttpRequest, pupil_id: uuid.UUID) -> HttpResponse:
    access = pupil_access_or_404(request, pupil_id, Perm.INVITE_ACCOUNTS)
    pupil = selectors.pupil_detail(pupil_id)
    guardians = list(selectors.guardians_to_invite(pupil))
    form = InvitationForm(request.POST or None, pupil=pupil, guardians=guardians)
    if request.method == "POST" and form.is_valid():
        assert access.school_id is not None
        services.invitation_create(
            actor=Actor.of(request),
            pupil=pupil,
            school_id=access.school_id,
            email=form.cleaned_data["email"],
            guardian=form.guardian(),
        )
        messages.success(
            request,
            _("The invitation has been sent. The link is valid for a limited number of days."),
        )
        return redirect("pupils:detail", pupil_id=pupil.pk)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="invitation")
    return render(request, "pupils/invitation_create.html", {"pupil": pupil, "form": form})


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as exc:
        return render(request, "pupils/invitation_invalid.html", {"reason": str(exc)}, status=410)
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                request=request,
                token=token,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationError as exc:
            return render(
                request, "pupils/invitation_invalid.html", {"reason": str(exc)}, status=410
            )
        login_complete(request, user=user)
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("dashboard:home")
    return render(
        request, "pupils/invitation_accept.html", {"form": form, "invitation": invitation}
    )


def _uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def registrations(request: HttpRequest, school_id: int) -> HttpResponse:
    """The receiving school records registrations and so asks for the dossiers."""
    school = school_or_404(request, school_id, Perm.IMPORT_DOSSIERS)
    if school.is_primary:
        raise Http404
    year = current_school_year() + 1
    form = RegistrationForm(
        request.POST or None,
        schools=registration.sending_schools(school),
        initial={"registered_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            found = registration.register(
                school=school,
                from_school=data["from_school"],
                number=data["number"],
                birth_date=data["birth_date"],
                day=data["registered_on"],
                due=data["due"],
                actor_id=request.user.pk,
            )
            messages.success(
                request,
                _("%(pupil)s is registered; %(school)s has been asked for the dossier.")
                % {"pupil": found.pupil.name, "school": data["from_school"].name},
            )
            return redirect("pupils:registrations", school_id=school.pk)
        except registration.RegistrationError as exc:
            form.add_error(None, exc.message)
    rows = list(registration.registrations_of(school, year))
    list_viewed(request, name="registrations", rows=len(rows), school_id=school.pk)
    return render(
        request,
        "pupils/registrations.html",
        {"school": school, "form": form, "rows": rows, "year": year},
    )
