"""Importing OSO dossiers: match or create the pupil, idempotent, history, conflicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import DossierState, ReceivedAttachment, ReceivedDossier
from overdracht.oso.services import dossier_import
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Enrolment, Guardian, Pupil, Transition
from overdracht.schools.models import School
from overdracht.schools.services import membership_grant
from tests.conftest import make_user, verified_login
from tests.oso.conftest import pupil_of

BSN = "999990019"


@pytest.mark.django_db
def test_new_pupil_is_created_with_guardians_transition_enrolment_and_attachments(
    receiving_school: School,
) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn=BSN, surname="Hof", surname_prefix="van 't"),
        name="hof.xml",
        school=receiving_school,
    )
    assert outcome.status == "imported", outcome.problems
    assert outcome.pupil_id is not None
    pupil = pupil_of(outcome)
    assert (pupil.surname, pupil.surname_prefix, pupil.bsn) == ("Hof", "van 't", BSN)
    relations = list(pupil.guardian_relations.select_related("guardian"))
    assert len(relations) == 2
    assert all(r.has_authority for r in relations)
    assert {r.guardian.email for r in relations} == {
        "ouder0.1@mail.example",
        "ouder1.1@mail.example",
    }
    transition = Transition.objects.get(pupil=pupil)
    assert transition.kind == "po_vo"
    assert transition.to_school == receiving_school
    assert transition.from_school is None
    assert transition.from_school_brin == "12AB"
    assert Enrolment.objects.get(pupil=pupil, school=receiving_school).year_group == 1
    dossier = ReceivedDossier.objects.get()
    assert dossier.state == DossierState.CURRENT
    assert dossier.transition == transition
    assert dossier.mapped["advice"]["argumentation"].startswith("Werkt zelfstandig")
    assert dossier.mapped["tests"][0]["reference_scores"][0]["code"] == "RNTRM"
    attachments = list(ReceivedAttachment.objects.filter(dossier=dossier))
    assert len(attachments) == 2
    assert bytes(attachments[0].content).startswith(b"%PDF-")
    assert attachments[0].content_type == "application/pdf"
    assert AuditEvent.objects.filter(
        action=AuditAction.OSO_IMPORTED, subject_pupil_id=pupil.pk
    ).exists()


@pytest.mark.django_db
def test_importing_the_same_dossier_again_changes_nothing(receiving_school: School) -> None:
    data = dossier_xml(bsn=BSN)
    dossier_import(data=data, name="a.xml", school=receiving_school)
    counts = [
        m.objects.count()
        for m in (Pupil, Guardian, ReceivedDossier, Transition, Enrolment, ReceivedAttachment)
    ]
    again = dossier_import(
        data=data.replace(b"  ", b" "), name="a-again.xml", school=receiving_school
    )
    assert again.status == "unchanged"
    assert counts == [
        m.objects.count()
        for m in (Pupil, Guardian, ReceivedDossier, Transition, Enrolment, ReceivedAttachment)
    ]


@pytest.mark.django_db
def test_a_newer_dossier_becomes_current_and_keeps_the_history(receiving_school: School) -> None:
    first = dossier_import(
        data=dossier_xml(bsn=BSN, tests=2), name="v1.xml", school=receiving_school
    )
    second = dossier_import(
        data=dossier_xml(bsn=BSN, tests=5), name="v2.xml", school=receiving_school
    )
    assert (first.status, second.status) == ("imported", "updated")
    assert first.pupil_id == second.pupil_id
    history = list(ReceivedDossier.objects.order_by("version").values_list("version", "state"))
    assert history == [(1, DossierState.SUPERSEDED), (2, DossierState.CURRENT)]
    assert len(ReceivedDossier.objects.get(state="current").mapped["tests"]) == 5
    assert Guardian.objects.count() == 2  # the same guardians are not added twice


@pytest.mark.django_db
def test_same_bsn_with_another_birth_date_is_held_not_merged(receiving_school: School) -> None:
    known = pupil_services.pupil_create(
        given_names="Sam",
        call_name="Sam",
        surname="Jansen",
        birth_date=dt.date(2013, 1, 1),
        bsn=BSN,
    )
    outcome = dossier_import(
        data=dossier_xml(bsn=BSN, birth_date=dt.date(2014, 5, 1)),
        name="ander.xml",
        school=receiving_school,
    )
    assert outcome.status == "held"
    dossier = ReceivedDossier.objects.get()
    assert dossier.state == DossierState.HELD
    assert dossier.pupil is None
    assert dossier.conflict_pupil == known
    known.refresh_from_db()
    assert known.birth_date == dt.date(2013, 1, 1)
    assert not known.guardian_relations.exists()
    assert Pupil.objects.count() == 1
    again = dossier_import(
        data=dossier_xml(bsn=BSN, birth_date=dt.date(2014, 5, 1)),
        name="ander.xml",
        school=receiving_school,
    )
    assert again.status == "unchanged"
    assert ReceivedDossier.objects.count() == 1


@pytest.mark.django_db
def test_same_bsn_with_another_surname_is_held(receiving_school: School) -> None:
    pupil_services.pupil_create(
        given_names="Sam",
        call_name="Sam",
        surname="Pietersen",
        birth_date=dt.date(2014, 5, 1),
        bsn=BSN,
    )
    outcome = dossier_import(data=dossier_xml(bsn=BSN), name="x.xml", school=receiving_school)
    assert outcome.status == "held"


@pytest.mark.django_db
def test_a_known_pupil_matches_on_bsn_birth_date_and_surname(receiving_school: School) -> None:
    known = pupil_services.pupil_create(
        given_names="Sam",
        call_name="Sam",
        surname="Jansen",
        birth_date=dt.date(2014, 5, 1),
        bsn=BSN,
    )
    outcome = dossier_import(data=dossier_xml(bsn=BSN), name="x.xml", school=receiving_school)
    assert outcome.status == "imported"
    assert outcome.pupil_id == str(known.pk)
    assert Pupil.objects.count() == 1


@pytest.mark.django_db
def test_staff_of_the_receiving_school_see_the_pupil_and_others_do_not(
    receiving_school: School,
) -> None:
    outcome = dossier_import(data=dossier_xml(bsn=BSN), name="x.xml", school=receiving_school)
    care = make_user("zorg@ontvangend.example")
    membership_grant(user=care, school=receiving_school, role="care_coordinator")
    url = reverse("pupils:detail", args=[outcome.pupil_id])
    assert verified_login(Client(), care).get(url).status_code == 200
    outsider = make_user("zorg@elders.example")
    other = School.objects.create(
        board=receiving_school.board,
        region=receiving_school.region,
        name="Elders",
        brin="44DD",
        kind="VO",
    )
    membership_grant(user=outsider, school=other, role="care_coordinator")
    assert verified_login(Client(), outsider).get(url).status_code == 404


def _forbid_tests(data: bytes) -> bytes:
    """Deliver test results although the category says VERBODEN."""
    return data.replace(b"<cat_toetsresultaten>OPTIONEEL", b"<cat_toetsresultaten>VERBODEN")


def _bad_bsn(data: bytes) -> bytes:
    return data.replace(BSN.encode(), b"123456789")


def _unknown_crossing(data: bytes) -> bytes:
    return data.replace(b"<overstap>POVO</overstap>", b"<overstap>XXXX</overstap>")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_forbid_tests, "cat_toetsresultaten is VERBODEN"),
        (_bad_bsn, "BSN van de leerling is niet geldig"),
        (_unknown_crossing, "welke overstap"),
    ],
)
def test_business_rules_reject_with_a_dutch_message(
    receiving_school: School, change: Callable[[bytes], bytes], message: str
) -> None:
    outcome = dossier_import(
        data=change(dossier_xml(bsn=BSN)), name="regels.xml", school=receiving_school
    )
    assert outcome.status == "rejected"
    problems = [p for p in outcome.problems if message in p.message]
    assert problems, outcome.problems
    assert problems[0].file == "regels.xml"
    assert problems[0].line
    assert not Pupil.objects.exists()


@pytest.mark.django_db
def test_povo_without_advice_or_review_is_rejected(receiving_school: School) -> None:
    data = dossier_xml(bsn=BSN)
    start, end = data.index(b"<overstapadvies>"), data.index(b"</overstapadvies>")
    no_advice = data[:start] + data[end + len(b"</overstapadvies>") :]
    outcome = dossier_import(data=no_advice, name="zonder-advies.xml", school=receiving_school)
    assert "schooladvies verplicht" in " ".join(p.message for p in outcome.problems)
    start, end = data.index(b"<inzage>"), data.rindex(b"</inzage>")  # it nests an <inzage>
    no_review = data[:start] + data[end + len(b"</inzage>") :]
    outcome = dossier_import(data=no_review, name="zonder-inzage.xml", school=receiving_school)
    assert "inzage door ouders is niet vastgelegd" in " ".join(p.message for p in outcome.problems)
    assert not Pupil.objects.exists()
