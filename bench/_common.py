"""What the benchmarks share: a fresh database per backend, in a process of its own."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")


@contextmanager
def fresh_database(backend: str) -> Iterator[None]:
    """Point Django at a new, migrated database (SQLite file or PostgreSQL) and drop it after."""
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
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    try:
        call_command("migrate", verbosity=0)
        call_command("migrate", database="audit", verbosity=0)
        yield
    finally:
        connections.close_all()
        if database:
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}"')


def postgres_answers() -> bool:
    check = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]
    return subprocess.run(check, check=False).returncode == 0  # noqa: S603


def run_each_backend(script: str, extra: list[str]) -> None:
    """Run the script once per backend, each in a fresh process (Django settings are global)."""
    for backend in ("sqlite", "postgres"):
        if backend == "postgres" and not postgres_answers():
            print("[postgres] no server on 127.0.0.1:5432; skipped")
            continue
        command = [sys.executable, script, "--backend", backend, *extra]
        subprocess.run(command, check=True)  # noqa: S603 - our own script and interpreter


def bench_main(
    script: str, run_backend: Callable[[str, int], None], option: str, default: int
) -> None:
    """The command line both benchmarks share: `--backend sqlite|postgres|both` and one
    size option (`option`, e.g. `--count`); "both" runs each backend in its own process."""
    parser = argparse.ArgumentParser()
    parser.add_argument(option, type=int, default=default)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    size = getattr(args, option.removeprefix("--"))
    if args.backend != "both":
        run_backend(args.backend, size)
        return
    run_each_backend(script, [option, str(size)])
