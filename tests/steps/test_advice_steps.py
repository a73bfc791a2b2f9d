"""The provisional advice, the test's result and the final advice are three steps, each
counted by its own milestone of the regional calendar (one step used to count for all three)."""

from __future__ import annotations

import datetime as dt

import pytest

from overdracht.core.school_year import current_school_year
from overdracht.regional_calendar.defaults import MILESTONES
from overdracht.regional_calendar.selectors import calendar_progress, due_dates
from overdracht.steps.models import TransitionStep
from tests.conftest import World
from tests.dossiers.test_sending import Primary, write


def _done(p: Primary) -> dict[str, dt.date | None]:
    return dict(
        TransitionStep.objects.filter(
            transition=p.transition,
            key__in=["provisional_advice", "test_result", "advice_given"],
        ).values_list("key", "done_at")
    )


@pytest.mark.django_db
def test_each_advice_milestone_has_a_step_of_its_own(world: World, primary: Primary) -> None:
    steps = {m.key: m.step_key for m in MILESTONES}
    assert len({steps["provisional_advice"], steps["test_results"], steps["final_advice"]}) == 3
    due = due_dates([primary.transition])
    year = current_school_year()
    assert due[primary.transition.pk, "provisional_advice"] == dt.date(year + 1, 1, 31)
    assert due[primary.transition.pk, "test_result"] == dt.date(year + 1, 3, 15)
    assert due[primary.transition.pk, "advice_given"] == dt.date(year + 1, 3, 24)


@pytest.mark.django_db
def test_the_advice_part_marks_each_step_when_its_field_is_filled(
    world: World, primary: Primary
) -> None:
    def progress() -> dict[str, int]:
        return {
            p.milestone.key: p.done
            for p in calendar_progress(primary.school, current_school_year())
            if p.milestone.key in ("provisional_advice", "test_results", "final_advice")
        }

    assert _done(primary) == dict.fromkeys(["provisional_advice", "test_result", "advice_given"])
    write(primary, "advice", {"provisional_advice": "havo"})
    done = _done(primary)
    assert done["provisional_advice"] is not None
    assert done["test_result"] is None
    assert done["advice_given"] is None
    assert progress() == {"provisional_advice": 1, "test_results": 0, "final_advice": 0}
    write(primary, "advice", {"provisional_advice": "havo", "test_advice": "havo_vwo"}, 1)
    assert progress() == {"provisional_advice": 1, "test_results": 1, "final_advice": 0}
    write(
        primary,
        "advice",
        {
            "provisional_advice": "havo",
            "test_advice": "havo_vwo",
            "final_advice": "havo",
            "final_date": "2027-03-20",
        },
        2,
    )
    assert progress() == {"provisional_advice": 1, "test_results": 1, "final_advice": 1}
