"""The region sets its milestones; the due dates of open steps follow; only its partnership
staff may do so."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.regional_calendar.models import Milestone
from overdracht.schools.models import Region
from overdracht.steps.models import TransitionStep
from tests.conftest import World, client_for, verified_login
from tests.steps.helpers import leaving_for_mbo


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


def _form(region: Region) -> dict[str, str]:
    form = {}
    for m in Milestone.objects.filter(region=region, school_year=current_school_year()):
        form[f"title-{m.key}"] = m.title
        form[f"date-{m.key}"] = m.date.isoformat()
        form[f"checklist-{m.key}"] = "\n".join(m.checklist)
    return form


@pytest.mark.django_db
def test_partnership_staff_move_a_milestone_and_the_steps_follow(demo: None) -> None:
    region = Region.objects.get()
    year = current_school_year()
    swv = verified_login(Client(), User.objects.get(email="swv@swv-waalstad.example"))
    url = reverse("regional_calendar:region_milestones", args=[region.pk])
    assert "Voorlopig schooladvies" in swv.get(url).content.decode()
    assert url in swv.get(reverse("dashboard:home")).content.decode()
    form = _form(region)
    new_date = dt.date(year + 1, 3, 20)
    form["date-final_advice"] = new_date.isoformat()
    form["checklist-final_advice"] = "Gesprek met ouders\n\nAdvies in het LAS"
    assert swv.post(url, form).status_code == 302
    milestone = Milestone.objects.get(region=region, school_year=year, key="final_advice")
    assert milestone.date == new_date
    assert milestone.checklist == ["Gesprek met ouders", "Advies in het LAS"]
    open_steps = TransitionStep.objects.filter(
        key=milestone.step_key, transition__school_year=year + 1, done_at__isnull=True
    )
    assert open_steps.exists()
    assert set(open_steps.values_list("due_date", flat=True)) == {new_date}


@pytest.mark.django_db
def test_a_date_outside_the_school_year_is_refused_and_nothing_changes(demo: None) -> None:
    region = Region.objects.get()
    swv = verified_login(Client(), User.objects.get(email="swv@swv-waalstad.example"))
    url = reverse("regional_calendar:region_milestones", args=[region.pk])
    form = _form(region)
    before = dict(Milestone.objects.values_list("key", "date"))
    form["date-provisional_advice"] = "2001-01-31"
    form["title-mbo_registration"] = "Nieuwe naam"
    page = swv.post(url, form).content.decode()
    assert 'role="alert"' in page
    assert "kies een datum tussen" in page
    assert 'value="Nieuwe naam"' in page  # what was typed is shown again, not lost
    assert dict(Milestone.objects.values_list("key", "date")) == before
    assert not Milestone.objects.filter(title="Nieuwe naam").exists()


@pytest.mark.django_db
def test_only_partnership_staff_set_the_calendar(demo: None) -> None:
    region = Region.objects.get()
    url = reverse("regional_calendar:region_milestones", args=[region.pk])
    for email in ("zorg@waalstad-college.example", "beheer@waalstad-college.example"):
        client = verified_login(Client(), User.objects.get(email=email))
        assert client.get(url).status_code == 404
    assert Client().get(url).status_code == 302


@pytest.mark.django_db
def test_the_region_sets_the_responsible_role_from_the_list(demo: None) -> None:
    region = Region.objects.get()
    swv = verified_login(Client(), User.objects.get(email="swv@swv-waalstad.example"))
    url = reverse("regional_calendar:region_milestones", args=[region.pk])
    form = _form(region)
    form["role-feedback"] = "wizard"
    response = swv.post(url, form)
    assert "kies een verantwoordelijke rol uit de lijst" in response.content.decode()
    feedback = Milestone.objects.get(
        region=region, school_year=current_school_year(), key="feedback"
    )
    assert feedback.role == "mentor"
    form["role-feedback"] = "care_coordinator"
    assert swv.post(url, form).status_code == 302
    feedback.refresh_from_db()
    assert feedback.role == "care_coordinator"


@pytest.mark.django_db
def test_the_region_adds_and_removes_a_milestone_of_its_own(world: World) -> None:
    year = current_school_year()
    leaving = leaving_for_mbo(world, world.classmate)
    held = TransitionStep.objects.get(transition=leaving, key="warm_handover_held")
    assert held.due_date is None  # no default milestone names it
    region = world.school.region
    add = reverse("regional_calendar:milestone_add", args=[region.pk])
    form = {
        "new-title": "Week van de warme overdracht",
        "new-date": dt.date(year + 1, 6, 10).isoformat(),
        "new-role": "care_coordinator",
        "new-step": "warm_handover_held",
        "new-kinds": ["vo_mbo", "po_vo"],
        "new-checklist": "Gesprek gepland\nVerslag gedeeld",
    }
    assert client_for(world.care_coordinator).post(add, form).status_code == 404
    swv = client_for(world.partnership_user)
    refused = swv.post(add, {**form, "new-kinds": [], "new-role": "wizard"}).content.decode()
    assert "Kies een verantwoordelijke rol uit de lijst." in refused
    assert "Kies minstens één soort overstap uit de lijst." in refused
    assert "Week van de warme overdracht" in refused  # what was typed stays
    assert not Milestone.objects.filter(title="Week van de warme overdracht").exists()

    assert swv.post(add, form).status_code == 302
    added = Milestone.objects.get(title="Week van de warme overdracht")
    held.refresh_from_db()
    assert held.due_date == dt.date(year + 1, 6, 10)
    page = client_for(world.care_coordinator).get(
        reverse("regional_calendar:calendar", args=[world.school.pk])
    )
    assert "Week van de warme overdracht" in page.content.decode()

    remove = reverse("regional_calendar:milestone_remove", args=[region.pk, "final_advice"])
    swv.post(remove)
    assert Milestone.objects.filter(region=region, key="final_advice").exists()
    swv.post(reverse("regional_calendar:milestone_remove", args=[region.pk, added.key]))
    assert not Milestone.objects.filter(pk=added.pk).exists()
    held.refresh_from_db()
    assert held.due_date is None
