"""Public API of the consent app (reads).

- `review_of(transition)`, `reviews_for_pupil(pupil, school)`
- `review_status(review)`: who must still review, by name
- `export_review(pupil, school)`: the review record the OSO export carries, or why not
- `consent_state(pupil, purpose)`: granted or not, and who is still to decide
- `consent_required(pupil, purpose, school)`: raises `ConsentMissingError` naming what is missing
- `open_correction_requests(school)`, `open_copy_requests(school)`, `copy_requests_of`,
  `copy_requests_for_school`
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.consent.models import (
    ConsentDecision,
    ConsentPurpose,
    ConsentSettings,
    CopyRequest,
    CorrectionRequest,
    GuardianReview,
    GuardianStatement,
    ReviewParticipant,
)
from overdracht.consent.rules import ConsentOutcome, Decision, consent_outcome
from overdracht.pupils.models import Pupil, Transition, TransitionStatus
from overdracht.schools.models import School


@dataclass(frozen=True)
class ReviewRecord:
    """What travels in the OSO `inzage` block."""

    date: object  # datetime.date
    agreed: bool
    reason_not_agreed: str
    # Consent to pass on more than the legal set: True/False when decided, None when never
    # asked (OSO `toestemming`: Ja / Nee / Onbekend).
    consent: bool | None = None


@dataclass(frozen=True)
class ReviewStatus:
    complete: bool
    missing: list[str]
    participants: list[ReviewParticipant]


def participant_name(participant: ReviewParticipant) -> str:
    if participant.is_pupil:
        return _("the pupil (%(name)s)") % {"name": participant.review.transition.pupil.name}
    assert participant.guardian is not None
    return participant.guardian.name


def review_of(transition: Transition) -> GuardianReview | None:
    return GuardianReview.objects.filter(transition=transition).first()


def outgoing_transitions(pupil: Pupil, school: School) -> QuerySet[Transition]:
    return (
        Transition.objects.filter(pupil=pupil, from_school=school)
        .exclude(status=TransitionStatus.CANCELLED)
        .select_related("to_school")
        .order_by("-school_year")
    )


def reviews_for_pupil(pupil: Pupil) -> QuerySet[GuardianReview]:
    return (
        GuardianReview.objects.filter(transition__pupil=pupil)
        .select_related("transition", "transition__to_school", "school")
        .prefetch_related("participants__guardian", "statements__replies")
        .order_by("-opened_at")
    )


def participant_for(review: GuardianReview, user_id: int) -> ReviewParticipant | None:
    """The participant this user is in the review: as a guardian, or as the pupil."""
    return (
        review.participants.filter(guardian__user_id=user_id).first()
        or review.participants.filter(
            is_pupil=True, review__transition__pupil__user_id=user_id
        ).first()
    )


def review_status(review: GuardianReview) -> ReviewStatus:
    participants = list(
        review.participants.select_related("guardian", "review__transition__pupil").order_by(
            "is_pupil", "id"
        )
    )
    missing = [participant_name(p) for p in participants if p.seen_at is None]
    return ReviewStatus(
        complete=bool(participants) and not missing, missing=missing, participants=participants
    )


@dataclass(frozen=True)
class ExportReview:
    record: ReviewRecord | None
    refusal: str


def export_review(pupil: Pupil, school: School) -> ExportReview:
    """The review of the pupil's outgoing transition from this school, complete, with the
    statements summed up as OSO wants them; or the Dutch reason why it is not there yet."""
    transition = outgoing_transitions(pupil, school).first()
    review = review_of(transition) if transition else None
    if review is None:
        return ExportReview(
            None, _("The guardians' review (inzage) has not been opened for this transition yet.")
        )
    status = review_status(review)
    if not status.complete:
        return ExportReview(
            None,
            _("The review is not complete: still waiting for %(who)s.")
            % {"who": ", ".join(status.missing)},
        )
    latest = latest_statements(review)
    disagree = [s for s in latest if not s.agrees]
    seen = max(p.seen_at for p in status.participants if p.seen_at)
    beyond = consent_state(pupil, ConsentPurpose.BEYOND_LEGAL_SET, school=school)
    consent: bool | None = None
    if beyond.outcome.granted:
        consent = True
    elif beyond.outcome.refused_by:
        consent = False
    return ExportReview(
        ReviewRecord(
            date=timezone.localtime(seen).date(),
            agreed=not disagree,
            reason_not_agreed=" / ".join(s.text for s in disagree if s.text)[:2000],
            consent=consent,
        ),
        "",
    )


def latest_statements(review: GuardianReview) -> list[GuardianStatement]:
    """The latest statement of each participant (a new one replaces an earlier one for the
    export, while all stay in the history)."""
    latest: dict[int, GuardianStatement] = {}
    for statement in review.statements.order_by("created_at", "id"):
        latest[statement.participant_id] = statement
    return list(latest.values())


def consent_settings(school: School) -> ConsentSettings:
    return ConsentSettings.objects.filter(school=school).first() or ConsentSettings(school=school)


@dataclass(frozen=True)
class ConsentState:
    outcome: ConsentOutcome
    waiting_names: list[str]
    history: list[ConsentDecision]


def consent_state(pupil: Pupil, purpose: str, *, school: School | None = None) -> ConsentState:
    history = list(
        ConsentDecision.objects.filter(pupil=pupil, purpose=purpose).select_related("guardian")
    )
    latest: dict[int | None, ConsentDecision] = {}
    for decision in reversed(history):  # oldest first, so the newest wins
        latest[decision.guardian_id] = decision
    relations = list(pupil.guardian_relations.filter(has_authority=True).select_related("guardian"))
    settings = consent_settings(school) if school else ConsentSettings()
    outcome = consent_outcome(
        birth_date=pupil.birth_date,
        day=timezone.localdate(),
        guardians_with_authority=[r.guardian_id for r in relations],
        both_guardians_required=settings.both_guardians_required,
        latest=[Decision(guardian_id=g, given=d.given) for g, d in latest.items()],
    )
    names = {r.guardian_id: r.guardian.name for r in relations}
    waiting = [names.get(g, "") if g is not None else _("the pupil") for g in outcome.waiting_for]
    return ConsentState(outcome=outcome, waiting_names=waiting, history=history)


class ConsentMissingError(Exception):
    """An action that needs consent was asked without it; the message names what is missing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def consent_required(pupil: Pupil, purpose: str, *, school: School) -> None:
    """Raise ConsentMissingError, saying which consent and from whom, unless it holds."""
    state = consent_state(pupil, purpose, school=school)
    if state.outcome.granted:
        return
    label = ConsentPurpose(purpose).label
    if state.outcome.refused_by:
        raise ConsentMissingError(
            _("Consent for “%(purpose)s” was refused or withdrawn.") % {"purpose": label}
        )
    raise ConsentMissingError(
        _("Consent for “%(purpose)s” is missing: still to decide: %(who)s.")
        % {"purpose": label, "who": ", ".join(state.waiting_names) or "—"}
    )


