"""The start page shows the work: per school a count for each kind of work the user's roles
do there, each linking to the list filtered to exactly those pupils; the classes a teacher
reads; the families' start page per child."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.dashboard.selectors import classes_to_read, school_tiles
from overdracht.demo.services import demo_region_load
from overdracht.passports.selectors import passports_to_read
from overdracht.schools.models import School
from overdracht.schools.permissions import school_permissions
from tests.conftest import verified_login


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


def _tiles(email: str, brin: str) -> dict[str, tuple[int, str]]:
    user = User.objects.get(email=email)
    school = School.objects.get(brin=brin)
    tiles = school_tiles(user, school, school_permissions(user)[school.pk], current_school_year())
    return {t.key: (t.count, t.url) for t in tiles}


def _rows(client: Client, url: str) -> int:
    """How many pupils the list behind a tile shows."""
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    table = re.search(r'<table class="list" data-testid="cohort">.*?</table>', html, re.S)
    return len(re.findall(r'<th scope="row"', table.group(0))) if table else 0


@pytest.mark.django_db
def test_each_intake_tile_counts_the_list_it_opens(demo: None) -> None:
    tiles = _tiles("zorg@waalstad-college.example", "99BA")
    assert {"to_analyse", "support", "to_write", "to_read", "meetings_week", "overdue"} <= set(
        tiles
    )
    client = verified_login(Client(), User.objects.get(email="zorg@waalstad-college.example"))
    for key in ("to_analyse", "support", "to_write", "to_read"):
        count, url = tiles[key]
        assert _rows(client, url) == count, key
    # the demo has arrived dossiers still to analyse, one of them with support needs
    assert tiles["to_analyse"][0] > tiles["support"][0] > 0
    home = client.get(reverse("dashboard:home")).content.decode()
    for _count, url in tiles.values():
        assert f'href="{url.replace("&", "&amp;")}"' in home
    assert "Dossiers binnen, nog niet geanalyseerd" in home


@pytest.mark.django_db
def test_the_primary_school_sees_reviews_and_dossiers_to_send(demo: None) -> None:
    tiles = _tiles("ib@regenboog.example", "99AA")
    assert set(tiles) >= {"review", "to_send", "overdue"}
    client = verified_login(Client(), User.objects.get(email="ib@regenboog.example"))
    count, url = tiles["to_send"]
    page = client.get(url).content.decode()
    assert f"Vertrekkend ({count})" in page
    assert count > 0
    # the demo opened one review that the guardians have not finished: only that pupil
    from overdracht.consent.models import GuardianReview

    open_reviews = list(
        GuardianReview.objects.filter(school__brin="99AA", transition__sent_at=None)
    )
    assert tiles["review"][0] == len(open_reviews) == 1
    page = client.get(tiles["review"][1]).content.decode()
    assert "Vertrekkend (1)" in page
    assert open_reviews[0].transition.pupil.name in page


@pytest.mark.django_db
def test_the_subject_teacher_reaches_the_class_overview_from_the_start_page(demo: None) -> None:
    teacher = User.objects.get(email="docent@waalstad-college.example")
    classes = classes_to_read(teacher, current_school_year())
    assert classes
    assert not any(c.is_mentor for c in classes)
    assert sum(c.unread for c in classes) == len(passports_to_read(teacher))
    client = verified_login(Client(), teacher)
    home = client.get(reverse("dashboard:home")).content.decode()
    for c in classes:
        overview = reverse("passports:class_overview", args=[c.class_group.pk])
        assert f'href="{overview}"' in home
        assert client.get(overview).status_code == 200


@pytest.mark.django_db
def test_the_portal_start_page_says_per_child_what_waits(demo: None) -> None:
    from overdracht.accounts.actor import Actor
    from overdracht.consent.services import review_open
    from overdracht.pupils.models import Transition

    parent = User.objects.get(email="ouder@mail.example")
    client = verified_login(Client(), parent)
    before = client.get(reverse("portal:home")).content.decode()
    assert "Er wacht nu niets op u." in before
    # the primary school opens the review of the dossier of one of the two children
    transition = Transition.objects.get(
        pupil__guardian_relations__guardian__user=parent, from_school__brin="99AA"
    )
    review = review_open(
        actor=Actor(User.objects.get(email="ib@regenboog.example")),
        transition=transition,
        school=School.objects.get(brin="99AA"),
    )
    page = client.get(reverse("portal:home")).content.decode()
    pupil = transition.pupil
    assert pupil.name in page
    assert reverse("portal:dossier", args=[pupil.pk]) in page
    deadline = review.deadline
    assert f"Lees het dossier vóór {deadline.day} " in page
