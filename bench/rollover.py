"""Benchmark: the year rollover of a school, against a floor in the same run.

    .venv/bin/python bench/rollover.py                      # SQLite, then PostgreSQL if reachable
    .venv/bin/python bench/rollover.py --pupils 1500 --backend postgres

A school of N pupils in 60 classes (years 1 to 6), every pupil decided (most promoted, some
repeating, some to another level, some leaving), next year's classes planned with a mentor
(every other class keeps its mentor). The floor is a bulk INSERT of the same rows the
rollover writes (the enrolments, the transitions and their steps, the records), in one
transaction that is rolled back. Then the rollover (one transaction per class) and its undo.
Prints seconds, seconds per class, the ratio to the floor and the queries per class, for a
small and a large class. Not a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import bench_main, fresh_database

CLASSES = 60


def _bsns(count: int) -> list[str]:
    """Nine-digit numbers from 300000000 on that pass the 11-check."""
    found: list[str] = []
    base = 30_000_000
    while len(found) < count:
        digits = f"{base:08d}"
        check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            found.append(digits + str(check))
        base += 1
    return found


def run_backend(backend: str, pupils: int) -> None:
    with fresh_database(backend):
        from django.db import connection, transaction
        from django.test.utils import CaptureQueriesContext

        from overdracht.accounts.actor import Actor
        from overdracht.accounts.services import user_create
        from overdracht.core.school_year import current_school_year
        from overdracht.promotion import rollover as rollovers
        from overdracht.promotion.models import (
            ClassPlan,
            PromotionDecision,
            RecordKind,
            Rollover,
            RolloverRecord,
        )
        from overdracht.pupils import services as pupil_services
        from overdracht.pupils.models import Enrolment, Transition
        from overdracht.schools.models import ClassGroup, Region, School, SchoolBoard
        from overdracht.schools.services import class_group_mentor_add
        from overdracht.steps.models import TransitionStep

        year = current_school_year()
        region = Region.objects.create(name="Bench")
        board = SchoolBoard.objects.create(name="Bench", board_number="90909")
        school = School.objects.create(
            board=board, region=region, name="Bench", brin="90ZZ", kind="VO"
        )
        lead = user_create(email="teamleider@bench.example", full_name="Teamleider")
        actor = Actor(user=lead)
        per_class = pupils // CLASSES
        numbers = iter(_bsns(pupils + 100))
        classes = []
        for c in range(CLASSES):
            year_group = c % 6 + 1
            klass = ClassGroup.objects.create(
                school=school, school_year=year, name=f"{year_group}K{c:02d}", year_group=year_group
            )
            mentor = user_create(email=f"mentor{c}@bench.example", full_name=f"Mentor {c}")
            class_group_mentor_add(class_group=klass, user=mentor)
            keep = c % 2 == 0
            next_mentor = (
                mentor
                if keep
                else user_create(email=f"nieuw{c}@bench.example", full_name=f"Nieuw {c}")
            )
            ClassPlan.objects.create(
                school=school,
                school_year=year + 1,
                name=f"{year_group + 1}K{c:02d}",
                year_group=year_group + 1,
                mentor=next_mentor,
            )
            classes.append(klass)
        enrolments = []
        for c, klass in enumerate(classes):
            for n in range(per_class):
                pupil = pupil_services.pupil_create(
                    given_names="Bench",
                    call_name=f"P{n}",
                    surname=f"Klas{c}",
                    birth_date=dt.date(2012, 1, 1),
                    bsn=next(numbers),
                )
                enrolments.append(
                    Enrolment(
                        pupil=pupil,
                        school=school,
                        school_year=year,
                        year_group=klass.year_group,
                        class_group=klass,
                        level="havo",
                        start_date=dt.date(year, 8, 1),
                    )
                )
        made = pupil_services.enrolments_create(enrolments)
        index_of = {k.pk: i for i, k in enumerate(classes)}
        outcomes = ["promoted"] * 16 + ["repeats"] * 2 + ["other_level", "leaves"]
        PromotionDecision.objects.bulk_create(
            PromotionDecision(
                enrolment=e,
                outcome=outcomes[i % len(outcomes)],
                next_level="vwo" if outcomes[i % len(outcomes)] == "other_level" else "",
                leaving_to="vo_mbo" if outcomes[i % len(outcomes)] == "leaves" else "",
                next_class_name=""
                if outcomes[i % len(outcomes)] in ("repeats", "leaves")
                else f"{e.year_group + 1}K{index_of[e.class_group_id or 0]:02d}",
                decided_by_id=lead.pk,
            )
            for i, e in enumerate(made)
        )

        # The floor: the same rows in bulk, in one transaction that is rolled back.
        staying = [e for i, e in enumerate(made) if outcomes[i % len(outcomes)] != "leaves"]
        start = time.perf_counter()
        with transaction.atomic():
            next_classes = ClassGroup.objects.bulk_create(
                ClassGroup(school=school, school_year=year + 1, name=f"F{c}", year_group=1)
                for c in range(CLASSES)
            )
            Enrolment.objects.bulk_create(
                Enrolment(
                    pupil_id=e.pupil_id,
                    school=school,
                    school_year=year + 1,
                    year_group=e.year_group,
                    class_group=next_classes[i % CLASSES],
                    start_date=dt.date(year + 1, 8, 1),
                )
                for i, e in enumerate(staying)
            )
            transitions = Transition.objects.bulk_create(
                Transition(
                    pupil_id=e.pupil_id,
                    kind="within_school",
                    from_school=school,
                    to_school=school,
                    school_year=year + 1,
                )
                for e in made[: len(made) // 2]
            )
            TransitionStep.objects.bulk_create(
                TransitionStep(transition=t, key=k)
                for t in transitions
                for k in ("handover_written", "handover_confirmed", "passport_shared", "held")
            )
            rollover = Rollover.objects.create(
                school=school, from_year=year, requested_by_id=lead.pk
            )
            RolloverRecord.objects.bulk_create(
                RolloverRecord(
                    rollover=rollover, kind=RecordKind.ENROLMENT, object_id=e.pk, class_name="x"
                )
                for e in made
            )
            floor = time.perf_counter() - start
            transaction.set_rollback(True)

        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            done = rollovers.rollover_request(actor=actor, school=school, from_year=year)
        took = time.perf_counter() - start
        done.refresh_from_db()
        moved = Enrolment.objects.filter(school=school, school_year=year + 1).count()
        handovers = Transition.objects.filter(kind="within_school").count()
        start = time.perf_counter()
        rollovers.rollover_undo(actor=actor, rollover=done)
        undo = time.perf_counter() - start

        print(f"[{backend}] {len(made)} pupils in {CLASSES} classes of {per_class}")
        print(f"[{backend}] moved {moved}, mentor handovers {handovers}, state {done.state}")
        print(f"[{backend}] floor (bulk INSERT of the rows)  {floor:7.3f} s")
        print(f"[{backend}] rollover                          {took:7.3f} s")
        print(f"[{backend}] rollover per class                {took / CLASSES * 1000:7.1f} ms")
        print(f"[{backend}] undo                              {undo:7.3f} s")
        print(f"[{backend}] ratio rollover / floor: {took / floor:6.1f}x")
        print(
            f"[{backend}] queries in all: {len(queries.captured_queries)}, "
            f"per class: {len(queries.captured_queries) / CLASSES:.1f}"
        )
        for size in (5, 40):
            klass = ClassGroup.objects.create(
                school=school, school_year=year, name=f"1Q{size}", year_group=1
            )
            fresh = pupil_services.enrolments_create(
                [
                    Enrolment(
                        pupil=pupil_services.pupil_create(
                            given_names="Q",
                            call_name=f"Q{n}",
                            surname=f"Size{size}",
                            birth_date=dt.date(2012, 1, 1),
                            bsn=next(numbers),
                        ),
                        school=school,
                        school_year=year,
                        year_group=1,
                        class_group=klass,
                        start_date=dt.date(year, 8, 1),
                    )
                    for n in range(size)
                ]
            )
            PromotionDecision.objects.bulk_create(
                PromotionDecision(enrolment=e, outcome="promoted", next_class_name=f"2Q{size}")
                for e in fresh
            )
            probe = Rollover.objects.create(school=school, from_year=year, requested_by_id=lead.pk)
            with CaptureQueriesContext(connection) as counted, transaction.atomic():
                rollovers._class_move(probe, klass)
            print(f"[{backend}] queries for one class of {size:2}: {len(counted.captured_queries)}")


def main() -> None:
    bench_main(__file__, run_backend, "--pupils", 1500)


if __name__ == "__main__":
    main()
