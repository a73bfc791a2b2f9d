"""Default agendas for the warm handover per kind of transition (editable later per region).

Written from the project's content defaults (shared/content-defaults.md, §3)."""

from __future__ import annotations

PO_VO = [
    "Opening en toestemming",
    "Wie is deze leerling? Drie sterke kanten en waar de leerling enthousiast van wordt",
    "Advies in context",
    "Werkhouding en taakaanpak",
    "Sociaal-emotioneel en klasindeling",
    "Wat werkt, wat werkt niet",
    "Supplementen en lopende ondersteuning",
    "Verwachtingen en zorgen van ouders en leerling",
    "Start in het VO: aanspreekpunt, startgesprek, faciliteiten",
    "Terugkoppeling en nazorg afspreken",
]
VO_VERVOLG = [
    "Toestemming en eigenaarschap",
    "Studiekeuze en motivatie",
    "Paspoort en loopbaandossier",
    "Resultaten en diploma",
    "Ondersteuning die werkte en welke hulp van buiten doorloopt",
    "Verzuim en welbevinden",
    "Praktijk en stage",
    "Zelfredzaamheid",
    "Concrete afspraken bij de intake en vangnet",
]
INTERNAL = [
    "Typering: drie zinnen, te beginnen met wat goed gaat",
    "Resultaten en bevordering",
    "Wat werkte in de begeleiding",
    "Klas en sociale positie",
    "Contact met ouders",
    "Betrokken begeleiders",
    "Openstaande punten",
    "Eerste acties nieuwe mentor",
]
BY_KIND = {
    "po_vo": PO_VO,
    "po_po": PO_VO,
    "vo_vo": PO_VO,
    "within_school": INTERNAL,
    "vo_mbo": VO_VERVOLG,
    "vo_ho": VO_VERVOLG,
}


def agenda_for(kind: str) -> list[str]:
    return list(BY_KIND.get(kind, PO_VO))
