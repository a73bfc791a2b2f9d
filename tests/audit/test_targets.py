"""Audit targets are made from the object, in the trail's own words."""

from __future__ import annotations

from django.apps import apps

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.audit.services import audit_record
from overdracht.audit.targets import KINDS, target_of
from overdracht.schools.models import School
from tests.conftest import World


def test_every_kind_names_a_model_of_the_product() -> None:
    for label in KINDS:
        assert apps.get_model(label) is not None, label


def test_an_unsaved_object_is_no_target() -> None:
    with pytest.raises(ValueError, match="saved"):
        target_of(School(name="Nieuw"))


@pytest.mark.django_db
def test_an_event_about_an_object_names_its_kind_and_id(world: World) -> None:
    audit_record(AuditAction.PUPIL_VIEWED, actor_id=world.mentor.pk, target=world.school)
    assert AuditEvent.objects.get(action=AuditAction.PUPIL_VIEWED).target == (
        f"school:{world.school.pk}"
    )
