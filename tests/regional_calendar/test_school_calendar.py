"""A school's view of the regional calendar: ticking off checklists, and what is overdue."""

from __future__ import annotations

import datetime as dt
import html

from django.urls import reverse

import pytest

from overdracht.audit.models import AuditEvent
from overdracht.core.school_year import current_school_year
from overdracht.regional_calendar.models import ChecklistTick, Milestone
from overdracht.steps.models import TransitionStep
from tests.conftest import World, client_for
from tests.steps.helpers import career_counsellor, leaving_for_mbo


@pytest.fixture
def counsellor(world: World) -> object:
    leaving_for_mbo(world, world.classmate)
    return career_counsellor(world)


def _milestone(world: World) -> Milestone:
    return Milestone.objects.get(
        region=world.school.region, school_year=current_school_year(), key="mbo_registration"
    )


@pytest.mark.django_db
def test_the_responsible_role_ticks_off_the_checklist(world: World, counsellor: object) -> None:
    milestone = _milestone(world)
    url = reverse("regional_calendar:checklist_save", args=[world.school.pk, milestone.pk])
    page_url = reverse("regional_calendar:calendar", args=[world.school.pk])
    decaan = client_for(counsellor)  # type: ignore[arg-type]
    assert url in decaan.get(page_url).content.decode()
    response = decaan.post(url, {"item": ["Iedere leerling aangemeld"]})
    assert response.status_code == 302
    assert set(ChecklistTick.objects.values_list("item", flat=True)) == {
        "Iedere leerling aangemeld"
    }
    page = html.unescape(client_for(world.care_coordinator).get(page_url).content.decode())
    assert url not in page  # the care coordinator sees the ticks, does not set them
    assert "gedaan: </span>Iedere leerling aangemeld" in page
    # an item that is not on the checklist: refused, nothing changes
    response = decaan.post(url, {"item": ["Iets anders"]}, follow=True)
    assert "staat niet op de checklist" in html.unescape(response.content.decode())
    assert ChecklistTick.objects.count() == 1
    decaan.post(url, {})  # untick everything
    assert not ChecklistTick.objects.exists()
    assert client_for(world.care_coordinator).post(url, {"item": []}).status_code == 404
    assert client_for(world.other_school_user).post(url, {"item": []}).status_code == 404


@pytest.mark.django_db
def test_the_calendar_lists_overdue_steps_of_the_school(world: World) -> None:
    arrival = TransitionStep.objects.get(transition__pupil=world.pupil, key="received")
    sent = TransitionStep.objects.get(transition__pupil=world.pupil, key="dossier_sent")
    TransitionStep.objects.filter(pk__in=[arrival.pk, sent.pk]).update(due_date=dt.date(2000, 3, 1))
    page = html.unescape(
        client_for(world.care_coordinator)
        .get(reverse("regional_calendar:calendar", args=[world.school.pk]))
        .content.decode()
    )
    listed = page[page.index('data-testid="overdue-steps"') :]
    listed = listed[: listed.index("</ul>")]
    assert "Jan van 't Hof</a>: Dossier ontvangen" in listed
    assert "Dossier verstuurd" not in listed  # the sending school's step
    assert AuditEvent.objects.filter(
        action="pupil_list.viewed", school_id=world.school.pk, details__list="overdue_steps"
    ).exists()
    other = html.unescape(
        client_for(world.other_school_user)
        .get(reverse("regional_calendar:calendar", args=[world.other_school.pk]))
        .content.decode()
    )
    assert "Dossier verstuurd" in other
