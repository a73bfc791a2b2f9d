"""The demo region in the middle of a school year: Waalstad College has analysed class 1B,
written passports for the pupils who need support, held one warm handover and planned
another, and referred a pupil to its care team; one family had its warm handover before the
summer. Written straight to the models: no user acts here, so nothing is audited."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from stdnum.nl import bsn

from overdracht.accounts.models import User
from overdracht.care.models import CareLevel, Referral, Urgency
from overdracht.dossiers import events as dossier_events
from overdracht.dossiers.models import DossierSection, IntakeAnalysis
from overdracht.meetings import events as meeting_events
from overdracht.meetings.agendas import agenda_for
from overdracht.meetings.models import Agreement, HandoverMeeting, MeetingParticipant, MinutesEntry
from overdracht.passports import events as passport_events
from overdracht.passports.models import Arrangement, PassportVersion
from overdracht.pupils.models import Enrolment, Pupil, Transition
from overdracht.pupils.services import pupil_create
from overdracht.schools.models import ClassGroup, Membership, School

# Which pupils of 1B (in name order) the college flagged at the intake.
NEEDS_SUPPORT = (1, 4)
DISCUSS_IN_PERSON = (1, 4, 7)


def school_year_in_progress(year: int, family_child: Pupil) -> None:
    college = School.objects.get(name="Waalstad College")
    zorg = User.objects.get(email="zorg@waalstad-college.example")
    class_1b = ClassGroup.objects.get(school=college, name="1B", school_year=year)
    pupils = [
        e.pupil
        for e in Enrolment.objects.filter(class_group=class_1b)
        .select_related("pupil")
        .order_by("pupil__sort_key")
    ]
    # History as it would have happened: each record sends the event its service sends.
    for index, pupil in enumerate(pupils):
        analysis = IntakeAnalysis.objects.create(
            pupil=pupil,
            school=college,
            needs_support=index in NEEDS_SUPPORT,
            discuss_in_person=index in DISCUSS_IN_PERSON,
            refer_to_care_team=index == NEEDS_SUPPORT[1],
            notes="Zie het dossier van de basisschool." if index in NEEDS_SUPPORT else "",
            analysed_by_id=zorg.pk,
        )
        dossier_events.intake_analysed.send(sender=IntakeAnalysis, analysis=analysis)
    for pupil in (pupils[i] for i in NEEDS_SUPPORT):
        passport = PassportVersion.objects.create(
            pupil=pupil,
            version=1,
            tips=[
                "Geef de opdracht in korte stappen en schrijf ze op het bord.",
                "Kondig wijzigingen in het rooster vroeg aan.",
                "Laat na de uitleg eerst even met een buur overleggen.",
            ],
            strengths="Sterk in rekenen; tekent graag.",
            what_works="Een vaste plek vooraan; een vraag eerst op papier.",
            what_does_not_work="Onverwacht een beurt geven.",
            arrangements=[Arrangement.EXTRA_TIME],
            contact="Zorgcoördinator Waalstad College",
            valid_until=dt.date(year + 1, 7, 31),
            written_by_id=zorg.pk,
        )
        passport_events.passport_shared.send(sender=PassportVersion, passport=passport)

    now = timezone.localtime().replace(hour=15, minute=0, second=0, microsecond=0)
    held = _meeting(pupils[NEEDS_SUPPORT[0]], zorg, now - dt.timedelta(days=7))
    MinutesEntry.objects.create(
        meeting=held,
        author=zorg,
        school=college,
        agenda_item=held.agenda[2] if len(held.agenda) > 2 else "",
        text="Werkt goed met een weekplanning; thuis wordt huiswerk samen gepland.",
    )
    meeting_events.warm_handover_held.send(sender=HandoverMeeting, meeting=held)
    Agreement.objects.create(
        meeting=held,
        text="Na zes weken een gesprek met ouders en mentor",
        owner=zorg,
        due_date=timezone.localdate() + dt.timedelta(days=14),
        created_by_id=zorg.pk,
    )
    _meeting(pupils[NEEDS_SUPPORT[1]], zorg, now + dt.timedelta(days=8))
    # The family's older child had a warm handover in June, before she came to the college.
    _meeting(
        family_child, zorg, dt.datetime(year, 6, 18, 15, 30, tzinfo=timezone.get_current_timezone())
    )

    # referred last week; the care team has not planned its meeting yet
    Referral.objects.create(
        pupil=pupils[NEEDS_SUPPORT[1]],
        school=college,
        level=CareLevel.CARE_TEAM,
        reason="Komt sinds de herfstvakantie vaak te laat; lijkt moe in de klas.",
        urgency=Urgency.SOON,
        created_by_id=zorg.pk,
    )


def _meeting(pupil: Pupil, host: User, starts_at: dt.datetime) -> HandoverMeeting:
    """A warm handover about the pupil's arrival, with the sending school's care coordinator
    and the guardians with authority invited."""
    transition = Transition.objects.select_related("from_school").get(pupil=pupil, kind="po_vo")
    meeting = HandoverMeeting.objects.create(
        transition=transition,
        sending_school=transition.from_school,
        receiving_school=transition.to_school,
        starts_at=starts_at,
        duration_minutes=45,
        place="Waalstad College, kamer zorg",
        agenda=agenda_for(transition.kind),
        created_by_id=host.pk,
    )
    sender = Membership.objects.filter(
        school=transition.from_school, role="care_coordinator"
    ).first()
    MeetingParticipant.objects.bulk_create(
        [MeetingParticipant(meeting=meeting, user=host)]
        + ([MeetingParticipant(meeting=meeting, user_id=sender.user_id)] if sender else [])
        + [
            MeetingParticipant(meeting=meeting, guardian_id=relation.guardian_id)
            for relation in pupil.guardian_relations.filter(has_authority=True)
        ]
    )
    return meeting


def former_pupils(year: int) -> None:
    """Two pupils who left Waalstad College: one three years ago (the dossier and the
    referral to the partnership are past their retention period), one last summer (not
    yet). The school administrator's *Bewaartermijnen* page shows the first."""
    college = School.objects.get(name="Waalstad College")
    zorg = User.objects.get(email="zorg@waalstad-college.example")
    taken = set(Pupil.objects.values_list("bsn", flat=True))
    numbers = (n for n in (f"99999{i:04d}" for i in range(9999, 0, -1)) if bsn.is_valid(n))
    for call_name, surname, left_year in (("Noor", "Verhoeven", year - 3), ("Milan", "Bos", year)):
        number = next(n for n in numbers if n not in taken)
        pupil = pupil_create(
            given_names=call_name,
            call_name=call_name,
            surname=surname,
            surname_prefix="",
            birth_date=dt.date(left_year - 16, 3, 12),
            bsn=number,
        )
        left_on = dt.date(left_year, 7, 15)
        Enrolment.objects.create(
            pupil=pupil,
            school=college,
            school_year=left_year - 1,
            year_group=4,
            start_date=dt.date(left_year - 1, 8, 20),
            end_date=left_on,
        )
        DossierSection.objects.create(
            pupil=pupil,
            school=college,
            kind="talents",
            content={"talents": "Sport en techniek"},
            updated_by_id=zorg.pk,
        )
        Referral.objects.create(
            pupil=pupil,
            school=college,
            level=CareLevel.PARTNERSHIP,
            reason="Aanvraag toelaatbaarheidsverklaring.",
            urgency=Urgency.SOON,
            created_by_id=zorg.pk,
            closed_at=dt.datetime(left_year, 5, 1, 12, tzinfo=dt.UTC),
        )
