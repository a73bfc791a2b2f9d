"""Benchmark: the class overview of 32 pupils against a bare Django view, same run.

    .venv/bin/python bench/class_overview.py            # SQLite, then PostgreSQL if reachable

Both go through the same middleware (sessions, auth, 2FA check, CSP, audit for the overview)
with Django's in-process test client, interleaved, 300 requests each after a warm-up. Prints
p50/p95 latency, the ratio of the p95s, and the query count for a class of 10 and of 32.
Not a test: it prints figures.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import bench_main, fresh_database


def run_backend(backend: str, requests: int) -> None:
    with fresh_database(backend):
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings

        from stdnum.nl import bsn

        from overdracht.accounts.models import User
        from overdracht.core.school_year import current_school_year
        from overdracht.dossiers.models import DossierSection
        from overdracht.passports.models import PassportVersion
        from overdracht.pupils import services as pupils
        from overdracht.schools.models import ClassGroup, Region, School, SchoolBoard
        from overdracht.schools.services import class_group_teacher_add

        year = current_school_year()
        region = Region.objects.create(name="Bench")
        board = SchoolBoard.objects.create(name="Bench", board_number="90909")
        school = School.objects.create(
            board=board, region=region, name="Bench College", brin="90ZZ", kind="VO"
        )
        numbers = (n for n in (f"99999{i:04d}" for i in range(10_000)) if bsn.is_valid(n))
        teacher = User.objects.create_user(
            email="docent@bench.example", full_name="Docent", password="x" * 12
        )

        def make_class(name: str, size: int) -> ClassGroup:
            class_group = ClassGroup.objects.create(
                school=school, school_year=year, name=name, year_group=1
            )
            class_group_teacher_add(class_group=class_group, user=teacher, subject="wiskunde")
            for n in range(size):
                pupil = pupils.pupil_create(
                    given_names="Kind",
                    call_name=f"Kind{n}",
                    surname=f"{name}Achternaam{n:02d}",
                    birth_date=dt.date(2014, 1, 1),
                    bsn=next(numbers),
                )
                pupils.enrolment_create(
                    pupil=pupil,
                    school=school,
                    school_year=year,
                    year_group=1,
                    class_group=class_group,
                    start_date=dt.date(year, 8, 20),
                )
                PassportVersion.objects.create(
                    pupil=pupil,
                    version=1,
                    written_by_id=teacher.pk,
                    tips=["Geef korte stappen.", "Kondig wijzigingen aan.", "Laat overleggen."],
                    arrangements=["extra_time"] if n % 3 == 0 else [],
                )
                DossierSection.objects.create(
                    pupil=pupil,
                    school=school,
                    kind="language_maths",
                    content={"maths": "1F", "reading": "2F"},
                    updated_by_id=teacher.pk,
                )
            return class_group

        small, large = make_class("1S", 10), make_class("1L", 32)
        with override_settings(ROOT_URLCONF="bench.urls_bare"):
            client = Client()
            client.force_login(teacher)
            overview = f"/classes/{large.pk}/overview/"
            counts = []
            for class_group in (small, large):
                with CaptureQueriesContext(connection) as ctx:
                    client.get(f"/classes/{class_group.pk}/overview/")
                counts.append(len(ctx.captured_queries))
            for _ in range(20):
                client.get(overview)
                client.get("/bench/bare/")
            timings: dict[str, list[float]] = {"overview": [], "bare": []}
            for _ in range(requests):
                for name, url in (("overview", overview), ("bare", "/bench/bare/")):
                    start = time.perf_counter()
                    response = client.get(url)
                    timings[name].append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, (url, response.status_code)

        def p(values: list[float], q: int) -> float:
            return statistics.quantiles(values, n=100)[q - 1]

        for name in ("bare", "overview"):
            print(
                f"[{backend}] {name:<8} p50 {p(timings[name], 50):6.2f} ms   "
                f"p95 {p(timings[name], 95):6.2f} ms"
            )
        ratio = p(timings["overview"], 95) / p(timings["bare"], 95)
        print(f"[{backend}] class overview of 32 / bare view, p95: {ratio:.2f}x")
        print(f"[{backend}] queries: class of 10 → {counts[0]}, class of 32 → {counts[1]}")


def main() -> None:
    bench_main(__file__, run_backend, "--requests", 300)


if __name__ == "__main__":
    main()
