"""The age rules: pupils of 15, 16 and 18; one or two guardians with authority."""

from __future__ import annotations

import datetime as dt

import pytest

from overdracht.consent.rules import (
    ConsentOutcome,
    Decision,
    Reviewer,
    age_on,
    consent_outcome,
    decides_alone,
    guardians_keep_access,
    reviewers,
)

TODAY = dt.date(2026, 11, 30)
FIFTEEN = dt.date(2011, 6, 1)
SIXTEEN_TODAY = dt.date(2010, 11, 30)
SIXTEEN_TOMORROW = dt.date(2010, 12, 1)
EIGHTEEN = dt.date(2008, 3, 3)
MOTHER, FATHER = 1, 2


def test_age_counts_the_birthday_itself() -> None:
    assert age_on(SIXTEEN_TODAY, TODAY) == 16
    assert age_on(SIXTEEN_TOMORROW, TODAY) == 15
    assert age_on(dt.date(2012, 2, 29), dt.date(2028, 2, 28)) == 15


@pytest.mark.parametrize(
    ("born", "alone"),
    [(FIFTEEN, False), (SIXTEEN_TOMORROW, False), (SIXTEEN_TODAY, True), (EIGHTEEN, True)],
)
def test_from_16_the_pupil_decides(born: dt.date, alone: bool) -> None:
    assert decides_alone(born, TODAY) is alone


def test_reviewers_are_guardians_with_authority_and_the_pupil_from_16() -> None:
    assert reviewers(FIFTEEN, TODAY, [MOTHER, FATHER]) == [Reviewer(MOTHER), Reviewer(FATHER)]
    assert reviewers(SIXTEEN_TODAY, TODAY, [MOTHER]) == [Reviewer(MOTHER), Reviewer(None)]
    assert reviewers(EIGHTEEN, TODAY, []) == [Reviewer(None)]


def outcome(
    born: dt.date, guardians: list[int], both: bool, *decisions: Decision
) -> ConsentOutcome:
    return consent_outcome(
        birth_date=born,
        day=TODAY,
        guardians_with_authority=guardians,
        both_guardians_required=both,
        latest=list(decisions),
    )


def test_under_16_with_two_guardians_and_both_required() -> None:
    only_mother = outcome(FIFTEEN, [MOTHER, FATHER], True, Decision(MOTHER, True))
    assert not only_mother.granted
    assert only_mother.waiting_for == [FATHER]
    both = outcome(FIFTEEN, [MOTHER, FATHER], True, Decision(MOTHER, True), Decision(FATHER, True))
    assert both.granted


def test_under_16_one_guardian_is_enough_when_the_school_says_so() -> None:
    assert outcome(FIFTEEN, [MOTHER, FATHER], False, Decision(FATHER, True)).granted


def test_under_16_a_refusal_by_either_guardian_blocks() -> None:
    result = outcome(
        FIFTEEN, [MOTHER, FATHER], False, Decision(MOTHER, True), Decision(FATHER, False)
    )
    assert not result.granted
    assert result.refused_by == [FATHER]


def test_under_16_a_guardian_without_authority_does_not_count() -> None:
    # the stepfather (id 3) has no authority: his consent does not make it valid
    assert not outcome(FIFTEEN, [MOTHER], True, Decision(3, True)).granted
    assert outcome(FIFTEEN, [MOTHER], True, Decision(MOTHER, True)).granted


def test_from_16_only_the_pupil_decides() -> None:
    parents_only = outcome(
        SIXTEEN_TODAY, [MOTHER, FATHER], True, Decision(MOTHER, True), Decision(FATHER, True)
    )
    assert not parents_only.granted
    assert parents_only.waiting_for == [None]
    assert outcome(SIXTEEN_TODAY, [MOTHER], True, Decision(None, True)).granted
    withdrawn = outcome(EIGHTEEN, [MOTHER], True, Decision(None, False))
    assert not withdrawn.granted


def test_from_18_guardians_keep_access_only_when_the_pupil_allows() -> None:
    assert guardians_keep_access(SIXTEEN_TODAY, TODAY, None)
    assert guardians_keep_access(SIXTEEN_TODAY, TODAY, False)  # not the pupil's call yet
    assert not guardians_keep_access(EIGHTEEN, TODAY, None)
    assert not guardians_keep_access(EIGHTEEN, TODAY, False)
    assert guardians_keep_access(EIGHTEEN, TODAY, True)
