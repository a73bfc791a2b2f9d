"""Intake analysis: the incoming cohort with a status per pupil, flags, class assignment."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.intake.selectors import incoming_cohort
from overdracht.oso.generator import dossier_xml
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Enrolment, Transition
from overdracht.schools.models import ClassGroup
from overdracht.steps.services import steps_complete_of
from tests.conftest import World, client_for


@pytest.mark.django_db
def test_cohort_steps_from_received_to_read(world: World) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn="111200003", surname="Nieuw"), name="n.xml", school=world.school
    )
    assert outcome.pupil_id is not None
    care = client_for(world.care_coordinator)
    cohort_url = reverse("intake:cohort", args=[world.school.pk])
    assert "Nieuw" in care.get(cohort_url).content.decode()
    enrolment = Enrolment.objects.get(pupil_id=outcome.pupil_id, school=world.school)
    class_group = ClassGroup.objects.get(
        school=world.school, school_year=enrolment.school_year, name="1A"
    )
    response = care.post(
        reverse("intake:analyse", args=[world.school.pk, outcome.pupil_id]),
        {
            "needs_support": "on",
            "discuss_in_person": "on",
            "notes": "Rustig",
            "class_group": class_group.pk,
        },
    )
    assert response.status_code == 302
    analysis = IntakeAnalysis.objects.get(pupil_id=outcome.pupil_id)
    assert analysis.needs_support
    assert analysis.discuss_in_person
    assert not analysis.refer_to_care_team
    enrolment.refresh_from_db()
    assert enrolment.class_group == class_group
    care.post(
        reverse("passports:passport_edit", args=[outcome.pupil_id]), {"tips": "Een.\nTwee.\nDrie."}
    )
    page = care.get(cohort_url).content.decode()
    row = page[page.index("Nieuw") : page.index("</tr>", page.index("Nieuw"))]
    # received, analysed, passport, shared, as labelled tags; not yet read by all, which is
    # what the pupil waits for
    assert row.count('<span class="tag tag-done">gedaan</span>') == 4
    assert row.count('<span class="meta">nog niet</span>') == 1
    assert '<span class="tag">nog niet door iedereen gelezen</span>' in row
    assert "gesprek" in row or "warme overdracht" in row or "bespreken" in row


@pytest.mark.django_db
def test_cohort_is_for_intake_roles_of_the_school(world: World) -> None:
    url = reverse("intake:cohort", args=[world.school.pk])
    assert client_for(world.care_coordinator).get(url).status_code == 200
    assert client_for(world.mentor).get(url).status_code == 403
    assert client_for(world.other_school_user).get(url).status_code == 404
    assert client_for(world.guardian_user).get(url).status_code == 404


@pytest.mark.django_db
def test_a_class_of_another_school_cannot_be_assigned(world: World) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn="111200003", surname="Nieuw"), name="n.xml", school=world.school
    )
    assert outcome.pupil_id is not None
    response = client_for(world.care_coordinator).post(
        reverse("intake:analyse", args=[world.school.pk, outcome.pupil_id]),
        {"class_group": world.other_class_group.pk + 999},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.django_db
def test_a_pupils_stage_is_read_from_the_transitions_steps(world: World) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn="111200003", surname="Nieuw"), name="n.xml", school=world.school
    )
    assert outcome.pupil_id is not None
    (row,) = [r for r in incoming_cohort(world.school) if str(r.pupil.pk) == outcome.pupil_id]
    assert row.stages["received"]
    assert not row.stages["analysed"]
    transition = Transition.objects.get(pupil_id=outcome.pupil_id, to_school=world.school)
    steps_complete_of(transition, "analysed")  # marked done by hand on the steps page
    (row,) = [r for r in incoming_cohort(world.school) if str(r.pupil.pk) == outcome.pupil_id]
    assert row.stages["analysed"]
    assert row.status == "geanalyseerd"


@pytest.mark.django_db
def test_a_class_the_pupil_cannot_go_to_saves_no_analysis_either(world: World) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn="111200003", surname="Nieuw"), name="n.xml", school=world.school
    )
    assert outcome.pupil_id is not None
    enrolment = Enrolment.objects.get(pupil_id=outcome.pupil_id, school=world.school)
    # a class of the other school year the page offers, where the pupil is not enrolled
    year = current_school_year()
    other_year = year + 1 if enrolment.school_year == year else year
    elsewhere = ClassGroup.objects.create(
        school=world.school, school_year=other_year, name="9Z", year_group=1
    )
    response = client_for(world.care_coordinator).post(
        reverse("intake:analyse", args=[world.school.pk, outcome.pupil_id]),
        {"needs_support": "on", "class_group": elsewhere.pk},
    )
    assert response.status_code == 200
    assert "niet ingeschreven" in response.content.decode()
    assert not IntakeAnalysis.objects.filter(pupil_id=outcome.pupil_id).exists()


@pytest.mark.django_db
def test_names_stand_on_one_line_and_two_alike_are_told_apart(world: World) -> None:
    first = dossier_import(
        data=dossier_xml(bsn="111200003", surname="Meijer", call_name="Zoë"),
        name="a.xml",
        school=world.school,
    )
    second = dossier_import(
        data=dossier_xml(
            bsn="999990019", surname="Meijer", call_name="Zoë", birth_date=dt.date(2014, 9, 3)
        ),
        name="b.xml",
        school=world.school,
    )
    assert first.pupil_id is not None
    assert second.pupil_id is not None
    assert first.pupil_id != second.pupil_id
    page = (
        client_for(world.care_coordinator)
        .get(reverse("intake:cohort", args=[world.school.pk]))
        .content.decode()
    )
    assert page.count(">Zoë Meijer</a>") == 2  # "Zoë Meijer", not "Meijer, Zoë"
    assert page.count('data-testid="same-name"') == 2  # each with her birth date
