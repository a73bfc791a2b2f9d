"""The demo's end of the school year, ready to try without waiting for June: class 1A of
Waalstad College has no promotion decisions yet, and one of its pupils (the demo family's
older child) needs support — a passport, a development plan with its evaluation in June —
so her mentor has something to hand over once the rollover gives her a new mentor."""

from __future__ import annotations

import datetime as dt

from overdracht.accounts.models import User
from overdracht.care.models import DevelopmentPlan
from overdracht.passports import events as passport_events
from overdracht.passports.models import Arrangement, PassportVersion
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


def end_of_year_ready(year: int, pupil: Pupil) -> None:
    college = School.objects.get(name="Waalstad College")
    mentor = User.objects.get(email="mentor@waalstad-college.example")
    zorg = User.objects.get(email="zorg@waalstad-college.example")
    passport = PassportVersion.objects.create(
        pupil=pupil,
        version=1,
        tips=[
            "Zet de huiswerkopdracht altijd in Magister én op het bord.",
            "Geef bij een toets vooraf aan hoeveel opgaven er zijn.",
            "Spreek haar na de les even aan als ze stil was.",
        ],
        strengths="Creatief en sociaal; helpt klasgenoten graag.",
        what_works="Een planning per week; een rustige plek bij toetsen.",
        what_does_not_work="Veel opdrachten tegelijk geven.",
        arrangements=[Arrangement.EXTRA_TIME, Arrangement.QUIET_SPOT],
        contact="Mentor Lotte Vermeer",
        valid_until=dt.date(year + 1, 7, 31),
        written_by_id=zorg.pk,
    )
    passport_events.passport_shared.send(sender=PassportVersion, passport=passport)
    DevelopmentPlan.objects.create(
        pupil=pupil,
        school=college,
        support_started=dt.date(year, 9, 15),
        due=dt.date(year, 10, 27),
        completed_at=dt.date(year, 10, 20),
        next_evaluation=dt.date(year + 1, 6, 20),
        pupil_view="Ik wil leren plannen zonder dat mijn moeder helpt.",
        created_by_id=zorg.pk,
        mentor_id=mentor.pk,
    )
