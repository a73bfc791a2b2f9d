"""Every e-mail goes through the outbox: sent after the commit, tried again with growing
pauses when the mail server refuses, shown to the school administrator when it keeps
failing, and not kept once delivered."""

from __future__ import annotations

import datetime as dt
import itertools

from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.outbox.models import OutgoingMail
from overdracht.outbox.services import MAX_ATTEMPTS, mail_queue, mail_retry_due
from tests.conftest import World, client_for

REFUSING = "tests.outbox.backends.RefusingBackend"


@pytest.mark.django_db(transaction=True)
def test_a_delivered_email_is_sent_after_the_commit_and_not_kept() -> None:
    with transaction.atomic():
        mail_queue(to="ouder@thuis.example", subject="Uitnodiging", body="Welkom", school_id=1)
        assert mail.outbox == []
    assert [m.subject for m in mail.outbox] == ["Uitnodiging"]
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_sends_nothing() -> None:
    def change_that_fails() -> None:
        with transaction.atomic():
            mail_queue(to="ouder@thuis.example", subject="Uitnodiging", body="Welkom")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        change_that_fails()
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_attachment_arrives_as_it_was_given() -> None:
    mail_queue(
        to="a@b.example",
        subject="Agenda",
        body="Zie bijlage",
        attachments=[("uitnodiging.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
    )
    (name, content, kind) = mail.outbox[0].attachments[0]
    assert name == "uitnodiging.ics"
    assert "BEGIN:VCALENDAR" in str(content)
    assert kind.startswith("text/calendar")


@pytest.mark.django_db(transaction=True)
def test_a_refused_email_is_tried_again_with_growing_pauses_then_waits_for_a_person(
    world: World,
) -> None:
    with override_settings(EMAIL_BACKEND=REFUSING):
        mail_queue(
            to="ouder@thuis.example", subject="Herinnering", body="Tekst", school_id=world.school.pk
        )
        kept = OutgoingMail.objects.get()
        assert kept.attempts == 1
        assert "SMTPServerDisconnected" in kept.last_error
        assert kept.next_try_at is not None
        pauses = [kept.next_try_at - timezone.now()]
        for _attempt in range(MAX_ATTEMPTS - 1):
            mail_retry_due(now=timezone.now() + dt.timedelta(days=2))
            kept.refresh_from_db()
            if kept.next_try_at:
                pauses.append(kept.next_try_at - timezone.now())
        assert kept.attempts == MAX_ATTEMPTS
        assert kept.given_up_at is not None
        assert all(b > a for a, b in itertools.pairwise(pauses))
    page = client_for(world.school_admin).get(reverse("outbox:undelivered", args=[world.school.pk]))
    assert "ouder@thuis.example" in page.content.decode()
    assert "Tekst" not in page.content.decode()  # the body is not shown
    # the mail server works again: the administrator's button delivers it
    client_for(world.school_admin).post(reverse("outbox:retry", args=[world.school.pk, kept.pk]))
    assert not OutgoingMail.objects.exists()
    assert [m.subject for m in mail.outbox] == ["Herinnering"]


@pytest.mark.django_db
def test_another_schools_waiting_email_is_404(world: World) -> None:
    waiting = OutgoingMail.objects.create(
        school_id=world.other_school.pk, to="x@y.example", subject="S", given_up_at=timezone.now()
    )
    admin = client_for(world.school_admin)
    assert (
        admin.post(reverse("outbox:retry", args=[world.school.pk, waiting.pk])).status_code == 404
    )
    assert (
        client_for(world.mentor)
        .get(reverse("outbox:undelivered", args=[world.school.pk]))
        .status_code
        == 403
    )
