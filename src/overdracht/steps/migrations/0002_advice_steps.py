"""Give each PO→VO transition the steps of the provisional advice and the test's result.
Until now the final advice's step stood for all three: where it was done, the two new steps
are done on the same day; their due dates are the region's milestones."""

from __future__ import annotations

from typing import Any

from django.db import migrations

NEW_STEPS = {"provisional_advice": "provisional_advice", "test_result": "test_results"}


def forwards(apps: Any, schema_editor: Any) -> None:
    step_model = apps.get_model("steps", "TransitionStep")
    milestone_model = apps.get_model("regional_calendar", "Milestone")
    dates = {
        (region_id, year, key): date
        for region_id, year, key, date in milestone_model.objects.filter(
            key__in=list(NEW_STEPS.values())
        ).values_list("region_id", "school_year", "key", "date")
    }
    new = []
    for final in step_model.objects.filter(
        key="advice_given", transition__kind="po_vo"
    ).select_related("transition__from_school", "transition__to_school"):
        transition = final.transition
        school = transition.from_school or transition.to_school
        region_id = school.region_id if school is not None else None
        for key, milestone_key in NEW_STEPS.items():
            new.append(
                step_model(
                    transition_id=transition.pk,
                    key=key,
                    due_date=dates.get((region_id, transition.school_year - 1, milestone_key)),
                    done_at=final.done_at,
                    done_by_id=final.done_by_id,
                )
            )
    step_model.objects.bulk_create(new, ignore_conflicts=True)


def backwards(apps: Any, schema_editor: Any) -> None:
    apps.get_model("steps", "TransitionStep").objects.filter(key__in=list(NEW_STEPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("steps", "0001_initial"),
        ("regional_calendar", "0002_advice_milestones_own_steps"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
