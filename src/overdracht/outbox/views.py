"""The school administrator's page of e-mails that did not arrive at the mail server."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from overdracht.accounts.actor import Actor
from overdracht.audit.services import list_viewed
from overdracht.outbox.models import OutgoingMail
from overdracht.outbox.services import mail_retry
from overdracht.schools.permissions import Perm, school_or_404


@login_required
def undelivered(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_SCHOOL_DETAILS)
    waiting = list(OutgoingMail.objects.filter(school_id=school.pk).defer("message"))
    list_viewed(request, name="undelivered_mail", rows=len(waiting), school_id=school.pk)
    return render(request, "outbox/undelivered.html", {"school": school, "mails": waiting})


@login_required
@require_POST
def retry(request: HttpRequest, school_id: int, mail_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_SCHOOL_DETAILS)
    found = OutgoingMail.objects.filter(school_id=school.pk, pk=mail_id).first()
    if found is None:
        raise Http404
    if mail_retry(actor=Actor.of(request), mail=found):
        messages.success(request, _("The e-mail has been delivered to the mail server."))
    else:
        messages.error(request, _("The mail server did not take it this time either."))
    return redirect("outbox:undelivered", school_id=school.pk)
