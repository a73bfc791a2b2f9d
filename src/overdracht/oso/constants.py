"""Names and codes of the OSO standard, version 2019.1."""

from __future__ import annotations

from functools import cache

NAMESPACE = "http://www.edustandaard.nl/oso_gegevensset/2019/dossier"
NS = "{" + NAMESPACE + "}"
STANDARD_VERSION = "2019.1"
SCHEMA_FILE = "OSO_gegevensset_2019.1.xsd"

TRANSFER_KINDS = ("overstapdossier", "overdrachtbinnenbrin", "swv-dossier")
CROSSINGS = ("POPO", "POVO", "VOVO")
# The PaO profiles: a PO or VO school's dossier to its partnership (samenwerkingsverband),
# e.g. with a request for a toelaatbaarheidsverklaring; `overdrachtsoort` is "swv-dossier".
PAO_CROSSINGS = ("POSWV", "VOSWV")
PAO_KIND = "swv-dossier"
DELIVERY_VALUES = ("VERPLICHT", "OPTIONEEL", "VERBODEN", "OPT-UIT")
NOT_DELIVERED = frozenset({"VERBODEN", "OPT-UIT"})

# The categories in schema order, with the Dutch heading the review screen shows.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("cat_metadata", "Metagegevens"),
    ("cat_ouderinzage", "Inzage ouders"),
    ("cat_school", "School"),
    ("cat_leerling", "Leerling"),
    ("cat_oudersverzorgers", "Ouders en verzorgers"),
    ("cat_vve", "Voor- en vroegschoolse educatie"),
    ("cat_schoolloopbaan", "Schoolloopbaan"),
    ("cat_overstapadvies", "Overstapadvies"),
    ("cat_onderwijsondersteuning", "Onderwijsondersteuning"),
    ("cat_verzuim", "Verzuim"),
    ("cat_eindtoetsbo", "Eindtoets basisonderwijs"),
    ("cat_toetsresultaten", "Toetsresultaten"),
    ("cat_handelingsplannen", "Handelingsplannen"),
    ("cat_cijferlijsten", "Cijferlijsten"),
    ("cat_vombo", "Gegevens vo en mbo"),
    ("cat_bijlagedocs", "Bijlagen"),
)
CATEGORY_NAMES = tuple(name for name, _ in CATEGORIES)

# Which part of the dossier belongs to which category: the longest matching prefix wins.
# Paths are element names from <dossier> down, without namespace or position.
CATEGORY_OF_PREFIX: dict[str, str] = {
    "metadata": "cat_metadata",
    "overdrachtsoort": "cat_metadata",
    "inzage": "cat_ouderinzage",
    "huidigeschool": "cat_school",
    "huidigeschool/leerling": "cat_leerling",
    "huidigeschool/leerling/verzorger": "cat_oudersverzorgers",
    "huidigeschool/leerling/verzorgersaansprakelijk": "cat_oudersverzorgers",
    "huidigeschool/leerling/aansprakelijkeinstelling": "cat_oudersverzorgers",
    "huidigeschool/leerling/vanpeuterspeelzaal": "cat_vve",
    "huidigeschool/leerling/naampeuterspeelzaal": "cat_vve",
    "huidigeschool/leerling/voorschools": "cat_vve",
    "huidigeschool/leerling/vroegschools": "cat_vve",
    "huidigeschool/leerling/schoolloopbaanlijst": "cat_schoolloopbaan",
    "huidigeschool/leerling/overstapadvies": "cat_overstapadvies",
    "huidigeschool/leerling/onderwijsondersteuning": "cat_onderwijsondersteuning",
    "huidigeschool/leerling/onderwijsondersteuning/handelingsplan": "cat_handelingsplannen",
    "huidigeschool/leerling/verzuim": "cat_verzuim",
    "huidigeschool/leerling/eindtoets_basisonderwijs": "cat_eindtoetsbo",
    "huidigeschool/leerling/toetslijst": "cat_toetsresultaten",
    "huidigeschool/leerling/cijferlijstlijst": "cat_cijferlijsten",
    "huidigeschool/leerling/overigdocumentlijst": "cat_bijlagedocs",
    "huidigeschool/leerling/bevorderd": "cat_vombo",
    "huidigeschool/leerling/examenresultaat": "cat_vombo",
    "huidigeschool/leerling/resultaatvakkenvo": "cat_vombo",
    "huidigeschool/leerling/certificaat": "cat_vombo",
    "huidigeschool/leerling/competenties": "cat_vombo",
    "huidigeschool/leerling/stage": "cat_vombo",
    "huidigeschool/leerling/overigvombo": "cat_vombo",
}


@cache
def category_of(path: str) -> str:
    best = ""
    for prefix in CATEGORY_OF_PREFIX:
        if (path == prefix or path.startswith(prefix + "/")) and len(prefix) > len(best):
            best = prefix
    return CATEGORY_OF_PREFIX.get(best, "cat_metadata")
