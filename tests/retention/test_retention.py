"""Retention: the job deletes exactly what is due and nothing else; a dry run changes
nothing; a legal hold stops it; every deletion is audited without its content."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management import call_command
from django.db.models import Model
from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.care.models import Referral
from overdracht.dossiers.models import DossierSection, IntakeAnalysis
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import ReceivedAttachment, ReceivedDossier
from overdracht.oso.services import dossier_import
from overdracht.passports.models import PassportVersion
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Enrolment, Guardian, Pupil
from overdracht.retention.models import LegalHold, RetentionRun
from overdracht.retention.services import retention_run
from tests.conftest import World, client_for, make_pupil

TODAY = dt.date(2026, 12, 2)


def former_pupil(world: World, name: str, left_on: dt.date) -> Pupil:
    """A pupil of Testcollege who left on `left_on`, with a dossier, a passport, an
    intake analysis and a referral to the care team."""
    pupil = make_pupil(name, "Vertrokken")
    pupil_services.enrolment_create(
        pupil=pupil,
        school=world.school,
        school_year=left_on.year - 1 if left_on.month < 8 else left_on.year,
        year_group=3,
        start_date=left_on - dt.timedelta(days=300),
        end_date=left_on,
    )
    DossierSection.objects.create(
        pupil=pupil,
        school=world.school,
        kind="talents",
        content={"talents": "Tekenen"},
        updated_by_id=world.care_coordinator.pk,
    )
    PassportVersion.objects.create(
        pupil=pupil, version=1, tips=["a", "b", "c"], written_by_id=world.care_coordinator.pk
    )
    IntakeAnalysis.objects.create(
        pupil=pupil, school=world.school, analysed_by_id=world.care_coordinator.pk
    )
    Referral.objects.create(
        pupil=pupil, school=world.school, level="swv", reason="Verwijzing", created_by_id=1
    )
    return pupil


def counts(pupil: Pupil) -> dict[str, int]:
    models: dict[str, type[Model]] = {
        "sections": DossierSection,
        "passports": PassportVersion,
        "intake": IntakeAnalysis,
        "referrals": Referral,
        "received": ReceivedDossier,
        "enrolments": Enrolment,
    }
    found = {k: m.objects.filter(pupil_id=pupil.pk).count() for k, m in models.items()}  # type: ignore[attr-defined]
    found["pupil"] = Pupil.objects.filter(pk=pupil.pk).count()
    return found


@pytest.fixture
def seeded(world: World, settings: Any) -> dict[str, Pupil]:
    settings.OVERDRACHT_RETENTION_NOTICE_DAYS = 0
    return {
        # left 1 year ago: nothing due
        "recent": former_pupil(world, "Recent", TODAY - dt.timedelta(days=365)),
        # left 2½ years ago: the dossier is due, the referral (3 years) not yet
        "dossier_due": former_pupil(world, "Dossier", dt.date(2024, 6, 1)),
        # left 3½ years ago: dossier and referral due, the enrolment (5 years) not
        "referral_due": former_pupil(world, "Verwijzing", dt.date(2023, 6, 1)),
        # left 6 years ago: everything, the pupil record included
        "all_due": former_pupil(world, "Alles", dt.date(2020, 6, 1)),
    }


@pytest.mark.django_db
def test_a_dry_run_changes_nothing(world: World, seeded: dict[str, Pupil]) -> None:
    before = {k: counts(p) for k, p in seeded.items()}
    current = counts(world.pupil)
    events = AuditEvent.objects.count()
    report = retention_run(today=TODAY, dry_run=True)
    assert {k: counts(p) for k, p in seeded.items()} == before
    assert counts(world.pupil) == current
    assert AuditEvent.objects.count() == events
    assert report.rows["dossier"]["dossier_sections"] == 3  # exact counts, rolled back
    assert RetentionRun.objects.get().dry_run is True


@pytest.mark.django_db
def test_the_job_deletes_exactly_what_is_due(world: World, seeded: dict[str, Pupil]) -> None:
    current_pupil = counts(world.pupil)
    retention_run(today=TODAY, dry_run=False)
    assert counts(seeded["recent"]) == {
        "sections": 1, "passports": 1, "intake": 1, "referrals": 1, "received": 0,
        "enrolments": 1, "pupil": 1,
    }  # fmt: skip
    assert counts(seeded["dossier_due"]) == {
        "sections": 0, "passports": 0, "intake": 0, "referrals": 1, "received": 0,
        "enrolments": 1, "pupil": 1,
    }  # fmt: skip
    assert counts(seeded["referral_due"]) == {
        "sections": 0, "passports": 0, "intake": 0, "referrals": 0, "received": 0,
        "enrolments": 1, "pupil": 1,
    }  # fmt: skip
    assert counts(seeded["all_due"])["pupil"] == 0
    assert counts(world.pupil) == current_pupil  # a current pupil is never touched
    events = AuditEvent.objects.filter(action=AuditAction.RETENTION_DELETED)
    assert sorted((str(e.subject_pupil_id), e.details["category"]) for e in events) == sorted(
        [
            (str(seeded["dossier_due"].pk), "dossier"),
            (str(seeded["referral_due"].pk), "dossier"),
            (str(seeded["referral_due"].pk), "special_education_referral"),
            (str(seeded["all_due"].pk), "dossier"),
            (str(seeded["all_due"].pk), "special_education_referral"),
            (str(seeded["all_due"].pk), "enrolment"),
        ]
    )
    assert all("Tekenen" not in str(e.details) for e in events)
    # Running it again the same day changes nothing more.
    again = retention_run(today=TODAY, dry_run=False)
    assert again.rows == {}


@pytest.mark.django_db
def test_received_oso_files_and_attachments_go_with_the_dossier(
    world: World, settings: Any
) -> None:
    settings.OVERDRACHT_RETENTION_NOTICE_DAYS = 0
    outcome = dossier_import(
        data=dossier_xml(bsn="111200003", surname="Nieuw", attachments=1),
        name="n.xml",
        school=world.school,
    )
    assert outcome.pupil_id is not None
    assert ReceivedAttachment.objects.filter(dossier__pupil_id=outcome.pupil_id).exists()
    Enrolment.objects.filter(pupil_id=outcome.pupil_id, start_date__gt=dt.date(2024, 6, 1)).update(
        start_date=dt.date(2023, 8, 20)
    )
    Enrolment.objects.filter(pupil_id=outcome.pupil_id).update(end_date=dt.date(2024, 6, 1))
    retention_run(today=TODAY, dry_run=False)
    assert not ReceivedDossier.objects.filter(pupil_id=outcome.pupil_id).exists()
    assert not ReceivedAttachment.objects.exists()


@pytest.mark.django_db
def test_a_legal_hold_keeps_everything_and_the_notice_period_waits(
    world: World, seeded: dict[str, Pupil], settings: Any
) -> None:
    admin = client_for(world.school_admin)
    page_url = reverse("retention:page", args=[world.school.pk])
    page = admin.get(page_url).content.decode()
    assert "Alles Vertrokken" in page
    assert "Recent Vertrokken" not in page  # not due within the coming months
    admin.post(page_url, {"form": "hold", "pupil": seeded["all_due"].pk, "reason": "Klacht loopt"})
    assert LegalHold.objects.filter(pupil=seeded["all_due"], lifted_at__isnull=True).exists()
    settings.OVERDRACHT_RETENTION_NOTICE_DAYS = 14
    retention_run(today=TODAY, dry_run=False)
    assert counts(seeded["dossier_due"])["sections"] == 1  # first seen today: waits 14 days
    retention_run(today=TODAY + dt.timedelta(days=14), dry_run=False)
    assert counts(seeded["dossier_due"])["sections"] == 0
    assert counts(seeded["all_due"])["sections"] == 1  # held
    hold = LegalHold.objects.get()
    admin.post(page_url, {"form": "lift", "hold": hold.pk})
    # After the hold the notice period starts anew: seen today, deleted 14 days on.
    retention_run(today=TODAY + dt.timedelta(days=14), dry_run=False)
    assert counts(seeded["all_due"])["pupil"] == 1
    retention_run(today=TODAY + dt.timedelta(days=28), dry_run=False)
    assert counts(seeded["all_due"])["pupil"] == 0
    assert client_for(world.mentor).get(page_url).status_code == 403
    assert client_for(world.other_school_user).get(page_url).status_code == 404


@pytest.mark.django_db
def test_a_guardian_with_no_child_left_goes_and_the_account_is_closed(
    world: World, settings: Any
) -> None:
    settings.OVERDRACHT_RETENTION_NOTICE_DAYS = 0
    pupil = former_pupil(world, "Oud", dt.date(2019, 6, 1))
    from tests.conftest import make_user

    user = make_user("ouder-oud@test.example", "Oud Ouder")
    guardian = pupil_services.guardian_create(
        surname="Vertrokken", email="x@test.example", user=user
    )
    pupil_services.guardian_link(
        pupil=pupil, guardian=guardian, relationship="1", has_authority=True
    )
    retention_run(today=TODAY, dry_run=False)
    assert not Guardian.objects.filter(pk=guardian.pk).exists()
    user.refresh_from_db()
    assert not user.is_active
    assert "ouder-oud" not in user.email
    assert not user.has_usable_password()
    assert world.guardian_user.is_active  # a guardian of a current pupil stays


@pytest.mark.django_db
def test_the_command_is_a_dry_run_unless_told(world: World, seeded: dict[str, Pupil]) -> None:
    import io

    out = io.StringIO()
    call_command("retention_run", "--today", TODAY.isoformat(), stdout=out)
    assert "dry run" in out.getvalue()
    assert counts(seeded["all_due"])["pupil"] == 1
    call_command("retention_run", "--today", TODAY.isoformat(), "--apply", stdout=out)
    assert counts(seeded["all_due"])["pupil"] == 0
