"""The career dossier: the pupil writes, the mentor and the decaan comment, parents read;
a teacher — with or without the pupil — gets 404."""

from __future__ import annotations

from django.urls import reverse

import pytest

from overdracht.careers.models import Activity, Comment, Reflection
from overdracht.pupils.models import Pupil
from overdracht.schools.services import class_group_teacher_add, membership_grant
from tests.conftest import World, client_for, make_user

ACTIVITY = {
    "kind": "taster_day",
    "title": "Meeloopdag Kok, ROC",
    "done_on": "2026-11-20",
    "competences": ["work", "career"],
    "reflection": "Het tempo in de keuken past bij mij.",
}


@pytest.fixture
def jan_writes(world: World) -> World:
    """Jan has his own account."""
    Pupil.objects.filter(pk=world.pupil.pk).update(user=make_user("jan@test.example", "Jan"))
    world.pupil.refresh_from_db()
    return world


@pytest.mark.django_db
def test_the_pupil_writes_and_the_mentor_comments(jan_writes: World) -> None:
    world = jan_writes
    assert world.pupil.user is not None
    pupil = client_for(world.pupil.user)
    url = reverse("careers:activity_add", args=[world.pupil.pk])
    assert pupil.post(url, ACTIVITY).status_code == 302
    activity = Activity.objects.get(pupil=world.pupil)
    assert activity.competences == ["work", "career"]
    assert activity.reflection == {"text": "Het tempo in de keuken past bij mij."}
    assert activity.year_group == 1
    answer = {"question": "want", "text": "Koken, en later een eigen zaak."}
    pupil.post(reverse("careers:reflection", args=[world.pupil.pk]), answer)
    assert Reflection.objects.get(pupil=world.pupil).answer["text"].startswith("Koken")

    mentor = client_for(world.mentor)
    page = mentor.get(reverse("careers:dossier", args=[world.pupil.pk])).content.decode()
    assert "Meeloopdag Kok, ROC" in page
    assert "Koken, en later een eigen zaak." in page
    comment = {"activity": str(activity.pk), "text": "Goed dat je ging kijken!"}
    assert (
        mentor.post(reverse("careers:comment", args=[world.pupil.pk]), comment).status_code == 302
    )
    assert Comment.objects.get().activity == activity
    # the mentor does not write the pupil's dossier
    assert mentor.post(url, ACTIVITY).status_code == 403
    conversation = {"held_on": "2026-12-01", "notes": "Keuze besproken.", "agreements": "Open dag"}
    mentor.post(reverse("careers:conversation", args=[world.pupil.pk]), conversation)
    page = pupil.get(reverse("careers:dossier", args=[world.pupil.pk])).content.decode()
    assert "Goed dat je ging kijken!" in page
    assert "Keuze besproken." in page


@pytest.mark.django_db
def test_an_activity_needs_a_competence_and_nothing_is_half_written(jan_writes: World) -> None:
    assert jan_writes.pupil.user is not None
    pupil = client_for(jan_writes.pupil.user)
    url = reverse("careers:activity_add", args=[jan_writes.pupil.pk])
    response = pupil.post(url, {**ACTIVITY, "competences": []})
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_parents_read_and_teachers_get_404(world: World) -> None:
    url = reverse("careers:dossier", args=[world.pupil.pk])
    assert client_for(world.guardian_user).get(url).status_code == 200
    add = reverse("careers:activity_add", args=[world.pupil.pk])
    assert client_for(world.guardian_user).post(add, ACTIVITY).status_code == 403
    assert client_for(world.colleague).get(url).status_code == 404  # a teacher without Jan
    teacher = make_user("engels@test.example", "Eva Engels")
    class_group_teacher_add(class_group=world.class_group, user=teacher, subject="Engels")
    assert client_for(teacher).get(url).status_code == 404  # even the teacher of his class
    assert client_for(world.other_mentor).get(url).status_code == 404
    assert client_for(world.other_school_user).get(url).status_code == 404
    decaan = make_user("decaan@test.example", "Dana Decaan")
    membership_grant(user=decaan, school=world.school, role="career_counsellor")
    assert client_for(decaan).get(url).status_code == 200
