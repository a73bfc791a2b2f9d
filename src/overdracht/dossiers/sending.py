"""Sending the dossier: the review opens only on a complete dossier, the file is built from
the dossier, and a school of this installation receives it with one action.

Public API: `review_open_when_ready`, `dossier_file` (the OSO file, provisional or real),
`dossier_send` (inside the installation: one transaction, the receiving school's incoming
list has it, an audit row on both sides), `received_fill` (a received file fills the
receiving school's dossier; `dossiers.receivers` calls it on `oso.dossier_received`),
`partnership_dossier_send` (the PaO dossier to the school's partnership, from a
referral), `SendingError`.
"""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.consent import services as consent_services
from overdracht.consent.models import GuardianReview
from overdracht.dossiers import events
from overdracht.dossiers.composition import (
    content_to_sections,
    dossier_content,
    readiness,
    support_explanation,
)
from overdracht.dossiers.services import ReceivedSection, results_receive, sections_receive
from overdracht.oso.builder import ReviewData
from overdracht.oso.export import (
    Export,
    ExportRefusedError,
    crossing_for,
    dossier_export,
    partnership_crossing,
)
from overdracht.oso.export import recorded_review as export_recorded_review
from overdracht.oso.models import PartnershipDossier, ReceivedDossier
from overdracht.oso.pao import partnership_dossier_receive
from overdracht.oso.selectors import received_content
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Pupil, Transition
from overdracht.pupils.registration import dossier_sent_mark
from overdracht.schools.models import School


class SendingError(Exception):
    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


def review_open_when_ready(
    *, actor: Actor, transition: Transition, school: School
) -> GuardianReview:
    """Open the guardians' review, but only on a dossier whose required parts are written:
    parents are never asked to confirm an empty dossier."""
    ready = readiness(transition, school)
    if not ready.ready:
        raise SendingError(
            _("The review cannot open yet. Still missing: %(missing)s.")
            % {"missing": ", ".join(ready.missing)}
        )
    try:
        return consent_services.review_open(actor=actor, transition=transition, school=school)
    except consent_services.ConsentError as exc:
        raise SendingError(exc.message) from exc


def dossier_file(
    *,
    transition: Transition,
    school: School,
    actor_id: int | None,
    provisional: bool = False,
    to_brin: str = "",
) -> Export:
    """The OSO file of the transition's dossier, built from the school's dossier. A real file
    needs the recorded review; the provisional one is what parents read before they review."""
    pupil = transition.pupil
    receiving = to_brin or (transition.to_school.brin if transition.to_school else "")
    if not receiving and provisional:
        # The provisional dossier parents read does not depend on where it goes; the
        # receiving school's number is only in the file's name.
        receiving = "ONBEKEND"
    if not receiving:
        raise SendingError(
            _("Record first which school the pupil goes to: the dossier may go only there.")
        )
    try:
        review = (
            ReviewData(provisional=True) if provisional else export_recorded_review(pupil, school)
        )
        return dossier_export(
            pupil=pupil,
            school=school,
            to_brin=receiving,
            crossing=crossing_for(transition.kind),
            review=review,
            actor_id=actor_id,
            content=dossier_content(pupil, school),
        )
    except ExportRefusedError as exc:
        raise SendingError(exc.message, [str(p) for p in exc.problems]) from exc


