"""The advice-against-level chart, drawn by the server as SVG: per advice one bar of 100 %,
in parts below, on and above the advice and not known. A part that suppression hides is drawn
as one grey part "not shown". No JavaScript; the same numbers stand in the table beside it,
which is what a screen reader reads (the SVG is labelled as an image with a summary)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from overdracht.analytics.selectors import Evaluation, Table

LABEL_WIDTH = 120
BAR_WIDTH = 420
ROW_HEIGHT = 28
BAR_HEIGHT = 18
TOP = 8
# One colour per part, each at least 3:1 against white and of its own lightness, so the
# chart reads for the colour-blind and in grey print too (the SVG carries its own fills:
# WeasyPrint draws it without the page's style sheet).
PART_COLOURS = ["#b35c00", "#1f6f43", "#1d4f91", "#767676"]
HIDDEN_COLOUR = "#d4d4d4"


@dataclass(frozen=True)
class Part:
    x: float
    width: float
    fill: str
    title: str


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    parts: list[Part]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]
    legend: list[tuple[str, str]]  # (colour, label)
    summary: str


def position_chart(table: Table) -> Chart:
    bars: list[Bar] = []
    y = TOP
    for row in table.rows:
        if row.total is None:
            continue  # a hidden row is not drawn
        parts: list[Part] = []
        x = float(LABEL_WIDTH)
        for value, fill, column in zip(row.cells, PART_COLOURS, table.columns, strict=True):
            if value:
                width = BAR_WIDTH * value / row.total
                parts.append(Part(x, width, fill, f"{column}: {value}"))
                x += width
        hidden = row.total - sum(v for v in row.cells if v)
        if hidden:
            parts.append(Part(x, BAR_WIDTH * hidden / row.total, HIDDEN_COLOUR, _("Not shown")))
        bars.append(Bar(y, row.short or row.label, parts))
        y += ROW_HEIGHT
    return Chart(
        width=LABEL_WIDTH + BAR_WIDTH + 10,
        height=y + TOP,
        label_width=LABEL_WIDTH - 8,
        bar_height=BAR_HEIGHT,
        bars=bars,
        legend=[
            *zip(PART_COLOURS, table.columns, strict=True),
            (HIDDEN_COLOUR, _("Not shown (fewer than 5 pupils)")),
        ],
        summary=_("Bar chart of %(caption)s; the numbers are in the table below.")
        % {"caption": table.caption.lower()},
    )


def charts_of(evaluation: Evaluation) -> list[tuple[Table, Chart]]:
    """[(table, chart)] of the advice-against-level tables the evaluation has."""
    return [
        (table, position_chart(table))
        for table in (evaluation.position_year_1, evaluation.position_year_3)
        if table is not None
    ]
