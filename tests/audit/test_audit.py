"""The audit trail: recorded, immutable, and it survives a rolled-back transaction."""

from __future__ import annotations

import io
import re

from django.db import DatabaseError, connections, transaction

import pytest

from overdracht.audit.models import AuditAction, AuditEvent, ImmutableAuditError
from overdracht.audit.selectors import events_by_actor, events_for_pupil
from overdracht.audit.services import audit_record
from tests.conftest import World, as_audit_table_owner, client_for


@pytest.mark.django_db
def test_record_and_select_by_pupil_and_actor(world: World) -> None:
    audit_record(
        AuditAction.PUPIL_VIEWED,
        actor_id=world.mentor.pk,
        actor_role="mentor",
        school_id=world.school.pk,
        subject_pupil_id=world.pupil.pk,
    )
    assert events_for_pupil(world.pupil.pk).count() == 1
    assert events_by_actor(world.mentor.pk).get().action == AuditAction.PUPIL_VIEWED


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted_through_the_orm() -> None:
    event = audit_record(AuditAction.LOGIN, actor_id=1)
    event.action = AuditAction.LOGOUT
    with pytest.raises(ImmutableAuditError):
        event.save()
    with pytest.raises(ImmutableAuditError):
        event.delete()
    with pytest.raises(ImmutableAuditError):
        AuditEvent.objects.filter(pk=event.pk).update(action=AuditAction.LOGOUT)
    with pytest.raises(ImmutableAuditError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.LOGIN


@pytest.mark.django_db
def test_the_database_refuses_an_update_in_plain_sql() -> None:
    event = audit_record(AuditAction.LOGIN, actor_id=1)
    connection = connections["audit"]
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(using="audit"),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE audit_auditevent SET action = %s WHERE id = %s", ["auth.logout", event.pk]
        )
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.LOGIN


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_an_event_survives_a_rolled_back_transaction(world: World) -> None:
    class ChangeFailedError(Exception):
        pass

    @transaction.atomic
    def change_then_fail() -> None:
        world.pupil.call_name = "Gewijzigd"
        world.pupil.save()
        audit_record(
            AuditAction.PUPIL_VIEWED, actor_id=world.mentor.pk, subject_pupil_id=world.pupil.pk
        )
        raise ChangeFailedError

    with pytest.raises(ChangeFailedError):
        change_then_fail()
    world.pupil.refresh_from_db()
    assert world.pupil.call_name == "Jan"  # the data change rolled back ...
    assert events_for_pupil(world.pupil.pk).count() == 1  # ... the event did not


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
NINE_DIGITS = re.compile(r"\b\d{9}\b")


@pytest.mark.django_db
def test_events_carry_no_personal_data(world: World) -> None:
    """Walk the journeys that write events and check every row for e-mail addresses, BSNs
    and names."""
    from django.test import Client
    from django.urls import reverse

    anonymous = Client()
    anonymous.post(reverse("accounts:login"), {"email": "mentor@test.example", "password": "x"})
    anonymous.post(reverse("accounts:login"), {"email": "nobody@test.example", "password": "x"})
    mentor = client_for(world.mentor)
    mentor.get(reverse("pupils:detail", args=[world.pupil.pk]))
    mentor.get(reverse("pupils:school_pupils", args=[world.school.pk]) + "?q=hof")
    mentor.post(
        reverse("pupils:invitation_create", args=[world.pupil.pk]),
        {"recipient": "pupil", "email": "jan@test.example"},
    )
    client_for(world.other_school_user).get(reverse("pupils:detail", args=[world.pupil.pk]))
    events = list(AuditEvent.objects.all())
    assert {e.action for e in events} >= {
        AuditAction.LOGIN_FAILED,
        AuditAction.PUPIL_VIEWED,
        AuditAction.PUPIL_LIST_VIEWED,
        AuditAction.INVITATION_CREATED,
        AuditAction.ACCESS_DENIED,
    }
    names = [world.pupil.surname, world.pupil.call_name, world.mentor.full_name]
    for event in events:
        text = f"{event.target} {event.details} {event.actor_role}"
        assert not EMAIL.search(text), event
        assert not NINE_DIGITS.search(text), event
        assert not any(name.lower() in text.lower() for name in names), event


@pytest.mark.django_db
def test_the_database_refuses_a_delete_in_plain_sql() -> None:
    event = audit_record(AuditAction.LOGIN, actor_id=1)
    connection = connections["audit"]
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(using="audit"),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(using="audit"),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_the_database_refuses_a_truncate() -> None:
    connection = connections["audit"]
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE without WHERE is refused above")
    event = audit_record(AuditAction.LOGIN, actor_id=1)
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(using="audit"),
        connection.cursor() as cursor,
    ):
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_audit_verify_proves_the_chain_and_names_a_changed_row(world: World) -> None:
    from django.core.management import CommandError, call_command

    events = [
        audit_record(AuditAction.PUPIL_VIEWED, actor_id=world.mentor.pk, details={"n": i})
        for i in range(5)
    ]
    assert events[1].prev_hash == events[0].hash
    out = io.StringIO()
    call_command("audit_verify", stdout=out)
    assert "Audit chain intact" in out.getvalue()
    as_audit_table_owner(
        "UPDATE audit_auditevent SET actor_id = %s WHERE id = %s", [999, events[2].pk]
    )
    with pytest.raises(CommandError, match=f"event {events[2].pk}: its content was changed"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_names_the_row_after_a_removed_one(world: World) -> None:
    from django.core.management import CommandError, call_command

    events = [audit_record(AuditAction.LOGIN, actor_id=world.mentor.pk) for _ in range(4)]
    as_audit_table_owner("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError, match=f"event {events[2].pk}: does not follow"):
        call_command("audit_verify")