def dossier_send(
    *, transition: Transition, school: School, actor_id: int | None
) -> ReceivedDossier:
    """Deliver the dossier to the receiving school of this installation: the same checks as
    a file (review recorded, schema and rules), then the receiving school's import, all in
    one transaction. The sending school sees that it arrived and when it was opened."""
    receiving = transition.to_school
    if transition.from_school_id != school.pk:
        raise SendingError(_("Only the sending school sends the dossier."))
    if receiving is None:
        raise SendingError(
            _("The pupil has not registered at a school yet; the law allows no dossier before.")
        )
    with transaction.atomic():
        made = dossier_file(transition=transition, school=school, actor_id=actor_id)
        outcome = dossier_import(
            data=made.content, name=made.filename, school=receiving, actor_id=None
        )
        if outcome.rejected or outcome.dossier_id is None:
            raise SendingError(
                _("%(school)s could not take in the dossier.") % {"school": receiving.name},
                [str(p) for p in outcome.problems],
            )
        if outcome.status == "held":
            raise SendingError(
                _(
                    "%(school)s knows a pupil with this number under other details; "
                    "contact the school before sending."
                )
                % {"school": receiving.name}
            )
        dossier_sent_mark(transition=transition)
        arrived = ReceivedDossier.objects.get(pk=outcome.dossier_id)
        ReceivedDossier.objects.filter(pk=arrived.pk).update(sent_from_school=school)
        audit_record(
            AuditAction.DOSSIER_SENT,
            actor_id=actor_id,
            school_id=school.pk,
            subject_pupil_id=transition.pupil_id,
            target=transition,
            details={"to": receiving.brin, "received_dossier": arrived.pk},
        )
        audit_record(
            AuditAction.DOSSIER_ARRIVED,
            actor_id=actor_id,
            school_id=receiving.pk,
            subject_pupil_id=transition.pupil_id,
            target=arrived,
            details={"from": school.brin},
        )
        events.dossier_sent.send(sender=Transition, transition=transition)
    return arrived


def received_fill(dossier: ReceivedDossier) -> list[ReceivedSection]:
    """The receiving school's dossier of the pupil gets the parts the file carries."""
    if dossier.pupil_id is None:
        return []
    content = received_content(dossier)
    origin = dossier.sending_name or dossier.sending_brin
    results_receive(
        pupil=dossier.pupil,  # type: ignore[arg-type]
        school_id=dossier.school_id,
        results=content.results,
        received_from=origin,
    )
    return sections_receive(
        pupil=dossier.pupil,  # type: ignore[arg-type]
        school_id=dossier.school_id,
        parts=content_to_sections(content),
        received_dossier_id=dossier.pk,
        received_from=origin,
        actor_id=dossier.imported_by_id,
    )


def partnership_dossier_send(
    *,
    pupil: Pupil,
    school: School,
    review: ReviewData,
    reason: str,
    actor_id: int | None,
) -> PartnershipDossier:
    """Send the pupil's dossier to the school's partnership (PaO profile POSWV or VOSWV):
    the school's sections, the support parts in words with the reason of the referral, the
    parents' review as the school recorded it; checked like every export, then received by
    the partnership — one transaction, an audit row on both sides."""
    partnership = school.partnership
    if partnership is None:
        raise SendingError(_("This school has no partnership to send to."))
    if review.provisional or review.date is None:
        raise SendingError(_("Record when the parents saw the dossier."))
    if review.agreed is False and not review.reason_not_agreed.strip():
        raise SendingError(_("Say why the parents do not agree."))
    content = replace(
        dossier_content(pupil, school),
        support_explanation=support_explanation(pupil, school, reason),
    )
    with transaction.atomic():
        try:
            made = dossier_export(
                pupil=pupil,
                school=school,
                to_brin=partnership.code,
                crossing=partnership_crossing(school),
                review=review,
                actor_id=actor_id,
                content=content,
            )
        except ExportRefusedError as exc:
            raise SendingError(exc.message, [str(p) for p in exc.problems]) from exc
        outcome = partnership_dossier_receive(
            data=made.content,
            name=made.filename,
            partnership=partnership,
            actor_id=None,
            pupil=pupil,
            sent_from_school=school,
        )
        if outcome.dossier is None:
            raise SendingError(
                _("%(partnership)s could not take in the dossier.")
                % {"partnership": partnership.name},
                [str(p) for p in outcome.problems],
            )
        audit_record(
            AuditAction.PAO_SENT,
            actor_id=actor_id,
            school_id=school.pk,
            subject_pupil_id=pupil.pk,
            target=outcome.dossier,
            details={"partnership": partnership.pk},
        )
    return outcome.dossier
