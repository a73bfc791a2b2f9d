"""Login, lockout, two-step verification, recovery codes, session limits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from overdracht.accounts.models import User
from overdracht.accounts.services import SESSION_LAST_ACTIVITY, SESSION_STARTED_AT
from overdracht.audit.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

from tests.conftest import PASSWORD, World, verified_login


def login(client: Client, email: str, password: str = PASSWORD) -> _MonkeyPatchedWSGIResponse:
    return client.post(reverse("accounts:login"), {"email": email, "password": password})


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.django_db
def test_login_page_is_dutch_and_has_labelled_fields() -> None:
    page = Client().get(reverse("accounts:login")).content.decode()
    assert '<html lang="nl">' in page
    assert "Inloggen" in page
    assert '<label for="id_email">' in page
    assert '<label for="id_password">' in page


@pytest.mark.django_db
def test_teacher_logs_in_without_second_step(world: World) -> None:
    client = Client()
    response = login(client, "docent@test.example")
    assert response.status_code == 302
    assert client.get(reverse("dashboard:home")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor_id=world.colleague.pk).exists()


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_dutch_message_and_audited(world: World) -> None:
    response = login(Client(), "docent@test.example", "wrong")
    assert response.status_code == 200
    assert "Het e-mailadres of wachtwoord klopt niet." in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert event.target == f"user:{world.colleague.pk}"


@pytest.mark.django_db
def test_lockout_after_repeated_failures(world: World) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "docent@test.example", "wrong")
    response = login(client, "docent@test.example")  # even the right password now
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOCKOUT).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.LOGIN).exists()


@pytest.mark.django_db
def test_care_role_must_set_up_two_factor_before_anything_else(world: World) -> None:
    client = Client()
    login(client, "zorg@test.example")
    response = client.get(reverse("pupils:detail", args=[world.pupil.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two_factor_setup")
    setup = client.get(reverse("accounts:two_factor_setup"))
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=world.care_coordinator, confirmed=False)

    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "Die code klopt niet" in wrong.content.decode()
    # A failed code throttles the device for a second; a person simply types the next code.
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post(reverse("accounts:two_factor_setup"), {"token": current_code(device)})
    assert done.status_code == 200
    assert len(done.context["codes"]) == settings.OVERDRACHT_RECOVERY_CODE_COUNT
    assert client.get(reverse("pupils:detail", args=[world.pupil.pk])).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.TWO_FACTOR_ENABLED).exists()


@pytest.mark.django_db
def test_recovery_code_works_once(world: World) -> None:
    setup_client = Client()
    login(setup_client, "zorg@test.example")
    setup_client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=world.care_coordinator)
    codes = setup_client.post(
        reverse("accounts:two_factor_setup"), {"token": current_code(device)}
    ).context["codes"]

    first = Client()
    login(first, "zorg@test.example")
    assert first.get(reverse("dashboard:home"))["Location"] == reverse("accounts:two_factor_verify")
    ok = first.post(reverse("accounts:two_factor_verify"), {"token": codes[0]})
    assert ok.status_code == 302
    assert first.get(reverse("dashboard:home")).status_code == 200

    second = Client()
    login(second, "zorg@test.example")
    again = second.post(reverse("accounts:two_factor_verify"), {"token": codes[0]})
    assert again.status_code == 200
    assert "Die code klopt niet" in again.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.RECOVERY_CODE_USED).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.TWO_FACTOR_FAILED).exists()


@pytest.mark.django_db
def test_required_two_factor_cannot_be_switched_off(world: World) -> None:
    client = verified_login(Client(), world.care_coordinator)
    client.post(reverse("accounts:two_factor_disable"))
    assert TOTPDevice.objects.filter(user=world.care_coordinator).exists()


@pytest.mark.django_db
def test_optional_two_factor_can_be_switched_off(world: World) -> None:
    client = verified_login(Client(), world.colleague)
    client.post(reverse("accounts:two_factor_disable"))
    assert not TOTPDevice.objects.filter(user=world.colleague).exists()
    assert AuditEvent.objects.filter(action=AuditAction.TWO_FACTOR_DISABLED).exists()


def _age_session(client: Client, *, started: float, last: float) -> None:
    session = client.session
    session[SESSION_STARTED_AT] = started
    session[SESSION_LAST_ACTIVITY] = last
    session.save()


@pytest.mark.django_db
def test_idle_session_ends(world: World) -> None:
    client = verified_login(Client(), world.colleague)
    now = timezone.now().timestamp()
    idle = settings.SESSION_IDLE_TIMEOUT.total_seconds()
    _age_session(client, started=now - idle - 60, last=now - idle - 1)
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard:home")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.SESSION_EXPIRED).exists()


@pytest.mark.django_db
def test_active_session_still_ends_at_the_absolute_limit(world: World) -> None:
    client = verified_login(Client(), world.colleague)
    now = timezone.now().timestamp()
    absolute = settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds()
    _age_session(client, started=now - absolute - 1, last=now - 5)
    assert client.get(reverse("dashboard:home")).status_code == 302


@pytest.mark.django_db
def test_active_session_continues(world: World) -> None:
    client = verified_login(Client(), world.colleague)
    now = timezone.now().timestamp()
    _age_session(client, started=now - 3600, last=now - 120)
    assert client.get(reverse("dashboard:home")).status_code == 200
    assert client.session[SESSION_LAST_ACTIVITY] > now - 5


@pytest.mark.django_db
def test_log_out_everywhere_ends_other_sessions(world: World) -> None:
    laptop = verified_login(Client(), world.colleague)
    phone = verified_login(Client(), world.colleague)
    assert phone.get(reverse("dashboard:home")).status_code == 200
    laptop.post(reverse("accounts:logout_everywhere"))
    assert phone.get(reverse("dashboard:home")).status_code == 302
    assert laptop.get(reverse("dashboard:home")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT_EVERYWHERE).exists()


@pytest.mark.django_db
def test_logout_is_post_only_and_audited(world: World) -> None:
    client = verified_login(Client(), world.colleague)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("dashboard:home")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT).exists()


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2_outside_tests() -> None:
    from overdracht.conf import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_login_redirects_only_to_local_next(world: World) -> None:
    client = Client()
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"email": "docent@test.example", "password": PASSWORD},
    )
    assert response["Location"] == reverse("dashboard:home")


@pytest.mark.django_db
def test_email_is_case_insensitive_at_login(world: World) -> None:
    assert login(Client(), "DOCENT@Test.Example").status_code == 302
    assert User.objects.filter(email="docent@test.example").count() == 1
