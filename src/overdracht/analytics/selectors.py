"""The evaluation of one cohort as the pages and the PDF show it: the pre-aggregated figures
summed over the chosen schools and support group, in tables whose small groups are
suppressed. Aggregates only: nothing here names a pupil."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from overdracht.analytics import further
from overdracht.analytics import measures as m
from overdracht.analytics.models import CohortFigure, CohortRefresh
from overdracht.analytics.suppression import (
    column_totals,
    shown_total,
    suppress_row,
    suppress_table,
)
from overdracht.dossiers.sections import ADVICE_LEVELS
from overdracht.feedback.models import Moment
from overdracht.schools.models import Region, School
from overdracht.steps.catalogue import step_label

SENDING, RECEIVING = "sending", "receiving"
SUPPORT, NO_SUPPORT = "support", "no_support"

POSITION_LABELS = {
    "below": gettext_lazy("Below the advice"),
    "on": gettext_lazy("On the advice"),
    "above": gettext_lazy("Above the advice"),
    m.UNKNOWN: gettext_lazy("Not known"),
}
# The advice as schools write it in short, for the chart's rows.
SHORT_ADVICE = {
    "pro": "pro",
    "vmbo-bb": "vmbo b",
    "vmbo-bb-kb": "vmbo b/k",
    "vmbo-kb": "vmbo k",
    "vmbo-kb-gt": "vmbo k/gt",
    "vmbo-gt": "vmbo gt",
    "vmbo-gt-havo": "vmbo gt/havo",
    "havo": "havo",
    "havo-vwo": "havo/vwo",
    "vwo": "vwo",
}
TIMELINESS_LABELS = {
    m.ON_TIME: gettext_lazy("On time"),
    m.LATE: gettext_lazy("Late"),
    m.DONE: gettext_lazy("Done, no date set"),
    m.OVERDUE: gettext_lazy("Overdue, not done"),
    m.NOT_DUE: gettext_lazy("Not due yet"),
}
DAY_LABELS = {
    "0-7": gettext_lazy("Within 7 days"),
    "8-14": gettext_lazy("8 to 14 days"),
    "15-28": gettext_lazy("15 to 28 days"),
    "29+": gettext_lazy("After 28 days"),
    "not_yet": gettext_lazy("Not yet"),
}


@dataclass(frozen=True)
class Filters:
    school_year: int
    region: Region | None = None
    school: School | None = None
    side: str = ""  # with a school: only its transitions as the sending or receiving school
    group: str = ""  # "", SUPPORT or NO_SUPPORT


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[int | None]
    total: int | None
    share: int | None = None  # the first cell as a percentage of the total, where shown
    short: str = ""  # a short label, for a chart


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[Row]
    totals: list[int | None] = field(default_factory=list)
    total: int | None = None
    share_label: str = ""


@dataclass(frozen=True)
class FurtherRow:
    label: str
    cells: list[tuple[str, int | None]]  # (category in words, count or None where hidden)
    total: int | None


@dataclass(frozen=True)
class FurtherTable:
    caption: str
    rows: list[FurtherRow]


@dataclass(frozen=True)
class Evaluation:
    filters: Filters
    refreshed_at: dt.datetime | None
    size: int  # 0 for a cohort without figures
    shown: bool  # False when the cohort is smaller than five: nothing is shown
    position_year_1: Table | None
    position_year_3: Table | None  # None while the cohort has not reached year 3
    steps: Table | None
    handover: Table | None
    passports: Table | None
    feedback: Table | None
    further_size: int  # the pupils who start further education in the cohort's year
    further: FurtherTable | None  # None when fewer than five


def figures_of(filters: Filters, kind: str = m.KIND) -> QuerySet[CohortFigure]:
    rows = CohortFigure.objects.filter(school_year=filters.school_year, kind=kind)
    if filters.region is not None:
        rows = rows.filter(
            Q(from_school__region=filters.region) | Q(to_school__region=filters.region)
        )
    if filters.school is not None:
        if kind != m.KIND:  # to further education: the secondary school sends, the MBO receives
            rows = rows.filter(Q(from_school=filters.school) | Q(to_school=filters.school))
        elif filters.side == SENDING:
            rows = rows.filter(from_school=filters.school)
        elif filters.side == RECEIVING:
            rows = rows.filter(to_school=filters.school)
        else:
            rows = rows.filter(Q(from_school=filters.school) | Q(to_school=filters.school))
    if filters.group and kind == m.KIND:
        rows = rows.filter(needs_support=filters.group == SUPPORT)
    return rows


def counts_of(filters: Filters, kind: str = m.KIND) -> dict[tuple[str, str], int]:
    """{(measure, category): count} summed over the filters' schools and group (one query)."""
    return {
        (measure, category): int(n)
        for measure, category, n in figures_of(filters, kind)
        .values("measure", "category")
        .annotate(n=Sum("count"))
        .values_list("measure", "category", "n")
    }


