"""The mentor handover's pages: the school's list (who still writes, who still reads, who
still wants a conversation) and one pupil's handover (write it, or read and confirm it).
Thin: access checked, forms in, services called."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from overdracht.accounts.actor import Actor
from overdracht.accounts.selectors import authenticated_user, user_names
from overdracht.audit.models import AuditAction
from overdracht.audit.services import list_viewed
from overdracht.mentor_handover import permissions, selectors, services
from overdracht.mentor_handover.agenda import ITEMS
from overdracht.mentor_handover.forms import HandoverForm
from overdracht.pupils.permissions import pupil_access_or_404, pupil_read_record
from overdracht.schools.permissions import Perm, deny, school_or_404


@login_required
def school_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.VIEW_TRANSITIONS)
    user = authenticated_user(request)
    rows = [r for r in selectors.handovers_of_school(school) if permissions.may_read(user, r)]
    list_viewed(request, name="mentor_handovers", rows=len(rows), school_id=school.pk)
    mentors = user_names([m for r in rows for m in (*r.from_mentor_ids, *r.to_mentor_ids)])
    return render(
        request,
        "mentor_handover/list.html",
        {"school": school, "rows": rows, "mentors": mentors},
    )


@login_required
@require_http_methods(["GET", "POST"])
def handover(request: HttpRequest, transition_id: int) -> HttpResponse:
    user = authenticated_user(request)
    row = selectors.handover_row(transition_id)
    if row is None or not permissions.may_read(user, row):
        deny(request, status=404, target=f"transition:{transition_id}")
    access = pupil_access_or_404(request, row.pupil.pk)
    may_write = permissions.may_write(user, row) and row.state != "confirmed"
    written: dict[str, str] = dict(row.handover.answers) if row.handover else {}
    initial: dict[str, object] = {**(written or services.prefill(row))}
    if row.handover is not None:
        initial["conversation_wanted"] = row.handover.conversation_wanted
    form = HandoverForm(
        request.POST if request.POST.get("form") == "write" else None, initial=initial
    )
    if request.method == "POST":
        if request.POST.get("form") == "write" and may_write and form.is_valid():
            try:
                services.handover_write(
                    actor=Actor.of(request),
                    row=row,
                    answers=form.answers(),
                    conversation_wanted=form.cleaned_data["conversation_wanted"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("The handover of %(name)s is saved; the new mentor sees it in My tasks.")
                    % {"name": row.pupil.name},
                )
                return redirect("mentor_handover:school", school_id=row.transition.to_school_id)
        elif request.POST.get("form") == "confirm" and permissions.may_confirm(user, row):
            try:
                services.handover_confirm(actor=Actor.of(request), row=row)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _(
                        "You have read the handover of %(name)s; you now follow the pupil's "
                        "agreements and care."
                    )
                    % {"name": row.pupil.name},
                )
            return redirect("mentor_handover:handover", transition_id=row.transition.pk)
    pupil_read_record(request, access, AuditAction.PUPIL_VIEWED, page="mentor_handover")
    names = user_names(
        [i for i in (row.handover.written_by_id, row.handover.confirmed_by_id) if i]
        if row.handover
        else []
    )
    return render(
        request,
        "mentor_handover/handover.html",
        {
            "row": row,
            "pupil": row.pupil,
            "form": form,
            "may_write": may_write,
            "may_confirm": permissions.may_confirm(user, row) and row.state == "written",
            "items": [(item, written.get(item.key, "")) for item in ITEMS],
            "names": names,
        },
    )
