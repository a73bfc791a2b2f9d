"""Journey of single sign-on, from the start page by clicking, on the demo region with the
demo's login service (a real OpenID Connect provider, started in the test): the care
coordinator, whose provider asserts a multi-factor login, lands on her start page without
our second step; the mentor, without it, is asked for our code; someone the school has not
added is refused with a message that says what to do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import oidc_provider_mock
import pytest
from playwright.sync_api import expect

from overdracht.demo.login_service import IDENTITIES, claims_of
from overdracht.demo.services import REGION_NAME, demo_region_load
from overdracht.schools.models import Region
from overdracht.sso.services import provider_save
from tests.browser.conftest import CONTEXT, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def login_service() -> Iterator[str]:
    users = [oidc_provider_mock.User(sub=i.subject, claims=claims_of(i)) for i in IDENTITIES]
    with oidc_provider_mock.run_server_in_thread(require_nonce=True, user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


def _log_in_at_the_provider(page: Any, base: str, subject: str, *, check_a11y: bool) -> None:
    page.goto(base)
    expect(page.get_by_role("heading", name="Inloggen", exact=True)).to_be_visible()
    if check_a11y:
        assert_accessible(page)
    page.get_by_role("link", name="Inloggen met Demo-inlogdienst").click()
    page.get_by_role("button", name=subject).click()  # the provider's own page


def test_staff_log_in_with_their_schools_account(
    live_server: Any, browser: Any, login_service: str
) -> None:
    demo_region_load()
    provider_save(
        slug="demo",
        name="Demo-inlogdienst",
        discovery_url=f"{login_service}/.well-known/openid-configuration",
        client_id="overdracht-demo",
        client_secret="demo-only",
        region=Region.objects.get(name=REGION_NAME),
    )
    base = live_server.url

    care = browser.new_context(**CONTEXT).new_page()
    _log_in_at_the_provider(care, base, "zorg-waalstad-mfa", check_a11y=True)
    expect(care.get_by_role("heading", name=re.compile("^Welkom"))).to_be_visible()
    assert_accessible(care)

    mentor = browser.new_context(**CONTEXT).new_page()
    _log_in_at_the_provider(mentor, base, "mentor-waalstad", check_a11y=False)
    expect(mentor.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()

    stranger = browser.new_context(**CONTEXT).new_page()
    _log_in_at_the_provider(stranger, base, "onbekende-medewerker", check_a11y=False)
    expect(stranger.get_by_role("heading", name="Inloggen is niet gelukt")).to_be_visible()
    expect(stranger.get_by_role("alert")).to_contain_text("Vraag de schoolbeheerder")
    assert_accessible(stranger)
    stranger.get_by_role("link", name="Inloggen met uw wachtwoord").click()
    expect(stranger.get_by_label("E-mailadres")).to_be_visible()
