"""Public API of the consent app (writes).

- `review_open` — open the guardians' review for an outgoing transition and invite them
- `review_seen` — a guardian or the pupil confirms in the portal that they saw the dossier
- `review_record` — staff record a review done on paper or in a conversation
- `review_reminders_send` — the reminder before the regional deadline
- `statement_add`, `statement_reply`
- `consent_decide` — given, refused or withdrawn, by the person the age rules name
- `correction_request_add`, `correction_request_handle`
- `copy_request_add`, `copy_request_release` — a copy of all the pupil's data (AVG art. 15),
  released by the school within four weeks, downloaded in the portal
- `reviews_erase` — retention
- `ConsentError` — the action is not allowed; the message says why, in Dutch
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.consent import events
from overdracht.consent.models import (
    ConsentDecision,
    ConsentPurpose,
    CopyRequest,
    CorrectionRequest,
    GuardianReview,
    GuardianStatement,
    ReviewParticipant,
    ReviewWay,
    StatementReply,
)
from overdracht.consent.rules import age_on, decides_alone, reviewers
from overdracht.consent.selectors import participant_for
from overdracht.core.ages import ADULT_FROM
from overdracht.outbox.services import mail_queue
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import GuardianRelation, Pupil, Transition
from overdracht.schools.models import School


class ConsentError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def review_open(*, actor: Actor, transition: Transition, school: School) -> GuardianReview:
    if transition.from_school_id != school.pk:
        raise ConsentError(_("Only the sending school opens the review."))
    if GuardianReview.objects.filter(transition=transition).exists():
        raise ConsentError(_("The review for this transition is already open."))
    pupil = transition.pupil
    relations = list(pupil.guardian_relations.filter(has_authority=True).select_related("guardian"))
    today = timezone.localdate()
    people = reviewers(pupil.birth_date, today, [r.guardian_id for r in relations])
    days = school.region.review_days
    with transaction.atomic():
        review = GuardianReview.objects.create(
            transition=transition,
            school=school,
            opened_by_id=actor.user.pk,
            deadline=today + dt.timedelta(days=days),
        )
        ReviewParticipant.objects.bulk_create(
            ReviewParticipant(review=review, guardian_id=p.guardian_id, is_pupil=p.is_pupil)
            for p in people
        )
        for relation in relations:
            _invite(
                actor,
                review,
                pupil,
                relation.guardian.user_id,
                relation.guardian.email,
                guardian=relation,
            )
        if decides_alone(pupil.birth_date, today) and pupil.user_id:
            _notify(review, pupil.user.email)  # type: ignore[union-attr]
        audit_record(
            AuditAction.REVIEW_OPENED,
            actor=actor,
            school_id=school.pk,
            subject_pupil_id=pupil.pk,
            target=review,
            details={"participants": len(people)},
        )
    return review


def _portal_link(pupil: Pupil) -> str:
    return settings.OVERDRACHT_BASE_URL + reverse("portal:dossier", args=[pupil.pk])


def _notify(review: GuardianReview, email: str) -> None:
    pupil = review.transition.pupil
    subject = _("Please review the dossier for %(name)s") % {"name": pupil.call_name}
    body = _(
        "Hello,\n\n%(school)s is about to send the dossier of %(name)s to the next school. "
        "Before it is sent you can read exactly what will be passed on, and add your view.\n\n"
        "Please do so before %(deadline)s:\n%(link)s\n"
    ) % {
        "school": review.school.name,
        "name": pupil.call_name,
        "deadline": review.deadline.strftime("%d-%m-%Y"),
        "link": _portal_link(pupil),
    }
    mail_queue(to=email, subject=subject, body=body, school_id=review.school_id)


def _invite(
    actor: Actor,
    review: GuardianReview,
    pupil: Pupil,
    user_id: int | None,
    email: str,
    *,
    guardian: GuardianRelation,
) -> None:
    if user_id is not None:
        _notify(review, guardian.guardian.email or "")
    elif email:
        pupil_services.invitation_create(
            actor=actor,
            pupil=pupil,
            school_id=review.school_id,
            email=email,
            guardian=guardian.guardian,
        )


def _complete_if_last(review: GuardianReview) -> None:
    """Send `review_completed` when nobody is left waiting to see the dossier."""
    waiting = ReviewParticipant.objects.filter(review_id=review.pk, seen_at__isnull=True)
    if not waiting.exists():
        events.review_completed.send(sender=GuardianReview, review=review)


@transaction.atomic
def review_seen(*, actor: Actor, review: GuardianReview) -> ReviewParticipant:
    user = actor.user
    participant = participant_for(review, user.pk)
    if participant is None:
        raise ConsentError(_("You are not asked to review this dossier."))
    if participant.seen_at is None:
        participant.seen_at, participant.way = timezone.now(), ReviewWay.PORTAL
        participant.recorded_by_id = user.pk
        participant.save(update_fields=["seen_at", "way", "recorded_by_id"])
        audit_record(
            AuditAction.REVIEW_SEEN,
            actor=actor,
            school_id=review.school_id,
            subject_pupil_id=review.transition.pupil_id,
            target=participant,
            details={"way": "portal"},
        )
        _complete_if_last(review)
    return participant


@transaction.atomic
def review_record(*, actor: Actor, participant: ReviewParticipant, way: str, day: dt.date) -> None:
    if way not in (ReviewWay.PAPER, ReviewWay.CONVERSATION):
        raise ConsentError(_("Choose how the review took place."))
    if day > timezone.localdate():
        raise ConsentError(_("The date of the review cannot be in the future."))
    participant.seen_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    participant.way = way
    participant.recorded_by_id = actor.user.pk
    participant.save(update_fields=["seen_at", "way", "recorded_by_id"])
    audit_record(
        AuditAction.REVIEW_SEEN,
        actor=actor,
        school_id=participant.review.school_id,
        subject_pupil_id=participant.review.transition.pupil_id,
        target=participant,
        details={"way": way},
    )
    _complete_if_last(participant.review)


def statement_add(
    *, actor: Actor, review: GuardianReview, agrees: bool, text: str
) -> GuardianStatement:
    user = actor.user
    participant = participant_for(review, user.pk)
    if participant is None:
        raise ConsentError(_("You are not asked to review this dossier."))
    if participant.seen_at is None:
        raise ConsentError(_("Read the dossier and confirm that first."))
    text = text.strip()
    if not agrees and not text:
        raise ConsentError(
            _("Write why you do not agree; the next school reads it with the dossier.")
        )
    statement = GuardianStatement.objects.create(
        review=review, participant=participant, author_id=user.pk, agrees=agrees, text=text[:4000]
    )
    audit_record(
        AuditAction.STATEMENT_ADDED,
        actor=actor,
        school_id=review.school_id,
        subject_pupil_id=review.transition.pupil_id,
        target=statement,
        details={"agrees": agrees},
    )
    return statement


def statement_reply(*, actor: Actor, statement: GuardianStatement, text: str) -> StatementReply:
    if not text.strip():
        raise ConsentError(_("Write a reply."))
    reply = StatementReply.objects.create(
        statement=statement, author_id=actor.user.pk, text=text.strip()[:4000]
    )
    audit_record(
        AuditAction.STATEMENT_REPLIED,
        actor=actor,
        school_id=statement.review.school_id,
        subject_pupil_id=statement.review.transition.pupil_id,
        target=reply,
    )
    return reply


def consent_decide(*, actor: Actor, pupil: Pupil, purpose: str, given: bool) -> ConsentDecision:
    """The logged-in guardian or pupil decides, as far as the age rules let them."""
    user = actor.user
    today = timezone.localdate()
    if purpose not in ConsentPurpose.values:
        raise ConsentError(_("Unknown purpose."))
    relation = GuardianRelation.objects.filter(pupil=pupil, guardian__user=user).first()
    is_pupil = pupil.user_id == user.pk
    adult_question = purpose == ConsentPurpose.GUARDIAN_ACCESS
    if adult_question and not (is_pupil and age_on(pupil.birth_date, today) >= ADULT_FROM):
        raise ConsentError(_("From 18 only the pupil decides whether parents keep access."))
    if decides_alone(pupil.birth_date, today) and not is_pupil:
        raise ConsentError(_("From 16 the pupil decides about this, not the parents."))
    guardian_decides = not decides_alone(pupil.birth_date, today)
    if guardian_decides and (relation is None or not relation.has_authority):
        raise ConsentError(_("Only parents with parental authority decide about this."))
    with transaction.atomic():
        decision = ConsentDecision.objects.create(
            pupil=pupil,
            purpose=purpose,
            guardian=None if is_pupil else relation.guardian,  # type: ignore[union-attr]
            given=given,
            decided_by_id=user.pk,
        )
        if adult_question:
            GuardianRelation.objects.filter(pupil=pupil).update(adult_pupil_allows_access=given)
    audit_record(
        AuditAction.CONSENT_DECIDED,
        actor=actor,
        subject_pupil_id=pupil.pk,
        target=decision,
        details={"purpose": purpose, "given": given},
    )
    return decision


def review_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail every guardian (and pupil) who has not reviewed yet, once, when the deadline
    their region agreed is near. Run daily (`manage.py send_review_reminders`)."""
    day = today or timezone.localdate()
    due = ReviewParticipant.objects.filter(
        seen_at__isnull=True, reminded_at__isnull=True
    ).select_related("review__school__region", "review__transition__pupil__user", "guardian")
    sent = 0
    for participant in due:
        review = participant.review
        if (review.deadline - day).days > review.school.region.reminder_days_before:
            continue
        pupil = review.transition.pupil
        email = (
            pupil.user.email
            if participant.is_pupil and pupil.user
            else participant.guardian.email
            if participant.guardian
            else ""
        )
        if not email:
            continue
        with transaction.atomic():
            participant.reminded_at = timezone.now()
            participant.save(update_fields=["reminded_at"])
            _notify(review, email)
        sent += 1
    return sent


