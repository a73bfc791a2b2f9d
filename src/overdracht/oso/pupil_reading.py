"""The pupil, the guardians and the kind of transition a received dossier names, read from
its mapped reading into the typed data the export writes (`oso.data`). The standard's code
values come from `oso.mapping`; nothing here fits a value to our records (the import does,
and says so)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from overdracht.oso.data import AddressData, GuardianData, PupilData
from overdracht.oso.mapping import EMAIL, HOME_ADDRESS, KIND_OF_CROSSING, PHONE, TRUE, WITHIN_SCHOOL
from overdracht.oso.reader import Reading
from overdracht.pupils.models import Relationship, TransitionKind


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    return value if isinstance(value, str) else ""


def _address(entries: list[dict[str, Any]]) -> AddressData | None:
    """The home address (soortadres "woon"), else the first one given."""
    found = next((e for e in entries if e.get("kind") == HOME_ADDRESS), None)
    entry = found or (entries[0] if entries else None)
    if entry is None:
        return None
    return AddressData(
        street=_text(entry, "street"),
        house_number=_text(entry, "number"),
        postal_code=_text(entry, "postal_code"),
        city=_text(entry, "city"),
        addition=_text(entry, "addition"),
    )


def _contact(entries: list[dict[str, Any]], kind: str) -> str:
    return next((_text(c, "value") for c in entries if c.get("kind") == kind), "")


def guardian_of(record: dict[str, Any]) -> GuardianData:
    """One `verzorger` of the file; a relationship our list does not know is *other*."""
    contacts = record.get("contacts", [])
    relationship = _text(record, "relationship")
    return GuardianData(
        initials=_text(record, "initials"),
        call_name=_text(record, "call_name"),
        surname_prefix=_text(record, "surname_prefix"),
        surname=_text(record, "surname"),
        relationship=relationship if relationship in Relationship.values else Relationship.OTHER,
        has_authority=record.get("has_authority") == TRUE,
        address_is_secret=record.get("address_is_secret") == TRUE,
        email=_contact(contacts, EMAIL),
        phone=_contact(contacts, PHONE),
        address=_address(record.get("addresses", [])),
    )


def pupil_of(reading: Reading) -> PupilData:
    """The pupil the file is about, with the guardians it names. The file's rules have made
    sure the birth date is there and a date."""
    data: dict[str, Any] = reading.mapped.get("pupil", {})
    given = [name for name in data.get("given_names") or [] if isinstance(name, str)]
    initials = _text(data, "initials")
    return PupilData(
        given_names=given,
        call_name=_text(data, "call_name") or (given[0] if given else initials),
        surname_prefix=_text(data, "surname_prefix"),
        surname=_text(data, "surname"),
        birth_date=dt.date.fromisoformat(_text(data, "birth_date")),
        gender=int(_text(data, "gender") or 0),
        bsn=_text(data, "bsn"),
        onderwijsnummer=_text(data, "onderwijsnummer"),
        pupil_number=_text(data, "sending_school_id"),
        guardians=[guardian_of(g) for g in reading.mapped.get("guardians", [])],
        address=_address(reading.mapped.get("pupil_addresses", [])),
        address_is_secret=data.get("address_is_secret") == TRUE,
        initials=initials,
    )


def transition_kind_of(reading: Reading) -> str:
    """Our kind of transition for the file: a handover inside one school, or the crossing
    it names (a file without one is taken for a secondary-to-secondary move)."""
    if reading.value("metadata.transfer_kind") == WITHIN_SCHOOL:
        return TransitionKind.WITHIN_SCHOOL
    return KIND_OF_CROSSING.get(reading.value("metadata.crossing") or "", TransitionKind.VO_VO)
