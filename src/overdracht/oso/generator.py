"""Build realistic OSO dossiers of our own: for tests, the benchmark and demo files.

`dossier_xml(...)` returns a schema-valid OSO 2019.1 overstapdossier (POVO by default) for
one pupil, with guardians, advice, the guardians' review, school career, support, tests and
attachments of a chosen size. Deterministic for a given seed.
"""

from __future__ import annotations

import base64
import datetime as dt
import random

from lxml import etree

from overdracht.oso.constants import CATEGORY_NAMES, NAMESPACE, STANDARD_VERSION

E = NAMESPACE


def _el(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{E}}}{tag}")
    if text is not None:
        child.text = text
    return child


def _document(
    parent: etree._Element, filename: str, description: str, size: int, rng: random.Random
) -> None:
    document = _el(parent, "document")
    _el(document, "bestandsnaam", filename)
    _el(document, "omschrijving", description)
    body = b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(max(size - 9, 0)))
    _el(document, "bestandsinhoud", base64.b64encode(body).decode())


def dossier_xml(
    *,
    bsn: str,
    surname: str = "Jansen",
    surname_prefix: str = "",
    call_name: str = "Sam",
    birth_date: dt.date = dt.date(2014, 5, 1),
    crossing: str = "POVO",
    sending_brin: str = "12AB",
    review_agreed: bool = True,
    attachment_bytes: int = 20_000,
    attachments: int = 2,
    tests: int = 6,
    seed: int = 1,
    delivery: dict[str, str] | None = None,
) -> bytes:
    rng = random.Random(seed)
    root = etree.Element(f"{{{E}}}dossier", nsmap={None: E})
    metadata = _el(root, "metadata")
    for tag, value in [
        ("deeldossier", "LASLVS"),
        ("pakketnaam", "Overdracht"),
        ("pakketversie", "1"),
        ("datum", "2027-04-15"),
        ("standaardversie", STANDARD_VERSION),
        ("validatieversie", f"{STANDARD_VERSION}.1"),
    ]:
        _el(metadata, tag, value)
    categories = dict.fromkeys(CATEGORY_NAMES, "OPTIONEEL")
    categories.update(
        dict.fromkeys(
            (
                "cat_metadata",
                "cat_ouderinzage",
                "cat_school",
                "cat_leerling",
                "cat_oudersverzorgers",
                "cat_schoolloopbaan",
                "cat_overstapadvies",
            ),
            "VERPLICHT",
        )
    )
    categories.update({"cat_vve": "VERBODEN", "cat_vombo": "VERBODEN"})
    categories.update(delivery or {})
    block = _el(metadata, "categorie_uitlevering")
    for name in CATEGORY_NAMES:
        _el(block, name, categories[name])
    _el(metadata, "overstap", crossing)
    _el(root, "overdrachtsoort", "overstapdossier")
    if categories["cat_ouderinzage"] not in ("VERBODEN", "OPT-UIT"):
        review = _el(root, "inzage")
        _el(review, "voorlopigdossier", "false")
        _el(review, "inzage", "true")
        _el(review, "inzagedatum", "2027-04-01")
        _el(review, "akkoord", "Ja" if review_agreed else "Nee")
        if not review_agreed:
            _el(review, "redennietakkoord", "Wij herkennen het beeld van de werkhouding niet.")
        _el(review, "toestemming", "Onbekend")
    school = _el(root, "huidigeschool")
    _el(school, "naam", "Basisschool De Linde")
    school_address = _el(_el(school, "adreslijst"), "adres")
    for tag, value in (
        ("soortadres", "bezoek"),
        ("straat", "Lindeplein"),
        ("nummer", "1"),
        ("postcode", "6511AA"),
        ("plaats", "Waalstad"),
    ):
        _el(school_address, tag, value)
    school_contact = _el(_el(school, "communicatielijst"), "communicatie")
    _el(school_contact, "soort", "telefoon")
    _el(school_contact, "nummer", "024-1234567")
    _el(school, "brincode", sending_brin)
    _el(school, "vestigingscode", "00")
    _el(school, "aanleverpunt", "OSO")
    pupil = _el(school, "leerling")
    _el(pupil, "voornaam", call_name)
    if surname_prefix:
        _el(pupil, "voorvoegsel", surname_prefix)
    _el(pupil, "achternaam", surname)
    _el(pupil, "roepnaam", call_name)
    _el(pupil, "geboortedatum", birth_date.isoformat())
    _el(pupil, "geslacht", str(rng.choice([1, 2])))
    _el(pupil, "adresgeheim", "false")
    address = _el(_el(pupil, "adreslijst"), "adres")
    for tag, value in (
        ("soortadres", "bezoek"),
        ("straat", "Lindelaan"),
        ("nummer", str(1 + seed % 200)),
        ("postcode", "6511AB"),
        ("plaats", "Waalstad"),
    ):
        _el(address, tag, value)
    _el(pupil, "bsn", bsn)
    _el(pupil, "leerlingid", f"LL{seed:06d}")
    _el(pupil, "datuminschrijving", "2019-08-20")
    _el(pupil, "verzorgersaansprakelijk", "true")
    if categories["cat_overstapadvies"] not in ("VERBODEN", "OPT-UIT"):
        advice = _el(pupil, "overstapadvies")
        _el(advice, "advies", rng.choice(["50", "51", "60"]))
        _el(advice, "wensouders", "60")
        _el(advice, "argumentatie", "Werkt zelfstandig en nauwkeurig; plannen gaat met hulp.")
        _el(advice, "contactnodig", "true")
    if categories["cat_schoolloopbaan"] not in ("VERBODEN", "OPT-UIT"):
        career = _el(pupil, "schoolloopbaanlijst")
        for year_group in range(1, 9):
            entry = _el(career, "schoolloopbaan")
            _el(entry, "schooljaar", f"{2018 + year_group}-{2019 + year_group}")
            _el(entry, "groepscode", f"G{year_group}")
            _el(entry, "jaargroep", str(year_group))
            _el(entry, "brincode", sending_brin)
            _el(entry, "vestigingscode", "00")
    if categories["cat_onderwijsondersteuning"] not in ("VERBODEN", "OPT-UIT"):
        support = _el(pupil, "onderwijsondersteuning")
        diagnosis = _el(support, "diagnose")
        _el(diagnosis, "code", "F81.0")
        _el(diagnosis, "naam", "Dyslexie")
        _el(support, "medicijngebruik", "false")
    if categories["cat_toetsresultaten"] not in ("VERBODEN", "OPT-UIT") and tests:
        test_list = _el(pupil, "toetslijst")
        for n in range(tests):
            test = _el(test_list, "toets")
            ident = _el(test, "toetsidentificatie")
            _el(ident, "eldtoetscode", f"T{n:03d}")
            subject, name = [
                ("Rekenen", "Rekenen-Wiskunde"),
                ("Lezen", "Begrijpend lezen"),
                ("Taalverzorging", "Spelling"),
            ][n % 3]
            _el(ident, "leergebied", subject)
            _el(ident, "toetsnaam", name)
            taken = _el(test, "afname")
            _el(taken, "afnamedatum", f"2027-0{1 + n % 6}-15")
            result = _el(test, "resultaat")
            score = _el(result, "toetsscore")
            _el(score, "vaardigheidsscore", str(rng.randint(150, 260)))
            reference = _el(result, "referentiescore")
            _el(reference, "codereferentiescore", "RNTRM")
            _el(reference, "codevergelijkingsgroep", "Landelijk")
            _el(reference, "waarde", rng.choice(["1F", "2F", "1S"]))
    if categories["cat_bijlagedocs"] not in ("VERBODEN", "OPT-UIT") and attachments:
        documents = _el(pupil, "overigdocumentlijst")
        for n in range(attachments):
            _document(documents, f"verslag-{n}.pdf", "Verslag", attachment_bytes, rng)
    if categories["cat_oudersverzorgers"] not in ("VERBODEN", "OPT-UIT"):
        for index, (relation, name) in enumerate([("2", "A."), ("1", "B.")]):
            guardian = _el(pupil, "verzorger")
            _el(guardian, "voorletters-1", name)
            _el(guardian, "achternaam", surname)
            contacts = _el(guardian, "communicatielijst")
            contact = _el(contacts, "communicatie")
            _el(contact, "soort", "e-mail")
            _el(contact, "nummer", f"ouder{index}.{seed}@mail.example")
            _el(guardian, "relatietotkind", relation)
            _el(guardian, "wettigevertegenwoordiger", "true")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
