"""Browser tests: Playwright driving Debian's Chromium, with an axe-core check per page."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from overdracht.demo.services import DEMO_PASSWORD

CHROMIUM = Path(os.environ.get("OVERDRACHT_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / ".cache/node/node_modules/axe-core/axe.min.js"
# Screenshots the journeys keep (CI can collect them as test artefacts).
ARTEFACTS = Path(
    os.environ.get(
        "OVERDRACHT_TEST_ARTEFACTS", Path(__file__).resolve().parents[2] / "var/test-artefacts"
    )
)
ARTEFACTS.mkdir(parents=True, exist_ok=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium not found at {CHROMIUM} (make browser-deps installs it)")
    if not AXE.exists():
        missing.append(f"axe-core not found at {AXE} (make browser-deps installs it)")
    if os.environ.get("OVERDRACHT_BROWSER_TESTS") == "skip":
        # Asked for on purpose (make test OVERDRACHT_BROWSER_TESTS=skip): said, never silent.
        skip = pytest.mark.skip(reason="browser journeys left out (OVERDRACHT_BROWSER_TESTS=skip)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)
        return
    if missing and any("browser" in item.keywords for item in items):
        raise pytest.UsageError(
            "; ".join(missing) + " — or set OVERDRACHT_BROWSER_TESTS=skip to leave them out"
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _browser_contexts_closed(request: pytest.FixtureRequest) -> Iterator[None]:
    """Close every browser context a journey opened when it ends: the browser's kept-alive
    connections would otherwise keep the live server's request threads, and with them their
    database connections, open until the session ends (PostgreSQL runs out of them)."""
    yield
    if "browser" in request.fixturenames:
        browser = request.getfixturevalue("browser")
        for context in list(browser.contexts):
            context.close()


def assert_accessible(page: Any) -> None:
    """No serious or critical WCAG 2.1 A/AA violations on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
            return result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
        }"""
    )
    assert violations == [], f"{page.url}: {violations}"


def code_for_secret(secret_text: str) -> str:
    secret = secret_text.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


# axe-core is injected as a script; the product's CSP (asserted in tests/conf) would block it.
CONTEXT: dict[str, Any] = {"locale": "nl-NL", "bypass_csp": True}


def log_in_with_new_second_step(
    page: Any, base_url: str, email: str, *, check_a11y: bool, password: str = DEMO_PASSWORD
) -> None:
    page.goto(f"{base_url}/accounts/login/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    if check_a11y:
        assert_accessible(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    if check_a11y:
        assert_accessible(page)
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.get_by_label("Code uit de app").fill(code_for_secret(secret))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    page.get_by_role("link", name="Ik heb ze bewaard, ga verder").click()
    expect(page.get_by_role("heading", name=re.compile("^Welkom"))).to_be_visible()
