"""Dutch first: an English browser still gets Dutch; English only by the user's choice."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest


@pytest.mark.django_db
def test_english_browser_gets_dutch() -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").get(reverse("accounts:login"))
    assert '<html lang="nl">' in page.content.decode()
    assert "Inloggen" in page.content.decode()


@pytest.mark.django_db
def test_user_can_choose_english_and_back() -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert "Inloggen" in client.get(reverse("accounts:login")).content.decode()
