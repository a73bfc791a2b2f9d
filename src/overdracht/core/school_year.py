"""The Dutch school year runs from 1 August to 31 July. It is stored as its starting year.

Public API: `current_school_year`, `school_year_of`, `school_year_label`.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

SCHOOL_YEAR_START_MONTH = 8


def school_year_of(day: dt.date) -> int:
    return day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1


def current_school_year() -> int:
    return school_year_of(timezone.localdate())


def school_year_label(start_year: int) -> str:
    return f"{start_year}/{start_year + 1}"


def school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, SCHOOL_YEAR_START_MONTH, 1), dt.date(start_year + 1, 7, 31)
