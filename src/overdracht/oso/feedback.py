"""The OSO feedback message (terugkoppeling): the new school tells the old one, per school
year, the pupil's class, year and programme, and the departure if the pupil left.

Public API: `feedback_build(...) -> bytes` (validated against the schema when configured)
and `feedback_read(data, name) -> FeedbackReport` (hardened parse, schema, structure).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from overdracht.oso.constants import CATEGORY_NAMES, NAMESPACE, NS, STANDARD_VERSION
from overdracht.oso.problems import OsoFileError, Problem
from overdracht.oso.safe_xml import parse_untrusted
from overdracht.oso.schema import schema_problems


@dataclass(frozen=True)
class FeedbackYear:
    school_year: str  # "2026-2027"
    start_date: dt.date
    end_date: dt.date
    year_group: str  # OSO jaargroep: "1".."8" in PO, "11".."16" in VO
    programme_code: str
    programme: str
    class_name: str = ""


@dataclass(frozen=True)
class FeedbackReport:
    school_name: str
    school_brin: str
    school_location: str
    pupil_id_at_old_school: str
    given_names: list[str]
    surname_prefix: str
    surname: str
    gender: int
    birth_date: dt.date
    years: list[FeedbackYear] = field(default_factory=list)
    departure_date: dt.date | None = None
    departure_reason: str = ""


def _el(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{NS}{tag}")
    if text is not None:
        child.text = text
    return child


def feedback_build(report: FeedbackReport, *, today: dt.date | None = None) -> bytes:
    root = etree.Element(f"{NS}terugkoppeling", nsmap={None: NAMESPACE})
    metadata = _el(root, "metadata")
    for tag, value in [
        ("deeldossier", "TERUGKOPPELING"),
        ("pakketnaam", "Overdracht"),
        ("pakketversie", "1"),
        ("datum", (today or dt.date.today()).isoformat()),  # noqa: DTZ011
        ("standaardversie", STANDARD_VERSION),
        ("validatieversie", f"{STANDARD_VERSION}.1"),
    ]:
        _el(metadata, tag, value)
    block = _el(metadata, "categorie_uitlevering")
    for name in CATEGORY_NAMES:
        _el(
            block,
            name,
            "VERPLICHT" if name in ("cat_metadata", "cat_school", "cat_leerling") else "VERBODEN",
        )
    school = _el(_el(root, "voschool"), "school")
    _el(school, "naam", report.school_name)
    _el(school, "brincode", report.school_brin)
    _el(school, "vestigingscode", report.school_location)
    _el(school, "aanleverpunt", "OSO")
    match = _el(root, "leerlingmatching")
    _el(match, "leerlingid", report.pupil_id_at_old_school)
    for name in report.given_names:
        _el(match, "voornaam", name)
    if report.surname_prefix:
        _el(match, "tussenvoegsel", report.surname_prefix)
    _el(match, "achternaam", report.surname)
    _el(match, "geslacht", str(report.gender))
    _el(match, "geboortedatum", report.birth_date.isoformat())
    info = _el(root, "terugkoppelinformatie")
    for year in report.years:
        entry = _el(info, "tiperschooljaar")
        _el(entry, "schooljaar", year.school_year)
        _el(entry, "begindatum", year.start_date.isoformat())
        _el(entry, "einddatum", year.end_date.isoformat())
        if year.class_name:
            _el(entry, "groepsnaam", year.class_name)
        _el(entry, "jaargroep", year.year_group)
        _el(entry, "iltcode", year.programme_code)
        _el(entry, "iltomschrijving", year.programme)
    if report.departure_date:
        departure = _el(info, "vertrek")
        _el(departure, "vertrekdatum", report.departure_date.isoformat())
        if report.departure_reason:
            _el(departure, "vertrekreden", report.departure_reason)
    data = bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    problems = schema_problems(etree.ElementTree(root), name="terugkoppeling")
    if problems:
        raise OsoFileError(problems)
    return data


def _text(element: etree._Element | None, tag: str) -> str:
    found = element.find(f"{NS}{tag}") if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def feedback_read(data: bytes, *, name: str) -> FeedbackReport:
    tree = parse_untrusted(data, name=name)
    root = tree.getroot()
    if root.tag != f"{NS}terugkoppeling":
        raise OsoFileError(
            [
                Problem(
                    "Dit is geen OSO-terugkoppeling (verkeerde namespace of hoofdelement).",
                    file=name,
                    line=root.sourceline,
                )
            ]
        )
    problems = schema_problems(tree, name=name)
    if problems:
        raise OsoFileError(problems)
    school = root.find(f"{NS}voschool/{NS}school")
    match = root.find(f"{NS}leerlingmatching")
    info = root.find(f"{NS}terugkoppelinformatie")
    try:
        years = [
            FeedbackYear(
                school_year=_text(e, "schooljaar"),
                start_date=dt.date.fromisoformat(_text(e, "begindatum")),
                end_date=dt.date.fromisoformat(_text(e, "einddatum")),
                year_group=_text(e, "jaargroep"),
                programme_code=_text(e, "iltcode"),
                programme=_text(e, "iltomschrijving"),
                class_name=_text(e, "groepsnaam"),
            )
            for e in (info.findall(f"{NS}tiperschooljaar") if info is not None else [])
        ]
        departure = info.find(f"{NS}vertrek") if info is not None else None
        return FeedbackReport(
            school_name=_text(school, "naam"),
            school_brin=_text(school, "brincode"),
            school_location=_text(school, "vestigingscode"),
            pupil_id_at_old_school=_text(match, "leerlingid"),
            given_names=[
                (v.text or "").strip()
                for v in (match.findall(f"{NS}voornaam") if match is not None else [])
            ],
            surname_prefix=_text(match, "tussenvoegsel"),
            surname=_text(match, "achternaam"),
            gender=int(_text(match, "geslacht") or 0),
            birth_date=dt.date.fromisoformat(_text(match, "geboortedatum")),
            years=years,
            departure_date=(
                dt.date.fromisoformat(_text(departure, "vertrekdatum"))
                if departure is not None
                else None
            ),
            departure_reason=_text(departure, "vertrekreden"),
        )
    except ValueError as exc:
        raise OsoFileError(
            [Problem(f"Onleesbare datum of code in de terugkoppeling: {exc}.", file=name)]
        ) from exc
