"""Public API of the retention app (reads): what is due for deletion, and when.

- `pupils_left`: per pupil who has left every school here, the day they left and the
  schools they were at (one query over the enrolments).
- `due_items(today, school_id=None, ahead_days=0)`: per pupil and category, when it is due,
  and whether a legal hold stops it; `ahead_days` also lists what falls due soon.
- `rules`, `active_holds(school)`, `runs_for_school(school)`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import QuerySet

from overdracht.core.school_year import school_year_bounds
from overdracht.pupils.models import Enrolment
from overdracht.retention.models import LegalHold, RetentionNotice, RetentionRule, RetentionRun
from overdracht.schools.models import School


@dataclass(frozen=True)
class Left:
    left_on: dt.date
    school_ids: frozenset[int]


@dataclass(frozen=True)
class DueItem:
    pupil_id: uuid.UUID
    category: str
    left_on: dt.date
    due_on: dt.date
    school_ids: frozenset[int]
    held: bool
    noticed_on: dt.date | None

    def deletable_on(self, today: dt.date, notice_days: int) -> dt.date:
        """The first day the job deletes it: the notice period after the day the job first
        reported it due (today, for what it has not reported yet)."""
        first = self.noticed_on or max(self.due_on, today)
        return first + dt.timedelta(days=notice_days)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def pupils_left(today: dt.date) -> dict[uuid.UUID, Left]:
    """An enrolment ends on its end date, or else on the last day of its school year; a
    pupil has left when every enrolment has ended before today."""
    ends: dict[uuid.UUID, dt.date] = {}
    schools: dict[uuid.UUID, set[int]] = {}
    active: set[uuid.UUID] = set()
    for pupil_id, school_id, year, end_date in Enrolment.objects.values_list(
        "pupil_id", "school_id", "school_year", "end_date"
    ).iterator(chunk_size=5000):
        end = end_date or school_year_bounds(year)[1]
        schools.setdefault(pupil_id, set()).add(school_id)
        if end >= today:
            active.add(pupil_id)
        elif end > ends.get(pupil_id, dt.date.min):
            ends[pupil_id] = end
    return {
        pupil_id: Left(left_on=end, school_ids=frozenset(schools[pupil_id]))
        for pupil_id, end in ends.items()
        if pupil_id not in active
    }


@dataclass(frozen=True)
class Rule:
    category: str
    years: int
    basis: str


# The law's periods (domain brief): the defaults, in code, so they hold on any database.
# A `RetentionRule` row keeps a category longer at this installation.
DEFAULT_RULES = (
    Rule("dossier", 2, "Leerlingdossier: twee jaar na het verlaten van de school"),
    Rule(
        "special_education_referral",
        3,
        "Verwijzing naar het speciaal onderwijs: drie jaar na het verlaten van de school",
    ),
    Rule("enrolment", 5, "Inschrijving en verzuim: vijf jaar na het verlaten van de school"),
)


def rules() -> list[Rule]:
    """The defaults, with this installation's longer periods where it set one (never
    shorter than the law's)."""
    own = {r.category: r for r in RetentionRule.objects.all()}
    result = []
    for default in DEFAULT_RULES:
        row = own.get(default.category)
        if row is not None and row.years > default.years:
            result.append(Rule(default.category, row.years, row.basis or default.basis))
        else:
            result.append(default)
    return result


def due_items(
    today: dt.date, *, school_id: int | None = None, ahead_days: int = 0
) -> list[DueItem]:
    left = pupils_left(today)
    if school_id is not None:
        left = {p: v for p, v in left.items() if school_id in v.school_ids}
    horizon = today + dt.timedelta(days=ahead_days)
    held = set(
        LegalHold.objects.filter(pupil_id__in=list(left), lifted_at__isnull=True).values_list(
            "pupil_id", flat=True
        )
    )
    notices: dict[tuple[uuid.UUID, str], dt.date] = {}
    erased: dict[tuple[uuid.UUID, str], dt.date] = {}
    for n in RetentionNotice.objects.filter(pupil_id__in=list(left)):
        notices[(n.pupil_id, n.category)] = n.first_due_on
        if n.erased_on is not None:
            erased[(n.pupil_id, n.category)] = n.erased_on
    items = []
    for rule in rules():
        for pupil_id, info in left.items():
            due_on = add_years(info.left_on, rule.years)
            # Deleted once for this leaving date; a pupil who came back and left again is
            # looked at anew.
            if erased.get((pupil_id, rule.category), dt.date.min) >= due_on:
                continue
            if due_on <= horizon:
                items.append(
                    DueItem(
                        pupil_id=pupil_id,
                        category=rule.category,
                        left_on=info.left_on,
                        due_on=due_on,
                        school_ids=info.school_ids,
                        held=pupil_id in held,
                        noticed_on=notices.get((pupil_id, rule.category)),
                    )
                )
    return sorted(items, key=lambda i: (i.due_on, str(i.pupil_id), i.category))


def active_holds(school: School) -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(school=school, lifted_at__isnull=True).select_related("pupil")


def runs_for_school(limit: int = 10) -> list[RetentionRun]:
    return list(RetentionRun.objects.all()[:limit])
