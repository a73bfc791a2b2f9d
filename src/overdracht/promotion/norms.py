"""The school's promotion norms as data: the proposal for a number of insufficient marks,
and the class a pupil goes to next year by default."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from overdracht.promotion.models import Outcome, PromotionNorm, Proposal
from overdracht.schools.models import School


@dataclass(frozen=True)
class Norm:
    insufficient_from: int
    insufficient_to: int | None
    proposal: str


# Until a school sets its own: the common norm of Dutch secondary schools.
DEFAULT_NORMS = [
    Norm(0, 1, Proposal.PROMOTED),
    Norm(2, 3, Proposal.DISCUSS),
    Norm(4, None, Proposal.REPEATS),
]


def norms_of(school: School) -> list[Norm]:
    own = [
        Norm(n.insufficient_from, n.insufficient_to, n.proposal)
        for n in PromotionNorm.objects.filter(school=school).order_by("insufficient_from")
    ]
    return own or list(DEFAULT_NORMS)


def proposal_for(norms: list[Norm], insufficient_marks: int | None) -> str:
    """The norms' proposal, or "" while the marks are not known or no line covers them."""
    if insufficient_marks is None:
        return ""
    for norm in norms:
        upper = norm.insufficient_to
        if insufficient_marks >= norm.insufficient_from and (
            upper is None or insufficient_marks <= upper
        ):
            return norm.proposal
    return ""


def norms_problems(norms: list[Norm]) -> list[str]:
    """Overlapping lines or a line whose end lies before its start (English codes; the form
    says them in Dutch)."""
    problems = []
    ordered = sorted(norms, key=lambda n: n.insufficient_from)
    for norm in ordered:
        if norm.insufficient_to is not None and norm.insufficient_to < norm.insufficient_from:
            problems.append("reversed")
    for before, after in itertools.pairwise(ordered):
        if before.insufficient_to is None or before.insufficient_to >= after.insufficient_from:
            problems.append("overlap")
    return problems


_LEADING_YEAR = re.compile(r"^(\d+)(.*)$")


def next_year_group(year_group: int, outcome: str) -> int:
    return year_group if outcome == Outcome.REPEATS else year_group + 1


def default_next_class(class_name: str, year_group: int, outcome: str) -> str:
    """1A → 2A for a pupil who goes up, 1A again for one who repeats, nothing for a leaver;
    a class name without a leading year gets the new year in front."""
    if outcome in ("", Outcome.LEAVES):
        return ""
    if outcome == Outcome.REPEATS:
        return class_name
    found = _LEADING_YEAR.match(class_name)
    if found:
        return f"{int(found.group(1)) + 1}{found.group(2)}"
    return f"{year_group + 1}{class_name}"
