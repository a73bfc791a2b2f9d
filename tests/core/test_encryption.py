"""Special-category data is encrypted at rest: the database holds Fernet tokens, never the
text; keys come from the settings (the environment), a new key is put first and
`encryption_rotate` re-encrypts in batches, after which the old key can go; without a key
the product does not start (core.E001)."""

from __future__ import annotations

import json

from django.core.management import call_command
from django.db import connection
from django.test import override_settings

import pytest
from cryptography.fernet import Fernet

from overdracht.core.crypto import DecryptionError, keys_check
from overdracht.dossiers.models import DossierSection, SectionRevision
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import ReceivedAttachment, ReceivedDossier
from overdracht.oso.services import dossier_import
from tests.conftest import World

KEY_A, KEY_B = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        value = cursor.fetchone()[0]
    return value if isinstance(value, str) else bytes(value).decode("latin-1")


def diagnoses(world: World) -> DossierSection:
    return section_save(
        author_id=world.care_coordinator.pk,
        pupil=world.pupil,
        kind=SectionKind.DIAGNOSES,
        content={"diagnoses": "ADHD, vastgesteld in 2023", "medication": True},
        based_on_version=0,
        school_id=world.school.pk,
    )


@pytest.mark.django_db
def test_a_care_section_and_its_history_are_tokens_in_the_database(world: World) -> None:
    section = diagnoses(world)
    stored = raw("dossiers_dossiersection", "content", section.pk)
    assert stored.startswith("gAAAAA")
    assert "ADHD" not in stored
    revision = SectionRevision.objects.get(section=section)
    assert "ADHD" not in raw("dossiers_sectionrevision", "content", revision.pk)
    assert DossierSection.objects.get(pk=section.pk).content["diagnoses"].startswith("ADHD")


@pytest.mark.django_db
def test_a_received_dossier_and_its_attachments_are_tokens(world: World) -> None:
    outcome = dossier_import(
        data=dossier_xml(bsn="999990019", surname="Smit", call_name="Iris", attachments=1),
        name="iris.xml",
        school=world.school,
    )
    assert outcome.dossier_id is not None, outcome.problems
    for column in ("tree", "mapped"):
        stored = raw("oso_receiveddossier", column, outcome.dossier_id)
        assert stored.startswith("gAAAAA")
        assert "Smit" not in stored
    attachment = ReceivedAttachment.objects.filter(dossier_id=outcome.dossier_id).first()
    assert attachment is not None
    assert raw("oso_receivedattachment", "content", attachment.pk).startswith("gAAAAA")
    assert bytes(attachment.content)
    assert ReceivedDossier.objects.get(pk=outcome.dossier_id).mapped["pupil"]["surname"] == "Smit"


@pytest.mark.django_db
def test_a_new_key_rotates_in_and_the_old_one_can_go(world: World) -> None:
    with override_settings(OVERDRACHT_ENCRYPTION_KEYS=[KEY_A]):
        section = diagnoses(world)
        before = raw("dossiers_dossiersection", "content", section.pk)
    with override_settings(OVERDRACHT_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        call_command("encryption_rotate", "--batch", "1", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert raw("dossiers_dossiersection", "content", section.pk) != before
    with override_settings(OVERDRACHT_ENCRYPTION_KEYS=[KEY_B]):
        assert DossierSection.objects.get(pk=section.pk).content["medication"] is True
    with (
        override_settings(OVERDRACHT_ENCRYPTION_KEYS=[KEY_A]),
        pytest.raises(DecryptionError),
    ):
        DossierSection.objects.get(pk=section.pk)


@pytest.mark.django_db
def test_a_value_written_before_encryption_is_read_and_then_encrypted(world: World) -> None:
    section = diagnoses(world)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE dossiers_dossiersection SET content = %s WHERE id = %s",
            [json.dumps({"diagnoses": "oud", "medication": False}), section.pk],
        )
    assert DossierSection.objects.get(pk=section.pk).content["diagnoses"] == "oud"
    call_command("encryption_rotate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert raw("dossiers_dossiersection", "content", section.pk).startswith("gAAAAA")


def test_without_a_valid_key_the_product_does_not_start() -> None:
    with override_settings(OVERDRACHT_ENCRYPTION_KEYS=[]):
        assert [m.id for m in keys_check()] == ["core.E001"]
    with override_settings(OVERDRACHT_ENCRYPTION_KEYS=["not-a-key"]):
        assert [m.id for m in keys_check()] == ["core.E001"]
    with override_settings(OVERDRACHT_ENCRYPTION_KEYS=[KEY_A]):
        assert keys_check() == []