def correction_request_add(
    *, actor: Actor, pupil: Pupil, school: School, text: str
) -> CorrectionRequest:
    if not text.strip():
        raise ConsentError(_("Describe what is not correct."))
    correction = CorrectionRequest.objects.create(
        pupil=pupil,
        school=school,
        requested_by_id=actor.user.pk,
        text=text.strip()[:4000],
    )
    audit_record(
        AuditAction.CORRECTION_REQUESTED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=correction,
    )
    return correction


def correction_request_handle(*, actor: Actor, correction: CorrectionRequest) -> None:
    correction.handled_at, correction.handled_by_id = timezone.now(), actor.user.pk
    correction.save(update_fields=["handled_at", "handled_by_id"])


COPY_WITHIN = dt.timedelta(weeks=4)


def copy_request_add(*, actor_id: int, pupil: Pupil, school: School) -> CopyRequest:
    """A copy of the pupil's data asked for; one open request per requester and pupil."""
    open_one = CopyRequest.objects.filter(
        pupil=pupil, requested_by_id=actor_id, released_at__isnull=True
    ).first()
    if open_one is not None:
        raise ConsentError(
            _("You asked for a copy on %(day)s already; the school answers by %(due)s.")
            % {
                "day": formats.date_format(timezone.localdate(open_one.created_at)),
                "due": formats.date_format(open_one.due),
            }
        )
    made = CopyRequest.objects.create(
        pupil=pupil,
        school=school,
        requested_by_id=actor_id,
        due=timezone.localdate() + COPY_WITHIN,
    )
    audit_record(
        AuditAction.COPY_REQUESTED,
        actor_id=actor_id,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=made,
    )
    return made


