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

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")


def run_backend(backend: str, count: int) -> None:
    database = ""
    if backend == "sqlite":
        folder = tempfile.mkdtemp(prefix="overdracht-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        os.environ["OVERDRACHT_VAR_DIR"] = folder
    else:
        import psycopg

        database = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "overdracht.conf.test"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from stdnum.nl import bsn

    from overdracht.oso.generator import dossier_xml
    from overdracht.oso.safe_xml import parse_untrusted
    from overdracht.oso.schema import _load, schema_path
    from overdracht.oso.services import dossier_import
    from overdracht.schools.models import Region, School, SchoolBoard

    try:
        call_command("migrate", verbosity=0)
        call_command("migrate", database="audit", verbosity=0)
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
    finally:
        connections.close_all()
        if database:
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    if args.backend != "both":
        run_backend(args.backend, args.count)
        return
    for backend in ("sqlite", "postgres"):
        if backend == "postgres" and not _postgres_answers():
            print("[postgres] no server on 127.0.0.1:5432; skipped")
            continue
        command = [sys.executable, __file__, "--backend", backend, "--count", str(args.count)]
        subprocess.run(command, check=True)  # noqa: S603 - this script, our interpreter


def _postgres_answers() -> bool:
    check = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]
    return subprocess.run(check, check=False).returncode == 0  # noqa: S603


if __name__ == "__main__":
    main()
