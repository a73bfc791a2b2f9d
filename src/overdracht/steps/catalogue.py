"""The steps of each kind of transition and the default "who does what" (from the domain
brief), as data."""

from __future__ import annotations

STEPS: dict[str, list[tuple[str, str]]] = {
    "po_vo": [
        ("provisional_advice", "Voorlopig schooladvies gegeven"),
        ("test_result", "Uitslag doorstroomtoets verwerkt"),
        ("advice_given", "Definitief schooladvies gegeven"),
        ("registered", "Aangemeld bij de VO-school"),
        ("dossier_requested", "Dossier opgevraagd"),
        ("review_done", "Inzage door ouders"),
        ("dossier_sent", "Dossier verstuurd"),
        ("received", "Dossier ontvangen"),
        ("analysed", "Dossier geanalyseerd"),
        ("passport_shared", "Paspoort gedeeld"),
        ("warm_handover_held", "Warme overdracht gehouden"),
        ("aftercare", "Nazorg: gesprek na zes weken"),
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
STEPS["po_po"] = STEPS["vo_vo"] = STEPS["po_vo"][3:]
STEPS["within_school"] = [
    ("handover_written", "Mentoroverdracht geschreven"),
    ("handover_confirmed", "Mentoroverdracht gelezen door de nieuwe mentor"),
    ("passport_shared", "Paspoort gedeeld met de nieuwe mentor"),
    ("warm_handover_held", "Overdrachtsgesprek mentoren"),
]

# Default "who does what" (a school changes it in its register).
DEFAULT_OWNER_ROLE: dict[str, str] = {
    "provisional_advice": "teacher",
    "test_result": "teacher",
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
    "handover_written": "mentor",
    "handover_confirmed": "mentor",
}


def step_label(key: str) -> str:
    """The name of a step, whatever the kind of transition it belongs to."""
    for steps in STEPS.values():
        for step_key, label in steps:
            if step_key == key:
                return label
    return key


# Which school of a transition does a step: the sending school, the receiving school, or
# both (a warm handover is held together). Keys not named here belong to the receiving one.
SENDING_STEPS = frozenset(
    {"provisional_advice", "test_result", "advice_given", "review_done", "dossier_sent"}
)
# Steps the receiving school does after the pupil has started there: their milestones lie in
# the school year of the transition, in the receiving school's region, and count the pupils
# who arrived that year.
AFTER_ARRIVAL_STEPS = frozenset({"aftercare", "feedback_sent"})
SHARED_STEPS = frozenset({"warm_handover_held"})