def open_correction_requests(school: School) -> QuerySet[CorrectionRequest]:
    return CorrectionRequest.objects.filter(school=school, handled_at__isnull=True)


def open_copy_requests(school: School) -> QuerySet[CopyRequest]:
    return CopyRequest.objects.filter(school=school, released_at__isnull=True)


def copy_requests_of(pupil: Pupil, requested_by_id: int) -> QuerySet[CopyRequest]:
    return CopyRequest.objects.filter(pupil=pupil, requested_by_id=requested_by_id)


def copy_requests_for_school(pupil: Pupil, school: School) -> QuerySet[CopyRequest]:
    return CopyRequest.objects.filter(pupil=pupil, school=school)


def reviews_past_deadline(school: School) -> QuerySet[GuardianReview]:
    """The school's reviews whose deadline has passed while someone has not reviewed yet."""
    return (
        GuardianReview.objects.filter(
            school=school,
            deadline__lt=timezone.localdate(),
            participants__seen_at__isnull=True,
        )
        .exclude(transition__status=TransitionStatus.CANCELLED)
        .select_related("transition__pupil")
        .distinct()
        .order_by("deadline", "pk")
    )


def decisions_of(pupil: Pupil) -> QuerySet[ConsentDecision]:
    """Every consent decision on the pupil, newest first (the history stays)."""
    return ConsentDecision.objects.filter(pupil=pupil).select_related("guardian").order_by("-pk")


def correction_requests_of(pupil: Pupil) -> QuerySet[CorrectionRequest]:
    return CorrectionRequest.objects.filter(pupil=pupil).select_related("school")
