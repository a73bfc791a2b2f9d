"""Pupil list (sorting, search, keyset pages) and pupil page: behaviour and query counts."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.pupils import selectors
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Pupil
from overdracht.schools.models import ClassGroup
from tests.conftest import World, client_for, make_pupil


def enrol(world: World, pupil: Pupil, class_group: ClassGroup | None = None) -> None:
    pupil_services.enrolment_create(
        pupil=pupil,
        school=world.school,
        school_year=current_school_year(),
        year_group=1,
        class_group=class_group or world.class_group,
        start_date=dt.date(current_school_year(), 8, 20),
    )


@pytest.mark.django_db
def test_list_sorts_by_surname_without_prefix_and_folds_diacritics(world: World) -> None:
    for call, prefix, surname in [
        ("Bo", "de", "Vries-Bakker"),
        ("Ida", "", "Ødegård"),
        ("Cas", "", "Zwart"),
        ("Eva", "van", "Aken"),
    ]:
        enrol(world, make_pupil(call, surname, prefix))
    page = selectors.pupil_list_page(school=world.school)
    surnames = [e.pupil.surname for e in page.rows]
    assert surnames == ["Aken", "Çelik", "Hof", "Ødegård", "Vries-Bakker", "Zwart"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hof", {"Hof"}),
        ("van t hof", {"Hof"}),
        ("celik", {"Çelik"}),
        ("ÇELIK", {"Çelik"}),
        ("jan", {"Hof"}),
        ("zzz", set()),
    ],
)
def test_search_by_name(world: World, query: str, expected: set[str]) -> None:
    page = selectors.pupil_list_page(school=world.school, query=query)
    assert {e.pupil.surname for e in page.rows} == expected


@pytest.mark.django_db
def test_keyset_pages_cover_every_pupil_once(world: World) -> None:
    for i in range(23):
        enrol(world, make_pupil(f"Kind{i}", "Gelijk" if i % 2 else f"Naam{i % 5}"))
    seen: list[object] = []
    after = None
    while True:
        page = selectors.pupil_list_page(school=world.school, after=after, page_size=5)
        seen.extend(e.pupil_id for e in page.rows)
        if page.next_after is None:
            break
        after = page.next_after
    assert len(seen) == len(set(seen)) == 25  # 23 + Jan and Ali of the world
    assert seen[-1] not in seen[:-1]


@pytest.mark.django_db
def test_class_filter(world: World) -> None:
    page = selectors.pupil_list_page(school=world.school, class_group_id=world.class_group.pk)
    assert [e.pupil for e in page.rows] == [world.pupil]


def _queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_pupil_list_query_count_does_not_grow_with_pupils(world: World) -> None:
    client = client_for(world.mentor)
    url = reverse("pupils:school_pupils", args=[world.school.pk])
    client.get(url)  # warm the session
    few = _queries_for(client, url)
    for i in range(40):
        enrol(world, make_pupil(f"Extra{i}", f"Achternaam{i}"))
    many = _queries_for(client, url)
    assert few == many


@pytest.mark.django_db
def test_pupil_page_query_count_does_not_grow_with_pupils_or_relations(world: World) -> None:
    client = client_for(world.care_coordinator)
    url = reverse("pupils:detail", args=[world.pupil.pk])
    client.get(url)
    before = _queries_for(client, url)
    for i in range(30):
        enrol(world, make_pupil(f"Extra{i}", f"Achternaam{i}"))
    for i in range(3):
        guardian = pupil_services.guardian_create(surname=f"Ouder{i}")
        pupil_services.guardian_link(
            pupil=world.pupil, guardian=guardian, relationship="9", has_authority=False
        )
    pupil_services.transition_create(
        pupil=world.pupil,
        kind="vo_mbo",
        from_school=world.school,
        school_year=current_school_year() + 3,
    )
    after = _queries_for(client, url)
    assert before == after


@pytest.mark.django_db
def test_list_page_shows_pupils_and_a_next_link(world: World) -> None:
    for i in range(55):
        enrol(world, make_pupil(f"Kind{i}", f"Naam{i:02d}"))
    client = client_for(world.colleague)
    page = client.get(reverse("pupils:school_pupils", args=[world.school.pk])).content.decode()
    assert "Volgende leerlingen" in page
    assert "Jan van &#x27;t Hof</a>" in page  # the name on one line, as it is said


@pytest.mark.django_db
def test_pupil_that_left_is_no_longer_on_the_list(world: World) -> None:
    enrolment = world.classmate.enrolments.get()
    enrolment.end_date = enrolment.start_date
    enrolment.save()
    page = selectors.pupil_list_page(school=world.school)
    assert world.classmate not in [e.pupil for e in page.rows]
