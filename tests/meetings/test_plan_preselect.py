"""The plan form chooses the transition it was opened for, or the only one there is."""

from __future__ import annotations

from django.urls import reverse

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Transition
from tests.conftest import World, client_for


def _selected(page: str) -> list[str]:
    start = page.index('name="transition"')
    select = page[start : page.index("</select>", start)]
    options = select.split('<option value="')[1:]
    return [o.split('"')[0] for o in options if "selected" in o.split(">")[0] and o[0] != '"']


@pytest.mark.django_db
def test_the_only_transition_is_chosen_already(world: World) -> None:
    only = Transition.objects.get(pupil=world.pupil)
    page = client_for(world.mentor).get(reverse("meetings:plan", args=[world.pupil.pk]))
    assert _selected(page.content.decode()) == [str(only.pk)]


@pytest.mark.django_db
def test_the_transition_the_page_was_opened_for_is_chosen(world: World) -> None:
    inside = pupil_services.transition_create(
        pupil=world.pupil,
        kind="within_school",
        from_school=world.school,
        to_school=world.school,
        school_year=current_school_year() + 1,
    )
    url = reverse("meetings:plan", args=[world.pupil.pk])
    client = client_for(world.mentor)
    assert _selected(client.get(url).content.decode()) == []  # two: the mentor chooses
    chosen = client.get(f"{url}?transition={inside.pk}").content.decode()
    assert _selected(chosen) == [str(inside.pk)]
    assert client.get(f"{url}?transition=abc").status_code == 200
