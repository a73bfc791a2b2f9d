"""Write OSO dossiers: from our records and the received dossier, in schema order.

Public API: `build_dossier(...) -> bytes` and `tree_to_element` (the verbatim tree of a
received dossier back into XML). Categories the sending school does not deliver (VERBODEN
or OPT-UIT) are left out entirely.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree

from overdracht.oso.constants import (
    CATEGORY_NAMES,
    NAMESPACE,
    NOT_DELIVERED,
    PAO_KIND,
    STANDARD_VERSION,
    category_of,
)
from overdracht.oso.content import (
    AdviceData,
    DossierContent,
    absence_element,
    address_element,
    advice_element,
    career_element,
    contacts_element,
    documents_element,
    final_test_element,
    support_element,
    tests_element,
)
from overdracht.oso.data import PupilData, SchoolData
from overdracht.oso.mapping import EMAIL, PHONE, xs_boolean

L = "huidigeschool/leerling"

# The order of <leerling>'s children in the schema; elements are written in this order.
PUPIL_ORDER = [
    "voornaam",
    "voorletters-1",
    "voorvoegsel",
    "achternaam",
    "roepnaam",
    "geboortedatum",
    "geboortemaand",
    "geslacht",
    "adresgeheim",
    "adreslijst",
    "postcode4adres",
    "communicatielijst",
    "gba",
    "adresbuitenland",
    "geboorteplaats",
    "nationaliteit",
    "onderwijsnummer",
    "bsn",
    "leerlingid",
    "onderwijssinds",
    "startdatumhuidigonderwijs",
    "datuminschrijving",
    "datumuitschrijving",
    "teruggeplaatstnaarbrin",
    "leerlinggewicht",
    "nnca",
    "tehuis",
    "huisarts",
    "verzorgersaansprakelijk",
    "aansprakelijkeinstelling",
    "overstapadvies",
    "vanpeuterspeelzaal",
    "naampeuterspeelzaal",
    "voorschools",
    "vroegschools",
    "schoolloopbaanlijst",
    "onderwijsondersteuning",
    "verzuim",
    "eindtoets_basisonderwijs",
    "toetslijst",
    "cijferlijstlijst",
    "overigdocumentlijst",
    "verzorger",
    "bevorderd",
    "examenresultaat",
    "resultaatvakkenvo",
    "certificaat",
    "competenties",
    "stage",
    "overigvombo",
]
_RANK = {tag: i for i, tag in enumerate(PUPIL_ORDER)}

# What our own records provide; the rest of <leerling> comes from the received dossier.
FROM_OUR_RECORDS = frozenset(
    {
        "voornaam",
        "voorvoegsel",
        "achternaam",
        "roepnaam",
        "geboortedatum",
        "geslacht",
        "onderwijsnummer",
        "bsn",
        "leerlingid",
        "verzorger",
        "adresgeheim",
        "adreslijst",
        "datuminschrijving",
        "datumuitschrijving",  # dates of the school that sends, never of an earlier one
        "verzorgersaansprakelijk",
        "schoolloopbaanlijst",
        "toetslijst",
        "overigdocumentlijst",
    }
)


# What the PaO rules forbid of a pupil in a dossier for the partnership: an earlier school's
# file may carry them, the partnership's file leaves them out.
PAO_FORBIDDEN = frozenset({"geboorteplaats", "nationaliteit", "geboortemaand", "postcode4adres"})


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _el(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, _q(tag))
    if text is not None:
        child.text = text
    return child


def tree_to_element(node: dict[str, Any], attachments: Sequence[bytes]) -> etree._Element:
    element = etree.Element(_q(node["t"]))
    for key, value in node.get("a", {}).items():
        element.set(key, value)
    if "ref" in node:
        element.text = base64.b64encode(attachments[node["ref"]]).decode()
    elif "v" in node:
        element.text = node["v"]
    for child in node.get("c", []):
        element.append(tree_to_element(child, attachments))
    return element


@dataclass(frozen=True)
class ReviewData:
    """The guardians' review (inzage). `None` dates mean a provisional dossier."""

    provisional: bool
    date: dt.date | None = None
    agreed: bool | None = None
    reason_not_agreed: str = ""
    consent: bool | None = None


def _delivered(delivery: dict[str, str], path: str) -> bool:
    return delivery.get(category_of(path), "OPTIONEEL") not in NOT_DELIVERED


