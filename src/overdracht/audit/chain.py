"""The audit trail as a hash chain: each event carries the hash of the event before it, so
that a changed, removed or inserted row shows. Public API: `event_digest`, `GENESIS`,
`chain_verify` (returns the first broken link, or None).

The digest covers every column but the id, in a canonical text form that reads the same
from SQLite and PostgreSQL: times in UTC with microseconds, `details` as JSON with sorted
keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
_BATCH = 2000


def event_digest(prev_hash: str, fields: dict[str, Any]) -> str:
    occurred_at: dt.datetime = fields["occurred_at"]
    canonical = json.dumps(
        [
            prev_hash,
            occurred_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            fields["action"],
            fields["actor_id"],
            fields["actor_role"],
            fields["school_id"],
            str(fields["subject_pupil_id"]) if fields["subject_pupil_id"] else None,
            fields["target"],
            fields["ip_address"],
            fields["request_id"],
            fields["details"],
        ],
        sort_keys=True,
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


CHAINED_FIELDS = (
    "occurred_at",
    "action",
    "actor_id",
    "actor_role",
    "school_id",
    "subject_pupil_id",
    "target",
    "ip_address",
    "request_id",
    "details",
)


@dataclass(frozen=True)
class BrokenLink:
    event_id: int
    reason: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    head: str
    broken: BrokenLink | None


def chain_verify(rows: Any) -> ChainReport:
    """Walk events in id order (`rows` yields dicts with `id`, `prev_hash`, `hash` and the
    chained fields) and recompute every link."""
    expected_prev = GENESIS
    checked = 0
    for row in rows:
        checked += 1
        if row["prev_hash"] != expected_prev:
            return ChainReport(
                checked,
                expected_prev,
                BrokenLink(
                    row["id"],
                    "does not follow the event before it (an event before it was removed, "
                    "changed or inserted)",
                ),
            )
        if event_digest(row["prev_hash"], row) != row["hash"]:
            return ChainReport(
                checked, expected_prev, BrokenLink(row["id"], "its content was changed")
            )
        expected_prev = row["hash"]
    return ChainReport(checked, expected_prev, None)


def batched_rows(queryset: Any) -> Any:
    """The events in id order, a batch at a time (keyset, so memory stays flat)."""
    last_id = 0
    columns = ("id", "prev_hash", "hash", *CHAINED_FIELDS)
    while True:
        batch = list(queryset.filter(id__gt=last_id).order_by("id").values(*columns)[:_BATCH])
        if not batch:
            return
        yield from batch
        last_id = batch[-1]["id"]
