"""Single sign-on against a real OpenID Connect provider, started in the test on this machine
(oidc-provider-mock: discovery, authorization code flow, signed ID tokens, JWKS). Nothing of
our own code or of Authlib is mocked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.test import Client
from django.urls import reverse

import oidc_provider_mock
import pytest
import requests

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.schools.models import SchoolBoard
from overdracht.sso.models import ExternalIdentity, IdentityProvider
from overdracht.sso.services import provider_save
from tests.conftest import World


@dataclass
class Provider:
    base: str  # e.g. http://localhost:40123

    def user(self, sub: str, **claims: str | bool | list[str]) -> None:
        """What the provider asserts for this subject (the test's part of its login form)."""
        requests.put(f"{self.base}/users/{sub}", json=claims, timeout=5).raise_for_status()

    def authorize(self, url: str, sub: str, action: str = "") -> str:
        """Log in at the provider as `sub` (or deny): the address it sends the browser back to."""
        data = {"sub": sub} if not action else {"action": action}
        answer = requests.post(url, data=data, allow_redirects=False, timeout=5)
        assert answer.status_code == 302, answer.text[:300]
        return answer.headers["Location"]


@pytest.fixture
def provider() -> Iterator[Provider]:
    with oidc_provider_mock.run_server_in_thread(require_nonce=True) as server:
        yield Provider(base=f"http://localhost:{server.server_port}")


def _configured(provider: Provider, world: World, **kwargs: object) -> IdentityProvider:
    return provider_save(
        slug="bestuur",
        name="Bestuursaccount",
        discovery_url=f"{provider.base}/.well-known/openid-configuration",
        client_id="overdracht",
        client_secret="geheim",
        board=world.school.board,
        **kwargs,  # type: ignore[arg-type]
    )


def _sso_login(client: Client, provider: Provider, sub: str, next_url: str = "") -> str:
    """Start at our login button, log in at the provider, come back: where we land."""
    start = reverse("sso:start", args=["bestuur"]) + (f"?next={next_url}" if next_url else "")
    to_provider = client.get(start)
    assert to_provider.status_code == 302
    assert to_provider["Location"].startswith(provider.base)
    back = provider.authorize(to_provider["Location"], sub)
    parts = urlsplit(back)
    assert parts.path == reverse("sso:callback", args=["bestuur"])
    answer = client.get(parts.path, parse_qs(parts.query))
    return str(answer["Location"]) if answer.status_code == 302 else answer.content.decode()


@pytest.mark.django_db
def test_known_staff_member_lands_on_their_start_page(world: World, provider: Provider) -> None:
    _configured(provider, world)
    provider.user("abc-123", email="Docent@Test.example", email_verified=True, amr=["pwd"])
    client = Client()
    assert "Inloggen met Bestuursaccount" in client.get(reverse("accounts:login")).content.decode()
    landed = _sso_login(client, provider, "abc-123")
    assert landed == reverse("dashboard:home")
    home = client.get(landed)
    assert home.status_code == 200
    assert home.wsgi_request.user == world.colleague
    identity = ExternalIdentity.objects.get(subject="abc-123")
    assert identity.user == world.colleague
    event = AuditEvent.objects.filter(action=AuditAction.LOGIN).latest("pk")
    assert event.actor_id == world.colleague.pk
    assert event.details["method"] == "sso"
    assert event.details["mfa"] is False


@pytest.mark.django_db
def test_the_subject_is_pinned_so_a_changed_email_still_finds_the_account(
    world: World, provider: Provider
) -> None:
    _configured(provider, world)
    provider.user("abc-123", email="docent@test.example", email_verified=True)
    _sso_login(Client(), provider, "abc-123")
    provider.user("abc-123", email="nieuw-adres@test.example", email_verified=True)
    client = Client()
    assert _sso_login(client, provider, "abc-123") == reverse("dashboard:home")
    assert client.get(reverse("dashboard:home")).wsgi_request.user == world.colleague


@pytest.mark.django_db
def test_unknown_staff_member_is_refused_with_a_clear_message(
    world: World, provider: Provider
) -> None:
    _configured(provider, world)
    provider.user("zzz", email="onbekend@test.example", email_verified=True)
    client = Client()
    page = _sso_login(client, provider, "zzz")
    assert "er is bij Overdracht geen account voor u" in page
    assert "schoolbeheerder" in page
    assert not client.get(reverse("dashboard:home")).wsgi_request.user.is_authenticated
    assert not ExternalIdentity.objects.exists()
    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert event.details == {
        "method": "sso",
        "provider": event.details["provider"],
        "reason": "unknown",
    }


@pytest.mark.django_db
def test_no_user_is_created_on_the_fly(world: World, provider: Provider) -> None:
    from overdracht.accounts.models import User

    _configured(provider, world)
    before = User.objects.count()
    provider.user("new-person", email="nieuw@test.example", email_verified=True, name="Nieuw")
    _sso_login(Client(), provider, "new-person")
    assert User.objects.count() == before


@pytest.mark.django_db
def test_a_provider_vouches_only_for_staff_of_its_own_board(
    world: World, provider: Provider
) -> None:
    other_board = SchoolBoard.objects.create(name="Ander bestuur", board_number="20002")
    provider_save(
        slug="bestuur",
        name="Bestuursaccount",
        discovery_url=f"{provider.base}/.well-known/openid-configuration",
        client_id="overdracht",
        client_secret="geheim",
        board=other_board,
    )
    provider.user("abc-123", email="docent@test.example", email_verified=True)
    client = Client()
    page = _sso_login(client, provider, "abc-123")
    assert "geen account voor u" in page
    assert not client.get(reverse("dashboard:home")).wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_families_cannot_log_in_with_a_school_provider(world: World, provider: Provider) -> None:
    _configured(provider, world)
    provider.user("parent", email="ouder@test.example", email_verified=True)
    client = Client()
    assert "geen account voor u" in _sso_login(client, provider, "parent")
    assert not client.get(reverse("dashboard:home")).wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_an_unverified_email_address_is_not_trusted(world: World, provider: Provider) -> None:
    _configured(provider, world)
    provider.user("abc-123", email="docent@test.example", email_verified=False)
    page = _sso_login(Client(), provider, "abc-123")
    assert "heeft uw e-mailadres niet bevestigd" in page
    provider.user("abc-456", email="docent@test.example")  # no email_verified claim at all
    assert "niet bevestigd" in _sso_login(Client(), provider, "abc-456")


@pytest.mark.django_db
def test_a_provider_that_vouches_for_its_addresses_needs_no_email_verified_claim(
    world: World, provider: Provider
) -> None:
    _configured(provider, world, email_verified_by_provider=True)
    provider.user("abc-456", email="docent@test.example")
    assert _sso_login(Client(), provider, "abc-456") == reverse("dashboard:home")


@pytest.mark.django_db
def test_provider_asserting_mfa_skips_our_second_step(world: World, provider: Provider) -> None:
    _configured(provider, world)
    # The care coordinator's role requires a second step.
    provider.user("care-1", email="zorg@test.example", email_verified=True, amr=["pwd", "mfa"])
    client = Client()
    assert _sso_login(client, provider, "care-1") == reverse("dashboard:home")
    home = client.get(reverse("dashboard:home"))
    assert home.status_code == 200
    event = AuditEvent.objects.filter(action=AuditAction.LOGIN).latest("pk")
    assert event.details["mfa"] is True


@pytest.mark.django_db
def test_provider_asserting_the_refeds_mfa_profile_skips_our_second_step(
    world: World, provider: Provider
) -> None:
    _configured(provider, world)
    provider.user(
        "care-1",
        email="zorg@test.example",
        email_verified=True,
        acr="https://refeds.org/profile/mfa",
    )
    client = Client()
    _sso_login(client, provider, "care-1")
    assert client.get(reverse("dashboard:home")).status_code == 200


@pytest.mark.django_db
def test_without_mfa_from_the_provider_our_second_step_is_asked(
    world: World, provider: Provider
) -> None:
    _configured(provider, world)
    provider.user("care-1", email="zorg@test.example", email_verified=True, amr=["pwd"])
    client = Client()
    _sso_login(client, provider, "care-1", next_url="/")
    answer = client.get(reverse("dashboard:home"))
    assert answer.status_code == 302
    assert answer["Location"] == reverse("accounts:two_factor_setup")


@pytest.mark.django_db
def test_cancelling_at_the_provider_says_so(world: World, provider: Provider) -> None:
    _configured(provider, world)
    client = Client()
    to_provider = client.get(reverse("sso:start", args=["bestuur"]))
    back = urlsplit(provider.authorize(to_provider["Location"], "", action="deny"))
    page = client.get(back.path, parse_qs(back.query))
    assert page.status_code == 400
    assert "U heeft het inloggen bij Bestuursaccount afgebroken." in page.content.decode()
    assert AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED).details["reason"] == "cancelled"


