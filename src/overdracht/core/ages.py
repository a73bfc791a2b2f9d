"""Age rules from the law and practice around privacy in schools (see docs: who decides).

Under 16 the guardians with authority act for the pupil; from 16 the pupil decides on
privacy matters; from 18 the school asks the pupil before guardians keep access.
Public API: `age_on`, `decides_alone`, `guardians_keep_access`.
"""

from __future__ import annotations

import datetime as dt

PUPIL_DECIDES_FROM = 16
ADULT_FROM = 18


def age_on(birth_date: dt.date, day: dt.date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def decides_alone(birth_date: dt.date, day: dt.date) -> bool:
    """True when the pupil decides on privacy matters (16 or older)."""
    return age_on(birth_date, day) >= PUPIL_DECIDES_FROM


def guardians_keep_access(birth_date: dt.date, day: dt.date, pupil_allows: bool | None) -> bool:
    """Under 18 guardians keep access. From 18 only when the pupil allowed it."""
    return age_on(birth_date, day) < ADULT_FROM or pupil_allows is True
