"""Dossier sections: who sees which sensitivity, history, and no lost update."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.dossiers.models import DossierSection, SectionRevision
from overdracht.schools.services import class_group_teacher_add
from tests.conftest import World, client_for, make_user


def edit_url(world: World, kind: str) -> str:
    return reverse("dossiers:section_edit", args=[world.pupil.pk, kind])


def save(client: Client, world: World, kind: str, version: int, **fields: str) -> Any:
    return client.post(edit_url(world, kind), {"based_on_version": version, **fields})


@pytest.mark.django_db
def test_sections_are_shown_by_sensitivity(world: World) -> None:
    care = client_for(world.care_coordinator)
    save(care, world, "diagnoses", 0, diagnoses="Dyslexieverklaring 2024")
    save(care, world, "support_needs", 0, what_works="Korte instructie, dan zelf starten")
    save(care, world, "talents", 0, talents="Tekenen en techniek")
    url = reverse("dossiers:dossier", args=[world.pupil.pk])
    care_page = care.get(url).content.decode()
    mentor_page = client_for(world.mentor).get(url).content.decode()
    teacher = make_user("wiskunde@test.example", "Wim Wiskunde")
    class_group_teacher_add(class_group=world.class_group, user=teacher, subject="wiskunde")
    teacher_page = client_for(teacher).get(url).content.decode()
    assert "Dyslexieverklaring" in care_page
    assert "Korte instructie" in mentor_page
    assert "Dyslexieverklaring" not in mentor_page
    assert "Tekenen en techniek" in teacher_page
    assert "Korte instructie" not in teacher_page
    assert "Dyslexieverklaring" not in teacher_page
    # A teacher who does not teach the pupil sees nothing of the dossier.
    assert client_for(world.colleague).get(url).status_code == 404
    assert client_for(world.other_school_user).get(url).status_code == 404
    assert client_for(world.guardian_user).get(url).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.DOSSIER_VIEWED).count() == 3


@pytest.mark.django_db
def test_who_may_edit_which_section(world: World) -> None:
    assert save(client_for(world.colleague), world, "talents", 0, talents="x").status_code == 403
    assert client_for(world.mentor).get(edit_url(world, "diagnoses")).status_code == 404
    assert client_for(world.mentor).get(edit_url(world, "support_needs")).status_code == 200
    assert client_for(world.care_coordinator).get(edit_url(world, "diagnoses")).status_code == 200


@pytest.mark.django_db
def test_every_save_keeps_author_and_time(world: World) -> None:
    care = client_for(world.care_coordinator)
    save(care, world, "talents", 0, talents="Tekenen")
    save(care, world, "talents", 1, talents="Tekenen en muziek")
    section = DossierSection.objects.get(kind="talents")
    assert section.version == 2
    history = list(
        SectionRevision.objects.filter(section=section).values_list("version", "author_id")
    )
    assert history == [(2, world.care_coordinator.pk), (1, world.care_coordinator.pk)]


@pytest.mark.django_db
def test_two_people_editing_the_same_section_lose_nothing(world: World) -> None:
    mentor, care = client_for(world.mentor), client_for(world.care_coordinator)
    save(care, world, "support_needs", 0, what_works="Eerste versie")
    # both open version 1; the care coordinator saves first
    save(care, world, "support_needs", 1, what_works="Versie van de zorgcoördinator")
    response = save(mentor, world, "support_needs", 1, what_works="Versie van de mentor")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft dit onderdeel opgeslagen" in page
    assert "Versie van de mentor" in page  # the mentor's text is not lost
    assert "Versie van de zorgcoördinator" in page  # and the other version is shown
    section = DossierSection.objects.get(kind="support_needs")
    assert section.content["what_works"] == "Versie van de zorgcoördinator"
    assert section.version == 2
    again = save(mentor, world, "support_needs", 2, what_works="Versie van de mentor")
    assert again.status_code == 302
    assert DossierSection.objects.get(kind="support_needs").version == 3
