"""Small-number suppression: a group of fewer than five pupils is not shown, and a hidden
number cannot be worked back from the totals beside it.

Within a row of counts with its total: every count of 1 to 4 is hidden; when that hides
exactly one count, the smallest other count above zero is hidden too (else the total minus
the rest would give it away). A row whose total is under five is hidden whole. Over the
rows of a table the same holds for the rows: when exactly one row is hidden, the smallest
other row is hidden too, so the column totals do not give it away. Zero is shown: it
discloses nothing about a pupil."""

from __future__ import annotations

MINIMUM = 5


def _small(n: int) -> bool:
    return 0 < n < MINIMUM


def suppress_row(cells: list[int]) -> list[int | None]:
    """The row's counts, each one that must not be shown as None."""
    if _small(sum(cells)):
        return [None] * len(cells)
    shown: list[int | None] = [None if _small(n) else n for n in cells]
    if shown.count(None) == 1:
        others = [(n, i) for i, n in enumerate(cells) if shown[i] is not None and n > 0]
        if others:
            shown[min(others)[1]] = None
    return shown


def suppress_table(rows: list[list[int]]) -> list[list[int | None]]:
    """Each row suppressed on its own, and one more row hidden when only one row's total is
    under five (the column totals would give it away)."""
    result = [suppress_row(row) for row in rows]
    totals = [sum(row) for row in rows]
    hidden = [i for i, total in enumerate(totals) if _small(total)]
    if len(hidden) == 1:
        others = [(t, i) for i, t in enumerate(totals) if i not in hidden and t > 0]
        if others:
            result[min(others)[1]] = [None] * len(rows[0])
    return result


def shown_total(total: int) -> int | None:
    return None if _small(total) else total


def column_totals(rows: list[list[int]], shown: list[list[int | None]]) -> list[int | None]:
    """The column totals of a suppressed table: hidden when small, or when the column holds
    exactly one hidden count (the total minus the shown counts would give it)."""
    result: list[int | None] = []
    for column in range(len(rows[0]) if rows else 0):
        total = sum(row[column] for row in rows)
        hidden = sum(
            1
            for row, row_shown in zip(rows, shown, strict=True)
            if row_shown[column] is None and row[column] > 0
        )
        result.append(None if _small(total) or hidden == 1 else total)
    return result
