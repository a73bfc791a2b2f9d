"""The demo lets one try the end of the school year without waiting for June."""

from __future__ import annotations

import pytest

from overdracht.care.models import DevelopmentPlan
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.promotion.selectors import classes_to_decide, rollover_preview
from overdracht.schools.models import School


@pytest.mark.django_db
def test_the_demo_has_classes_to_decide_and_a_pupil_to_hand_over() -> None:
    demo_region_load()
    college = School.objects.get(name="Waalstad College")
    year = current_school_year()
    classes = {c.class_group.name: (c.decided, c.pupils) for c in classes_to_decide(college, year)}
    assert classes["1A"][0] == 0
    assert classes["1A"][1] > 10
    preview = rollover_preview(college, year)
    assert preview.classes == []  # nothing decided yet: nobody would move
    assert len(preview.pending) == sum(n for _d, n in classes.values())
    plan = DevelopmentPlan.objects.get(school=college)
    class_group = plan.pupil.enrolments.get(school=college).class_group
    assert class_group is not None
    assert class_group.name == "1A"
