"""The regional calendar: milestones with their progress, checked against the demo data."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.dossiers.models import DossierSection
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Transition
from overdracht.regional_calendar.selectors import calendar_progress
from overdracht.schools.models import School
from overdracht.steps.models import TransitionStep
from overdracht.steps.selectors import owner_role, responsibilities_of
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, verified_login


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


@pytest.mark.django_db
def test_demo_calendar_progress_matches_the_demo_data(demo: None) -> None:
    year = current_school_year()
    college = School.objects.get(brin="99BA")
    by_key = {p.milestone.key: p for p in calendar_progress(college, year)}
    # leerjaar 4 vmbo: 20 pupils heading for MBO, eight registered at the ROC already (in
    # every status the demo has: a registration counts, whatever became of it)
    assert (by_key["mbo_registration"].done, by_key["mbo_registration"].total) == (8, 20)
    regenboog = School.objects.get(name="OBS De Regenboog")
    by_key = {p.milestone.key: p for p in calendar_progress(regenboog, year)}
    # groep 8: 29 pupils; each advice milestone counts the pupils whose part holds that
    # advice (the demo wrote a few dossiers whole, for the guardians' review)
    leaving = Transition.objects.filter(from_school=regenboog, school_year=year + 1)
    assert leaving.count() == 29
    parts = [
        s.content
        for s in DossierSection.objects.filter(
            school_id=regenboog.pk, kind="advice", pupil_id__in=leaving.values("pupil_id")
        )
    ]
    for key, field in (
        ("provisional_advice", "provisional_advice"),
        ("final_advice", "final_advice"),
    ):
        written = sum(1 for content in parts if content.get(field))
        assert (by_key[key].done, by_key[key].total) == (written, 29)
    assert by_key["provisional_advice"].done > 0
    # the feedback and the aftercare are the secondary school's, for the pupils who arrived
    # there this year: nothing to count at the primary school
    assert by_key["feedback"].total == 0
    assert by_key["aftercare"].total == 0
    by_key = {p.milestone.key: p for p in calendar_progress(college, year)}
    arrived = Transition.objects.filter(to_school=college, school_year=year, kind="po_vo").count()
    assert arrived > 0
    assert by_key["feedback"].total == arrived
    assert by_key["aftercare"].total == arrived


@pytest.mark.django_db
def test_feedback_and_aftercare_fall_due_after_the_pupil_started(world: World) -> None:
    year = current_school_year()
    arriving = pupil_services.transition_create(
        pupil=world.classmate,
        kind="po_vo",
        from_school=world.other_school,
        to_school=world.school,
        school_year=year + 1,
    )
    due = {s.key: s.due_date for s in TransitionStep.objects.filter(transition=arriving)}
    start = dt.date(year + 1, 8, 1)
    assert due["feedback_sent"] is not None
    assert due["feedback_sent"] > start
    assert due["aftercare"] is not None
    assert due["aftercare"] > start
    assert due["advice_given"] is not None
    assert due["advice_given"] < start


@pytest.mark.django_db
def test_calendar_page_and_steps_in_my_tasks(demo: None) -> None:
    college = School.objects.get(brin="99BA")
    decaan = verified_login(Client(), User.objects.get(email="decaan@waalstad-college.example"))
    page = decaan.get(reverse("regional_calendar:calendar", args=[college.pk])).content.decode()
    assert "Aanmelding mbo (1 april)" in page
    registered = TransitionStep.objects.filter(
        key="registered", transition__kind="vo_mbo", done_at__isnull=False
    ).count()
    assert registered == 8  # the demo's registrations at ROC Waalstad, in every status
    assert f"{registered} van 20" in page
    assert "<td>Decaan</td>" in page  # the responsible role, in words
    groep8 = verified_login(Client(), User.objects.get(email="groep8@regenboog.example"))
    tasks = groep8.get(reverse("worklist:index")).content.decode()
    step = (
        TransitionStep.objects.filter(
            key="provisional_advice",  # the first advice step due
            transition__from_school__name="OBS De Regenboog",
            due_date__isnull=False,
            done_at__isnull=True,
        )
        .order_by("due_date", "pk")
        .first()
    )
    assert step is not None
    assert "Voorlopig schooladvies gegeven" in tasks
    assert step.transition.pupil.name in tasks


@pytest.mark.django_db
def test_pupil_steps_show_owner_due_and_overdue(demo: None) -> None:
    step = (
        TransitionStep.objects.filter(
            transition__from_school__name="OBS De Regenboog", key="advice_given"
        )
        .select_related("transition")
        .first()
    )
    assert step is not None
    step.due_date = dt.date(2000, 1, 31)
    step.save(update_fields=["due_date"])
    ib = verified_login(Client(), User.objects.get(email="ib@regenboog.example"))
    page = ib.get(reverse("steps:pupil_steps", args=[step.transition.pupil_id])).content.decode()
    assert "Definitief schooladvies gegeven" in page
    assert "31 januari 2000" in page
    assert "te laat" in page
    assert "Docent" in page  # the default owner of the advice
    # another school: 404, no hint the pupil exists
    college_staff = verified_login(
        Client(), User.objects.get(email="decaan@waalstad-college.example")
    )
    other = college_staff.get(reverse("steps:pupil_steps", args=[step.transition.pupil_id]))
    assert other.status_code == 404


@pytest.mark.django_db
def test_register_moves_a_step_to_another_role(demo: None) -> None:
    college = School.objects.get(brin="99BA")  # Waalstad College, by its administrator
    admin = User.objects.get(email="beheer@waalstad-college.example")
    client = verified_login(Client(), admin)
    url = reverse("steps:responsibilities", args=[college.pk])
    assert "Definitief schooladvies gegeven" in client.get(url).content.decode()
    form = {f"role-{key}": role for key, _label, role in responsibilities_of(college)}
    form["role-advice_given"] = "care_coordinator"
    assert client.post(url, form).status_code == 302
    assert owner_role(college, "advice_given") == "care_coordinator"
    form["role-advice_given"] = "headmaster"
    page = client.post(url, form).content.decode()
    assert "Definitief schooladvies gegeven" in page
    assert 'role="alert"' in page
    assert owner_role(college, "advice_given") == "care_coordinator"
    teacher = verified_login(Client(), User.objects.get(email="docent@waalstad-college.example"))
    assert teacher.get(url).status_code == 403
    other_school = verified_login(Client(), User.objects.get(email="ib@regenboog.example"))
    assert other_school.get(url).status_code == 404


@pytest.mark.django_db
def test_the_ib_ers_steps_have_a_date_and_wait_in_her_tasks(world: World) -> None:
    """The review, the dossier sent and the warm handover have milestones of their own, so
    the sending school's care coordinator sees them in My tasks."""
    transition = pupil_services.transition_create(
        pupil=world.classmate,
        kind="po_vo",
        from_school=world.other_school,
        to_school=world.school,
        school_year=current_school_year() + 1,
    )
    keys = ["review_done", "dossier_sent", "warm_handover_held"]
    steps = {s.key: s for s in TransitionStep.objects.filter(transition=transition, key__in=keys)}
    year = current_school_year() + 1
    assert {k: s.due_date for k, s in steps.items()} == {
        "review_done": dt.date(year, 5, 15),
        "dossier_sent": dt.date(year, 6, 1),
        "warm_handover_held": dt.date(year, 6, 30),
    }
    mine = {s.key for s in worklist_of(world.other_school_user).steps if s.transition == transition}
    assert {"review_done", "dossier_sent"} <= mine
