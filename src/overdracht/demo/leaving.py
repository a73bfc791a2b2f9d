"""One dossier, both sides, in the demo: the brugklassers' dossiers arrived from their
primary schools last spring (advice, reference levels, work attitude), and groep 8 of OBS
De Regenboog is at every stage — Emre not registered yet, then registered and asked for,
being written, under review, sent, and sent and analysed; their LVS results are read in
from a CSV, and one of them is referred to the partnership with his dossier.

Dossiers are written with the product's own services and sent with its own export, so the
demo's files pass the schema and the official rules like a real one."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from overdracht.accounts.models import User
from overdracht.care.models import CareLevel, Referral, Urgency
from overdracht.care.services import referral_dossier_send
from overdracht.consent import events as consent_events
from overdracht.consent.models import GuardianReview, ReviewParticipant, ReviewWay
from overdracht.dossiers import events as dossier_events
from overdracht.dossiers.lvs import lvs_import
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.dossiers.sending import dossier_send
from overdracht.dossiers.services import section_save
from overdracht.oso.builder import ReviewData, build_dossier
from overdracht.oso.content import AdviceData, DossierContent, TestData
from overdracht.oso.export import DEFAULT_DELIVERY, pupil_data, school_data
from overdracht.oso.services import dossier_import
from overdracht.pupils.models import Pupil, Transition
from overdracht.pupils.registration import registration_record
from overdracht.schools.models import School

LEVELS = ("vmbo-kb", "vmbo-gt", "havo", "havo-vwo", "vwo")
REFERENCE = {"vmbo-kb": "1F", "vmbo-gt": "1F", "havo": "1S/2F", "havo-vwo": "1S/2F", "vwo": "1S/2F"}
WORK_ATTITUDE = (
    ("3", "3", "Werkt het liefst met een duidelijke planning.", "Vraagt hulp als het vastloopt."),
    ("4", "3", "Leert door te doen; legt het graag uit aan een ander.", ""),
    ("2", "2", "Heeft structuur nodig bij grote opdrachten.", "Planner helpt goed."),
)


def _advice_level(pupil: Pupil, rng: random.Random) -> str:
    level = pupil.enrolments.exclude(level="").values_list("level", flat=True).first()
    return level if level in LEVELS else rng.choice(LEVELS)


def brugklas_dossiers_arrived(year: int, classes: list[tuple[School, str]]) -> None:
    """Each brugklasser's dossier as their primary school sent it last April."""
    rng = random.Random(2027)
    for school, class_name in classes:
        transitions = (
            Transition.objects.filter(
                to_school=school,
                school_year=year,
                pupil__enrolments__class_group__name=class_name,
                pupil__enrolments__school=school,
            )
            .select_related("pupil", "from_school")
            .distinct()
        )
        for transition in transitions:
            sender = transition.from_school
            if sender is None:
                continue
            pupil = transition.pupil
            advice = _advice_level(pupil, rng)
            level = REFERENCE[advice]
            content = DossierContent(
                advice=AdviceData(
                    advice=advice,
                    wish_guardians=advice,
                    argumentation="Past bij de werkhouding en de resultaten van groep 6 tot 8.",
                    contact_wanted=rng.random() < 0.2,
                    contact_person=sender.contact_name,
                    contact_phone=sender.phone,
                    contact_email=sender.email,
                ),
                reference_levels={
                    "reading": level,
                    "language": rng.choice(["1F", level]),
                    "maths": rng.choice(["1F", level]),
                },
                levels_date=dt.date(year, 2, 1),
                test=TestData(
                    kind="cet",
                    name="Doorstroomtoets",
                    taken_on=dt.date(year, 2, 4),
                    advice=advice,
                ),
                parts={"work_attitude": _work_attitude(rng)},
            )
            data = build_dossier(
                pupil=pupil_data(pupil, sender),
                school=school_data(sender),
                crossing="POVO",
                transfer_kind="overstapdossier",
                delivery=DEFAULT_DELIVERY["POVO"],
                review=ReviewData(provisional=False, date=dt.date(year, 3, 20), agreed=True),
                content=content,
                today=dt.date(year, 4, 2),
            )
            dossier_import(data=data, name=f"OSO_{sender.brin}_{school.brin}.xml", school=school)


def _work_attitude(rng: random.Random) -> dict[str, Any]:
    task, concentration, style, notes = rng.choice(WORK_ATTITUDE)
    return {
        "task_approach": task,
        "concentration": concentration,
        "learning_style": style,
        "notes": notes,
    }


