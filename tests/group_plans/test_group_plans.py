"""The group plan of a class: made by its mentor, clusters suggested from the passports'
arrangements and the reference levels, only pupils of the class in a cluster, read by the
class's teachers and by next year's mentor; 404 for anyone else."""

from __future__ import annotations

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
