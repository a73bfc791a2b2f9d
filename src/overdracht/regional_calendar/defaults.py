"""The regional calendar's default milestones (from the domain brief), as data: a region
starts from these and moves their dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class MilestoneDefault:
    key: str
    title: str
    month: int
    day: int
    role: str
    step_key: str
    kinds: tuple[str, ...]
    checklist: tuple[str, ...]

    def date_in(self, school_year: int) -> dt.date:
        year = school_year if self.month >= 8 else school_year + 1
        return dt.date(year, self.month, self.day)


MILESTONES: tuple[MilestoneDefault, ...] = (
    MilestoneDefault(
        "provisional_advice",
        "Voorlopig schooladvies",
        1,
        31,
        "teacher",
        "provisional_advice",
        ("po_vo",),
        ("Advies besproken met ouders", "Ouders hebben een kopie van het dossier"),
    ),
    MilestoneDefault(
        "test_results",
        "Uitslag doorstroomtoets",
        3,
        15,
        "teacher",
        "test_result",
        ("po_vo",),
        ("Uitslag naar ouders", "Advies heroverwogen waar nodig"),
    ),
    MilestoneDefault(
        "final_advice",
        "Definitief schooladvies",
        3,
        24,
        "teacher",
        "advice_given",
        ("po_vo",),
        ("Advies nooit verlaagd", "Onderbouwing vastgelegd"),
    ),
    MilestoneDefault(
        "registration_week",
        "Aanmeldweek VO",
        3,
        31,
        "school_admin",
        "registered",
        ("po_vo",),
        ("Aanmeldingen verwerkt", "Dossiers opgevraagd"),
    ),
    MilestoneDefault(
        "review_done",
        "Inzage door ouders afgerond",
        5,
        15,
        "care_coordinator",
        "review_done",
        ("po_vo",),
        ("Ouders hebben het dossier ingezien", "Zienswijzen toegevoegd waar gegeven"),
    ),
    MilestoneDefault(
        "dossier_sent",
        "Dossiers verstuurd",
        6,
        1,
        "care_coordinator",
        "dossier_sent",
        ("po_vo",),
        ("Elk dossier verstuurd of als bestand klaargezet", "Ontvangst bevestigd"),
    ),
    MilestoneDefault(
        "warm_handovers",
        "Warme overdrachten gehouden",
        6,
        30,
        "care_coordinator",
        "warm_handover_held",
        ("po_vo",),
        ("Gesprekken gehouden voor de leerlingen die het nodig hebben", "Afspraken vastgelegd"),
    ),
    MilestoneDefault(
        "mbo_registration",
        "Aanmelding mbo (1 april)",
        4,
        1,
        "career_counsellor",
        "registered",
        ("vo_mbo",),
        ("Iedere leerling aangemeld", "Studiekeuzeadvies gevraagd"),
    ),
    MilestoneDefault(
        "ho_registration",
        "Aanmelding hoger onderwijs (1 mei)",
        5,
        1,
        "career_counsellor",
        "registered",
        ("vo_ho",),
        ("Aangemeld via Studielink", "Fixusdata (15 januari) gecontroleerd"),
    ),
    MilestoneDefault(
        "aftercare",
        "Nazorg: gesprek na zes weken",
        10,
        15,
        "mentor",
        "aftercare",
        ("po_vo", "po_po", "vo_vo"),
        ("Startgesprekken in week 1 gehouden", "Paspoort of OPP bijgesteld waar nodig"),
    ),
    MilestoneDefault(
        "feedback",
        "Terugkoppeling aan de basisschool",
        6,
        30,
        "mentor",
        "feedback_sent",
        ("po_vo",),
        ("Per oud-leerling: op, boven of onder advies",),
    ),
    MilestoneDefault(
        "mentor_handover_written",
        "Mentoroverdracht geschreven",
        7,
        3,
        "mentor",
        "handover_written",
        ("within_school",),
        (
            "Overgangsbesluiten vastgelegd en leerlingen doorgezet",
            "Overdracht geschreven voor elke leerling die van mentor wisselt",
            "Nieuwe mentor uitgenodigd voor de laatste groepsbespreking",
        ),
    ),
    MilestoneDefault(
        "mentor_handover_read",
        "Mentoroverdracht gelezen door de nieuwe mentor",
        7,
        15,
        "mentor",
        "handover_confirmed",
        ("within_school",),
        ("Gesprek gepland waar nodig", "Startgesprekken ingepland voor de eerste schoolweek"),
    ),
)
