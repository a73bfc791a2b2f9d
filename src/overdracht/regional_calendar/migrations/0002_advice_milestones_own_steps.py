"""The provisional advice and the test's result were counted by the step of the final
advice; each milestone now has a step of its own."""

from __future__ import annotations

from typing import Any

from django.db import migrations

NEW_STEPS = {"provisional_advice": "provisional_advice", "test_results": "test_result"}


def forwards(apps: Any, schema_editor: Any) -> None:
    milestone = apps.get_model("regional_calendar", "Milestone")
    for key, step_key in NEW_STEPS.items():
        milestone.objects.filter(key=key, step_key="advice_given").update(step_key=step_key)


def backwards(apps: Any, schema_editor: Any) -> None:
    milestone = apps.get_model("regional_calendar", "Milestone")
    milestone.objects.filter(key__in=list(NEW_STEPS)).update(step_key="advice_given")


class Migration(migrations.Migration):
    dependencies = [("regional_calendar", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
