"""iCalendar (RFC 5545) for meeting invitations and a user's feed: text escaped, lines
folded at 75 octets, times in UTC."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import parseaddr

PRODID = "-//Overdracht//Warme overdracht//NL"


@dataclass(frozen=True)
class Event:
    """One calendar item; a `dt.date` start makes it an all-day item (`ends_at` is then the
    day after, as iCalendar counts it)."""

    uid: str
    starts_at: dt.datetime | dt.date
    ends_at: dt.datetime | dt.date
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    sequence: int = 0  # raised on every change; the calendar app keeps the highest
    cancelled: bool = False
    organizer: str = ""  # "Name <address>" or an address; invitations (METHOD:REQUEST) need one
    attendees: tuple[tuple[str, str], ...] = ()  # (name, e-mail address) of everyone invited


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _param(text: str) -> str:
    """A parameter value (RFC 5545 §3.2): quoted, without the quote, control characters or
    anything the quotes cannot hold."""
    clean = "".join(c for c in text if c >= " " and c not in '"\x7f')
    return f'"{clean}"'


def _fold(line: str) -> str:
    """Split a content line into 75-octet pieces; continuation lines start with a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # not inside a UTF-8 character
            end -= 1
        pieces.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(pieces)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _moment(name: str, value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{_utc(value)}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def calendar(
    events: Iterable[Event], *, method: str = "PUBLISH", name: str = "Overdracht"
) -> bytes:
    now = _utc(dt.datetime.now(dt.UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{now}",
            _moment("DTSTART", event.starts_at),
            _moment("DTEND", event.ends_at),
            f"SUMMARY:{_escape(event.summary)}",
            f"SEQUENCE:{event.sequence}",
            f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        ]
        if event.organizer:
            name, address = parseaddr(event.organizer)
            lines.append(f"ORGANIZER;CN={_param(name or 'Overdracht')}:mailto:{address}")
        for name, address in event.attendees:
            lines.append(
                f"ATTENDEE;CN={_param(name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
                f"RSVP=TRUE:mailto:{address}"
            )
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{_escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode()
