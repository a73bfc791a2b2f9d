"""The agenda of the mentor handover (content defaults §3c), as data: a key, the heading
(the same as the internal warm handover's agenda) and what to write."""

from __future__ import annotations

from dataclasses import dataclass

from overdracht.meetings.agendas import INTERNAL


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    prompt: str


_PROMPTS = [
    ("typing", "Beschrijf de leerling in drie zinnen, te beginnen met wat goed gaat."),
    (
        "results",
        "Hoe is het jaar afgesloten; zijn er voorwaarden of afspraken uit de overgangsvergadering?",
    ),
    (
        "what_worked",
        "Welke aanpak, faciliteiten en hulpmiddelen zijn actueel, en wat bleek niet effectief?",
    ),
    ("class", "Vriendschappen, incidenten, wensen of bezwaren bij de nieuwe klasindeling."),
    ("parents", "Welke afspraken gelden (frequentie, kanaal), en waar is het contact gevoelig?"),
    ("guides", "Zorgcoördinator, orthopedagoog, coach, extern: wie doet wat en loopt het door?"),
    (
        "open_points",
        "Lopende acties, evaluatiedata, LOB/profielkeuze, achterstanden die nog ingehaald "
        "moeten worden.",
    ),
    (
        "first_actions",
        "Startgesprek plannen, paspoort bijwerken en vakdocenten informeren vóór de eerste "
        "lesweek.",
    ),
]
ITEMS = [Item(key, title, prompt) for (key, prompt), title in zip(_PROMPTS, INTERNAL, strict=True)]
KEYS = [item.key for item in ITEMS]
