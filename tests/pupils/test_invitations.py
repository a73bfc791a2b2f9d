"""Invitations: a school invites a guardian or pupil; a one-time link that expires."""

from __future__ import annotations

import datetime as dt
import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.pupils import services
from overdracht.pupils.models import Guardian, Invitation
from tests.conftest import World, client_for

GOOD_PASSWORD = "Een-lang-wachtwoord-2026"


def invite_new_guardian(world: World) -> str:
    guardian = services.guardian_create(surname="Hof", surname_prefix="van 't", call_name="Piet")
    services.guardian_link(
        pupil=world.pupil, guardian=guardian, relationship="1", has_authority=True
    )
    client = client_for(world.mentor)
    with_captured = client.post(
        reverse("pupils:invitation_create", args=[world.pupil.pk]),
        {"recipient": str(guardian.pk), "email": "Piet@Example.org"},
    )
    assert with_captured.status_code == 302
    return link_from_mail()


def link_from_mail() -> str:
    body = str(mail.outbox[-1].body)
    match = re.search(r"https?://\S+/invitation/(\S+)/", body)
    assert match, body
    return reverse("pupils:invitation_accept", args=[match.group(1)])


@pytest.mark.django_db(transaction=True)
def test_guardian_invitation_sends_dutch_mail_and_links_account(world: World) -> None:
    link = invite_new_guardian(world)
    message = mail.outbox[-1]
    assert message.to == ["piet@example.org"]
    assert "Testcollege" in message.subject
    assert "nodigt u uit" in message.body

    client = Client()
    response = client.post(
        link,
        {"full_name": "Piet van 't Hof", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="piet@example.org")
    assert Guardian.objects.get(user=user).call_name == "Piet"
    assert client.get(reverse("pupils:detail", args=[world.pupil.pk])).status_code == 200
    assert client.get(reverse("pupils:detail", args=[world.classmate.pk])).status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditAction.INVITATION_ACCEPTED, actor_id=user.pk
    ).exists()


@pytest.mark.django_db(transaction=True)
def test_link_works_once(world: World) -> None:
    link = invite_new_guardian(world)
    data = {"full_name": "Piet", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    assert Client().post(link, data).status_code == 302
    again = Client().get(link)
    assert again.status_code == 410
    assert "al gebruikt" in again.content.decode()


@pytest.mark.django_db(transaction=True)
def test_expired_link_is_refused(world: World) -> None:
    link = invite_new_guardian(world)
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    response = Client().get(link)
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()


@pytest.mark.django_db
def test_made_up_link_is_refused() -> None:
    response = Client().get(reverse("pupils:invitation_accept", args=["made-up-token"]))
    assert response.status_code == 410
    assert "niet geldig" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_weak_or_mismatched_password_is_refused_and_nothing_is_created(world: World) -> None:
    link = invite_new_guardian(world)
    weak = Client().post(
        link, {"full_name": "Piet", "password1": "12345678", "password2": "12345678"}
    )
    assert weak.status_code == 200
    mismatch = Client().post(
        link, {"full_name": "Piet", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD + "x"}
    )
    assert "niet gelijk" in mismatch.content.decode()
    assert not User.objects.filter(email="piet@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.django_db
def test_only_the_token_hash_is_stored(world: World) -> None:
    client = client_for(world.mentor)
    client.post(
        reverse("pupils:invitation_create", args=[world.pupil.pk]),
        {"recipient": "pupil", "email": "jan@example.org"},
    )
    # on_commit does not run inside a test transaction: read the token from the service.
    invitation = Invitation.objects.get()
    assert len(invitation.token_hash) == 64
    assert invitation.kind == "pupil"
    assert invitation.guardian is None


@pytest.mark.django_db
def test_invalid_email_gets_a_dutch_message(world: World) -> None:
    response = client_for(world.mentor).post(
        reverse("pupils:invitation_create", args=[world.pupil.pk]),
        {"recipient": "pupil", "email": "geen-adres"},
    )
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_existing_account_address_is_refused_without_changing_that_account(world: World) -> None:
    client = client_for(world.mentor)
    client.post(
        reverse("pupils:invitation_create", args=[world.pupil.pk]),
        {"recipient": "pupil", "email": "docent@test.example"},
    )
    link = link_from_mail()
    old_hash = world.colleague.password
    response = Client().post(
        link, {"full_name": "X", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    )
    assert response.status_code == 410
    world.colleague.refresh_from_db()
    assert world.colleague.password == old_hash