def cohorts() -> list[int]:
    """The cohorts with figures, newest first."""
    return list(
        CohortRefresh.objects.order_by("-school_year")
        .values_list("school_year", flat=True)
        .distinct()
    )


def evaluation(filters: Filters) -> Evaluation:
    refresh = CohortRefresh.objects.filter(school_year=filters.school_year, kind=m.KIND).first()
    counts = counts_of(filters)
    size = sum(n for (measure, _c), n in counts.items() if measure == m.ADVICE_POSITION_1)
    shown = size >= 5
    has_year_3 = any(measure == m.ADVICE_POSITION_3 for measure, _c in counts)
    further_counts = counts_of(filters, further.KIND)
    further_size = sum(
        n for (measure, _c), n in further_counts.items() if measure == further.REGISTERED
    )
    return Evaluation(
        filters=filters,
        refreshed_at=refresh.refreshed_at if refresh else None,
        size=size,
        shown=shown,
        position_year_1=_position(counts, m.ADVICE_POSITION_1, _("Year 1")) if shown else None,
        position_year_3=(
            _position(counts, m.ADVICE_POSITION_3, _("Year 3")) if shown and has_year_3 else None
        ),
        steps=_steps(counts) if shown else None,
        handover=_handover(counts) if shown else None,
        passports=_passports(counts) if shown else None,
        feedback=_feedback(counts) if shown else None,
        further_size=further_size,
        further=_further(further_counts) if further_size >= 5 else None,
    )


def _share(first: int | None, total: int | None) -> int | None:
    if first is None or not total:
        return None
    return round(100 * first / total)


def _position(counts: dict[tuple[str, str], int], measure: str, year: str) -> Table:
    advice_labels = dict(ADVICE_LEVELS)
    keys = [*m.ADVICES, m.UNKNOWN]
    raw = [[counts.get((measure, f"{a}|{p}"), 0) for p in m.POSITIONS] for a in keys]
    present = [i for i, row in enumerate(raw) if sum(row)]
    raw = [raw[i] for i in present]
    shown = suppress_table(raw)
    rows = [
        Row(
            label=str(advice_labels.get(keys[i], _("No advice known"))),
            cells=cells,
            total=None if all(c is None for c in cells) else sum(raw[j]),
            short=SHORT_ADVICE.get(keys[i]) or _("no advice"),
        )
        for j, (i, cells) in enumerate(zip(present, shown, strict=True))
    ]
    return Table(
        caption=_("Primary school advice against the level in %(year)s") % {"year": year.lower()},
        columns=[str(POSITION_LABELS[p]) for p in m.POSITIONS],
        rows=rows,
        totals=column_totals(raw, shown),
        total=shown_total(sum(map(sum, raw))),
    )


def _row(label: str, cells: list[int]) -> Row:
    shown = suppress_row(cells)
    total = shown_total(sum(cells))
    hidden = all(c is None for c in shown) and any(cells)
    return Row(label, shown, None if hidden else total, _share(shown[0], total))


