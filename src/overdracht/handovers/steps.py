"""The steps of each kind of transition, the default "who does what", and the regional
calendar's default milestones (from the domain brief), as data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

STEPS: dict[str, list[tuple[str, str]]] = {
    "po_vo": [
        ("advice_given", "Schooladvies gegeven"),
        ("registered", "Aangemeld bij de VO-school"),
        ("dossier_requested", "Dossier opgevraagd"),
        ("review_done", "Inzage door ouders"),
        ("dossier_sent", "Dossier verstuurd"),
        ("received", "Dossier ontvangen"),
        ("analysed", "Dossier geanalyseerd"),
        ("passport_shared", "Paspoort gedeeld"),
        ("warm_handover_held", "Warme overdracht gehouden"),
        ("aftercare", "Nazorg: eerste check-in"),
        ("feedback_sent", "Terugkoppeling verstuurd"),
    ],
    "vo_mbo": [
        ("registered", "Aangemeld bij het mbo"),
        ("review_done", "Inzage door leerling/ouders"),
        ("dossier_sent", "Dossier verstuurd"),
        ("warm_handover_held", "Warme overdracht gehouden"),
        ("aftercare", "Nazorg: eerste check-in"),
    ],
}
STEPS["vo_ho"] = [("registered", "Aangemeld bij het hoger onderwijs"), *STEPS["vo_mbo"][1:]]
STEPS["po_po"] = STEPS["vo_vo"] = STEPS["po_vo"][1:]
STEPS["within_school"] = [
    ("passport_shared", "Paspoort gedeeld met de nieuwe mentor"),
    ("warm_handover_held", "Overdrachtsgesprek mentoren"),
]

# Default "who does what" (a school changes it in its register).
DEFAULT_OWNER_ROLE: dict[str, str] = {
    "advice_given": "teacher",
    "registered": "school_admin",
    "dossier_requested": "school_admin",
    "review_done": "care_coordinator",
    "dossier_sent": "care_coordinator",
    "received": "care_coordinator",
    "analysed": "care_coordinator",
    "passport_shared": "care_coordinator",
    "warm_handover_held": "care_coordinator",
    "aftercare": "mentor",
    "feedback_sent": "mentor",
}


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
        "advice_given",
        ("po_vo",),
        ("Advies besproken met ouders", "Ouders hebben een kopie van het dossier"),
    ),
    MilestoneDefault(
        "test_results",
        "Uitslag doorstroomtoets",
        3,
        15,
        "teacher",
        "advice_given",
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
        "feedback",
        "Terugkoppeling aan de basisschool",
        6,
        30,
        "mentor",
        "feedback_sent",
        ("po_vo",),
        ("Per oud-leerling: op, boven of onder advies",),
    ),
)


def step_label(key: str) -> str:
    """The name of a step, whatever the kind of transition it belongs to."""
    for steps in STEPS.values():
        for step_key, label in steps:
            if step_key == key:
                return label
    return key


# Which school of a transition does a step: the sending school, the receiving school, or
# both (a warm handover is held together). Keys not named here belong to the receiving one.
SENDING_STEPS = frozenset({"advice_given", "review_done", "dossier_sent"})
SHARED_STEPS = frozenset({"warm_handover_held"})
