"""Shared set-ups for the steps, regional calendar and worklist tests, on top of the `world`
fixture."""

from __future__ import annotations

import datetime as dt

from overdracht.accounts.models import User
from overdracht.consent.models import GuardianReview, ReviewParticipant
from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Guardian, Pupil, Transition
from overdracht.schools.services import membership_grant
from tests.conftest import World, make_user


def leaving_for_mbo(world: World, pupil: Pupil) -> Transition:
    """The pupil leaves Testcollege for an MBO next school year."""
    return pupil_services.transition_create(
        pupil=pupil, kind="vo_mbo", from_school=world.school, school_year=current_school_year() + 1
    )


def career_counsellor(world: World) -> User:
    user = make_user("decaan@test.example", "Dirk Decaan")
    membership_grant(user=user, school=world.school, role="career_counsellor")
    return user


def review_waiting(
    transition: Transition, deadline: dt.date, guardians: list[Guardian], *, pupil: bool = False
) -> GuardianReview:
    """A review the sending school opened, nobody has reviewed yet."""
    assert transition.from_school is not None
    review = GuardianReview.objects.create(
        transition=transition, school=transition.from_school, deadline=deadline
    )
    ReviewParticipant.objects.bulk_create(
        [ReviewParticipant(review=review, guardian=g) for g in guardians]
        + ([ReviewParticipant(review=review, is_pupil=True)] if pupil else [])
    )
    return review
