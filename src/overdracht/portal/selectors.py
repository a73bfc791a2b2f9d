"""Reads for the portal: what will be sent (built exactly as the export builds it), the
views of the dossier from the audit trail, and per child what waits for the family."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction
from overdracht.audit.selectors import events_for_pupil
from overdracht.consent.models import GuardianReview
from overdracht.consent.selectors import participant_for, reviews_for_pupil
from overdracht.dossiers.composition import SectionInWords
from overdracht.dossiers.in_words import file_in_words
from overdracht.dossiers.sending import SendingError, dossier_file
from overdracht.feedback.selectors import feedback_for_family
from overdracht.meetings.selectors import meetings_for_family
from overdracht.oso.presentation import Section
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School

LOOKED_AT = (
    AuditAction.PUPIL_VIEWED,
    AuditAction.RECEIVED_DOSSIER_VIEWED,
    AuditAction.ATTACHMENT_DOWNLOADED,
    AuditAction.OSO_EXPORTED,
    AuditAction.DOSSIER_PDF_DOWNLOADED,
)


@dataclass(frozen=True)
class DossierPreview:
    sections: list[Section]
    parts: list[SectionInWords]
    refusal: str

    @property
    def empty(self) -> bool:
        """Nothing the school wrote: a review of this cannot be confirmed."""
        return bool(self.refusal) or not self.parts


def dossier_preview(pupil: Pupil, review: GuardianReview) -> DossierPreview:
    """The provisional dossier exactly as the export would make it, read back from the file
    itself: the school's parts in words, then the administrative categories."""
    try:
        made = dossier_file(
            transition=review.transition, school=review.school, actor_id=None, provisional=True
        )
    except SendingError as exc:
        return DossierPreview(sections=[], parts=[], refusal=exc.message)
    reading = validate_file(made.content, name=made.filename).reading
    assert reading is not None
    read = file_in_words(reading.mapped, reading.attachments)
    return DossierPreview(sections=read.sections, parts=read.parts, refusal="")


@dataclass(frozen=True)
class Look:
    when: Any
    role: str
    school: str
    what: str


def who_looked(pupil: Pupil) -> list[Look]:
    events = list(events_for_pupil(pupil.pk).filter(action__in=LOOKED_AT)[:200])
    schools = dict(
        School.objects.filter(pk__in={e.school_id for e in events if e.school_id}).values_list(
            "pk", "name"
        )
    )
    return [
        Look(
            when=e.occurred_at,
            role=e.actor_role,
            school=schools.get(e.school_id, "") if e.school_id else "",
            what=str(AuditAction(e.action).label),
        )
        for e in events
    ]


@dataclass(frozen=True)
class ChildSummary:
    """What waits for this family member about one child, for the portal's start page."""

    pupil: Pupil
    review_deadline: dt.date | None  # the dossier to read before this date, by this user
    next_meeting: Any  # the coming warm handover the user is invited to, or None
    feedback: int  # messages from the new school to the old one, shared with the family


def child_summaries(children: list[Pupil], user: User) -> list[ChildSummary]:
    now = timezone.now()
    result = []
    for pupil in children:
        deadline = None
        for review in reviews_for_pupil(pupil):
            participant = participant_for(review, user.pk)
            if participant is not None and participant.seen_at is None:
                deadline = review.deadline
                break
        meeting = (
            meetings_for_family(pupil.pk, user)
            .filter(starts_at__gte=now, cancelled_at__isnull=True)
            .order_by("starts_at")
            .first()
        )
        result.append(ChildSummary(pupil, deadline, meeting, len(feedback_for_family(pupil.pk))))
    return result
