from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from overdracht.pupils import services
from overdracht.pupils.models import Pupil


@pytest.mark.django_db
def test_invalid_bsn_is_refused_and_nothing_written() -> None:
    with pytest.raises(ValidationError) as exc:
        services.pupil_create(
            given_names="A",
            call_name="A",
            surname="B",
            birth_date=dt.date(2014, 1, 1),
            bsn="123456789",
        )
    assert "bsn" in exc.value.message_dict
    assert not Pupil.objects.exists()


@pytest.mark.django_db
def test_a_pupil_needs_a_bsn_or_onderwijsnummer() -> None:
    with pytest.raises(ValidationError):
        services.pupil_create(
            given_names="A", call_name="A", surname="B", birth_date=dt.date(2014, 1, 1)
        )


@pytest.mark.django_db
def test_onderwijsnummer_is_accepted() -> None:
    pupil = services.pupil_create(
        given_names="A",
        call_name="A",
        surname="B",
        birth_date=dt.date(2014, 1, 1),
        onderwijsnummer="101000012",
    )
    assert pupil.identifier_kind == "onderwijsnummer"
    assert pupil.masked_identifier.endswith("012")


@pytest.mark.django_db
def test_rename_keeps_sort_and_search_keys_in_step() -> None:
    pupil = services.pupil_create(
        given_names="Anna",
        call_name="Anna",
        surname="Berg",
        surname_prefix="van den",
        birth_date=dt.date(2014, 1, 1),
        bsn="999990019",
    )
    assert pupil.sort_key.startswith("berg|anna")
    services.pupil_rename(pupil=pupil, call_name="Anna", surname_prefix="", surname="Öztürk")
    pupil.refresh_from_db()
    assert pupil.sort_key.startswith("ozturk|")
    assert "ozturk" in pupil.search_text
