"""Public API of the handovers app (writes): `meeting_plan`, `meeting_change`,
`meeting_invite`, `meeting_cancel`, `minutes_add`, `agreement_add`, `agreement_done`,
`calendar_feed_rotate`, `calendar_feed_end`, `feed_token_hash`."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.names import name_initials
from overdracht.meetings import events, ics
from overdracht.meetings.agendas import agenda_for
from overdracht.meetings.models import Agreement, HandoverMeeting, MeetingParticipant, MinutesEntry
from overdracht.outbox.services import mail_queue
from overdracht.pupils.models import Guardian, Pupil, Transition
from overdracht.schools.models import School


def pupil_initials(pupil: Pupil) -> str:
    return name_initials(pupil.call_name, pupil.surname)


def meeting_event(
    meeting: HandoverMeeting,
    *,
    full_names: bool = True,
    url: str = "",
    attendees: tuple[tuple[str, str], ...] = (),
) -> ics.Event:
    """The meeting as a calendar item; the pupil by initials where `full_names` is off (an
    e-mailed invitation and the personal feed, which calendar apps keep outside the school).
    The place is the location; a video link goes in the description too, so neither is
    lost. `url` is the page the receiver may open: the meeting for staff by default."""
    pupil = meeting.transition.pupil
    description = [f"{i}. {item}" for i, item in enumerate(meeting.agenda, 1)]
    if meeting.video_link:
        description.insert(0, _("Video link: %(link)s") % {"link": meeting.video_link})
    return ics.Event(
        uid=f"meeting-{meeting.pk}@overdracht",
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + dt.timedelta(minutes=meeting.duration_minutes),
        summary=_("Warm handover %(name)s")
        % {"name": pupil.name if full_names else pupil_initials(pupil)},
        location=meeting.place or meeting.video_link,
        description="\n".join(description),
        url=url or settings.OVERDRACHT_BASE_URL + reverse("meetings:meeting", args=[meeting.pk]),
        sequence=meeting.sequence,
        cancelled=meeting.cancelled_at is not None,
        organizer=settings.DEFAULT_FROM_EMAIL,
        attendees=attendees,
    )


def _details(meeting: HandoverMeeting, *, family: bool) -> str:
    """What every invitation says: about whom, which schools, when and where, and where to
    read more (the portal for a family, the meeting's page for staff)."""
    pupil = meeting.transition.pupil
    schools = " — ".join(
        s.name for s in (meeting.sending_school, meeting.receiving_school) if s is not None
    )
    page = (
        reverse("portal:child", args=[pupil.pk])
        if family
        else reverse("meetings:meeting", args=[meeting.pk])
    )
    lines = [
        _("About: %(name)s") % {"name": pupil.call_name if family else pupil.name},
        _("Schools: %(schools)s") % {"schools": schools},
        _("When: %(when)s (%(minutes)s minutes)")
        % {
            "when": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M"),
            "minutes": meeting.duration_minutes,
        },
    ]
    if meeting.place:
        lines.append(_("Place: %(place)s") % {"place": meeting.place})
    if meeting.video_link:
        lines.append(_("Video link: %(link)s") % {"link": meeting.video_link})
    lines.append(_("More: %(url)s") % {"url": settings.OVERDRACHT_BASE_URL + page})
    return "\n".join(lines)


def _send_calendar_item(
    meeting: HandoverMeeting,
    *,
    method: str,
    subject: str,
    body: str,
    only: list[MeetingParticipant] | None = None,
) -> None:
    """After the commit, e-mail every invited person (staff, guardians, the pupil with an
    account; or `only` these) the meeting as a calendar item — REQUEST for a new or changed
    one, CANCEL — with everyone invited as attendees. Staff get the meeting's page, a
    family the portal: never a page they cannot open."""
    everyone = list(meeting.participants.select_related("user", "guardian"))
    participants = only if only is not None else everyone
    pupil = meeting.transition.pupil
    pupil_user = pupil.user

    def person(p: MeetingParticipant) -> tuple[str, str] | None:
        if p.user and p.user.email:
            return (p.user.full_name, p.user.email)
        if p.guardian and p.guardian.email:
            return (p.guardian.name, p.guardian.email)
        if p.is_pupil and pupil_user and pupil_user.email:
            return (pupil.call_name, pupil_user.email)
        return None

    attendees = tuple(sorted({a for a in map(person, everyone) if a}))
    family_url = settings.OVERDRACHT_BASE_URL + reverse("portal:child", args=[pupil.pk])
    items = {
        False: ics.calendar(
            [meeting_event(meeting, full_names=False, attendees=attendees)], method=method
        ),
        True: ics.calendar(
            [meeting_event(meeting, full_names=False, url=family_url, attendees=attendees)],
            method=method,
        ),
    }
    addresses: dict[str, bool] = {}  # address → a family member
    for p in participants:
        found = person(p)
        if found:
            addresses[found[1]] = p.user is None
    for address, family in sorted(addresses.items()):
        mail_queue(
            to=address,
            subject=subject,
            body=f"{body}\n\n{_details(meeting, family=family)}",
            school_id=meeting.receiving_school_id or meeting.sending_school_id,
            attachments=[("uitnodiging.ics", items[family], f"text/calendar; method={method}")],
        )


def _send_invitation(
    meeting: HandoverMeeting, only: list[MeetingParticipant] | None = None
) -> None:
    _send_calendar_item(
        meeting,
        method="REQUEST",
        subject=_("Invitation: warm handover %(name)s")
        % {"name": meeting.transition.pupil.call_name},
        body=_("You are invited to a warm handover. The invitation is attached."),
        only=only,
    )


def _not_cancelled(meeting: HandoverMeeting) -> None:
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This warm handover was cancelled."))


def _when_valid(starts_at: dt.datetime, place: str, video_link: str) -> None:
    if starts_at < timezone.now():
        raise ValidationError({"starts_at": _("The meeting cannot be in the past.")})
    if not place.strip() and not video_link.strip():
        raise ValidationError({"place": _("Give a place or a video link.")})


@transaction.atomic
def meeting_plan(
    *,
    actor: Actor,
    transition: Transition,
    starts_at: dt.datetime,
    duration_minutes: int,
    place: str,
    video_link: str,
    staff: list[Any],
    guardians: list[Guardian],
    invite_pupil: bool,
    acting_school: School,
) -> HandoverMeeting:
    _when_valid(starts_at, place, video_link)
    author = actor.user
    meeting = HandoverMeeting.objects.create(
        transition=transition,
        sending_school=transition.from_school,
        receiving_school=transition.to_school,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place.strip(),
        video_link=video_link.strip(),
        agenda=agenda_for(transition.kind),
        created_by_id=author.pk,
    )
    people = {author.pk: author, **{u.pk: u for u in staff}}
    MeetingParticipant.objects.bulk_create(
        [MeetingParticipant(meeting=meeting, user=u) for u in people.values()]
        + [MeetingParticipant(meeting=meeting, guardian=g) for g in guardians]
        + ([MeetingParticipant(meeting=meeting, is_pupil=True)] if invite_pupil else [])
    )
    _send_invitation(meeting)
    audit_record(
        AuditAction.MEETING_PLANNED,
        actor=actor,
        school_id=acting_school.pk,
        subject_pupil_id=transition.pupil_id,
        target=meeting,
        details={"participants": len(people) + len(guardians) + int(invite_pupil)},
    )
    return meeting


@transaction.atomic
def meeting_change(
    *,
    actor: Actor,
    meeting: HandoverMeeting,
    school: School,
    starts_at: dt.datetime,
    duration_minutes: int,
    place: str,
    video_link: str,
) -> None:
    """Move the meeting or change where it is; everyone invited gets the new invitation."""
    _not_cancelled(meeting)
    _when_valid(starts_at, place, video_link)
    meeting.starts_at, meeting.duration_minutes = starts_at, duration_minutes
    meeting.place, meeting.video_link = place.strip(), video_link.strip()
    meeting.sequence += 1
    meeting.save(update_fields=["starts_at", "duration_minutes", "place", "video_link", "sequence"])
    pupil = meeting.transition.pupil
    _send_calendar_item(
        meeting,
        method="REQUEST",
        subject=_("Changed: warm handover %(name)s") % {"name": pupil.call_name},
        body=_("The warm handover is now on %(when)s. The new invitation is attached.")
        % {"when": timezone.localtime(starts_at).strftime("%d-%m-%Y %H:%M")},
    )
    audit_record(
        AuditAction.MEETING_CHANGED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=meeting,
    )


@transaction.atomic
def meeting_invite(
    *,
    actor: Actor,
    meeting: HandoverMeeting,
    school: School,
    staff: list[Any],
    guardians: list[Guardian],
) -> int:
    """Invite more people (staff of either school, the pupil's guardians) to a planned
    meeting; only they get the invitation. Returns how many were new."""
    _not_cancelled(meeting)
    have_users = set(meeting.participants.values_list("user_id", flat=True))
    have_guardians = set(meeting.participants.values_list("guardian_id", flat=True))
    added = MeetingParticipant.objects.bulk_create(
        [MeetingParticipant(meeting=meeting, user=u) for u in staff if u.pk not in have_users]
        + [
            MeetingParticipant(meeting=meeting, guardian=g)
            for g in guardians
            if g.pk not in have_guardians
        ]
    )
    if added:
        pupil = meeting.transition.pupil
        _send_invitation(meeting, only=added)
        audit_record(
            AuditAction.MEETING_CHANGED,
            actor=actor,
            school_id=school.pk,
            subject_pupil_id=pupil.pk,
            target=meeting,
            details={"invited": len(added)},
        )
    return len(added)


@transaction.atomic
def meeting_cancel(*, actor: Actor, meeting: HandoverMeeting, school: School, reason: str) -> None:
    """Cancel the meeting; everyone invited is told, and calendar apps remove it."""
    _not_cancelled(meeting)
    meeting.cancelled_at, meeting.cancel_reason = timezone.now(), reason.strip()[:300]
    meeting.sequence += 1
    meeting.save(update_fields=["cancelled_at", "cancel_reason", "sequence"])
    pupil = meeting.transition.pupil
    body = _("The warm handover of %(when)s is cancelled.") % {
        "when": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M")
    }
    if meeting.cancel_reason:
        body += "\n\n" + meeting.cancel_reason
    _send_calendar_item(
        meeting,
        method="CANCEL",
        subject=_("Cancelled: warm handover %(name)s") % {"name": pupil.call_name},
        body=body,
    )
    audit_record(
        AuditAction.MEETING_CANCELLED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=meeting,
    )


@transaction.atomic
def minutes_add(
    *, actor: Actor, meeting: HandoverMeeting, text: str, agenda_item: str, school: School
) -> MinutesEntry:
    _not_cancelled(meeting)
    if not text.strip():
        raise ValidationError({"text": _("Write something for the minutes.")})
    entry = MinutesEntry.objects.create(
        meeting=meeting,
        text=text.strip()[:8000],
        agenda_item=agenda_item[:200],
        author=actor.user,
        school=school,
    )
    audit_record(
        AuditAction.MINUTES_ADDED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=meeting.transition.pupil_id,
        target=entry,
    )
    if meeting.starts_at <= timezone.now():  # minutes after the start: the meeting was held
        events.warm_handover_held.send(sender=HandoverMeeting, meeting=meeting)
    return entry


def agreement_add(
    *,
    actor: Actor,
    meeting: HandoverMeeting,
    text: str,
    owner: Any,
    due_date: dt.date,
    school: School,
) -> Agreement:
    _not_cancelled(meeting)
    if not meeting.participants.filter(user=owner).exists():
        raise ValidationError({"owner": _("The owner must take part in the meeting.")})
    agreement = Agreement.objects.create(
        meeting=meeting,
        text=text.strip()[:500],
        owner=owner,
        due_date=due_date,
        created_by_id=actor.user.pk,
    )
    audit_record(
        AuditAction.AGREEMENT_ADDED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=meeting.transition.pupil_id,
        target=agreement,
    )
    return agreement


def agreement_done(*, actor: Actor, agreement: Agreement) -> None:
    if agreement.owner_id != actor.user.pk:
        raise ValidationError(_("Only the owner marks an agreement as done."))
    agreement.done_at = timezone.now()
    agreement.save(update_fields=["done_at"])


def meetings_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the warm handover meetings of the pupil's transitions with their
    minutes, agreements and participants."""
    meetings = HandoverMeeting.objects.filter(transition__pupil_id=pupil_id)
    counts = {
        "meetings": meetings.count(),
        "minutes": MinutesEntry.objects.filter(meeting__in=meetings).count(),
    }
    meetings.delete()
    return counts


def agreements_move(*, pupil_id: Any, from_user_ids: set[int], to_user: User) -> int:
    """Open agreements about the pupil owned by the old mentors go to the new one (the mentor
    handover was confirmed): how many moved."""
    return Agreement.objects.filter(
        meeting__transition__pupil_id=pupil_id,
        owner_id__in=from_user_ids,
        done_at__isnull=True,
    ).update(owner=to_user)
