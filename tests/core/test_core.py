from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from overdracht.core.names import full_name, normalise, sort_key
from overdracht.core.school_year import school_year_label, school_year_of
from overdracht.core.validators import mask_identifier, validate_bsn, validate_onderwijsnummer


@pytest.mark.parametrize("value", ["999990019", "111222333"])
def test_valid_bsn(value: str) -> None:
    validate_bsn(value)


@pytest.mark.parametrize("value", ["999990018", "12345678", "abcdefghi", ""])
def test_invalid_bsn(value: str) -> None:
    with pytest.raises(ValidationError):
        validate_bsn(value)


def test_onderwijsnummer() -> None:
    validate_onderwijsnummer("101000012")
    with pytest.raises(ValidationError):
        validate_onderwijsnummer("999990019")


def test_mask_shows_only_last_three() -> None:
    assert mask_identifier("999990019") == "\u2022" * 6 + "019"


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2026, 7, 31), 2025),
        (dt.date(2026, 8, 1), 2026),
        (dt.date(2027, 1, 15), 2026),
    ],
)
def test_school_year_starts_on_1_august(day: dt.date, year: int) -> None:
    assert school_year_of(day) == year


def test_school_year_label() -> None:
    assert school_year_label(2026) == "2026/2027"


def test_names() -> None:
    assert full_name("Jan", "van 't", "Hof") == "Jan van 't Hof"
    assert normalise("Ødegård") == "odegard"
    assert normalise("Çelik  ŞAHİN") == "celik sahin"
    assert sort_key(surname="Hof", surname_prefix="van 't", call_name="Jan") == "hof|jan|van t"
