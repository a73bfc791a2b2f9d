"""The regional calendar: milestones with their progress, checked against the demo data."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.handovers.calendar import calendar_progress
from overdracht.handovers.models import TransitionStep
from overdracht.schools.models import School
from tests.conftest import verified_login


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


@pytest.mark.django_db
def test_demo_calendar_progress_matches_the_demo_data(demo: None) -> None:
    year = current_school_year()
    college = School.objects.get(brin="99BA")
    by_key = {p.milestone.key: p for p in calendar_progress(college, year)}
    # leerjaar 4 vmbo: 20 pupils heading for MBO, five registered at the ROC already
    assert (by_key["mbo_registration"].done, by_key["mbo_registration"].total) == (5, 20)
    regenboog = School.objects.get(name="OBS De Regenboog")
    by_key = {p.milestone.key: p for p in calendar_progress(regenboog, year)}
    # groep 8: 29 pupils, no advice yet in the autumn
    assert (by_key["provisional_advice"].done, by_key["provisional_advice"].total) == (0, 29)
    assert calendar_progress(regenboog, year)[0].milestone.title == ("Voorlopig schooladvies")


@pytest.mark.django_db
def test_calendar_page_and_steps_in_my_tasks(demo: None) -> None:
    college = School.objects.get(brin="99BA")
    decaan = verified_login(Client(), User.objects.get(email="decaan@waalstad-college.example"))
    page = decaan.get(reverse("handovers:calendar", args=[college.pk])).content.decode()
    assert "Aanmelding mbo (1 april)" in page
    assert "5 van 20" in page
    groep8 = verified_login(Client(), User.objects.get(email="groep8@regenboog.example"))
    tasks = groep8.get(reverse("handovers:tasks")).content.decode()
    step = (
        TransitionStep.objects.filter(
            key="advice_given",
            transition__from_school__name="OBS De Regenboog",
            due_date__isnull=False,
        )
        .order_by("due_date", "pk")
        .first()
    )
    assert step is not None
    assert "Schooladvies gegeven" in tasks
    assert step.transition.pupil.name in tasks
