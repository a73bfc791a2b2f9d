"""The age rules, as pure functions (see docs/domain: who decides).

- Under 16 the guardians with parental authority decide; a school sets whether one of them
  is enough or both must agree.
- From 16 the pupil decides on privacy matters, and reviews the dossier too.
- From 18 the pupil also decides whether the guardians keep access.

Public API: `reviewers`, `consent_outcome`; the age rules themselves are in
`overdracht.core.ages` (`age_on`, `decides_alone`, `guardians_keep_access`), re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from overdracht.core.ages import age_on, decides_alone, guardians_keep_access


@dataclass(frozen=True)
class Reviewer:
    """Someone who must be given the review: a guardian (by id) or the pupil."""

    guardian_id: int | None  # None means the pupil

    @property
    def is_pupil(self) -> bool:
        return self.guardian_id is None


def reviewers(
    birth_date: dt.date, day: dt.date, guardians_with_authority: Sequence[int]
) -> list[Reviewer]:
    """The guardians with authority always; the pupil too from 16."""
    people = [Reviewer(guardian_id=g) for g in guardians_with_authority]
    if decides_alone(birth_date, day):
        people.append(Reviewer(guardian_id=None))
    return people


@dataclass(frozen=True)
class Decision:
    guardian_id: int | None  # None: the pupil decided
    given: bool  # False: refused or withdrawn


@dataclass(frozen=True)
class ConsentOutcome:
    granted: bool
    waiting_for: list[int | None]  # guardian ids, None for the pupil
    refused_by: list[int | None]


def consent_outcome(
    *,
    birth_date: dt.date,
    day: dt.date,
    guardians_with_authority: Sequence[int],
    both_guardians_required: bool,
    latest: Sequence[Decision],
) -> ConsentOutcome:
    """Whether consent for one purpose holds, from the latest decision of each person."""
    by_person = {d.guardian_id: d.given for d in latest}
    if decides_alone(birth_date, day):
        given = by_person.get(None)
        return ConsentOutcome(
            granted=given is True,
            waiting_for=[None] if given is None else [],
            refused_by=[None] if given is False else [],
        )
    refused: list[int | None] = [g for g in guardians_with_authority if by_person.get(g) is False]
    waiting: list[int | None] = [g for g in guardians_with_authority if g not in by_person]
    if not guardians_with_authority:
        return ConsentOutcome(granted=False, waiting_for=[], refused_by=[])
    if refused:
        return ConsentOutcome(granted=False, waiting_for=waiting, refused_by=refused)
    if both_guardians_required:
        return ConsentOutcome(granted=not waiting, waiting_for=waiting, refused_by=[])
    some = any(by_person.get(g) is True for g in guardians_with_authority)
    return ConsentOutcome(granted=some, waiting_for=[] if some else waiting, refused_by=[])


__all__ = [
    "ConsentOutcome",
    "Decision",
    "Reviewer",
    "age_on",
    "consent_outcome",
    "decides_alone",
    "guardians_keep_access",
    "reviewers",
]
