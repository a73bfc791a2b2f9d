"""The PaO profiles: a school sends its partnership a dossier (POSWV from a primary school,
VOSWV from a secondary one) from a referral; the partnership reads it, and files of schools
outside the installation are read in too. A school's incoming list refuses them."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.care.models import CareLevel, Referral
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.sending import SendingError, partnership_dossier_send
from overdracht.dossiers.services import section_save
from overdracht.oso.builder import ReviewData
from overdracht.oso.models import PartnershipDossier, ReceivedDossier
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.pao import partnership_dossier_attachments, partnership_dossier_receive
from overdracht.oso.schema import schema_available
from overdracht.oso.services import dossier_import
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil
from tests.conftest import World, client_for
from tests.dossiers.test_sending import Primary, primary, write, write_required

__all__ = ["primary"]  # the fixture

needs_rules = pytest.mark.skipif(
    not (schema_available() and official_rules_available()),
    reason="the OSO schema and business rules are not at OSO_STANDARD_DIR",
)

SEEN = ReviewData(provisional=False, date=dt.date(2027, 1, 12), agreed=True, consent=True)


def support_written(p: Primary) -> None:
    write(
        p,
        SectionKind.SUPPORT_NEEDS,
        {"what_works": "Korte opdrachten met een vast stappenplan.", "what_does_not_work": ""},
    )


@needs_rules
@pytest.mark.django_db
def test_a_primary_school_sends_poswv_that_passes_the_official_pao_rules(
    world: World, primary: Primary
) -> None:
    write_required(primary)
    support_written(primary)
    dossier = partnership_dossier_send(
        pupil=primary.pupil,
        school=primary.school,
        review=SEEN,
        reason="Aanvraag toelaatbaarheidsverklaring sbo.",
        actor_id=primary.ib.pk,
    )
    data = bytes(dossier.content)
    assert b"<overstap>POSWV</overstap>" in data
    assert b"swv-dossier" in data
    assert primary.pupil.bsn.encode() not in data  # the partnership gets no BSN
    checked = validate_file(data, name="poswv.xml", official=True)
    assert [str(p) for p in checked.errors] == []
    assert dossier.partnership == primary.school.partnership
    assert dossier.pupil == primary.pupil
    explanation = next(
        a for a in partnership_dossier_attachments(dossier) if a.filename.endswith(".txt")
    )
    text = explanation.content.decode()
    assert "Aanvraag toelaatbaarheidsverklaring sbo." in text
    assert "Korte opdrachten met een vast stappenplan." in text
    actions = set(
        AuditEvent.objects.filter(subject_pupil_id=primary.pupil.pk).values_list(
            "action", flat=True
        )
    )
    assert {AuditAction.PAO_SENT, AuditAction.PAO_RECEIVED} <= actions


@needs_rules
@pytest.mark.django_db
def test_a_secondary_school_sends_voswv_that_passes_the_official_pao_rules(world: World) -> None:
    pupil = world.pupil
    enrolment = pupil.enrolments.get(school=world.school)
    enrolment.pupil_number = "V1"
    enrolment.save()
    Pupil.objects.filter(pk=pupil.pk).update(address_is_secret=True)
    pupil.refresh_from_db()
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=pupil,
        kind=SectionKind.SUPPORT_NEEDS,
        content={"what_works": "Rust in de klas."},
        based_on_version=0,
        school_id=world.school.pk,
    )
    dossier = partnership_dossier_send(
        pupil=pupil,
        school=world.school,
        review=ReviewData(
            provisional=False,
            date=dt.date(2027, 1, 12),
            agreed=False,
            reason_not_agreed="Te veel nadruk op gedrag.",
        ),
        reason="Arrangement aanvragen.",
        actor_id=world.care_coordinator.pk,
    )
    data = bytes(dossier.content)
    assert b"<overstap>VOSWV</overstap>" in data
    checked = validate_file(data, name="voswv.xml", official=True)
    assert [str(p) for p in checked.errors] == []


@pytest.mark.django_db
def test_sending_to_the_partnership_needs_the_parents_review(
    world: World, primary: Primary
) -> None:
    write_required(primary)
    with pytest.raises(SendingError, match="ingezien"):
        partnership_dossier_send(
            pupil=primary.pupil,
            school=primary.school,
            review=ReviewData(provisional=True),
            reason="TLV",
            actor_id=None,
        )
    with pytest.raises(SendingError, match="waarom"):
        partnership_dossier_send(
            pupil=primary.pupil,
            school=primary.school,
            review=ReviewData(provisional=False, date=dt.date(2027, 1, 1), agreed=False),
            reason="TLV",
            actor_id=None,
        )
    assert not PartnershipDossier.objects.exists()


@pytest.mark.django_db
def test_a_school_refuses_a_pao_file_and_the_partnership_takes_it_once(
    world: World, primary: Primary
) -> None:
    write_required(primary)
    support_written(primary)
    sent = partnership_dossier_send(
        pupil=primary.pupil, school=primary.school, review=SEEN, reason="TLV", actor_id=None
    )
    data = bytes(sent.content)
    at_school = dossier_import(data=data, name="pao.xml", school=world.school)
    assert at_school.rejected
    assert "samenwerkingsverband" in at_school.problems[0].message
    assert not ReceivedDossier.objects.filter(school=world.school).exists()
    # The same file uploaded again by the partnership is kept once.
    again = partnership_dossier_receive(
        data=data, name="pao.xml", partnership=sent.partnership, actor_id=None
    )
    assert again.status == "unchanged"
    assert again.dossier == sent
    assert PartnershipDossier.objects.count() == 1


@pytest.mark.django_db
def test_the_partnership_refuses_an_overstapdossier(world: World, primary: Primary) -> None:
    from overdracht.dossiers.sending import dossier_file

    write_required(primary)
    made = dossier_file(
        transition=primary.transition, school=primary.school, actor_id=None, provisional=True
    )
    outcome = partnership_dossier_receive(
        data=made.content,
        name=made.filename,
        partnership=primary.school.partnership,  # type: ignore[arg-type]
        actor_id=None,
    )
    assert outcome.rejected
    assert any("geen dossier voor het samenwerkingsverband" in p.message for p in outcome.problems)
    assert not PartnershipDossier.objects.exists()


@pytest.mark.django_db
def test_from_referral_to_the_partnership_in_pages(world: World, primary: Primary) -> None:
    write_required(primary)
    support_written(primary)
    referral = Referral.objects.create(
        pupil=primary.pupil,
        school=primary.school,
        level=CareLevel.PARTNERSHIP,
        reason="Aanvraag TLV",
        created_by_id=primary.ib.pk,
    )
    ib = client_for(primary.ib)
    url = reverse("care:referral_dossier", args=[primary.school.pk, referral.pk])
    page = ib.get(url)
    assert page.status_code == 200
    assert "Korte opdrachten" in page.content.decode()
    refused = ib.post(url, {"seen_on": "", "agreed": "yes"})
    assert "ingezien" in refused.content.decode()
    assert not PartnershipDossier.objects.exists()
    done = ib.post(url, {"seen_on": "2027-01-12", "agreed": "yes"}, follow=True)
    assert "verstuurd" in done.content.decode()
    referral.refresh_from_db()
    dossier = referral.partnership_dossier
    assert dossier is not None
    # The partnership reads it in words; a mentor of the school never sees the page.
    swv = client_for(world.partnership_user)
    listing = swv.get(reverse("care:partnership")).content.decode()
    read_url = reverse("care:partnership_dossier", args=[dossier.pk])
    assert read_url in listing
    read = swv.get(read_url).content.decode()
    assert "Noor" in read
    assert "Korte opdrachten met een vast stappenplan." in read
    for code in ("POSWV", "RNTRM", "overdracht-onderdelen/1"):  # words, not codes
        assert code not in read, code
    dossier.refresh_from_db()
    assert dossier.first_opened_at is not None
    assert client_for(world.mentor).get(read_url).status_code == 404
    # The school now sees that it arrived and was opened.
    again = ib.get(url).content.decode()
    assert "geopend" in again


@needs_rules
@pytest.mark.django_db
def test_what_an_earlier_school_sent_travels_on_without_what_the_partnership_may_not_have(
    world: World,
) -> None:
    """A pupil who arrived with the standard's full POVO example (birth place, nationality,
    diagnoses, tests) is referred on: the VOSWV file passes the PaO rules all the same."""
    from pathlib import Path

    from django.conf import settings

    from overdracht.dossiers.sending import received_fill

    example = Path(settings.OSO_STANDARD_DIR) / "examples" / "Voorbeelddossier_OV_POVO_full.xml"
    # The example with a birth place, as an earlier school's LAS may well send it.
    data = example.read_bytes().replace(
        b"<bsn>", b"<geboorteplaats>Nijmegen</geboorteplaats>\n      <bsn>", 1
    )
    outcome = dossier_import(data=data, name=example.name, school=world.school)
    assert outcome.pupil_id is not None, outcome.problems
    assert outcome.dossier_id is not None
    received_fill(ReceivedDossier.objects.get(pk=outcome.dossier_id))
    pupil = Pupil.objects.get(pk=outcome.pupil_id)
    dossier = partnership_dossier_send(
        pupil=pupil, school=world.school, review=SEEN, reason="Arrangement", actor_id=None
    )
    data = bytes(dossier.content)
    assert b"geboorteplaats" not in data
    checked = validate_file(data, name="voswv.xml", official=True)
    assert [str(p) for p in checked.errors] == []


@needs_rules
@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["Voorbeelddossier_PaO_POSWV_full.xml", "Voorbeelddossier_PaO_VOSWV_full.xml"]
)
def test_the_standards_pao_examples_are_read_in_by_the_partnership(world: World, name: str) -> None:
    from pathlib import Path

    from django.conf import settings

    from overdracht.oso.presentation import file_sections

    data = (Path(settings.OSO_STANDARD_DIR) / "examples-pao" / name).read_bytes()
    partnership = world.school.partnership
    assert partnership is not None
    outcome = partnership_dossier_receive(
        data=data, name=name, partnership=partnership, actor_id=world.partnership_user.pk
    )
    assert outcome.status == "received", [str(p) for p in outcome.problems]
    dossier = outcome.dossier
    assert dossier is not None
    assert dossier.crossing == name.split("_")[2]
    assert dossier.pupil is None  # a school outside the installation: nobody to match
    assert dossier.pupil_name.endswith("Berg")
    sections = {s.key: s for s in file_sections(dossier.mapped, dossier.delivery, [])}
    for category in ("cat_leerling", "cat_schoolloopbaan", "cat_onderwijsondersteuning"):
        assert not sections[category].empty, category
    page = client_for(world.partnership_user).get(
        reverse("care:partnership_dossier", args=[dossier.pk])
    )
    assert page.status_code == 200
    assert "Berg" in page.content.decode()
