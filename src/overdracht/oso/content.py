"""The dossier's own parts as typed data, and how each becomes OSO and comes back.

The dossiers app fills `DossierContent` from what the school wrote (advice, reference levels,
the test) and from our records (school career, address); `oso.builder` writes it, and
`content_from_mapped` reads the same parts back from any OSO dossier — ours or another
package's — so export and import share one definition. Codes come from `oso.codes`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from overdracht.oso import codes
from overdracht.oso.constants import NAMESPACE

SECTIONS_FILENAME = "overdracht-onderdelen.json"
SECTIONS_FORMAT = "overdracht-onderdelen/1"
PARTS_DESCRIPTION = "Onderdelen van het dossier zoals de school ze schreef (Overdracht)"
REFERENCE_DOMAINS = (("reading", "Lezen"), ("language", "Taalverzorging"), ("maths", "Rekenen"))
REFERENCE_TEST_CODE = "REFERENTIENIVEAU"
FINAL_TEST_CODE = "DOORSTROOMTOETS"
TEST_ADVICE_PREFIX = "Toetsadvies: "


@dataclass(frozen=True)
class AddressData:
    street: str
    house_number: str
    postal_code: str
    city: str
    addition: str = ""

    @property
    def complete(self) -> bool:
        return all((self.street, self.house_number, self.postal_code, self.city))


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
    _el(block, "contactnodig", "true" if advice.contact_wanted else "false")
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
    block: etree._Element, code: str, subject: str, name: str, day: dt.date
) -> etree._Element:
    test = _el(block, "toets")
    ident = _el(test, "toetsidentificatie")
    _el(ident, "eldtoetscode", code)
    _el(ident, "leergebied", subject)
    _el(ident, "toetsnaam", name)
    _el(_el(test, "afname"), "afnamedatum", day.isoformat())
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


def sections_from_attachment(data: bytes) -> dict[str, dict[str, Any]]:
    """The parts of our JSON attachment; {} for anything else (never raises)."""
    try:
        found = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(found, dict) or found.get("format") != SECTIONS_FORMAT:
        return {}
    parts = found.get("parts")
    if not isinstance(parts, dict):
        return {}
    return {
        str(kind): {str(k): v for k, v in value.items() if isinstance(v, str | bool)}
        for kind, value in parts.items()
        if isinstance(value, dict)
    }


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


# -- reading the same parts back ------------------------------------------------------------


def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


def content_from_mapped(mapped: dict[str, Any]) -> DossierContent:
    """The parts of a received dossier (its mapped reading) as our typed content."""
    advice_map: dict[str, Any] = mapped.get("advice", {}) or {}
    advice = None
    if advice_map:
        contact = advice_map.get("contact_wanted")
        advice = AdviceData(
            advice=codes.ADVICE_OF_CODE.get(str(advice_map.get("recommendation", "")), ""),
            wish_guardians=codes.ADVICE_OF_CODE.get(str(advice_map.get("wish_guardians", "")), ""),
            wish_pupil=codes.ADVICE_OF_CODE.get(str(advice_map.get("wish_pupil", "")), ""),
            reconsidered=codes.ADVICE_OF_CODE.get(str(advice_map.get("revised", "")), ""),
            reconsidered_reason=str(advice_map.get("revision_reason", "")),
            argumentation=str(advice_map.get("argumentation", "")),
            contact_wanted=None if contact in (None, "") else contact == "true",
            contact_person=str(advice_map.get("contact_person", "")),
            contact_phone=str(advice_map.get("contact_phone", "")),
            contact_email=str(advice_map.get("contact_email", "")),
        )
    levels: dict[str, str] = {}
    levels_date = None
    test = None
    labels = {label.lower(): domain for domain, label in REFERENCE_DOMAINS}
    advice_of_label = {label: key for key, (_code, label) in codes.ADVICE.items()}
    for entry in mapped.get("tests", []):
        scores = entry.get("reference_scores", [])
        if entry.get("code") == FINAL_TEST_CODE:
            taken = _date(entry.get("date"))
            if taken:
                remark = str(entry.get("remark", ""))
                test = TestData(
                    kind="other",
                    name=str(entry.get("name", "")),
                    taken_on=taken,
                    score=next(
                        (str(s.get("value")) for s in scores if s.get("code") == "Standaardscore"),
                        "",
                    ),
                    advice=advice_of_label.get(remark.removeprefix(TEST_ADVICE_PREFIX), ""),
                )
            continue
        domain = labels.get(str(entry.get("subject", "")).lower())
        for score in scores:
            if domain and score.get("code") == "RNTRM" and score.get("value"):
                levels[domain] = str(score["value"])
                levels_date = _date(entry.get("date")) or levels_date
    final: dict[str, Any] = mapped.get("final_test", {}) or {}
    if final.get("kind") == "0011" and _date(final.get("date")):
        test = TestData(
            kind="cet",
            name=str(final.get("description", "")),
            taken_on=_date(final.get("date")),  # type: ignore[arg-type]
            score=str(final.get("standard_score", "")),
            advice=advice_of_label.get(str(final.get("advice", "")), ""),
        )
    for part in mapped.get("final_test_parts", []):
        found = {str(part.get("code")): part.get("reference_level")}
        for domain_entry in part.get("domains", []):
            found[str(domain_entry.get("code"))] = domain_entry.get("reference_level")
        for code, domain in (
            (codes.DOMAIN_READING, "reading"),
            (codes.DOMAIN_LANGUAGE, "language"),
            (codes.PART_MATHS, "maths"),
        ):
            level = codes.REFERENCE_LEVEL_OF_CODE.get(str(found.get(code) or ""))
            if level and domain not in levels:
                levels[domain] = level
    career = tuple(
        CareerYear(
            school_year=str(e.get("school_year", "")),
            group_code=str(e.get("group_code", "")),
            year_group=int(e["year_group"]) if str(e.get("year_group", "")).isdigit() else 0,
            brin=str(e.get("brin", "")),
            location=str(e.get("location", "")),
            start=_date(e.get("start_date")),
            end=_date(e.get("end_date")),
        )
        for e in mapped.get("school_career", [])
    )
    return DossierContent(
        advice=advice,
        reference_levels=levels,
        levels_date=levels_date,
        test=test,
        career=career,
    )
