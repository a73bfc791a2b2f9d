"""From writing to arrival: the secondary school records the registration, the primary
school writes the dossier, the review opens only on a complete dossier, the parents confirm,
the dossier is sent inside the installation and fills the receiving school's dossier."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.consent.models import GuardianReview
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.composition import readiness
from overdracht.dossiers.models import DossierSection
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.selectors import history_with_authors
from overdracht.dossiers.sending import SendingError, dossier_file, dossier_send
from overdracht.dossiers.services import section_save, sections_receive
from overdracht.oso.models import ReceivedDossier
from overdracht.oso.official_rules import official_rules_available
from overdracht.oso.schema import schema_available
from overdracht.oso.validation import validate_file
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Pupil, Transition
from overdracht.pupils.registration import RegistrationError, register
from overdracht.schools.models import ClassGroup, School
from overdracht.schools.services import class_group_mentor_add, membership_grant
from tests.conftest import SCHOOL_DETAILS, World, client_for, make_pupil, make_user

needs_rules = pytest.mark.skipif(
    not (schema_available() and official_rules_available()),
    reason="the OSO schema and business rules are not at OSO_STANDARD_DIR",
)


@dataclass
class Primary:
    school: School
    teacher: User  # the groep-8 teacher
    ib: User  # the intern begeleider
    pupil: Pupil
    transition: Transition


@pytest.fixture
def primary(world: World) -> Primary:
    school = School.objects.create(
        board=world.school.board,
        region=world.school.region,
        partnership=world.school.partnership,
        name="OBS De Linde",
        brin="44DD",
        kind="PO",
        **SCHOOL_DETAILS,
    )
    year = current_school_year()
    group = ClassGroup.objects.create(school=school, school_year=year, name="8", year_group=8)
    teacher = make_user("groep8@linde.example", "Gijs Groep8")
    class_group_mentor_add(class_group=group, user=teacher)
    ib = make_user("ib@linde.example", "Ina IB")
    membership_grant(user=ib, school=school, role="care_coordinator")
    pupil = make_pupil("Noor", "Bakker", birth_date=dt.date(2014, 3, 3))
    pupil_services.enrolment_create(
        pupil=pupil,
        school=school,
        school_year=year,
        year_group=8,
        class_group=group,
        start_date=dt.date(year, 8, 20),
        pupil_number="8001",
    )
    pupil_services.guardian_link(
        pupil=pupil, guardian=world.guardian, relationship="2", has_authority=True
    )
    transition = pupil_services.transition_create(
        pupil=pupil, kind="po_vo", from_school=school, to_school=None, school_year=year + 1
    )
    return Primary(school, teacher, ib, pupil, transition)


def write(p: Primary, kind: str, content: dict[str, object], version: int = 0) -> None:
    section_save(
        author_id=p.teacher.pk,
        pupil=p.pupil,
        kind=kind,
        content=content,
        based_on_version=version,
        school_id=p.school.pk,
    )


def write_required(p: Primary) -> None:
    write(
        p,
        SectionKind.ADVICE,
        {"final_advice": "havo", "final_date": "2027-03-01", "argumentation": "Leest veel."},
    )
    write(p, SectionKind.LANGUAGE_MATHS, {"reading": "2F", "language": "2F", "maths": "1S/2F"})
    write(p, SectionKind.WORK_ATTITUDE, {"task_approach": "4", "notes": "Werkt zelfstandig."})
    Pupil.objects.filter(pk=p.pupil.pk).update(
        street="Lindelaan", house_number="3", postal_code="6511AB", city="Waalstad"
    )
    p.pupil.refresh_from_db()
    p.transition.refresh_from_db()


def register_at(world: World, p: Primary) -> Transition:
    return register(
        school=world.school,
        from_school=p.school,
        number=p.pupil.bsn,
        birth_date=p.pupil.birth_date,
        day=timezone.localdate(),
        due=None,
        actor_id=world.care_coordinator.pk,
    )


def what_the_mother_reads(world: World, p: Primary) -> str:
    """Registered, review opened: the portal page of the dossier as the mother sees it."""
    register_at(world, p)
    client_for(p.ib).post(reverse("dossiers:review_open", args=[p.pupil.pk]))
    mother = client_for(world.guardian_user)
    return mother.get(reverse("portal:dossier", args=[p.pupil.pk])).content.decode()


def review_done(world: World, p: Primary) -> None:
    ib = client_for(p.ib)
    response = ib.post(reverse("dossiers:review_open", args=[p.pupil.pk]))
    assert response.status_code == 302
    assert GuardianReview.objects.filter(transition=p.transition).exists()
    mother = client_for(world.guardian_user)
    url = reverse("portal:dossier", args=[p.pupil.pk])
    page = mother.get(url).content.decode()
    assert "havo" in page
    assert "Werkt zelfstandig." in page
    mother.post(url, {"action": "seen"})
    mother.post(url, {"agrees": "yes", "text": ""})


@pytest.mark.django_db
def test_registration_needs_the_number_and_birth_date_and_says_nothing_else(
    world: World, primary: Primary
) -> None:
    with pytest.raises(RegistrationError, match="Controleer"):
        register(
            school=world.school,
            from_school=primary.school,
            number=primary.pupil.bsn,
            birth_date=dt.date(2014, 3, 4),
            day=timezone.localdate(),
            due=None,
            actor_id=None,
        )
    transition = register_at(world, primary)
    assert transition.to_school == world.school
    assert transition.request_due == timezone.localdate() + dt.timedelta(days=14)
    assert primary.pupil.enrolments.filter(school=world.school).exists()
    assert AuditEvent.objects.filter(action=AuditAction.PUPIL_REGISTERED).count() == 2
    # The pupil is the other school's now: a second registration is refused.
    third = School.objects.create(
        board=world.school.board, region=world.school.region, name="Derde", brin="66FF"
    )
    with pytest.raises(RegistrationError):
        register(
            school=third,
            from_school=primary.school,
            number=primary.pupil.bsn,
            birth_date=primary.pupil.birth_date,
            day=timezone.localdate(),
            due=None,
            actor_id=None,
        )


@pytest.mark.django_db
def test_the_review_does_not_open_on_an_empty_dossier(world: World, primary: Primary) -> None:
    ib = client_for(primary.ib)
    page = ib.post(
        reverse("dossiers:review_open", args=[primary.pupil.pk]), follow=True
    ).content.decode()
    assert "kan nog niet open" in page
    assert not GuardianReview.objects.exists()
    missing = readiness(primary.transition, primary.school).missing
    assert any("advies" in m.lower() for m in missing)
    assert any("adres" in m for m in missing)
    write_required(primary)
    primary.pupil.refresh_from_db()
    assert readiness(primary.transition, primary.school).missing == []


@pytest.mark.django_db
def test_a_reconsidered_advice_may_only_go_up(primary: Primary) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="naar boven"):
        write(
            primary, SectionKind.ADVICE, {"final_advice": "havo", "reconsidered_advice": "vmbo-gt"}
        )
    assert not DossierSection.objects.filter(kind=SectionKind.ADVICE).exists()


@pytest.mark.django_db
def test_sending_is_refused_until_registered_and_reviewed(world: World, primary: Primary) -> None:
    write_required(primary)
    with pytest.raises(SendingError, match="nog niet aangemeld"):
        dossier_send(transition=primary.transition, school=primary.school, actor_id=None)
    transition = register_at(world, primary)
    with pytest.raises(SendingError, match="inzage"):
        dossier_send(transition=transition, school=primary.school, actor_id=None)
    assert not ReceivedDossier.objects.exists()


@pytest.mark.django_db
def test_the_dossier_travels_and_fills_the_receiving_school(world: World, primary: Primary) -> None:
    write_required(primary)
    register_at(world, primary)
    primary.transition.refresh_from_db()
    review_done(world, primary)
    ib = client_for(primary.ib)
    page = ib.post(reverse("dossiers:send", args=[primary.pupil.pk]), follow=True)
    assert "is aangekomen bij Testcollege" in page.content.decode()

    arrived = ReceivedDossier.objects.get(school=world.school, pupil=primary.pupil)
    assert arrived.sent_from_school == primary.school
    parts = {
        s.kind: s for s in DossierSection.objects.filter(pupil=primary.pupil, school=world.school)
    }
    assert parts[SectionKind.ADVICE].content["final_advice"] == "havo"
    assert parts[SectionKind.LANGUAGE_MATHS].content["maths"] == "1S/2F"
    assert parts[SectionKind.WORK_ATTITUDE].content["notes"] == "Werkt zelfstandig."
    assert all(s.received_dossier_id == arrived.pk for s in parts.values())
    history = history_with_authors(primary.pupil, world.school.pk, SectionKind.ADVICE)
    assert history[0].author == "ontvangen van OBS De Linde"
    # The primary school's own dossier is untouched and is its own.
    assert DossierSection.objects.filter(pupil=primary.pupil, school=primary.school).count() == 3
    assert AuditEvent.objects.filter(action=AuditAction.DOSSIER_SENT).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.DOSSIER_ARRIVED).count() == 1
    primary.transition.refresh_from_db()
    assert primary.transition.sent_at is not None
    # The secondary school's incoming list has it; the sender sees that it arrived.
    incoming = client_for(world.care_coordinator).get(
        reverse("oso:incoming", args=[world.school.pk])
    )
    assert "Bakker" in incoming.content.decode()
    # The passport shows the reference levels that arrived.
    passport = client_for(world.care_coordinator).get(
        reverse("passports:passport", args=[primary.pupil.pk])
    )
    assert "1S/2F" in passport.content.decode()
    form = client_for(world.care_coordinator).get(
        reverse("passports:passport_edit", args=[primary.pupil.pk])
    )
    assert "Referentieniveau rekenen" in form.content.decode()
    compose = ib.get(reverse("dossiers:compose", args=[primary.pupil.pk])).content.decode()
    assert "Testcollege" in compose


@pytest.mark.django_db
def test_a_received_part_never_overwrites_what_the_school_wrote(
    world: World, primary: Primary
) -> None:
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=primary.pupil,
        kind=SectionKind.TALENTS,
        content={"talents": "Tekenen"},
        based_on_version=0,
        school_id=world.school.pk,
    )
    outcome = sections_receive(
        pupil=primary.pupil,
        school_id=world.school.pk,
        parts={
            SectionKind.TALENTS: {"talents": "Voetbal"},
            SectionKind.WORK_ATTITUDE: {"notes": "Netjes"},
        },
        received_dossier_id=1,
        received_from="OBS De Linde",
        actor_id=None,
    )
    assert {(o.kind, o.outcome) for o in outcome} == {
        (SectionKind.TALENTS, "kept"),
        (SectionKind.WORK_ATTITUDE, "filled"),
    }
    talents = DossierSection.objects.get(school=world.school, kind=SectionKind.TALENTS)
    assert talents.content == {"talents": "Tekenen"}


@needs_rules
@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["po_vo", "po_po", "vo_vo", "bb"])
def test_the_file_passes_the_schema_and_the_official_rules(
    world: World, primary: Primary, kind: str
) -> None:
    write_required(primary)
    to_brin = ""
    if kind == "bb":  # to another location of the same school: overdracht binnen BRIN
        kind, to_brin = "vo_vo", world.school.brin
    if kind == "vo_vo":
        from_school, to_school = world.school, world.other_school
        enrolment = world.pupil.enrolments.get(school=world.school)
        enrolment.pupil_number = "V1"
        enrolment.save()
        pupil = world.pupil
        for k, content in (
            (SectionKind.WORK_ATTITUDE, {"notes": "Plant goed."}),
            (SectionKind.TALENTS, {"talents": "Wiskunde"}),
        ):
            section_save(
                author_id=world.care_coordinator.pk,
                pupil=pupil,
                kind=k,
                content=content,
                based_on_version=0,
                school_id=world.school.pk,
            )
        Pupil.objects.filter(pk=pupil.pk).update(address_is_secret=True)
        pupil.refresh_from_db()
    else:
        from_school, pupil = primary.school, primary.pupil
        to_school = world.school
        if kind == "po_po":
            to_school = School.objects.create(
                board=world.school.board,
                region=world.school.region,
                name="Basisschool Oost",
                brin="77GG",
                kind="PO",
                **SCHOOL_DETAILS,
            )
    Transition.objects.filter(pk=primary.transition.pk).delete()
    transition = pupil_services.transition_create(
        pupil=pupil,
        kind=kind,
        from_school=from_school,
        to_school=to_school,
        school_year=current_school_year() + 1,
    )
    made = dossier_file(
        transition=transition,
        school=from_school,
        actor_id=None,
        provisional=True,
        to_brin=to_brin,
    )
    assert (b"overdrachtbinnenbrin" in made.content) == bool(to_brin)
    checked = validate_file(made.content, name=made.filename, official=True)
    # Provisional: the only official rule it may break is the one that wants the review.
    assert [str(p) for p in checked.errors if "ingezien" not in str(p)] == [], [
        str(p) for p in checked.errors
    ]


@pytest.mark.django_db
def test_a_category_the_school_does_not_deliver_stays_out_of_the_attachment_too(
    world: World, primary: Primary
) -> None:
    from overdracht.dossiers.composition import dossier_content
    from overdracht.oso.builder import ReviewData
    from overdracht.oso.export import dossier_export

    write_required(primary)
    write(primary, SectionKind.SUPPORT_NEEDS, {"what_works": "Korte instructie."})

    def made(delivery: dict[str, str]) -> bytes:
        return dossier_export(
            pupil=primary.pupil,
            school=primary.school,
            to_brin=world.school.brin,
            crossing="POVO",
            review=ReviewData(provisional=True),
            content=dossier_content(primary.pupil, primary.school),
            delivery=delivery,
        ).content

    import base64

    def attachment_text(data: bytes) -> str:
        found = validate_file(data, name="x.xml").reading
        assert found is not None
        ours = [a for a in found.attachments if a.filename == "overdracht-onderdelen.json"]
        return ours[0].content.decode() if ours else ""

    assert "Korte instructie." in attachment_text(made({}))
    opted_out = made({"cat_onderwijsondersteuning": "OPT-UIT"})
    assert "Korte instructie." not in attachment_text(opted_out)
    assert base64.b64encode(b"Korte instructie.") not in opted_out
    assert "Werkt zelfstandig." in attachment_text(opted_out)


@pytest.mark.django_db
def test_the_portal_shows_no_code_of_the_standard(world: World, primary: Primary) -> None:
    import io
    import re

    from pypdf import PdfReader

    write_required(primary)
    write(primary, SectionKind.TALENTS, {"talents": "Tekenen"})
    register_at(world, primary)
    client_for(primary.ib).post(reverse("dossiers:review_open", args=[primary.pupil.pk]))
    mother = client_for(world.guardian_user)
    page = mother.get(reverse("portal:dossier", args=[primary.pupil.pk])).content.decode()
    pdf = mother.get(reverse("portal:dossier_pdf", args=[primary.pupil.pk])).content
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    visible = re.sub(r"<[^>]+>", " ", page)  # what a reader sees, not ids and attributes
    for text in (visible, pdf_text):
        assert "havo" in text
        assert "Tekenen" in text
        for code in ("LASLVS", "2019.1.1", "RNTRM", "overstapdossier", "cat_", "POVO"):
            assert code not in text, code
    # No definition in the page is a bare code (gender 2, relationship 1, advice 50, ...).
    values = re.findall(r"<dd[^>]*>\s*([^<]*?)\s*</dd>", page)
    assert values
    pairs = re.findall(r"<dt>([^<]*)</dt>\s*<dd[^>]*>\s*([^<]*?)\s*</dd>", page)
    numeric = {"Huisnummer", "Groepscode", "Jaargroep", "Leerjaar", "Score"}  # numbers, no codes
    assert [p for p in pairs if re.fullmatch(r"\d{1,2}", p[1]) and p[0] not in numeric] == []
