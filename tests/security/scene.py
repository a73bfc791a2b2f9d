"""One of everything a URL can point at, on top of the `world` fixture, for the persona
matrix: a warm handover with an agreement, a received dossier with attachments, an import
batch, a passport, the guardians' review, a correction request, the region's milestones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from stdnum.nl import bsn as bsn_check

from overdracht.accounts.actor import Actor
from overdracht.api.models import ApiToken
from overdracht.api.services import token_create
from overdracht.care import services as care_services
from overdracht.care.models import CareLevel, Referral
from overdracht.consent.models import (
    CopyRequest,
    CorrectionRequest,
    GuardianReview,
    ReviewParticipant,
)
from overdracht.core.school_year import current_school_year
from overdracht.dossiers.sections import SectionKind
from overdracht.dossiers.services import section_save
from overdracht.further_education import services as further_services
from overdracht.further_education.models import (
    Choice,
    Registration,
    StartReport,
    TransferDossier,
)
from overdracht.group_plans.models import GroupPlan
from overdracht.meetings.models import Agreement, HandoverMeeting, MeetingParticipant
from overdracht.oso.generator import dossier_xml
from overdracht.oso.models import ImportBatch
from overdracht.oso.services import dossier_import
from overdracht.passports.models import PassportVersion
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Pupil, Transition
from overdracht.regional_calendar.services import calendar_ensure
from overdracht.roster.models import RosterUpload
from overdracht.roster.services import mapping_save
from overdracht.schools.models import ClassTeacher
from overdracht.schools.services import class_group_teacher_add
from overdracht.sso.models import IdentityProvider
from overdracht.sso.services import provider_save
from overdracht.steps.models import TransitionStep
from tests.conftest import World, make_user

ROSTER_CSV = b"Stamnr;Roepnaam;Achternaam;Geb.datum;Klas\n9001;Jan;Jansen;01-05-2013;1A\n"
ROSTER_COLUMNS = {
    "pupil_number": "Stamnr",
    "call_name": "Roepnaam",
    "surname": "Achternaam",
    "birth_date": "Geb.datum",
    "class_name": "Klas",
}


@dataclass
class Scene:
    world: World
    transition: Transition
    meeting: HandoverMeeting
    agreement: Agreement
    step: TransitionStep
    milestone_id: int
    dossier_id: int
    batch_id: int
    passport: PassportVersion
    correction: CorrectionRequest
    class_teacher: ClassTeacher
    leaving: Transition  # Jan goes on to the other school next year: the sending side
    referral: Referral  # Jan referred to the partnership, with his dossier sent to it
    copy_request: CopyRequest  # his mother asked for a copy of all data; it is released
    roster_upload: RosterUpload  # an export of the school administration, its columns mapped
    api_token: ApiToken  # the school's token for its school administration
    identity_provider: IdentityProvider  # the board's login service (not reachable here)
    within_school: Transition  # Jan to his next class: the mentor handover hangs on it
    group_plan: GroupPlan  # of Jan's class, 1A
    choice: Choice  # Jan's first choice of a programme
    registration: Registration  # Jan registered at the other school (as the institution)
    start_report: StartReport  # the institution reports on his start


def scene_build(world: World) -> Scene:
    transition = Transition.objects.get(pupil=world.pupil, to_school=world.school)
    leaving = pupil_services.transition_create(
        pupil=world.pupil,
        kind="vo_vo",
        from_school=world.school,
        to_school=world.other_school,
        school_year=current_school_year() + 1,
    )
    section_save(
        author_id=world.care_coordinator.pk,
        pupil=world.pupil,
        kind=SectionKind.WORK_ATTITUDE,
        content={"notes": "Plant zijn werk goed."},
        based_on_version=0,
        school_id=world.school.pk,
    )
    meeting = HandoverMeeting.objects.create(
        transition=transition,
        sending_school=world.other_school,
        receiving_school=world.school,
        starts_at=timezone.now() + dt.timedelta(days=7),
        agenda=["Wat werkt"],
        created_by_id=world.care_coordinator.pk,
    )
    MeetingParticipant.objects.create(meeting=meeting, user=world.care_coordinator)
    agreement = Agreement.objects.create(
        meeting=meeting,
        text="Gesprek na zes weken",
        owner=world.care_coordinator,
        due_date=timezone.localdate() + dt.timedelta(days=14),
        created_by_id=world.care_coordinator.pk,
    )
    milestones = calendar_ensure(world.school.region, current_school_year())
    number = next(n for n in (f"99996{i:04d}" for i in range(10000)) if bsn_check.is_valid(n))
    outcome = dossier_import(
        data=dossier_xml(bsn=number, surname="Visser", call_name="Roos"),
        name="roos.xml",
        school=world.school,
    )
    assert outcome.dossier_id is not None, outcome.problems
    batch = ImportBatch.objects.create(school=world.school, created_by_id=world.care_coordinator.pk)
    passport = PassportVersion.objects.create(
        pupil=world.pupil,
        version=1,
        tips=["Korte stappen.", "Vroeg aankondigen.", "Eerst op papier."],
        written_by_id=world.care_coordinator.pk,
    )
    review = GuardianReview.objects.create(
        transition=transition, school=world.other_school, deadline=timezone.localdate()
    )
    ReviewParticipant.objects.create(review=review, guardian=world.guardian)
    correction = CorrectionRequest.objects.create(
        pupil=world.pupil,
        school=world.school,
        requested_by_id=world.guardian_user.pk,
        text="Het telefoonnummer klopt niet.",
    )
    class_teacher = class_group_teacher_add(
        class_group=world.class_group,
        user=make_user("engels@test.example", "Eva Engels"),
        subject="Engels",
    )
    step = TransitionStep.objects.filter(transition=transition).order_by("pk").first()
    assert step is not None
    referral = Referral.objects.create(
        pupil=world.pupil,
        school=world.school,
        level=CareLevel.PARTNERSHIP,
        reason="Aanvraag arrangement",
        created_by_id=world.care_coordinator.pk,
    )
    world.pupil.enrolments.filter(school=world.school).update(pupil_number="J1")
    Pupil.objects.filter(pk=world.pupil.pk).update(address_is_secret=True)
    world.pupil.refresh_from_db()
    care_services.referral_dossier_send(
        actor_id=world.care_coordinator.pk,
        referral=referral,
        seen_on=timezone.localdate(),
        agreed=True,
        reason_not_agreed="",
    )
    copy_request = CopyRequest.objects.create(
        pupil=world.pupil,
        school=world.school,
        requested_by_id=world.guardian_user.pk,
        due=timezone.localdate() + dt.timedelta(weeks=4),
        released_at=timezone.now(),
        released_by_id=world.care_coordinator.pk,
    )
    roster_upload = RosterUpload.objects.create(
        school=world.school,
        name="leerlingen.csv",
        data=ROSTER_CSV,
        school_year=current_school_year(),
        uploaded_by_id=world.school_admin.pk,
    )
    mapping_save(school=world.school, preset="magister", columns=ROSTER_COLUMNS)
    api_token, _raw = token_create(
        actor=Actor(user=world.school_admin),
        school=world.school,
        name="LAS",
        scopes=["transitions:read"],
    )
    within_school = pupil_services.transition_create(
        pupil=world.pupil,
        kind="within_school",
        from_school=world.school,
        to_school=world.school,
        school_year=current_school_year() + 1,
    )
    group_plan = GroupPlan.objects.create(
        class_group=world.class_group,
        period="Periode 1",
        goals="Rust",
        updated_by_id=world.mentor.pk,
    )
    identity_provider = provider_save(
        slug="bestuur",
        name="Bestuursaccount",
        # The discard port on this machine: the connection is refused at once.
        discovery_url="http://127.0.0.1:9/.well-known/openid-configuration",
        client_id="overdracht",
        client_secret="geheim",
        board=world.school.board,
    )
    further = pupil_services.transition_create(
        pupil=world.pupil,
        kind="vo_mbo",
        from_school=world.school,
        to_school=None,
        school_year=current_school_year() + 1,
    )
    guide = Actor(user=world.care_coordinator)
    choice = further_services.choice_save(
        actor=guide,
        pupil=world.pupil,
        school_year=further.school_year,
        rank=1,
        programme="Kok",
        level="mbo-2",
        institution=world.other_school,
        institution_name="",
    )
    registration = further_services.registration_record(
        actor=guide,
        transition=further,
        institution=world.other_school,
        institution_name="",
        programme="Kok",
        level="mbo-2",
        registered_on=timezone.localdate(),
    )
    TransferDossier.objects.create(
        registration=registration,
        pupil_part={"about_me": "Ik kook graag."},
        school_part={"advice": "Past goed."},
        pupil_signed_at=timezone.now(),
        guardian_signed_at=timezone.now(),
        sent_at=timezone.now(),
    )
    start_report = further_services.start_report(
        actor=Actor(user=world.other_school_user),
        registration=registration,
        kind="no_show",
        reported_on=timezone.localdate(),
        notes="",
    )
    return Scene(
        world=world,
        transition=transition,
        meeting=meeting,
        agreement=agreement,
        step=step,
        milestone_id=milestones[0].pk,
        dossier_id=outcome.dossier_id,
        batch_id=batch.pk,
        passport=passport,
        correction=correction,
        class_teacher=class_teacher,
        leaving=leaving,
        referral=referral,
        copy_request=copy_request,
        roster_upload=roster_upload,
        api_token=api_token,
        identity_provider=identity_provider,
        within_school=within_school,
        group_plan=group_plan,
        choice=choice,
        registration=registration,
        start_report=start_report,
    )
