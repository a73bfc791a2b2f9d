"""Small-number suppression: no group under five, and no hidden number to be worked back from
the totals beside it."""

from __future__ import annotations

from overdracht.analytics.suppression import column_totals, suppress_row, suppress_table


def test_a_count_under_five_is_hidden_with_another_so_the_total_does_not_give_it_away() -> None:
    assert suppress_row([3, 10, 7]) == [None, 10, None]  # the smallest other one
    assert suppress_row([6, 10, 0]) == [6, 10, 0]  # zero discloses nothing
    assert suppress_row([3, 4, 8]) == [None, None, 8]  # two hidden already
    assert suppress_row([3, 0, 9]) == [None, 0, None]


def test_a_group_under_five_is_hidden_whole() -> None:
    assert suppress_row([2, 1]) == [None, None]
    assert suppress_row([0, 0]) == [0, 0]


def test_one_small_row_takes_the_smallest_other_row_with_it() -> None:
    rows = [[2, 1, 0], [10, 5, 5], [6, 0, 0]]
    assert suppress_table(rows) == [[None, None, None], [10, 5, 5], [None, None, None]]


def test_a_column_total_with_one_hidden_count_in_it_is_hidden() -> None:
    rows = [[3, 8, 6], [10, 7, 9]]
    shown = suppress_table(rows)
    assert shown == [[None, 8, None], [10, 7, 9]]
    # column 0 holds one hidden count (3): its total would give it away
    assert column_totals(rows, shown) == [None, 15, None]
    assert column_totals([[5, 5], [6, 7]], suppress_table([[5, 5], [6, 7]])) == [11, 12]
