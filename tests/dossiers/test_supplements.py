"""Supplement question packs: defaults as data, a school's own version, answers per pupil."""

from __future__ import annotations

from django.urls import reverse

import pytest

from overdracht.accounts.actor import Actor
from overdracht.dossiers.models import QuestionPack, SupplementAnswers
from overdracht.dossiers.supplements import pack_customise, packs_for_school
from tests.conftest import World, client_for


def test_the_four_default_packs_are_loaded(db: None) -> None:
    codes = sorted(QuestionPack.objects.filter(school=None).values_list("code", flat=True))
    assert codes == ["adhd", "autisme", "dyslexie", "hoogbegaafdheid"]
    assert QuestionPack.objects.get(code="dyslexie", school=None).questions.count() == 8


@pytest.mark.django_db
def test_a_school_changes_its_own_pack_only(world: World, rf: object) -> None:
    request = rf.post("/")  # type: ignore[attr-defined]
    request.user = world.care_coordinator
    pack_customise(
        actor=Actor.of(request),
        school=world.school,
        code="adhd",
        questions=[
            {"text": "Wat werkt bij starten?", "kind": "text"},
            {"text": "Medicatie bekend?", "kind": "yesno"},
        ],
    )
    own = {p.code: p for p in packs_for_school(world.school)}
    other = {p.code: p for p in packs_for_school(world.other_school)}
    assert [q.text for q in own["adhd"].questions.all()] == [
        "Wat werkt bij starten?",
        "Medicatie bekend?",
    ]
    assert other["adhd"].school is None
    assert other["adhd"].questions.count() == 6


@pytest.mark.django_db
def test_answers_are_validated_and_kept(world: World) -> None:
    pack = QuestionPack.objects.get(code="dyslexie", school=None)
    first, third = pack.questions.all()[0], pack.questions.all()[3]
    url = reverse("dossiers:supplement_edit", args=[world.pupil.pk, "dyslexie"])
    care = client_for(world.care_coordinator)
    bad = care.post(url, {str(first.pk): "misschien"})
    assert "Kies een van de mogelijkheden" in bad.content.decode()
    assert not SupplementAnswers.objects.exists()
    care.post(url, {str(first.pk): "ja", str(third.pk): ["spelling", "Engels"]})
    saved = SupplementAnswers.objects.get()
    assert saved.answers[str(third.pk)]["answer"] == ["spelling", "Engels"]
    page = care.get(reverse("dossiers:dossier", args=[world.pupil.pk])).content.decode()
    assert "spelling, Engels" in page


@pytest.mark.django_db
def test_care_packs_are_for_care_roles(world: World) -> None:
    mentor = client_for(world.mentor)
    assert (
        mentor.get(
            reverse("dossiers:supplement_edit", args=[world.pupil.pk, "dyslexie"])
        ).status_code
        == 404
    )
    assert (
        mentor.get(
            reverse("dossiers:supplement_edit", args=[world.pupil.pk, "hoogbegaafdheid"])
        ).status_code
        == 200
    )
    page = mentor.get(reverse("dossiers:dossier", args=[world.pupil.pk])).content.decode()
    assert "Hoogbegaafdheid" in page
    assert "Dyslexie (en zwakke" not in page


@pytest.mark.django_db
def test_school_edits_its_questions_in_the_page(world: World) -> None:
    url = reverse("dossiers:pack_edit", args=[world.school.pk, "autisme"])
    care = client_for(world.care_coordinator)
    assert "[choice] Is er een diagnose? | ja; in onderzoek" in care.get(url).content.decode()
    care.post(url, {"questions": "[yesno] Vast aanspreekpunt?\n[text] Wat helpt bij drukte?"})
    own = {p.code: p for p in packs_for_school(world.school)}["autisme"]
    assert [(q.kind, q.text) for q in own.questions.all()] == [
        ("yesno", "Vast aanspreekpunt?"),
        ("text", "Wat helpt bij drukte?"),
    ]
    bad = care.post(url, {"questions": "[raadsel] Wat?"})
    assert "Onbekende soort vraag" in bad.content.decode()
    assert client_for(world.mentor).get(url).status_code == 403
    assert client_for(world.other_school_user).get(url).status_code == 404
