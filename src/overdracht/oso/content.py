"""The dossier's own parts as typed data, and how each becomes OSO and comes back.

The dossiers app fills `DossierContent` from what the school wrote (advice, reference levels,
the test) and from our records (school career, address); `oso.builder` writes it, and
`content_from_mapped` reads the same parts back from any OSO dossier — ours or another
package's — so export and import share one definition. Codes come from `oso.codes`.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from overdracht.oso import codes
from overdracht.oso.constants import NAMESPACE
from overdracht.oso.data import AddressData
from overdracht.oso.mapping import xs_boolean

SECTIONS_FILENAME = "overdracht-onderdelen.json"
SECTIONS_FORMAT = "overdracht-onderdelen/1"
PARTS_DESCRIPTION = "Onderdelen van het dossier zoals de school ze schreef (Overdracht)"
REFERENCE_DOMAINS = (("reading", "Lezen"), ("language", "Taalverzorging"), ("maths", "Rekenen"))
REFERENCE_TEST_CODE = "REFERENTIENIVEAU"
FINAL_TEST_CODE = "DOORSTROOMTOETS"
TEST_ADVICE_PREFIX = "Toetsadvies: "


@dataclass(frozen=True)
class CareerYear:
    """One school year of the pupil's school career (schoolloopbaan)."""

    school_year: str  # "2025-2026"
    group_code: str
    year_group: int
    brin: str
    location: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class CareerEvent:
    """A year repeated or skipped, read from the school career."""

    kind: str  # "repeated" | "skipped"
    year_group: int
    school_year: str

    @property
    def shown_group(self) -> int:
        """The year group as people say it: secondary years are coded 11-16 in OSO."""
        return self.year_group - 10 if self.year_group > 10 else self.year_group


def career_events(career: Iterable[CareerYear]) -> list[CareerEvent]:
    """Repeated years (the same year group in two school years) and skipped ones (a year
    group left out), in order; the step from primary to secondary school is neither."""
    years = sorted(
        (y for y in career if y.year_group and y.school_year), key=lambda y: y.school_year
    )
    events = []
    for before, after in itertools.pairwise(years):
        if after.year_group == before.year_group and after.school_year != before.school_year:
            events.append(CareerEvent("repeated", after.year_group, after.school_year))
        elif after.year_group > before.year_group + 1 and not (
            before.year_group <= 8 < after.year_group  # primary to secondary (coded 11-16)
        ):
            events += [
                CareerEvent("skipped", group, after.school_year)
                for group in range(before.year_group + 1, after.year_group)
            ]
    return events


@dataclass(frozen=True)
class AdviceData:
    """The school's advice for secondary school, as our keys (`oso.codes.ADVICE`)."""

    advice: str = ""
    wish_guardians: str = ""
    wish_pupil: str = ""
    reconsidered: str = ""
    reconsidered_reason: str = ""
    argumentation: str = ""
    contact_wanted: bool | None = None
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""


@dataclass(frozen=True)
class TestData:
    """The final test of primary school (doorstroomtoets)."""

    kind: str  # "cet" (written as the official final-test block) or "other"
    name: str
    taken_on: dt.date
    score: str = ""
    advice: str = ""  # our advice key


@dataclass(frozen=True)
class ResultData:
    """One test of the pupil tracking system (LVS): an OSO `toets` with its ability score
    and its level (I-V or A-E) against the national group."""

    subject: str
    name: str
    taken_on: dt.date
    code: str = ""
    year_group: int | None = None
    ability_score: str = ""
    rating: str = ""  # the level of the result: I-V or A-E

    @property
    def rating_code(self) -> str:
        """The OSO reference score code of the level: IV for I-V, AE for A-E."""
        return "AE" if self.rating in LEVELS_AE else "IV" if self.rating in LEVELS_IV else ""


@dataclass(frozen=True)
class AbsenceData:
    """Absence in the last school year (OSO `verzuim`), in half days."""

    half_days_authorised: int | None = None
    half_days_unauthorised: int | None = None
    attendance_officer: bool | None = None  # contact with the leerplicht officer


LEVELS_IV = ("I", "II", "III", "IV", "V")
LEVELS_AE = ("A", "B", "C", "D", "E")
LVS_TEST_CODE = "LVS"  # the test code when the LVS export names none


@dataclass(frozen=True)
class DossierContent:
    advice: AdviceData | None = None
    reference_levels: dict[str, str] = field(default_factory=dict)  # reading/language/maths
    levels_date: dt.date | None = None
    test: TestData | None = None
    career: tuple[CareerYear, ...] = ()
    # The parts without an OSO element of their own (work attitude, support needs, ...):
    # our part kind → its content, carried as one JSON attachment.
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The OSO category each part belongs to ("cat_overstapadvies", ...): a part travels in
    # the attachment only when its category is delivered too. Unnamed: attachments only.
    part_categories: dict[str, str] = field(default_factory=dict)
    # The tests of the school's pupil tracking system (LVS); received ones travel as received.
    results: tuple[ResultData, ...] = ()
    absence: AbsenceData | None = None
    # The pupil's educational needs in words, for the partnership (PaO profiles): written as
    # the document of `onderwijsondersteuning/toelichting_onderwijsbehoeften`.
    support_explanation: str = ""


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _el(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, _q(tag))
    if text is not None:
        child.text = text
    return child


