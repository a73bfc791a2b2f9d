"""What the evaluation counts, as data, and how one transition falls into each measure's
categories. Pure: the caller loads the facts (`refresh`), this module only sorts them.

A measure is one question the evaluation answers ("was the dossier sent after the guardians'
review?"); its categories are the possible answers. Each transition gives at most one
category per measure; a measure that does not apply to it (a warm handover for a pupil who
does not need one, year 3 of a cohort still in year 1) gives none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from overdracht.dossiers.sections import ADVICE_LEVELS
from overdracht.feedback.models import Moment
from overdracht.feedback.selectors import opens_on, position_against_advice
from overdracht.steps.catalogue import STEPS

KIND = "po_vo"  # the cohorts evaluated: the transition from primary to secondary school

# The advice rows of the cross table, low to high (then "unknown").
ADVICES = [key for key, _ in ADVICE_LEVELS if key]
UNKNOWN = "unknown"
POSITIONS = ["below", "on", "above", UNKNOWN]

ADVICE_POSITION_1 = "advice_position_1"
ADVICE_POSITION_3 = "advice_position_3"
REVIEW = "review_before_sending"
WARM_HANDOVER = "warm_handover"
PASSPORT_WRITTEN = "passport_written"
PASSPORT_READ = "passport_read"
STEP = "step:"  # + the step's key
FEEDBACK = "feedback:"  # + the moment

# Timeliness of a step against the date the regional calendar gave it.
# A step without a date in the calendar is "done" or "not due" (it cannot be late).
ON_TIME, LATE, DONE, OVERDUE, NOT_DUE = "on_time", "late", "done", "overdue", "not_due"
TIMELINESS = [ON_TIME, LATE, DONE, OVERDUE, NOT_DUE]
REVIEW_CATEGORIES = ["before", "not_before", "not_sent"]
HELD = ["held", "not_held"]
# Days until the passport was shared (after the dossier arrived) and until the mentor read it.
DAY_BUCKETS = [(7, "0-7"), (14, "8-14"), (28, "15-28")]
DAYS = [label for _, label in DAY_BUCKETS] + ["29+", "not_yet"]
GIVEN = ["given", "not_given", "not_due"]


def step_keys() -> list[str]:
    return [key for key, _ in STEPS[KIND]]


def days_bucket(days: int) -> str:
    for limit, label in DAY_BUCKETS:
        if days <= limit:
            return label
    return "29+"


@dataclass
class Facts:
    """What is known of one transition: loaded by `refresh`, one object per transition."""

    school_year: int
    advice: str = ""
    level_year_1: str = ""
    level_year_3: str = ""
    needs_support: bool = False
    discuss_in_person: bool = False
    # {step key: (due date, done date)}
    steps: dict[str, tuple[dt.date | None, dt.date | None]] = field(default_factory=dict)
    mentor_read_on: dt.date | None = None  # the first read of the passport by a mentor
    feedback_moments: set[str] = field(default_factory=set)


def timeliness(due: dt.date | None, done: dt.date | None, today: dt.date) -> str:
    if done is not None:
        if due is None:
            return DONE
        return LATE if done > due else ON_TIME
    return OVERDUE if due is not None and due < today else NOT_DUE


def categories(facts: Facts, today: dt.date) -> list[tuple[str, str]]:
    """[(measure, category)] of one transition on `today`."""
    result: list[tuple[str, str]] = []
    advice = facts.advice if facts.advice in ADVICES else UNKNOWN
    position_1 = position_against_advice(facts.advice, facts.level_year_1) or UNKNOWN
    result.append((ADVICE_POSITION_1, f"{advice}|{position_1}"))
    if opens_on(facts.school_year, Moment.YEAR_3) <= today:
        position_3 = position_against_advice(facts.advice, facts.level_year_3) or UNKNOWN
        result.append((ADVICE_POSITION_3, f"{advice}|{position_3}"))
    for key, (due, done) in facts.steps.items():
        result.append((STEP + key, timeliness(due, done, today)))
    result.append((REVIEW, _review(facts)))
    if facts.needs_support or facts.discuss_in_person:
        held = facts.steps.get("warm_handover_held", (None, None))[1] is not None
        result.append((WARM_HANDOVER, "held" if held else "not_held"))
    result.extend(_passport(facts))
    for moment in Moment.values:
        if moment in facts.feedback_moments:
            given = "given"
        elif opens_on(facts.school_year, moment) <= today:
            given = "not_given"
        else:
            given = "not_due"
        result.append((FEEDBACK + moment, given))
    return result


def _review(facts: Facts) -> str:
    sent = facts.steps.get("dossier_sent", (None, None))[1]
    if sent is None:
        return "not_sent"
    reviewed = facts.steps.get("review_done", (None, None))[1]
    return "before" if reviewed is not None and reviewed <= sent else "not_before"


def _passport(facts: Facts) -> list[tuple[str, str]]:
    received = facts.steps.get("received", (None, None))[1]
    shared = facts.steps.get("passport_shared", (None, None))[1]
    if received is None:
        return []  # nothing to write a passport from yet
    if shared is None:
        return [(PASSPORT_WRITTEN, "not_yet")]
    written = days_bucket(max((shared - received).days, 0))
    if facts.mentor_read_on is None:
        return [(PASSPORT_WRITTEN, written), (PASSPORT_READ, "not_yet")]
    read = days_bucket(max((facts.mentor_read_on - shared).days, 0))
    return [(PASSPORT_WRITTEN, written), (PASSPORT_READ, read)]
