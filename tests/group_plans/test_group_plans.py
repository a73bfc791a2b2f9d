"""The group plan of a class: made by its mentor, clusters suggested from the passports'
arrangements and the reference levels, only pupils of the class in a cluster, read by the
class's teachers and by next year's mentor; 404 for anyone else."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from overdracht.accounts.actor import Actor
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.group_plans.models import GroupPlan
from overdracht.group_plans.selectors import cluster_suggestions
from overdracht.passports.services import passport_save
from overdracht.schools.services import class_group_teacher_add
from tests.conftest import World, client_for, make_user


def _passport(world: World, arrangements: list[str]) -> None:
    passport_save(
        actor=Actor(user=world.care_coordinator),
        pupil=world.pupil,
        tips=["Vooraan laten zitten", "Korte instructie", "Check de planning"],
        strengths="Rekenen",
        what_works="",
        what_does_not_work="",
        arrangements=arrangements,
        contact="",
        valid_until=None,
        school_id=world.school.pk,
    )


@pytest.mark.django_db
def test_clusters_are_suggested_from_the_passports_and_the_reference_levels(world: World) -> None:
    _passport(world, ["extra_time", "quiet_spot"])
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=world.pupil,
        school_id=world.school.pk,
        kind=SectionKind.LANGUAGE_MATHS,
        content={"reading": "2F", "language": "2F", "maths": "1F"},
        based_on_version=0,
    )
    names = {
        s.name: [p.call_name for p in s.pupils] for s in cluster_suggestions(world.class_group)
    }
    assert names == {
        "Extra tijd": ["Jan"],
        "Een rustige, vaste plek": ["Jan"],
        "Rekenen: verlengde instructie": ["Jan"],
    }


@pytest.mark.django_db
def test_the_mentor_makes_a_plan_with_a_cluster_and_others_read_it(world: World) -> None:
    _passport(world, ["extra_time"])
    mentor = client_for(world.mentor)
    url = reverse("group_plans:class", args=[world.class_group.pk])
    made = mentor.post(url, {"period": "Periode 1", "goals": "Rust in de klas"})
    plan = GroupPlan.objects.get()
    assert made["Location"] == reverse("group_plans:plan", args=[plan.pk])
    page = reverse("group_plans:plan", args=[plan.pk])
    assert "Extra tijd" in mentor.get(page).content.decode()  # suggested
    mentor.post(
        page,
        {
            "form": "cluster",
            "name": "Extra tijd",
            "approach": "Toetsen in lokaal 12",
            "pupils": [str(world.pupil.pk)],
        },
    )
    cluster = plan.clusters.get()
    assert list(cluster.pupils.all()) == [world.pupil]
    refused = mentor.post(
        page,
        {"form": "cluster", "name": "Fout", "approach": "x", "pupils": [str(world.classmate.pk)]},
    )
    assert refused.status_code == 200
    assert plan.clusters.count() == 1
    assert mentor.post(page, {"form": "remove", "cluster": "abc"}).status_code == 200  # no 500

    teacher = make_user("vak@test.example", "Vera Vak")
    class_group_teacher_add(class_group=world.class_group, user=teacher, subject="Engels")
    read = client_for(teacher).get(page)
    assert read.status_code == 200
    assert "Toetsen in lokaal 12" in read.content.decode()
    assert "Een cluster toevoegen" not in read.content.decode()  # reads, does not write
    assert client_for(world.other_mentor).get(page).status_code == 404
    assert client_for(world.other_school_user).get(page).status_code == 404
    assert client_for(world.guardian_user).get(url).status_code == 404


@pytest.mark.django_db
def test_next_years_mentors_are_invited_to_the_group_discussion(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    import datetime as dt

    from django.core import mail
    from django.utils import timezone

    from overdracht.core.school_year import current_school_year
    from overdracht.group_plans.services import discussion_invite, plan_save
    from overdracht.pupils import services as pupil_services
    from overdracht.schools.models import ClassGroup
    from overdracht.schools.services import class_group_mentor_add

    plan = plan_save(
        actor=Actor(user=world.mentor), class_group=world.class_group, period="Jaar", goals="Rust"
    )
    soon = timezone.now() + dt.timedelta(days=3)
    with pytest.raises(ValidationError):  # nobody mentors its pupils next year yet
        discussion_invite(actor=Actor(user=world.mentor), plan=plan, starts_at=soon, place="B12")
    two_a = ClassGroup.objects.create(
        school=world.school, school_year=current_school_year() + 1, name="2A", year_group=2
    )
    nina = make_user("nina@test.example", "Nina Nieuw")
    class_group_mentor_add(class_group=two_a, user=nina)
    pupil_services.enrolment_create(
        pupil=world.pupil,
        school=world.school,
        school_year=current_school_year() + 1,
        year_group=2,
        class_group=two_a,
        start_date=dt.date(current_school_year() + 1, 8, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        invited = discussion_invite(
            actor=Actor(user=world.mentor), plan=plan, starts_at=soon, place="lokaal B12"
        )
    assert invited == [nina]
    assert [m.to for m in mail.outbox] == [["nina@test.example"]]
    assert "groepsbespreking 1A" in mail.outbox[0].subject
    assert "lokaal B12" in mail.outbox[0].body