def address_element(address: AddressData, kind: str = "bezoek") -> etree._Element:
    block = etree.Element(_q("adreslijst"))
    item = _el(block, "adres")
    _el(item, "soortadres", kind)
    _el(item, "straat", address.street)
    _el(item, "nummer", address.house_number)
    if address.addition:
        _el(item, "toevoeging", address.addition)
    _el(item, "postcode", address.postal_code.replace(" ", "").upper())
    _el(item, "plaats", address.city)
    return block


def contacts_element(contacts: Iterable[tuple[str, str]]) -> etree._Element | None:
    """`contacts`: (kind, value) with kind "telefoon" or "e-mail"; None when all are empty."""
    filled = [(kind, value) for kind, value in contacts if value]
    if not filled:
        return None
    block = etree.Element(_q("communicatielijst"))
    for kind, value in filled:
        item = _el(block, "communicatie")
        _el(item, "soort", kind)
        _el(item, "nummer", value)
    return block


def advice_element(advice: AdviceData) -> etree._Element:
    block = etree.Element(_q("overstapadvies"))
    for tag, key in (
        ("advies", advice.advice),
        ("wensouders", advice.wish_guardians),
        ("wensleerling", advice.wish_pupil),
        ("herzienadvies", advice.reconsidered),
    ):
        if key in codes.ADVICE:
            _el(block, tag, codes.ADVICE[key][0])
    if advice.reconsidered and advice.reconsidered_reason:
        _el(block, "motivatie_herzienadvies", advice.reconsidered_reason)
    if advice.argumentation:
        _el(block, "argumentatie", advice.argumentation)
    _el(block, "contactnodig", xs_boolean(advice.contact_wanted))
    for tag, value in (
        ("contactpersoon", advice.contact_person),
        ("contacttelefoon", advice.contact_phone),
        ("contactemail", advice.contact_email),
    ):
        if value:
            _el(block, tag, value)
    return block


def career_element(career: Iterable[CareerYear], received: Iterable[etree._Element]) -> Any:
    """The school career: what an earlier school sent, then the years in our records."""
    block = etree.Element(_q("schoolloopbaanlijst"))
    seen: set[tuple[str, str]] = set()
    for year in career:
        seen.add((year.school_year, year.brin))
    for element in received:
        year_text = element.findtext(_q("schooljaar")) or ""
        brin = element.findtext(_q("brincode")) or ""
        if (year_text, brin) not in seen:
            block.append(element)
    for year in career:
        entry = _el(block, "schoolloopbaan")
        _el(entry, "schooljaar", year.school_year)
        _el(entry, "groepscode", year.group_code)
        _el(entry, "jaargroep", str(year.year_group))
        if year.start:
            _el(entry, "begindatum", year.start.isoformat())
        if year.end:
            _el(entry, "einddatum", year.end.isoformat())
        _el(entry, "brincode", year.brin)
        _el(entry, "vestigingscode", year.location)
    return block if len(block) else None


def tests_element(content: DossierContent, received: Iterable[etree._Element]) -> Any:
    """Tests: what arrived before, the reference levels (one entry per domain, reference
    score RNTRM) and a final test of another provider than the central one."""
    block = etree.Element(_q("toetslijst"))
    for element in received:
        code = element.findtext(f"{_q('toetsidentificatie')}/{_q('eldtoetscode')}") or ""
        if code not in (REFERENCE_TEST_CODE, FINAL_TEST_CODE):
            block.append(element)
    day = content.levels_date or (content.test.taken_on if content.test else None)
    for domain, label in REFERENCE_DOMAINS:
        level = content.reference_levels.get(domain, "")
        if not level or day is None:
            continue
        test = _test(block, REFERENCE_TEST_CODE, label, "Referentieniveau", day)
        score = _el(_el(test, "resultaat"), "referentiescore")
        _el(score, "codereferentiescore", "RNTRM")
        _el(score, "codevergelijkingsgroep", "Landelijk")
        _el(score, "waarde", level)
    for found in content.results:
        test = _test(
            block,
            found.code or LVS_TEST_CODE,
            found.subject,
            found.name,
            found.taken_on,
            year_group=found.year_group,
        )
        result = _el(test, "resultaat")
        if found.ability_score:
            _el(_el(result, "toetsscore"), "vaardigheidsscore", found.ability_score)
        if found.rating_code:
            score = _el(result, "referentiescore")
            _el(score, "codereferentiescore", found.rating_code)
            _el(score, "codevergelijkingsgroep", "Landelijk")
            _el(score, "waarde", found.rating)
    if content.test is not None and content.test.kind != "cet":
        test = _test(
            block, FINAL_TEST_CODE, "Doorstroomtoets", content.test.name, content.test.taken_on
        )
        result = _el(test, "resultaat")
        if content.test.score:
            score = _el(result, "referentiescore")
            _el(score, "codereferentiescore", "Standaardscore")
            _el(score, "waarde", content.test.score)
        if content.test.advice in codes.ADVICE:
            _el(test, "opmerking", TEST_ADVICE_PREFIX + codes.ADVICE[content.test.advice][1])
    return block if len(block) else None


