"""The default supplement question packs the product ships (editable per school).

Written from the project's content defaults (shared/content-defaults.md, §1). Kinds:
text, choice (one), multi (several), yesno, scale (1-4), date. Packs about a diagnosis are
care data; the others support data.
"""

from __future__ import annotations

from typing import Any

SCALE = ["1 Zorg", "2 Wisselend", "3 Voldoende", "4 Sterk", "n.v.t."]


def q(text: str, kind: str = "text", choices: list[str] | None = None) -> dict[str, Any]:
    return {"text": text, "kind": kind, "choices": choices or []}


DEFAULT_PACKS: list[dict[str, Any]] = [
    {
        "code": "dyslexie",
        "title": "Dyslexie (en zwakke lezers/spellers)",
        "sensitivity": 3,
        "questions": [
            q(
                "Is er een dyslexieverklaring?",
                "choice",
                [
                    "ja",
                    "nee, wel vermoeden of onderzoek loopt",
                    "nee, zwakke lezer/speller zonder verklaring",
                ],
            ),
            q("Datum van de verklaring en naam van de instantie/onderzoeker."),
            q(
                "Heeft de leerling een dyslexiebehandeling gehad?",
                "choice",
                ["ja, afgerond", "ja, loopt nog", "nee"],
            ),
            q(
                "Waar ondervindt de leerling nu de meeste hinder?",
                "multi",
                [
                    "leestempo",
                    "leesnauwkeurigheid",
                    "begrijpend lezen",
                    "spelling",
                    "schrijven/formuleren",
                    "Engels",
                    "automatiseren",
                    "plannen en huiswerk",
                ],
            ),
            q(
                "Welke faciliteiten gebruikt de leerling op dit moment?",
                "multi",
                [
                    "extra tijd",
                    "minder opgaven",
                    "vergroot/schreefloos lettertype",
                    "voorleessoftware",
                    "spraak-naar-tekst",
                    "mondeling toetsen",
                    "spelfouten minder zwaar rekenen",
                    "luisterboeken",
                    "eigen laptop/tablet",
                ],
            ),
            q("Welke aanpak helpt bij lezen en spellen, en wat heeft juist niet gewerkt?"),
            q(
                "Hoe gaat de leerling emotioneel om met de dyslexie?",
                "choice",
                ["accepterend/open", "wisselend", "kwetsbaar of vermijdend"],
            ),
            q("Geven ouders toestemming om het onderzoeksverslag mee te sturen?", "yesno"),
        ],
    },
    {
        "code": "hoogbegaafdheid",
        "title": "Hoogbegaafdheid / kenmerken van (hoog)begaafdheid",
        "sensitivity": 2,
        "questions": [
            q(
                "Hoe is de begaafdheid in beeld gebracht?",
                "choice",
                [
                    "intelligentieonderzoek",
                    "signaleringsinstrument school",
                    "vermoeden leerkracht/ouders",
                ],
            ),
            q("Heeft de leerling een plusgroep of verrijkingsklas gevolgd? Welke doelen?"),
            q(
                "Welke aanpassingen kreeg de leerling?",
                "multi",
                [
                    "compacten",
                    "verdiepen",
                    "verbreden",
                    "versnellen",
                    "vervroegde overstap",
                    "eigen leerdoelen/projecten",
                    "geen",
                ],
            ),
            q("Heeft de leerling al leren leren (oefenen, doorzetten)?", "scale", SCALE),
            q("Zijn er signalen van onderpresteren?", "choice", ["nee", "soms", "duidelijk"]),
            q("Sociaal-emotioneel: aansluiting, perfectionisme, faalangst."),
            q(
                "Door de leerling zelf: waar word je nieuwsgierig van, en wat moet je nieuwe "
                "mentor over jou weten?"
            ),
        ],
    },
    {
        "code": "adhd",
        "title": "ADHD / ADD",
        "sensitivity": 3,
        "questions": [
            q(
                "Is er een diagnose?",
                "choice",
                ["ADHD", "ADD", "in onderzoek/vermoeden", "nee, wel kenmerken"],
            ),
            q(
                "Welke momenten zijn lastig?",
                "multi",
                [
                    "starten met een taak",
                    "volhouden",
                    "wisselingen tussen lessen",
                    "vrije momenten",
                    "instructie onthouden",
                    "agenda en huiswerk",
                    "spullen op orde",
                    "impulsief reageren",
                    "emoties reguleren",
                ],
            ),
            q(
                "Wat helpt in de les?",
                "multi",
                [
                    "vaste, prikkelarme plek",
                    "instructie in korte stappen",
                    "taak in stukjes met tussencheck",
                    "bewegen of friemelmateriaal",
                    "zichtbare tijd (timer)",
                    "vaste routines",
                    "koptelefoon",
                    "afgesproken stil signaal",
                ],
            ),
            q("Hoe spreek je deze leerling het best aan of corrigeer je hem zonder escalatie?"),
            q("Welke begeleiding of hulpverlening is betrokken?"),
            q("Mag de VO-school daarmee contact opnemen?", "yesno"),
        ],
    },
    {
        "code": "autisme",
        "title": "Autisme (ASS)",
        "sensitivity": 3,
        "questions": [
            q("Is er een diagnose?", "choice", ["ja", "in onderzoek", "nee, wel kenmerken"]),
            q(
                "Welke veranderingen zijn moeilijk?",
                "multi",
                [
                    "roosterwijziging",
                    "invaller",
                    "ander lokaal",
                    "uitval/tussenuur",
                    "excursie of kamp",
                    "nieuwe klasgenoten",
                ],
            ),
            q("Hoe kondig je een wijziging het best aan?"),
            q("Prikkelgevoeligheid en wat helpt."),
            q(
                "Samenwerken in groepjes.",
                "choice",
                ["gaat goed", "met vaste rol of maatje", "liever een individuele variant"],
            ),
            q("Aan welke signalen merk je overbelasting, en wat helpt dan?"),
            q("Is een vast aanspreekpunt op school gewenst?", "yesno"),
        ],
    },
]
