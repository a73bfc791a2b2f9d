"""The exam-year pupils on their way to further education, in December: class 4K of Waalstad
College heading for MBO, class 5H of Erasmus Lyceum for HBO and WO. Each keeps a career
dossier (answers, activities with reflections, some with a career conversation); most have
chosen (with plan B), and the registrations stand in every status — at ROC Waalstad, which
has intakes to plan and a transfer dossier to read, and at institutions outside the
installation, recorded by the decaan. The services do the work, as people would have."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.careers.models import Activity, Conversation, Reflection
from overdracht.further_education import services
from overdracht.further_education.models import IntakeOutcome, Status, TransferDossier
from overdracht.pupils.models import Pupil, Transition
from overdracht.schools.models import School

ANSWERS = {
    "who": "Ik ben behulpzaam en rustig; ik werk graag met mijn handen.",
    "can": "Goed plannen als het moet, en uitleggen aan anderen.",
    "want": "Iets in de zorg of de techniek, met veel afwisseling.",
    "help": "Mijn oom werkt in een ziekenhuis; de decaan helpt met open dagen.",
}
MBO = [
    ("Verzorgende IG", "mbo-3"),
    ("Monteur elektrotechnische installaties", "mbo-2"),
    ("Pedagogisch medewerker", "mbo-3"),
    ("Allround medewerker ICT", "mbo-4"),
    ("Kok", "mbo-2"),
]
HO = [
    ("Verpleegkunde", "hbo", "Hogeschool Arnhem en Nijmegen"),
    ("Bedrijfskunde", "hbo", "Hogeschool Arnhem en Nijmegen"),
    ("Psychologie", "wo", "Radboud Universiteit"),
]
# What the registered 4K pupils have got to, in order (every other pupil has registered).
MBO_STAGES = [
    "registered",  # intake still to plan
    "intake_planned",
    "offered",  # intake attended, place offered, dossier sent and not yet read
    "enrolled",
    "not_admitted",
    "withdrawn",
    "no_show",
    "offered_read",
]


def further_education_in_progress(year: int) -> None:
    college = School.objects.get(name="Waalstad College")
    lyceum = School.objects.get(name="Erasmus Lyceum Waalstad")
    roc = School.objects.get(name="ROC Waalstad")
    decaan = Actor(user=User.objects.get(email="decaan@waalstad-college.example"))
    intake = Actor(user=User.objects.get(email="intake@roc-waalstad.example"))
    mentor = User.objects.get(email="mentor4k@waalstad-college.example")
    stages = iter(MBO_STAGES)
    for school, class_name in ((college, "4K"), (lyceum, "5H")):
        pupils = list(
            Pupil.objects.filter(
                enrolments__school=school,
                enrolments__school_year=year,
                enrolments__class_group__name=class_name,
            ).order_by("sort_key")
        )
        for index, pupil in enumerate(pupils):
            _career(pupil, year, index, decaan.user if school == lyceum else mentor)
            if index % 7 == 6 and pupil.user_id is None:
                continue  # has not chosen yet
            transition = Transition.objects.get(pupil=pupil, kind__in=["vo_mbo", "vo_ho"])
            if school == college:
                programme, level = MBO[index % len(MBO)]
                services.choice_save(
                    actor=decaan, pupil=pupil, school_year=year + 1, rank=1, programme=programme,
                    level=level, institution=roc, institution_name="",
                )  # fmt: skip
                other, other_level = MBO[(index + 2) % len(MBO)]
                services.choice_save(
                    actor=decaan, pupil=pupil, school_year=year + 1, rank=2, programme=other,
                    level=other_level, institution=roc, institution_name="",
                )  # fmt: skip
                # the pupil with an account registers herself later (the demo's journey)
                stage = next(stages, None) if pupil.user_id is None and index % 2 else None
                if stage is not None:
                    _mbo(transition, programme, level, roc, stage, decaan, intake)
            else:
                programme, level, name = HO[index % len(HO)]
                services.choice_save(
                    actor=decaan, pupil=pupil, school_year=year + 1, rank=1, programme=programme,
                    level=level, institution=None, institution_name=name,
                )  # fmt: skip
                if index % 3 == 0:
                    registration = services.registration_record(
                        actor=decaan, transition=transition, institution=None,
                        institution_name=name, programme=programme, level=level,
                        registered_on=dt.date(year, 11, 20),
                    )  # fmt: skip
                    registration.study_check_done = index % 2 == 0
                    registration.save(update_fields=["study_check_done"])


def _career(pupil: Pupil, year: int, index: int, guide: User) -> None:
    for key, text in list(ANSWERS.items())[: 2 + index % 3]:
        Reflection.objects.create(
            pupil=pupil, question=key, school_year=year, answer={"text": text}
        )
    Reflection.objects.create(
        pupil=pupil, question="who", school_year=year - 1, answer={"text": "Ik weet het nog niet."}
    )
    Activity.objects.create(
        pupil=pupil,
        kind="open_day",
        title="Open dag ROC Waalstad",
        done_on=dt.date(year, 11, 8),
        year_group=4,
        competences=["work", "career"],
        reflection={"text": "Veel praktijklokalen; de opleiding zorg sprak me aan."},
        created_by_id=guide.pk,
    )
    if index % 2 == 0:
        Activity.objects.create(
            pupil=pupil,
            kind="internship",
            title="Snuffelstage bij een verzorgingshuis",
            done_on=dt.date(year, 3, 14),
            year_group=3,
            competences=["qualities", "motives"],
            reflection={"text": "Ik kon goed met de bewoners praten; vroeg opstaan viel tegen."},
            created_by_id=guide.pk,
        )
    if index % 3 == 0:
        Conversation.objects.create(
            pupil=pupil,
            held_on=dt.date(year, 10, 2),
            with_user_id=guide.pk,
            guardians_joined=index % 2 == 0,
            content={
                "notes": "Keuze tussen zorg en techniek besproken.",
                "agreements": "Meeloopdag plannen voor de kerstvakantie.",
            },
        )


def _mbo(
    transition: Transition,
    programme: str,
    level: str,
    roc: School,
    stage: str,
    decaan: Actor,
    intake: Actor,
) -> None:
    year = transition.school_year - 1
    registration = services.registration_record(
        actor=decaan, transition=transition, institution=roc, institution_name="",
        programme=programme, level=level, registered_on=dt.date(year, 11, 15),
    )  # fmt: skip
    if stage == "registered":
        return
    status = {
        "offered": Status.OFFERED,
        "offered_read": Status.OFFERED,
        "enrolled": Status.ENROLLED,
        "not_admitted": Status.NOT_ADMITTED,
        "withdrawn": Status.WITHDRAWN,
    }.get(stage, Status.REGISTERED)
    intake_on = dt.date(year, 12, 20) if stage == "intake_planned" else dt.date(year, 11, 28)
    services.registration_update(
        actor=intake,
        registration=registration,
        status=status,
        status_on=dt.date(year, 12, 1),
        intake_on=intake_on,
        intake_outcome=""
        if stage == "intake_planned"
        else IntakeOutcome.NO_SHOW
        if stage == "no_show"
        else IntakeOutcome.ATTENDED,
        guidance="Start met een wekelijks gesprek met de loopbaanbegeleider."
        if stage in ("offered", "offered_read", "enrolled")
        else "",
    )
    if stage in ("offered", "offered_read", "enrolled"):
        pupil_actor = decaan  # the pupil's own words, as she typed them in the portal
        services.pupil_part_save(
            actor=pupil_actor,
            registration=registration,
            part={
                "about_me": "Ik help graag mensen en werk netjes.",
                "school_career": "Basisschool De Regenboog, vmbo-kb op Waalstad College.",
                "internships": "Snuffelstage in een verzorgingshuis (leerjaar 3).",
                "support_needed": "Uitleg in stappen; een vaste contactpersoon.",
            },
            include_career_dossier=True,
        )
        if services.needs_guardian(transition.pupil):  # a parent signed at the parents' evening
            TransferDossier.objects.filter(registration=registration).update(
                guardian_signed_at=timezone.now()
            )
        registration.refresh_from_db()
        services.sign_off(actor=pupil_actor, registration=registration, as_guardian=False)
        services.school_part_save(
            actor=decaan,
            registration=registration,
            part={
                "advice": "Past goed bij deze opleiding; let op plannen in het eerste jaar.",
                "support_that_worked": "Weekplanning met de mentor; extra tijd bij toetsen.",
            },
        )
        services.dossier_send(actor=decaan, registration=registration)
        if stage != "offered":
            services.dossier_opened(registration)
