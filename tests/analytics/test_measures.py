"""How one transition falls into the evaluation's categories."""

from __future__ import annotations

import datetime as dt

from overdracht.analytics import measures as m
from overdracht.analytics.measures import Facts, categories


def _facts(**steps: tuple[dt.date | None, dt.date | None]) -> Facts:
    return Facts(school_year=2026, advice="havo", level_year_1="vwo", steps=dict(steps))


def test_a_step_is_on_time_late_done_without_a_date_overdue_or_not_due() -> None:
    today = dt.date(2026, 12, 7)
    day = dt.date(2026, 3, 31)
    assert m.timeliness(day, day, today) == m.ON_TIME
    assert m.timeliness(day, day + dt.timedelta(days=1), today) == m.LATE
    assert m.timeliness(None, day, today) == m.DONE
    assert m.timeliness(day, None, today) == m.OVERDUE
    assert m.timeliness(today + dt.timedelta(days=1), None, today) == m.NOT_DUE
    assert m.timeliness(None, None, today) == m.NOT_DUE


def test_the_position_against_the_advice_and_year_3_only_once_it_has_come() -> None:
    facts = _facts()
    found = dict(categories(facts, dt.date(2026, 12, 7)))
    assert found[m.ADVICE_POSITION_1] == "havo|above"
    assert m.ADVICE_POSITION_3 not in found
    facts.level_year_3 = "havo"
    assert dict(categories(facts, dt.date(2028, 11, 1)))[m.ADVICE_POSITION_3] == "havo|on"
    assert (
        dict(categories(Facts(school_year=2026), dt.date(2026, 12, 7)))[m.ADVICE_POSITION_1]
        == "unknown|unknown"
    )


def test_review_warm_handover_and_passport() -> None:
    may, june = dt.date(2026, 5, 20), dt.date(2026, 6, 1)
    today = dt.date(2026, 12, 7)
    sent_after_review = _facts(review_done=(None, may), dossier_sent=(None, june))
    assert dict(categories(sent_after_review, today))[m.REVIEW] == "before"
    sent_first = _facts(review_done=(None, june), dossier_sent=(None, may))
    assert dict(categories(sent_first, today))[m.REVIEW] == "not_before"
    assert dict(categories(_facts(), today))[m.REVIEW] == "not_sent"

    no_need = _facts(warm_handover_held=(None, None))
    assert m.WARM_HANDOVER not in dict(categories(no_need, today))
    need = _facts(warm_handover_held=(None, None))
    need.discuss_in_person = True
    assert dict(categories(need, today))[m.WARM_HANDOVER] == "not_held"

    received = dt.date(2026, 6, 10)
    passport = _facts(
        received=(None, received), passport_shared=(None, received + dt.timedelta(days=9))
    )
    passport.mentor_read_on = received + dt.timedelta(days=40)
    found = dict(categories(passport, today))
    assert found[m.PASSPORT_WRITTEN] == "8-14"
    assert found[m.PASSPORT_READ] == "29+"
    assert m.PASSPORT_WRITTEN not in dict(categories(_facts(), today))  # nothing arrived yet


def test_feedback_is_given_not_given_or_not_due_by_its_moment() -> None:
    facts = _facts()
    facts.feedback_moments = {"first_report"}
    found = dict(categories(facts, dt.date(2027, 6, 2)))
    assert found[m.FEEDBACK + "first_report"] == "given"
    assert found[m.FEEDBACK + "end_of_year_1"] == "not_given"
    assert found[m.FEEDBACK + "year_3"] == "not_due"
