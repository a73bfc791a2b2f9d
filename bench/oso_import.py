"""Benchmark: OSO import throughput against a floor measured in the same run.

    .venv/bin/python bench/oso_import.py                # SQLite, then PostgreSQL if reachable
    .venv/bin/python bench/oso_import.py --count 500 --backend postgres

For each backend (in its own process, on a fresh database): generate N dossiers with the
project's generator (about 180 kB each: 3 PDF attachments, 10 tests), measure the floor —
lxml parse plus XSD validation of the same bytes — and then `dossier_import` of every file
(one transaction each). Prints dossiers per second and the ratio import time / floor time.
Not a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import bench_main, fresh_database


def run_backend(backend: str, count: int) -> None:
    with fresh_database(backend):
        from stdnum.nl import bsn

        from overdracht.oso.generator import dossier_xml
        from overdracht.oso.safe_xml import parse_untrusted
        from overdracht.oso.schema import _load, schema_path
        from overdracht.oso.services import dossier_import
        from overdracht.schools.models import Region, School, SchoolBoard

        path = schema_path()
        if path is None:
            print(f"[{backend}] no OSO schema at OSO_STANDARD_DIR: the floor needs it; stopped.")
            return
        schema = _load(str(path))
        numbers = [n for n in (f"99999{i:04d}" for i in range(10_000)) if bsn.is_valid(n)]
        files = [
            dossier_xml(
                bsn=numbers[i],
                seed=i,
                tests=10,
                attachments=3,
                attachment_bytes=40_000,
                surname=f"Bench{i}",
            )
            for i in range(min(count, len(numbers)))
        ]
        size = sum(len(f) for f in files) / len(files)

        start = time.perf_counter()
        for i, data in enumerate(files):
            assert schema.validate(parse_untrusted(data, name=f"{i}.xml"))
        floor = time.perf_counter() - start

        region = Region.objects.create(name="Bench")
        board = SchoolBoard.objects.create(name="Bench", board_number="90909")
        school = School.objects.create(
            board=board, region=region, name="Bench College", brin="90ZZ", kind="VO"
        )
        start = time.perf_counter()
        statuses = [
            dossier_import(data=data, name=f"{i}.xml", school=school).status
            for i, data in enumerate(files)
        ]
        took = time.perf_counter() - start
        assert set(statuses) == {"imported"}, set(statuses)

        n = len(files)
        print(f"[{backend}] {n} dossiers, {size / 1000:.0f} kB each on average")
        print(f"[{backend}] floor  (parse + XSD):   {n / floor:8.1f} dossiers/s  ({floor:.2f} s)")
        print(f"[{backend}] import (whole product): {n / took:8.1f} dossiers/s  ({took:.2f} s)")
        print(f"[{backend}] ratio import / floor:   {took / floor:8.2f}x")


def main() -> None:
    bench_main(__file__, run_backend, "--count", 300)


if __name__ == "__main__":
    main()