def copy_request_release(*, actor_id: int, copy_request: CopyRequest) -> None:
    """The school releases the copy: the requester can download it from the portal."""
    if copy_request.released_at is not None:
        return
    copy_request.released_at, copy_request.released_by_id = timezone.now(), actor_id
    copy_request.save(update_fields=["released_at", "released_by_id"])
    audit_record(
        AuditAction.COPY_RELEASED,
        actor_id=actor_id,
        school_id=copy_request.school_id,
        subject_pupil_id=copy_request.pupil_id,
        target=copy_request,
    )


def reviews_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the guardians' reviews of the pupil's transitions with their
    statements and replies, and the correction requests. Consent decisions stay while the
    pupil record does (they prove what was allowed) and go with it."""
    reviews = GuardianReview.objects.filter(transition__pupil_id=pupil_id)
    counts = {
        "reviews": reviews.count(),
        "statements": GuardianStatement.objects.filter(review__in=reviews).count(),
        "correction_requests": CorrectionRequest.objects.filter(pupil_id=pupil_id).count(),
        "copy_requests": CopyRequest.objects.filter(pupil_id=pupil_id).count(),
    }
    CopyRequest.objects.filter(pupil_id=pupil_id).delete()
    reviews.delete()
    CorrectionRequest.objects.filter(pupil_id=pupil_id).delete()
    return counts