def _test(
    block: etree._Element,
    code: str,
    subject: str,
    name: str,
    day: dt.date,
    *,
    year_group: int | None = None,
) -> etree._Element:
    test = _el(block, "toets")
    ident = _el(test, "toetsidentificatie")
    _el(ident, "eldtoetscode", code)
    _el(ident, "leergebied", subject)
    _el(ident, "toetsnaam", name)
    taken = _el(test, "afname")
    _el(taken, "afnamedatum", day.isoformat())
    if year_group:
        _el(taken, "jaargroep", str(year_group))
    return test


def documents_element(content: DossierContent, received: Iterable[etree._Element]) -> Any:
    """Other documents: what arrived before, and the parts the school wrote."""
    block = etree.Element(_q("overigdocumentlijst"))
    for element in received:
        if element.findtext(_q("bestandsnaam")) != SECTIONS_FILENAME:
            block.append(element)
    if content.parts:
        data = json.dumps(
            {"format": SECTIONS_FORMAT, "parts": content.parts}, ensure_ascii=False, sort_keys=True
        ).encode()
        document = _el(block, "document")
        _el(document, "bestandsnaam", SECTIONS_FILENAME)
        _el(document, "omschrijving", PARTS_DESCRIPTION)
        _el(document, "bestandsinhoud", base64.b64encode(data).decode())
    return block if len(block) else None


def absence_element(content: DossierContent) -> Any:
    """The absence block; None when the school wrote no absence (an earlier one travels)."""
    absence = content.absence
    if absence is None:
        return None
    block = etree.Element(_q("verzuim"))
    if absence.half_days_authorised is not None:
        _el(block, "dagdelengeoorloofd", str(absence.half_days_authorised))
    if absence.half_days_unauthorised is not None:
        _el(block, "dagdelenongeoorloofd", str(absence.half_days_unauthorised))
    if absence.attendance_officer is not None:
        _el(block, "contactleerplicht", xs_boolean(absence.attendance_officer))
    return block if len(block) else None


SUPPORT_FILENAME = "toelichting-onderwijsbehoeften.txt"


def support_element(content: DossierContent, received: Iterable[etree._Element]) -> Any:
    """The support block with the school's explanation of the pupil's needs first, then
    what an earlier school sent (diagnoses, OPP, TLV) as it arrived."""
    if not content.support_explanation:
        return None
    block = etree.Element(_q("onderwijsondersteuning"))
    explanation = _el(block, "toelichting_onderwijsbehoeften")
    document = _el(explanation, "document")
    _el(document, "bestandsnaam", SUPPORT_FILENAME)
    _el(document, "omschrijving", "Toelichting onderwijsbehoeften")
    data = content.support_explanation.encode("utf-8")
    _el(document, "bestandsinhoud", base64.b64encode(data).decode())
    for element in received:
        if etree.QName(element).localname != "toelichting_onderwijsbehoeften":
            block.append(element)
    return block


def final_test_element(content: DossierContent) -> etree._Element | None:
    """The official block for the central final test, with the reference levels per part."""
    test = content.test
    if test is None or test.kind != "cet":
        return None
    block = etree.Element(_q("eindtoets_basisonderwijs"))
    result = _el(block, "eindtoetsresultaat")
    _el(result, "toetssoort", "0011")
    _el(result, "toetsniveau", codes.FINAL_TEST_LEVEL)
    _el(result, "toetsomschrijving", test.name)
    _el(result, "datum_afname", test.taken_on.isoformat())
    if test.score:
        _el(result, "standaardscore", test.score)
    if test.advice in codes.ADVICE:
        _el(result, "toets_advies", codes.ADVICE[test.advice][1])
    parts = _el(result, "onderdelen")
    levels = content.reference_levels
    language = _el(parts, "onderdeel")
    _el(language, "onderdeelcode", codes.PART_LANGUAGE)
    _el(language, "onderdeelomschrijving", "Nederlandse taal")
    domains = [
        (code, label, codes.reference_level_code(domain, levels.get(domain, "")))
        for code, label, domain in (
            (codes.DOMAIN_READING, "Lezen", "reading"),
            (codes.DOMAIN_LANGUAGE, "Taalverzorging", "language"),
        )
    ]
    if any(level for *_rest, level in domains):
        block_domains = _el(language, "domeinen")
        for code, label, level in domains:
            if level:
                item = _el(block_domains, "domein")
                _el(item, "domeincode", code)
                _el(item, "domeinomschrijving", label)
                _el(item, "dom_referentieniveau", level)
    maths = _el(parts, "onderdeel")
    _el(maths, "onderdeelcode", codes.PART_MATHS)
    _el(maths, "onderdeelomschrijving", "Rekenen")
    maths_level = codes.reference_level_code("maths", levels.get("maths", ""))
    if maths_level:
        _el(maths, "ond_referentieniveau", maths_level)
    _el(block, "deelgenomen", "true")
    return block
