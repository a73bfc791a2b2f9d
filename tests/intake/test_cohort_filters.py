"""The incoming cohort scales to a school: filters by class, status and flag, search by name,
totals per status and flag, sorting; what the page does not offer is ignored, never an error."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.demo.services import demo_region_load
from overdracht.intake.selectors import (
    STATUSES,
    CohortQuery,
    cohort_filter,
    cohort_totals,
    incoming_cohort,
)
from overdracht.schools.models import School
from tests.conftest import verified_login


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


@pytest.mark.django_db
def test_filters_and_totals_agree(demo: None) -> None:
    school = School.objects.get(brin="99BA")
    rows = incoming_cohort(school)
    totals = cohort_totals(rows)
    assert sum(totals[key] for key, _label in STATUSES) == len(rows)
    for key, _label in STATUSES:
        found = cohort_filter(rows, CohortQuery(status=key))
        assert len(found) == totals[key]
        assert all(r.status_key == key for r in found)
    support = cohort_filter(rows, CohortQuery(status="to_analyse", flag="needs_support"))
    assert support
    assert all(r.analysis is None and r.stages["received"] for r in support)
    assert all(r.support_in_dossier for r in support)  # known from the dossier, not analysed
    name = rows[0].pupil.surname
    by_name = cohort_filter(rows, CohortQuery(search=name.upper()))
    assert by_name
    assert all(name.casefold() in r.pupil.name.casefold() for r in by_name)
    by_class = cohort_filter(rows, CohortQuery(sort="class"))
    names = [
        r.enrolment.class_group.name for r in by_class if r.enrolment and r.enrolment.class_group
    ]
    assert names == sorted(names)
    assert len(by_class) == len(rows)


@pytest.mark.django_db
def test_the_page_filters_and_ignores_what_it_does_not_offer(demo: None) -> None:
    school = School.objects.get(brin="99BA")
    client = verified_login(Client(), User.objects.get(email="zorg@waalstad-college.example"))
    url = reverse("intake:cohort", args=[school.pk])
    rows = incoming_cohort(school)
    wanted = cohort_filter(rows, CohortQuery(status="to_analyse", flag="needs_support"))
    page = client.get(url, {"status": "to_analyse", "flag": "needs_support"}).content.decode()
    assert f"{len(wanted)} van {len(rows)} leerling" in page
    for row in wanted:
        assert row.pupil.name in page
    others = [r for r in rows if r not in wanted]
    assert not any(f">{r.pupil.name}</a>" in page for r in others)
    odd = client.get(url, {"status": "nonsense", "flag": "<b>", "sort": "x", "class": "999"})
    assert odd.status_code == 200
    assert "Geen leerling past bij deze filters" in odd.content.decode()
    everyone = client.get(url, {"status": "nonsense"}).content.decode()
    assert f"{len(rows)} van {len(rows)} leerlingen" in everyone


@pytest.mark.django_db
def test_the_analysis_decides_the_support_flag_once_it_is_there(demo: None) -> None:
    from overdracht.accounts.actor import Actor
    from overdracht.intake.services import intake_record

    school = School.objects.get(brin="99BA")
    (row, *_rest) = cohort_filter(
        incoming_cohort(school), CohortQuery(status="to_analyse", flag="needs_support")
    )
    assert row.support_in_dossier
    intake_record(
        actor=Actor(User.objects.get(email="zorg@waalstad-college.example")),
        pupil=row.pupil,
        school=school,
        needs_support=False,  # the school read the dossier and sees no need
        discuss_in_person=True,
        refer_to_care_team=False,
        notes="",
        class_group=None,
    )
    (after,) = [r for r in incoming_cohort(school) if r.pupil.pk == row.pupil.pk]
    assert after.status_key != "to_analyse"
    assert after.flags == {"discuss_in_person"}
