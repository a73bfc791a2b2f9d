"""Reading a received dossier back into our typed content (`oso.content`): the mapped
reading of the file (`oso.mapping`) becomes `DossierContent`, and our own JSON attachment
becomes the sections it carries.

Public API: `content_from_mapped(mapped)`, `sections_from_attachment(data)`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from overdracht.oso import codes
from overdracht.oso.content import (
    FINAL_TEST_CODE,
    REFERENCE_DOMAINS,
    REFERENCE_TEST_CODE,
    SECTIONS_FORMAT,
    TEST_ADVICE_PREFIX,
    AbsenceData,
    AdviceData,
    CareerYear,
    DossierContent,
    ResultData,
    TestData,
)
from overdracht.oso.mapping import TRUE


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


def _result(entry: dict[str, Any], scores: list[dict[str, Any]]) -> ResultData | None:
    """A test of a received dossier as an LVS result; None without a date or a name."""
    taken = _date(entry.get("date"))
    name = str(entry.get("name") or entry.get("code") or "")
    if taken is None or not name:
        return None
    level = next(
        (str(s.get("value")) for s in scores if s.get("code") in ("IV", "AE") and s.get("value")),
        "",
    )
    group = str(entry.get("year_group", ""))
    return ResultData(
        subject=str(entry.get("subject", ""))[:80],
        name=name[:200],
        taken_on=taken,
        code=str(entry.get("code", ""))[:40],
        year_group=int(group) if group.isdigit() else None,
        ability_score=str(entry.get("ability_score", ""))[:12],
        rating=level[:3],
    )


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
            contact_wanted=None if contact in (None, "") else contact == TRUE,
            contact_person=str(advice_map.get("contact_person", "")),
            contact_phone=str(advice_map.get("contact_phone", "")),
            contact_email=str(advice_map.get("contact_email", "")),
        )
    levels: dict[str, str] = {}
    levels_date = None
    test = None
    labels = {label.lower(): domain for domain, label in REFERENCE_DOMAINS}
    advice_of_label = {label: key for key, (_code, label) in codes.ADVICE.items()}
    results: list[ResultData] = []
    for entry in mapped.get("tests", []):
        scores = entry.get("reference_scores", [])
        if entry.get("code") not in (FINAL_TEST_CODE, REFERENCE_TEST_CODE):
            result = _result(entry, scores)
            if result is not None:
                results.append(result)
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
        results=tuple(results),
        absence=_absence(mapped.get("absence")),
    )


def _absence(found: Any) -> AbsenceData | None:
    if not isinstance(found, dict) or not found:
        return None

    def count(key: str) -> int | None:
        text = str(found.get(key, ""))
        return int(text) if text.isdigit() else None

    contact = found.get("attendance_officer_contact")
    absence = AbsenceData(
        half_days_authorised=count("half_days_authorised"),
        half_days_unauthorised=count("half_days_unauthorised"),
        attendance_officer=None if contact in (None, "") else contact == TRUE,
    )
    return absence if absence != AbsenceData() else None