def _steps(counts: dict[tuple[str, str], int]) -> Table:
    rows = []
    for key in m.step_keys():
        cells = [counts.get((m.STEP + key, c), 0) for c in m.TIMELINESS]
        row = _row(step_label(key), cells)
        undated = counts.get((m.STEP + key, m.NOT_DUE), 0) + counts.get((m.STEP + key, m.DONE), 0)
        due = None if row.total is None else row.total - undated
        rows.append(Row(row.label, row.cells, row.total, _share(row.cells[0], due)))
    return Table(
        caption=_("Each step against the date of the regional calendar"),
        columns=[str(TIMELINESS_LABELS[c]) for c in m.TIMELINESS],
        rows=rows,
        share_label=_("On time, of the steps with a date that has come"),
    )


def _handover(counts: dict[tuple[str, str], int]) -> Table:
    review = [counts.get((m.REVIEW, c), 0) for c in m.REVIEW_CATEGORIES]
    warm = [counts.get((m.WARM_HANDOVER, c), 0) for c in m.HELD]
    aftercare = [counts.get((m.STEP + "aftercare", c), 0) for c in m.TIMELINESS]
    rows = [
        _row(_("Dossier sent after the guardians' review"), [review[0], review[1]]),
        _row(_("Warm handover held for the pupils who need one"), warm),
        _row(
            _("Aftercare: six-week check-in done"),
            [aftercare[0] + aftercare[1] + aftercare[2], aftercare[3]],
        ),
    ]
    return Table(
        caption=_("Review, warm handover and aftercare"),
        columns=[_("Yes"), _("No")],
        rows=rows,
        share_label=_("Yes, of the pupils it applies to"),
    )


def _passports(counts: dict[tuple[str, str], int]) -> Table:
    rows = [
        _row(
            _("Passport shared, days after the dossier arrived"),
            [counts.get((m.PASSPORT_WRITTEN, c), 0) for c in m.DAYS],
        ),
        _row(
            _("Passport read by the mentor, days after it was shared"),
            [counts.get((m.PASSPORT_READ, c), 0) for c in m.DAYS],
        ),
    ]
    return Table(
        caption=_("Passports written and read"),
        columns=[str(DAY_LABELS[c]) for c in m.DAYS],
        rows=rows,
        share_label=_("Within 7 days"),
    )


def _feedback(counts: dict[tuple[str, str], int]) -> Table:
    rows = [
        _row(str(label), [counts.get((m.FEEDBACK + moment, c), 0) for c in m.GIVEN[:2]])
        for moment, label in Moment.choices
    ]
    return Table(
        caption=_("Feedback to the primary school"),
        columns=[_("Given"), _("Not given")],
        rows=rows,
        share_label=_("Given, of the moments that have come"),
    )


FURTHER_LABELS = {
    "on_time": gettext_lazy("On time"),
    "late": gettext_lazy("After the deadline"),
    "none": gettext_lazy("Not registered"),
    "attended": gettext_lazy("Attended"),
    "no_show": gettext_lazy("Did not show up"),
    "unknown": gettext_lazy("Not known"),
    "first_year": gettext_lazy("Completed the first year"),
    "started": gettext_lazy("Started well"),
    "changed": gettext_lazy("Changed programme"),
    "dropped_out": gettext_lazy("Dropped out"),
    "sent": gettext_lazy("Sent"),
    "not_sent": gettext_lazy("Not sent"),
}


def _further(counts: dict[tuple[str, str], int]) -> FurtherTable:
    """One row per measure, each with its own categories (a table of label/value pairs)."""
    rows = []
    for label, measure, categories in (
        (_("Registered before the deadline"), further.REGISTERED, further.REGISTERED_CATEGORIES),
        (_("The intake"), further.INTAKE, further.INTAKE_CATEGORIES),
        (_("The start and the first year"), further.START, further.START_CATEGORIES),
        (_("Transfer dossier sent"), further.DOSSIER, further.DOSSIER_CATEGORIES),
    ):
        row = _row(label, [counts.get((measure, c), 0) for c in categories])
        rows.append(
            FurtherRow(
                label=row.label,
                cells=[
                    (str(FURTHER_LABELS[c]), v) for c, v in zip(categories, row.cells, strict=True)
                ],
                total=row.total,
            )
        )
    return FurtherTable(caption=_("To MBO, HBO and WO"), rows=rows)


def schools_in(region: Region) -> list[School]:
    return list(School.objects.filter(region=region).order_by("name"))
