"""The smaller parts of the dossier: absence (OSO `verzuim`), the lwoo/pro indication with
the advice, and the school career with its repeated and skipped years."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.sending import dossier_file, received_fill
from overdracht.oso.content import CareerYear, career_events
from overdracht.oso.models import ReceivedDossier
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.schema import schema_available
from overdracht.oso.services import dossier_import
from overdracht.oso.validation import validate_file
from overdracht.pupils import services as pupil_services
from tests.conftest import World, client_for
from tests.dossiers.test_sending import (
    Primary,
    primary,
    what_the_mother_reads,
    write,
    write_required,
)

__all__ = ["primary"]  # the fixture


def year(school_year: str, group: int, brin: str = "44DD") -> CareerYear:
    return CareerYear(school_year, f"groep {group}", group, brin, "00")


def test_repeated_and_skipped_years_are_found_and_the_step_to_secondary_is_neither() -> None:
    career = [
        year("2019-2020", 3),
        year("2020-2021", 4),
        year("2021-2022", 4),  # groep 4 again
        year("2022-2023", 6),  # groep 5 skipped
        year("2023-2024", 7),
        year("2024-2025", 8),
        year("2025-2026", 11, "11AA"),  # first year of secondary school, coded 11
    ]
    found = [(e.kind, e.year_group, e.school_year) for e in career_events(career)]
    assert found == [("repeated", 4, "2021-2022"), ("skipped", 5, "2022-2023")]
    assert career_events([year("2024-2025", 8), year("2025-2026", 1, "11AA")]) == []


@pytest.mark.django_db
def test_absence_is_a_whole_number_of_half_days(primary: Primary) -> None:
    with pytest.raises(ValidationError, match="geheel getal"):
        write(primary, SectionKind.ABSENCE, {"half_days_authorised": "drie"})
    write(primary, SectionKind.ABSENCE, {"half_days_authorised": "6", "attendance_officer": False})


@pytest.mark.django_db
def test_absence_and_the_lwoo_indication_travel_and_arrive(world: World, primary: Primary) -> None:
    write_required(primary)
    advice = DossierSection.objects.get(
        pupil=primary.pupil, school=primary.school, kind=SectionKind.ADVICE
    )
    write(primary, SectionKind.ADVICE, {**advice.content, "lwoo_pro": "lwoo"}, advice.version)
    write(
        primary,
        SectionKind.ABSENCE,
        {
            "half_days_authorised": "6",
            "half_days_unauthorised": "2",
            "attendance_officer": True,
            "notes": "Vooral op maandag.",
        },
    )
    made = dossier_file(
        transition=primary.transition,
        school=primary.school,
        actor_id=None,
        provisional=True,
        to_brin=world.school.brin,
    )
    assert b"<dagdelengeoorloofd>6</dagdelengeoorloofd>" in made.content
    assert b"<dagdelenongeoorloofd>2</dagdelenongeoorloofd>" in made.content
    assert b"<contactleerplicht>true</contactleerplicht>" in made.content
    if schema_available() and official_rules_available():
        checked = validate_file(made.content, name=made.filename, official=True)
        # Provisional: the only official rule it may break is the one that wants the review.
        assert [str(p) for p in checked.errors if "ingezien" not in str(p)] == []
    outcome = dossier_import(data=made.content, name=made.filename, school=world.school)
    assert outcome.dossier_id is not None, outcome.problems
    received_fill(ReceivedDossier.objects.get(pk=outcome.dossier_id))
    there = {
        s.kind: s.content
        for s in DossierSection.objects.filter(pupil=primary.pupil, school=world.school)
    }
    assert there[SectionKind.ABSENCE]["half_days_unauthorised"] == "2"
    assert there[SectionKind.ABSENCE]["attendance_officer"] is True
    assert there[SectionKind.ABSENCE]["notes"] == "Vooral op maandag."
    assert there[SectionKind.ADVICE]["lwoo_pro"] == "lwoo"


@pytest.mark.django_db
def test_the_parents_read_the_indication_and_absence_in_words(
    world: World, primary: Primary
) -> None:
    write_required(primary)
    advice = DossierSection.objects.get(
        pupil=primary.pupil, school=primary.school, kind=SectionKind.ADVICE
    )
    write(primary, SectionKind.ADVICE, {**advice.content, "lwoo_pro": "lwoo"}, advice.version)
    write(primary, SectionKind.ABSENCE, {"half_days_authorised": "6"})
    page = what_the_mother_reads(world, primary)
    assert "Leerwegondersteuning (lwoo) nodig" in page
    assert "Dagdelen afwezig met toestemming" in page


@pytest.mark.django_db
def test_the_sending_page_shows_a_repeated_year(primary: Primary) -> None:
    year_now = current_school_year()
    pupil_services.enrolment_create(
        pupil=primary.pupil,
        school=primary.school,
        school_year=year_now - 1,
        year_group=8,
        class_group=None,
        start_date=dt.date(year_now - 1, 8, 20),
    )
    page = (
        client_for(primary.ib)
        .get(reverse("dossiers:compose", args=[primary.pupil.pk]))
        .content.decode()
    )
    assert f"Groep/leerjaar 8 herhaald ({year_now}-{year_now + 1})" in page


@pytest.mark.django_db
def test_a_newer_file_never_overwrites_the_schools_own_text_and_shows_the_difference(
    world: World, primary: Primary
) -> None:
    from overdracht.dossiers.services import section_save

    write_required(primary)
    write(primary, SectionKind.TALENTS, {"talents": "Voetbal"})
    # The receiving school wrote its own talents before the file arrived.
    pupil_services.enrolment_create(
        pupil=primary.pupil,
        school=world.school,
        school_year=current_school_year() + 1,
        year_group=1,
        class_group=world.class_group,
        start_date=dt.date(current_school_year() + 1, 8, 20),
    )
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=primary.pupil,
        kind=SectionKind.TALENTS,
        content={"talents": "Tekenen"},
        based_on_version=0,
        school_id=world.school.pk,
    )
    made = dossier_file(
        transition=primary.transition,
        school=primary.school,
        actor_id=None,
        provisional=True,
        to_brin=world.school.brin,
    )
    outcome = dossier_import(data=made.content, name=made.filename, school=world.school)
    assert outcome.dossier_id is not None, outcome.problems
    received_fill(ReceivedDossier.objects.get(pk=outcome.dossier_id))
    talents = DossierSection.objects.get(
        pupil=primary.pupil, school=world.school, kind=SectionKind.TALENTS
    )
    assert talents.content["talents"] == "Tekenen"
    page = (
        client_for(world.care_coordinator)
        .get(reverse("dossiers:dossier", args=[primary.pupil.pk]))
        .content.decode()
    )
    assert "zegt hier iets anders" in page
    assert "Tekenen" in page
    assert "Voetbal" in page
