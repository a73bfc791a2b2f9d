"""The audit trail: recorded, immutable, and it survives a rolled-back transaction."""

from __future__ import annotations

import re

from django.db import DatabaseError, connections, transaction

import pytest

from overdracht.audit.models import AuditAction, AuditEvent, ImmutableAuditError
from overdracht.audit.selectors import events_by_actor, events_for_pupil
from overdracht.audit.services import audit_record
from tests.conftest import World, client_for


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
