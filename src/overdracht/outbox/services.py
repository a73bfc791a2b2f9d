"""Public services of the outbox: `mail_queue` (in the caller's transaction; delivered
once it commits), `mail_deliver`, `mail_retry_due` (command `send_mail_queue`, every few
minutes), `mail_retry` (the school administrator's button)."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import smtplib
from collections.abc import Sequence
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.outbox.models import OutgoingMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
FIRST_PAUSE = dt.timedelta(minutes=5)


def mail_queue(
    *,
    to: str,
    subject: str,
    body: str,
    school_id: int | None = None,
    attachments: Sequence[tuple[str, bytes | str, str]] = (),
) -> OutgoingMail:
    """Keep the e-mail with the caller's change and send it once that is committed; a
    rolled-back change sends nothing. `attachments`: (file name, text, MIME type)."""
    mail = OutgoingMail.objects.create(
        school_id=school_id,
        to=to,
        subject=subject[:300],
        message={
            "body": body,
            "attachments": [
                {
                    "name": n,
                    "content": base64.b64encode(c.encode() if isinstance(c, str) else c).decode(),
                    "type": t,
                }
                for n, c, t in attachments
            ],
        },
        next_try_at=timezone.now(),
    )
    transaction.on_commit(partial(mail_deliver, mail.pk))
    return mail


def mail_deliver(mail_id: int) -> bool:
    """Hand the e-mail to the mail server. Delivered: the row is gone. Refused or not
    reachable: tried again later, each pause twice the one before; after `MAX_ATTEMPTS`
    it waits for a person (the school administrator's page)."""
    mail = OutgoingMail.objects.filter(pk=mail_id, given_up_at__isnull=True).first()
    if mail is None:
        return False
    message = EmailMessage(
        mail.subject, mail.message.get("body", ""), settings.DEFAULT_FROM_EMAIL, [mail.to]
    )
    for attachment in mail.message.get("attachments", []):
        content = base64.b64decode(attachment["content"])
        message.attach(attachment["name"], content, attachment["type"])
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        now = timezone.now()
        mail.attempts += 1
        mail.last_error = f"{type(exc).__name__}: {exc}"[:300]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.given_up_at, mail.next_try_at = now, None
        else:
            mail.next_try_at = now + FIRST_PAUSE * 2 ** (mail.attempts - 1)
        mail.save(update_fields=["attempts", "last_error", "next_try_at", "given_up_at"])
        log.warning(
            "e-mail %s not delivered (attempt %s): %s", mail.pk, mail.attempts, type(exc).__name__
        )
        return False
    mail.delete()
    return True


def mail_retry_due(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Try the e-mails whose pause is over; returns (delivered, still waiting)."""
    due = OutgoingMail.objects.filter(
        given_up_at__isnull=True, next_try_at__lte=now or timezone.now()
    ).values_list("pk", flat=True)
    delivered = sum(1 for pk in list(due) if mail_deliver(pk))
    return delivered, OutgoingMail.objects.count()


def mail_retry(*, actor: Actor, mail: OutgoingMail) -> bool:
    """A person asks to try again now (after the mail server was fixed)."""
    OutgoingMail.objects.filter(pk=mail.pk).update(given_up_at=None, next_try_at=timezone.now())
    audit_record(AuditAction.MAIL_RETRIED, actor=actor, school_id=mail.school_id, target=mail)
    return mail_deliver(mail.pk)
