"""The check-in moments after arrival (content defaults §6), as data a school may change:
a key, the name, how many days after the start of the school year, and whether the care
coordinator joins for a pupil who needs support."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MomentDefault:
    key: str
    name: str
    days_after_start: int
    with_care_coordinator: bool


DEFAULT_MOMENTS = (
    MomentDefault("week_1", "Startgesprek met leerling en ouders (week 1)", 7, False),
    MomentDefault(
        "weeks_2_3", "Korte check: rooster, lokalen, eerste contacten (week 2-3)", 21, False
    ),
    MomentDefault("week_6", "Evaluatie van de overgedragen aanpak (na zes weken)", 42, True),
    MomentDefault("first_report", "Voortgangsgesprek na het eerste rapport", 110, False),
    MomentDefault("mid_year", "OPP en ondersteuningsafspraken evalueren (halverwege)", 180, False),
)
# The check-in whose record completes the transition's aftercare step.
STEP_MOMENT = "week_6"