def groep8_at_every_stage(year: int, groep8: list[Pupil], primary: School) -> None:
    """Emre (the first) stays unregistered: the journey starts with his registration."""
    college = School.objects.get(name="Waalstad College")
    lyceum = School.objects.get(name="Erasmus Lyceum Waalstad")
    teacher = User.objects.get(email="groep8@regenboog.example")
    ib = User.objects.get(email="ib@regenboog.example")
    rng = random.Random(8)
    today = timezone.localdate()
    stages = ["registered", "written", "review", "sent", "analysed", "registered", "written"]
    for pupil, stage in zip(groep8[1:], stages, strict=False):
        transition = Transition.objects.get(pupil=pupil, from_school=primary, kind="po_vo")
        receiving = lyceum if stage == "registered" and pupil is groep8[6] else college
        registration_record(
            transition=transition,
            school=receiving,
            day=today - dt.timedelta(days=20),
            actor_id=None,
        )
        if stage == "registered":
            continue
        _write(pupil, primary, teacher, ib, rng)
        _lvs_results(pupil, primary, ib, year, rng)
        if stage == "written":
            continue
        review = _review(transition, primary, teacher, complete=stage != "review")
        if stage == "review":
            continue
        consent_events.review_completed.send(sender=GuardianReview, review=review)
        transition.refresh_from_db()
        dossier_send(transition=transition, school=primary, actor_id=ib.pk)
        if stage == "analysed":
            analysis = IntakeAnalysis.objects.create(
                pupil=pupil,
                school=college,
                needs_support=False,
                notes="Advies en referentieniveaus sluiten aan.",
                analysed_by_id=User.objects.get(email="zorg@waalstad-college.example").pk,
            )
            dossier_events.intake_analysed.send(sender=IntakeAnalysis, analysis=analysis)
    referral_to_partnership(groep8[7], primary, ib)


def _lvs_results(pupil: Pupil, school: School, ib: User, year: int, rng: random.Random) -> None:
    """Mid-year results of groep 7 and 8, read in from a CSV as the school's LVS exports it."""
    rows = ["BSN;Onderwijsnummer;Toets;Leergebied;Afnamedatum;Vaardigheidsscore;Niveau"]
    for group, taken in ((7, dt.date(year, 1, 25)), (8, dt.date(year + 1, 1, 22))):
        if taken > timezone.localdate():
            continue
        for subject, base in (
            ("Begrijpend lezen", 50),
            ("Rekenen-wiskunde", 95),
            ("Spelling", 140),
        ):
            score = base + rng.randint(0, 25) + (group - 7) * 8
            rating = rng.choice(("I", "II", "II", "III", "IV"))
            rows.append(
                f"{pupil.bsn};{pupil.onderwijsnummer};{subject} M{group};{subject};"
                f"{taken:%d-%m-%Y};{score};{rating}"
            )
    if len(rows) > 1:
        lvs_import(("\r\n".join(rows) + "\r\n").encode("cp1252"), school, ib.pk)


def referral_to_partnership(pupil: Pupil, school: School, ib: User) -> None:
    """One pupil of groep 8 is referred to the partnership, his dossier sent with it."""
    pupil.refresh_from_db()  # the address was added after the list was made
    section_save(
        author_id=ib.pk,
        pupil=pupil,
        kind="absence",
        content={"half_days_authorised": "9", "half_days_unauthorised": "4", "notes": ""},
        based_on_version=0,
        school_id=school.pk,
    )
    referral = Referral.objects.create(
        pupil=pupil,
        school=school,
        level=CareLevel.PARTNERSHIP,
        reason="Aanvraag arrangement voor de overstap: begeleiding in de eerste maanden.",
        urgency=Urgency.NORMAL,
        created_by_id=ib.pk,
    )
    referral_dossier_send(
        actor_id=ib.pk,
        referral=referral,
        seen_on=timezone.localdate() - dt.timedelta(days=3),
        agreed=True,
        reason_not_agreed="",
    )


def _write(pupil: Pupil, school: School, teacher: User, ib: User, rng: random.Random) -> None:
    advice = rng.choice(LEVELS)
    level = REFERENCE[advice]
    parts: list[tuple[User, str, dict[str, Any]]] = [
        (
            teacher,
            "advice",
            {
                "provisional_advice": advice,
                "provisional_date": dt.date(timezone.localdate().year, 1, 20).isoformat(),
                "final_advice": advice,
                "final_date": timezone.localdate().isoformat(),
                "wish_guardians": advice,
                "argumentation": "Werkt zelfstandig; past bij de resultaten van groep 6 tot 8.",
                "contact_wanted": False,
            },
        ),
        (teacher, "language_maths", {"reading": level, "language": level, "maths": "1F"}),
        (teacher, "work_attitude", _work_attitude(rng)),
        (ib, "support_needs", {"what_works": "Korte instructie, daarna zelf aan de slag."}),
    ]
    for author, kind, content in parts:
        section_save(
            author_id=author.pk,
            pupil=pupil,
            kind=kind,
            content=content,
            based_on_version=0,
            school_id=school.pk,
        )


def _review(
    transition: Transition, school: School, opener: User, *, complete: bool
) -> GuardianReview:
    now = timezone.now()
    review = GuardianReview.objects.create(
        transition=transition,
        school=school,
        opened_by_id=opener.pk,
        deadline=timezone.localdate() + dt.timedelta(days=school.region.review_days),
    )
    for relation in transition.pupil.guardian_relations.filter(has_authority=True):
        ReviewParticipant.objects.create(
            review=review,
            guardian_id=relation.guardian_id,
            seen_at=now if complete else None,
            way=ReviewWay.PORTAL if complete else "",
        )
    return review