def build_dossier(
    *,
    pupil: PupilData,
    school: SchoolData,
    crossing: str,
    transfer_kind: str,
    delivery: dict[str, str],
    review: ReviewData | None,
    received_pupil_children: Iterable[dict[str, Any]] = (),
    attachments: Sequence[bytes] = (),
    content: DossierContent | None = None,
    today: dt.date | None = None,
    package_version: str = "1",
) -> bytes:
    root = etree.Element(_q("dossier"), nsmap={None: NAMESPACE})
    metadata = _el(root, "metadata")
    for tag, value in [
        ("deeldossier", "LASLVS"),
        ("pakketnaam", "Overdracht"),
        ("pakketversie", package_version),
        ("datum", (today or dt.date.today()).isoformat()),  # noqa: DTZ011
        ("standaardversie", STANDARD_VERSION),
        ("validatieversie", f"{STANDARD_VERSION}.1"),
    ]:
        _el(metadata, tag, value)
    block = _el(metadata, "categorie_uitlevering")
    for name in CATEGORY_NAMES:
        _el(block, name, delivery.get(name, "OPTIONEEL"))
    if transfer_kind in ("overstapdossier", PAO_KIND):
        _el(metadata, "overstap", crossing)
    _el(root, "overdrachtsoort", transfer_kind)
    if review is not None and _delivered(delivery, "inzage"):
        _review(root, review)
    _current_school(root, school)
    leerling = root[-1][-1]
    content = content or DossierContent()
    received = [tree_to_element(node, attachments) for node in received_pupil_children]
    children = list(_pupil_elements(pupil, delivery, pao=transfer_kind == PAO_KIND))
    children += _content_elements(
        content, received, delivery, advice_required=transfer_kind != PAO_KIND
    )
    ours = {etree.QName(e).localname for e in children}
    for element in received:
        tag = etree.QName(element).localname
        if tag in FROM_OUR_RECORDS or tag in ours or tag not in _RANK:
            continue
        if transfer_kind == PAO_KIND and tag in PAO_FORBIDDEN:
            continue
        if _delivered(delivery, f"{L}/{tag}"):
            children.append(element)
    children.sort(key=lambda e: _RANK[etree.QName(e).localname])  # stable: keeps repeats
    for child in children:
        leerling.append(child)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _current_school(root: etree._Element, school: SchoolData) -> None:
    current = _el(root, "huidigeschool")
    _el(current, "naam", school.name)
    if school.address is not None and school.address.complete:
        current.append(address_element(school.address))
    contacts = contacts_element([(PHONE, school.phone), (EMAIL, school.email)])
    if contacts is not None:
        current.append(contacts)
    _el(current, "brincode", school.brin)
    _el(current, "vestigingscode", school.location)
    _el(current, "aanleverpunt", "OSO")
    if school.director:
        _el(current, "naamdirecteur", school.director)
    if school.website:
        _el(current, "website", school.website)
    _el(current, "leerling")


def _content_elements(
    content: DossierContent,
    received: list[etree._Element],
    delivery: dict[str, str],
    *,
    advice_required: bool,
) -> list[etree._Element]:
    """The parts the school writes, merged with what an earlier school sent."""
    content = replace(
        content,
        parts={
            kind: value
            for kind, value in content.parts.items()
            if delivery.get(content.part_categories.get(kind, "cat_bijlagedocs"), "OPTIONEEL")
            not in NOT_DELIVERED
        },
    )

    def of(tag: str) -> list[etree._Element]:
        for element in received:
            if etree.QName(element).localname == tag:
                return list(element)
        return []

    # Every overstapdossier carries the advice block (OVa.OA01), at least `contactnodig`: the
    # school's own advice, else the one an earlier school sent (kept as received), else empty.
    # A dossier for the partnership carries it only when there is one.
    empty = AdviceData() if advice_required else None
    advice = content.advice or (None if of("overstapadvies") else empty)
    made: list[tuple[str, etree._Element | None]] = [
        ("overstapadvies", advice_element(advice) if advice else None),
        ("schoolloopbaanlijst", career_element(content.career, of("schoolloopbaanlijst"))),
        ("onderwijsondersteuning", support_element(content, of("onderwijsondersteuning"))),
        ("verzuim", absence_element(content)),
        ("eindtoets_basisonderwijs", final_test_element(content)),
        ("toetslijst", tests_element(content, of("toetslijst"))),
        ("overigdocumentlijst", documents_element(content, of("overigdocumentlijst"))),
    ]
    return [e for tag, e in made if e is not None and _delivered(delivery, f"{L}/{tag}")]


