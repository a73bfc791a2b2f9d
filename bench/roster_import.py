"""Benchmark: reading in a school administration's export, against a floor in the same run.

    .venv/bin/python bench/roster_import.py                 # SQLite, then PostgreSQL if reachable
    .venv/bin/python bench/roster_import.py --rows 1500 --backend postgres

For each backend (own process, fresh database): a Magister-style export of N pupils with two
parents each over four classes; the floor is reading the file and its rows (decoding,
splitting, every check per row, no database); then `roster_import` of the whole file (one
transaction), and the same file once more (nothing to change). Prints rows per second and
the ratios to the floor. Not a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import bench_main, fresh_database


def run_backend(backend: str, rows: int) -> None:
    with fresh_database(backend):
        from tests.roster.helpers import magister_export

        from overdracht.accounts.actor import Actor
        from overdracht.accounts.services import user_create
        from overdracht.core.school_year import current_school_year
        from overdracht.core.tabular import read_table
        from overdracht.roster.columns import mapping_for
        from overdracht.roster.rows import rows_of
        from overdracht.roster.services import roster_import, roster_upload
        from overdracht.schools.models import Region, School, SchoolBoard

        data = magister_export(rows, "", bad=False)
        start = time.perf_counter()
        table = read_table(data)
        mapping = mapping_for(table.headers, "magister", {})
        read, _problems = rows_of(table, mapping)
        floor = time.perf_counter() - start
        assert len(read) == rows

        region = Region.objects.create(name="Bench")
        board = SchoolBoard.objects.create(name="Bench", board_number="90909")
        school = School.objects.create(
            board=board, region=region, name="Bench", brin="90ZZ", kind="VO"
        )
        actor = Actor(user=user_create(email="beheer@bench.example", full_name="Beheer"))

        def read_in() -> tuple[float, dict[str, int]]:
            upload = roster_upload(
                actor=actor,
                school=school,
                name="b.csv",
                data=data,
                school_year=current_school_year(),
                preset="magister",
            )
            began = time.perf_counter()
            preview = roster_import(actor=actor, upload=upload, mapping=mapping, end_missing=False)
            took = time.perf_counter() - began
            return took, {a: preview.count(a) for a in ("new", "changed", "unchanged")}

        first, counts = read_in()
        assert counts["new"] == rows, counts
        again, counts = read_in()
        assert counts["unchanged"] == rows, counts
        print(f"[{backend}] {rows} pupils, {len(data) / 1000:.0f} kB")
        for label, took in (
            ("floor (read, check)", floor),
            ("import, all new", first),
            ("same file again", again),
        ):
            print(f"[{backend}] {label:20} {rows / took:8.0f} rows/s  ({took:.2f} s)")
        print(f"[{backend}] ratio import / floor: {first / floor:6.1f}x")
        print(f"[{backend}] ratio again / floor:  {again / floor:6.1f}x")


def main() -> None:
    bench_main(__file__, run_backend, "--rows", 1500)


if __name__ == "__main__":
    main()