@pytest.mark.django_db
def test_an_answer_meant_for_another_session_is_refused(world: World, provider: Provider) -> None:
    _configured(provider, world)
    provider.user("abc-123", email="docent@test.example", email_verified=True)
    victim, attacker = Client(), Client()
    to_provider = attacker.get(reverse("sso:start", args=["bestuur"]))
    back = urlsplit(provider.authorize(to_provider["Location"], "abc-123"))
    page = victim.get(back.path, parse_qs(back.query))  # login CSRF: the state is not theirs
    assert page.status_code == 400
    assert not victim.get(reverse("dashboard:home")).wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_an_unreachable_provider_gets_a_clear_message(world: World) -> None:
    provider_save(
        slug="bestuur",
        name="Bestuursaccount",
        discovery_url="http://127.0.0.1:9/.well-known/openid-configuration",
        client_id="overdracht",
        client_secret="geheim",
        board=world.school.board,
    )
    page = Client().get(reverse("sso:start", args=["bestuur"]))
    assert page.status_code == 502
    assert "is nu niet bereikbaar" in page.content.decode()


@pytest.mark.django_db
def test_an_inactive_or_unknown_provider_is_404(world: World, provider: Provider) -> None:
    _configured(provider, world, active=False)
    assert Client().get(reverse("sso:start", args=["bestuur"])).status_code == 404
    assert Client().get(reverse("sso:start", args=["niets"])).status_code == 404
    assert "Inloggen met" not in Client().get(reverse("accounts:login")).content.decode()