def _review(root: etree._Element, review: ReviewData) -> None:
    block = _el(root, "inzage")
    _el(block, "voorlopigdossier", xs_boolean(review.provisional))
    if review.provisional:
        _el(block, "toestemming", "Onbekend")  # not asked yet; VOVO requires the field
        return
    _el(block, "inzage", "true")
    if review.date:
        _el(block, "inzagedatum", review.date.isoformat())
    if review.agreed is not None:
        _el(block, "akkoord", "Ja" if review.agreed else "Nee")
    if review.agreed is False and review.reason_not_agreed:
        _el(block, "redennietakkoord", review.reason_not_agreed)
    # Codelijst 37; required for VOVO (OVa.IZ05), written for every crossing.
    consent = {True: "Ja", False: "Nee", None: "Onbekend"}[review.consent]
    _el(block, "toestemming", consent)


def _make(tag: str, text: str) -> etree._Element:
    element = etree.Element(_q(tag))
    element.text = text
    return element


def _pupil_elements(
    pupil: PupilData, delivery: dict[str, str], *, pao: bool = False
) -> Iterable[etree._Element]:
    for name in pupil.given_names:
        yield _make("voornaam", name)
    if pupil.surname_prefix:
        yield _make("voorvoegsel", pupil.surname_prefix)
    yield _make("achternaam", pupil.surname)
    yield _make("roepnaam", pupil.call_name)
    yield _make("geboortedatum", pupil.birth_date.isoformat())
    yield _make("geslacht", str(pupil.gender))
    yield _make("adresgeheim", xs_boolean(pupil.address_is_secret))
    if pupil.address is not None and pupil.address.complete and not pupil.address_is_secret:
        yield address_element(pupil.address)
    if pao:
        pass  # the partnership gets no BSN or onderwijsnummer (a PaO rule)
    elif pupil.bsn:
        yield _make("bsn", pupil.bsn)
    else:
        yield _make("onderwijsnummer", pupil.onderwijsnummer)
    if pupil.pupil_number:
        yield _make("leerlingid", pupil.pupil_number)
    if pupil.enrolled_on:
        yield _make("datuminschrijving", pupil.enrolled_on.isoformat())
    if not _delivered(delivery, f"{L}/verzorger"):
        return
    # The guardians are liable (a pupil in an institution's care is not in the product).
    yield _make("verzorgersaansprakelijk", "true")
    for guardian in pupil.guardians:
        element = etree.Element(_q("verzorger"))
        if guardian.call_name:
            _el(element, "roepnaam", guardian.call_name)
        if guardian.initials:
            _el(element, "voorletters-1", guardian.initials)
        if guardian.surname_prefix:
            _el(element, "voorvoegsel", guardian.surname_prefix)
        _el(element, "achternaam", guardian.surname)
        if guardian.address_is_secret:
            _el(element, "adresgeheim", "true")
        contacts = [(EMAIL, guardian.email), (PHONE, guardian.phone)]
        if any(value for _, value in contacts):
            block = _el(element, "communicatielijst")
            for kind, value in contacts:
                if value:
                    contact = _el(block, "communicatie")
                    _el(contact, "soort", kind)
                    _el(contact, "nummer", value)
        if guardian.relationship:
            _el(element, "relatietotkind", guardian.relationship)
        _el(element, "wettigevertegenwoordiger", xs_boolean(guardian.has_authority))
        _order_guardian(element)
        yield element


_GUARDIAN_ORDER = {
    t: i
    for i, t in enumerate(
        [
            "voornaam",
            "voorletters-1",
            "voorvoegsel",
            "achternaam",
            "roepnaam",
            "geslacht",
            "adresgeheim",
            "adreslijst",
            "communicatielijst",
            "relatietotkind",
            "overleden",
            "overlijdensdatum",
            "wettigevertegenwoordiger",
            "banknummer",
            "iban",
        ]
    )
}


def _order_guardian(element: etree._Element) -> None:
    children = sorted(element, key=lambda e: _GUARDIAN_ORDER[etree.QName(e).localname])
    for child in children:
        element.append(child)
