"""The career dossier's questions and prompts (content defaults §5), as data."""

from __future__ import annotations

from overdracht.careers.models import Competence

# The four questions the pupil answers each year, with the competences they reflect on.
QUESTIONS: list[tuple[str, str, list[str]]] = [
    ("who", "Wie ben ik?", [Competence.QUALITIES, Competence.MOTIVES]),
    ("can", "Wat kan ik?", [Competence.QUALITIES]),
    ("want", "Wat wil ik?", [Competence.MOTIVES, Competence.WORK, Competence.CAREER]),
    ("help", "Wie kan mij helpen?", [Competence.NETWORK]),
]
QUESTION_KEYS = [key for key, _, _ in QUESTIONS]

# Prompts per competence, in the pupil's own terms.
PROMPTS: dict[str, list[str]] = {
    Competence.QUALITIES: [
        "Bij welke opdracht van de afgelopen weken ging het je goed af? Wat deed je toen precies?",
        "Wat zeggen anderen (vrienden, stagebegeleider, familie) dat je goed kunt? Herken je dat?",
        "Welke vaardigheid wil je dit jaar verbeteren, en hoe merk je dat het beter gaat?",
    ],
    Competence.MOTIVES: [
        "Wanneer vergat je laatst de tijd omdat je zo bezig was? Wat maakte dat zo leuk?",
        "Wat vind je belangrijker in later werk: samenwerken of zelfstandig werken, "
        "afwisseling of vastigheid, buiten of binnen? Waarom?",
        "Welke activiteit wil je absoluut niet in je werk, en wat zegt dat over jou?",
    ],
    Competence.WORK: [
        "Wat heb je tijdens de meeloopdag of stage gezien dat je niet had verwacht?",
        "Welke vragen wil je stellen aan iemand die dit beroep al doet?",
        "Welke opleidingen leiden naar dit werk, en wat wordt er in het eerste jaar van je "
        "gevraagd?",
    ],
    Competence.CAREER: [
        "Welke keuze ligt dit jaar voor je, en welke twee opties houd je over?",
        "Wat is je volgende concrete stap, en wanneer zet je die?",
        "Wat doe je als je eerste keuze niet lukt? Wat is je plan B?",
    ],
    Competence.NETWORK: [
        "Wie in je omgeving kan je meer vertellen over een beroep dat je interessant vindt?",
        "Hoe ga je dat contact leggen en wat wil je van die persoon weten?",
        "Wie heb je deze periode geholpen met iets, en wie kun jij om hulp vragen?",
    ],
}


def prompts_for(question: str) -> list[str]:
    competences = next((c for key, _, c in QUESTIONS if key == question), [])
    return [prompt for competence in competences for prompt in PROMPTS[competence]]
