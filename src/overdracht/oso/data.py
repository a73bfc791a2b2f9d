"""The typed data of a dossier's people and school, shared by the import (what a received
file says, `oso.pupil_reading`) and the export (what our records say, `oso.export`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class AddressData:
    street: str
    house_number: str
    postal_code: str
    city: str
    addition: str = ""

    @property
    def complete(self) -> bool:
        return all((self.street, self.house_number, self.postal_code, self.city))


@dataclass(frozen=True)
class GuardianData:
    initials: str
    call_name: str
    surname_prefix: str
    surname: str
    relationship: str
    has_authority: bool
    address_is_secret: bool
    email: str
    phone: str
    address: AddressData | None = None  # read from a received file; the export leaves it out


@dataclass(frozen=True)
class PupilData:
    given_names: list[str]
    call_name: str
    surname_prefix: str
    surname: str
    birth_date: dt.date
    gender: int
    bsn: str
    onderwijsnummer: str
    pupil_number: str
    guardians: list[GuardianData]
    address: AddressData | None = None
    address_is_secret: bool = False
    enrolled_on: dt.date | None = None
    initials: str = ""


@dataclass(frozen=True)
class SchoolData:
    name: str
    brin: str
    location: str
    address: AddressData | None = None
    phone: str = ""
    email: str = ""
    director: str = ""
    website: str = ""
