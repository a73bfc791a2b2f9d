"""Benchmark: the decaan's overview of a school with 400 exam pupils and their registrations,
against a bare view in the same run.

    .venv/bin/python bench/further_overview.py                 # SQLite, then PostgreSQL
    .venv/bin/python bench/further_overview.py --pupils 400 --backend postgres

N pupils in exam classes of 25, each with a transition to MBO, a first choice and plan B;
three in four registered at the ROC (in every status, some with an intake, a transfer
dossier, a report on the start). Prints p50/p95 of the overview page and of a bare view, the
ratio of the p95s, and the queries of the page for 20 pupils and for N (constant in the
number of pupils). Not a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import bench_main, fresh_database

STATUSES = ["registered", "offered", "enrolled", "not_admitted", "withdrawn"]


def _queries(client: Any, url: str) -> int:
    """The queries one GET of the page asks, on every database (the audit trail too)."""
    from django.db import connections

    asked: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        asked.append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(count))
        assert client.get(url).status_code == 200
    return len(asked)


def run_backend(backend: str, pupils: int) -> None:
    with fresh_database(backend):
        from django.test import Client
        from django.test.utils import override_settings

        from django_otp.plugins.otp_totp.models import TOTPDevice

        from overdracht.accounts.models import User
        from overdracht.core.school_year import current_school_year
        from overdracht.further_education.models import (
            Choice,
            Registration,
            StartReport,
            TransferDossier,
        )
        from overdracht.pupils.models import Enrolment, Pupil, Transition
        from overdracht.schools.models import ClassGroup, Region, School, SchoolBoard
        from overdracht.schools.services import membership_grant

        year = current_school_year()
        region = Region.objects.create(name="Bench")
        board = SchoolBoard.objects.create(name="Bench", board_number="90909")
        school = School.objects.create(
            board=board, region=region, name="Bench College", brin="90ZZ", kind="VO"
        )
        roc = School.objects.create(
            board=board, region=region, name="Bench ROC", brin="91ZZ", kind="MBO"
        )
        decaan = User.objects.create_user(
            email="decaan@bench.example", full_name="Decaan", password="x" * 12
        )
        membership_grant(user=decaan, school=school, role="career_counsellor")

        def seed(first: int, last: int) -> None:
            """Pupils first..last-1 in classes of 25, in bulk."""
            classes: dict[int, ClassGroup] = {}
            for n in range(first, last):
                if n // 25 not in classes:
                    classes[n // 25] = ClassGroup.objects.get_or_create(
                        school=school, school_year=year, name=f"4K{n // 25:02d}", year_group=4
                    )[0]
            made = Pupil.objects.bulk_create(
                Pupil(
                    given_names="Kind",
                    call_name=f"Kind{n}",
                    surname=f"Achternaam{n:04d}",
                    birth_date=dt.date(year - 16, 1, 1),
                    onderwijsnummer=f"{n:09d}",
                    sort_key=f"achternaam{n:04d}",
                    search_text="",
                )
                for n in range(first, last)
            )
            Enrolment.objects.bulk_create(
                Enrolment(
                    pupil=p,
                    school=school,
                    school_year=year,
                    year_group=4,
                    class_group=classes[n // 25],
                    level="vmbo-kb",
                    start_date=dt.date(year, 8, 20),
                )
                for n, p in zip(range(first, last), made, strict=True)
            )
            transitions = Transition.objects.bulk_create(
                Transition(pupil=p, kind="vo_mbo", from_school=school, school_year=year + 1)
                for p in made
            )
            Choice.objects.bulk_create(
                Choice(
                    pupil=p,
                    school_year=year + 1,
                    rank=rank,
                    programme="Kok",
                    level="mbo-2",
                    institution=roc,
                )
                for p in made
                for rank in (1, 2)
            )
            registrations = Registration.objects.bulk_create(
                Registration(
                    transition=t,
                    institution=roc,
                    programme="Kok",
                    level="mbo-2",
                    registered_on=dt.date(year, 11, 1),
                    status=STATUSES[n % len(STATUSES)],
                    status_on=dt.date(year, 11, 1),
                    intake_on=dt.date(year, 11, 20) if n % 2 else None,
                    created_by_id=decaan.pk,
                )
                for n, t in zip(range(first, last), transitions, strict=True)
                if n % 4
            )
            TransferDossier.objects.bulk_create(
                TransferDossier(registration=r, pupil_part={"about_me": "x"})
                for r in registrations[::2]
            )
            StartReport.objects.bulk_create(
                StartReport(
                    registration=r,
                    kind="no_show",
                    reported_on=dt.date(year, 9, 8),
                    reported_by_id=decaan.pk,
                )
                for r in registrations[::7]
            )

        with override_settings(ROOT_URLCONF="bench.urls_bare"):
            client = Client()
            client.force_login(decaan)
            device = TOTPDevice.objects.create(user=decaan, name="bench", confirmed=True)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
            url = f"/schools/{school.pk}/further-education/"  # the pupils with a signal
            seed(0, 20)
            small = _queries(client, url)
            seed(20, pupils)
            large = _queries(client, url)
            first_class = ClassGroup.objects.filter(school=school).order_by("name").first()
            assert first_class is not None
            klass = f"{url}?klass={first_class.pk}"
            for _ in range(10):
                client.get(url)
                client.get("/bench/bare/")
            if "--profile" in sys.argv:
                import cProfile
                import pstats

                profile = cProfile.Profile()
                profile.enable()
                client.get(url)
                profile.disable()
                pstats.Stats(profile).sort_stats("tottime").print_stats(25)
            timings: dict[str, list[float]] = {"overview": [], "class": [], "bare": []}
            for _ in range(60):
                for name, address in (
                    ("overview", url),
                    ("class", klass),
                    ("bare", "/bench/bare/"),
                ):
                    start = time.perf_counter()
                    response = client.get(address)
                    timings[name].append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200

        def p(values: list[float], q: int) -> float:
            return statistics.quantiles(values, n=100)[q - 1]

        for name in ("bare", "overview", "class"):
            print(
                f"[{backend}] {name:<8} p50 {p(timings[name], 50):7.2f} ms   "
                f"p95 {p(timings[name], 95):7.2f} ms"
            )
        ratio = p(timings["overview"], 95) / p(timings["bare"], 95)
        print(f"[{backend}] decaan's overview of {pupils} (signals) / bare view, p95: {ratio:.2f}x")
        ratio = p(timings["class"], 95) / p(timings["bare"], 95)
        print(f"[{backend}] one class of 25 / bare view, p95: {ratio:.2f}x")
        print(f"[{backend}] queries: 20 pupils → {small}, {pupils} pupils → {large}")


def main() -> None:
    bench_main(__file__, run_backend, "--pupils", 400)


if __name__ == "__main__":
    main()
