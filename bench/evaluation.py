"""Benchmark: the region's yearly evaluation for 10,000 and for 1,000,000 transitions, on
PostgreSQL, against the same aggregates written as hand-made SQL in the same run.

    .venv/bin/python bench/evaluation.py                    # 10,000, then 1,000,000
    .venv/bin/python bench/evaluation.py --large 200000     # a quicker second size

A region of 40 primary and 8 secondary schools; the transitions spread over ten cohorts, each
with its pupil, the year-1 enrolment with a level, the primary school's advice (encrypted, as
the product stores it), the eleven steps with due and done dates, an intake analysis for one
pupil in ten and feedback after the first report for one in three. Everything is seeded in
bulk with INSERT … SELECT. The nightly refresh of one cohort is timed once; then the page of
the region's evaluation (a logged-in GET: filters, the summed figures, suppression, the SVG
chart, the template) and, as the floor, the aggregates that page shows computed by hand-made
SQL straight from the records. Prints p50/p95 of both, their ratio (goal ≤ 2×), and the ratio
of the page's p95 at the large size to the small one (goal ≤ 1.5×). Not a test: it prints
figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import fresh_database, postgres_answers

PRIMARY, SECONDARY, COHORTS = 40, 8, 10
STEPS = [  # key, month, day of its date in the calendar (None: no milestone)
    ("provisional_advice", 1, 31),
    ("test_result", 3, 15),
    ("advice_given", 3, 24),
    ("registered", 3, 31),
    ("dossier_requested", None, None),
    ("review_done", None, None),
    ("dossier_sent", None, None),
    ("received", None, None),
    ("analysed", None, None),
    ("passport_shared", None, None),
    ("warm_handover_held", None, None),
    ("aftercare", 10, 15),
    ("feedback_sent", 6, 30),
]
LEVELS = ["vmbo-bb", "vmbo-kb", "vmbo-gt", "havo", "vwo"]

# The floor: what the page shows, as one would write it by hand over the records.
FLOOR_SQL = [
    # cohort size and the level in year 1, per advice (the advice is encrypted: its rows are
    # read and counted per value, as any query must)
    """SELECT s.content, e.level, count(*) FROM pupils_transition t
       LEFT JOIN pupils_enrolment e ON e.pupil_id = t.pupil_id
            AND e.school_id = t.to_school_id AND e.school_year = t.school_year
       LEFT JOIN dossiers_dossiersection s ON s.pupil_id = t.pupil_id
            AND s.school_id = t.from_school_id AND s.kind = 'advice'
       WHERE t.kind = 'po_vo' AND t.school_year = %(year)s AND t.status <> 'cancelled'
       GROUP BY 1, 2""",
    # each step against its date
    """SELECT s.key, CASE
         WHEN s.done_at IS NOT NULL AND s.due_date IS NULL THEN 'done'
         WHEN s.done_at > s.due_date THEN 'late'
         WHEN s.done_at IS NOT NULL THEN 'on_time'
         WHEN s.due_date < %(today)s THEN 'overdue' ELSE 'not_due' END, count(*)
       FROM steps_transitionstep s JOIN pupils_transition t ON t.id = s.transition_id
       WHERE t.kind = 'po_vo' AND t.school_year = %(year)s AND t.status <> 'cancelled'
       GROUP BY 1, 2""",
    # dossier sent after the review; warm handover held for who needs one
    """SELECT count(*) FILTER (WHERE r.done_at <= d.done_at),
              count(*) FILTER (WHERE d.done_at IS NOT NULL),
              count(*) FILTER (WHERE (a.needs_support OR a.discuss_in_person)
                                AND w.done_at IS NOT NULL),
              count(*) FILTER (WHERE a.needs_support OR a.discuss_in_person)
       FROM pupils_transition t
       JOIN steps_transitionstep r ON r.transition_id = t.id AND r.key = 'review_done'
       JOIN steps_transitionstep d ON d.transition_id = t.id AND d.key = 'dossier_sent'
       JOIN steps_transitionstep w ON w.transition_id = t.id AND w.key = 'warm_handover_held'
       LEFT JOIN dossiers_intakeanalysis a ON a.pupil_id = t.pupil_id
            AND a.school_id = t.to_school_id
       WHERE t.kind = 'po_vo' AND t.school_year = %(year)s AND t.status <> 'cancelled'""",
    # feedback given per moment
    """SELECT f.moment, count(*) FROM feedback_pupilfeedback f
       JOIN pupils_transition t ON t.id = f.transition_id
       WHERE t.kind = 'po_vo' AND t.school_year = %(year)s GROUP BY 1""",
]


def _seed(first: int, last: int, primary: list[int], secondary: list[int], year0: int) -> None:
    """Pupils first..last with their transition, enrolment, advice, steps, analyses and
    feedback, in bulk."""
    from django.db import connection

    from overdracht.dossiers.models import DossierSection

    field = DossierSection._meta.get_field("content")
    advices = [
        field.get_db_prep_value({"final_advice": level}, connection, prepared=False)
        for level in LEVELS
    ]
    series = f"generate_series({first}, {last}) AS g(i)"
    pupil = "md5('bench-' || i)::uuid"
    cohort = f"({year0} + mod(i, {COHORTS}))"
    prim = f"(ARRAY{primary})[1 + mod(i, {PRIMARY})]"
    sec = f"(ARRAY{secondary})[1 + mod(i / {PRIMARY}, {SECONDARY})]"
    # The SQL below is built from this module's own constants and integers: no outside input.
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO pupils_pupil (id, given_names, call_name, surname_prefix, surname,
                birth_date, gender, bsn, onderwijsnummer, sort_key, search_text, created_at,
                address_is_secret, city, house_number, postal_code, street)
            SELECT {pupil}, 'Kind', 'Kind', '', 'Bench' || i, DATE '2014-01-01', 0, '',
                lpad(i::text, 9, '0'), 'bench' || i, '', now(), false, '', '', '', ''
            FROM {series}"""
        )
        cursor.execute(
            f"""INSERT INTO pupils_transition (kind, school_year, status, created_at, pupil_id,
                from_school_id, to_school_id, from_school_brin, from_school_name)
            SELECT 'po_vo', {cohort}, 'completed', now(), {pupil}, {prim}, {sec}, '', ''
            FROM {series}"""
        )
        cursor.execute(
            f"""INSERT INTO pupils_enrolment (school_year, year_group, level, pupil_number,
                start_date, school_id, pupil_id)
            SELECT {cohort}, 1, (ARRAY{LEVELS})[1 + i % 5], '', make_date({cohort}, 8, 20),
                {sec}, {pupil}
            FROM {series}"""
        )
        cursor.execute(
            f"""INSERT INTO dossiers_dossiersection (kind, content, version, updated_at,
                pupil_id, school_id)
            SELECT 'advice', (%s::text[])[1 + mod(i + mod(i / 7, 3), 5)], 1, now(), {pupil}, {prim}
            FROM {series}""",
            [advices],
        )
        steps = " UNION ALL ".join(
            f"SELECT {n} AS n, '{key}' AS key, {month or 'NULL'} AS month, {day or 'NULL'} AS day"
            for n, (key, month, day) in enumerate(STEPS)
        )
        cursor.execute(
            f"""INSERT INTO steps_transitionstep (key, transition_id, due_date, done_at)
            SELECT k.key, t.id,
                CASE WHEN k.month IS NULL THEN NULL
                     ELSE make_date(t.school_year - CASE WHEN k.month >= 8 THEN 0 ELSE 1 END
                                    + CASE WHEN k.key IN ('aftercare', 'feedback_sent')
                                           THEN 1 ELSE 0 END, k.month, k.day) END,
                CASE WHEN mod(t.id + k.n, 9) = 0 THEN NULL
                     ELSE make_date(t.school_year - 1, 6, 1) + mod(t.id * 7 + k.n, 40)::int END
            FROM pupils_transition t CROSS JOIN ({steps}) k
            WHERE t.pupil_id IN (SELECT {pupil} FROM {series})"""
        )
        cursor.execute(
            f"""INSERT INTO dossiers_intakeanalysis (pupil_id, school_id, needs_support,
                discuss_in_person, refer_to_care_team, notes, analysed_by_id, analysed_at)
            SELECT {pupil}, {sec}, i % 20 = 0, true, false, '', 1, now()
            FROM {series} WHERE i % 10 = 0"""
        )
        cursor.execute(
            f"""INSERT INTO feedback_pupilfeedback (moment, school_year, class_name, level,
                progress, position, wellbeing, work_attitude, approach_worked, approach_notes,
                tip, written_by_id, sent_at, transition_id)
            SELECT 'first_report', t.school_year, '1A', 'havo', '', 'on', 3, 3, 'yes', '', '',
                1, now(), t.id
            FROM pupils_transition t
            WHERE t.pupil_id IN (SELECT {pupil} FROM {series} WHERE i % 3 = 0)"""
        )
        cursor.execute("ANALYZE")


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def run(sizes: list[int], requests: int) -> None:
    with fresh_database("postgres"):
        from django.db import connection
        from django.test import Client
        from django.test.utils import override_settings
        from django.utils import timezone

        from django_otp.plugins.otp_totp.models import TOTPDevice

        from overdracht.accounts.models import User
        from overdracht.analytics.refresh import cohort_refresh
        from overdracht.core.school_year import current_school_year
        from overdracht.schools.models import Membership, Partnership, Region, School, SchoolBoard

        year = current_school_year()
        region = Region.objects.create(name="Bench")
        board = SchoolBoard.objects.create(name="Bench", board_number="90909")
        schools = [
            School.objects.create(
                board=board,
                region=region,
                name=f"Bench {kind} {n:02d}",
                brin=f"{n:02d}{'P' if kind == 'PO' else 'V'}Z",
                kind=kind,
            )
            for kind, count in (("PO", PRIMARY), ("VO", SECONDARY))
            for n in range(count)
        ]
        primary = [s.pk for s in schools if s.kind == "PO"]
        secondary = [s.pk for s in schools if s.kind == "VO"]
        partnership = Partnership.objects.create(name="SWV Bench", region=region, code="BENCH")
        coordinator = User.objects.create_user(
            email="swv@bench.example", full_name="Coördinator", password="x" * 12
        )
        Membership.objects.create(
            user=coordinator, partnership=partnership, role="partnership_staff"
        )
        url = f"/regions/{region.pk}/evaluation/"
        params: dict[str, str | dt.date] = {"year": str(year), "today": timezone.localdate()}
        seeded, pages = 0, {}
        for size in sizes:
            start = time.perf_counter()
            _seed(seeded + 1, size, primary, secondary, year - COHORTS + 2)
            seeded = size
            print(
                f"[postgres] {size:>9,} transitions seeded in {time.perf_counter() - start:.1f} s"
            )
            start = time.perf_counter()
            counted = cohort_refresh(year)
            print(
                f"[postgres] {size:>9,} nightly refresh of the cohort ({counted:,} transitions): "
                f"{time.perf_counter() - start:.1f} s"
            )
            with override_settings(ROOT_URLCONF="bench.urls_bare"):
                client = Client()
                client.force_login(coordinator)  # with a second step, as after a TOTP check
                device = TOTPDevice.objects.get_or_create(
                    user=coordinator, name="bench", defaults={"confirmed": True}
                )[0]
                session = client.session
                session["otp_device_id"] = device.persistent_id
                session.save()
                for _ in range(5):
                    assert client.get(url).status_code == 200
                page, floor = [], []
                for _ in range(requests):
                    start = time.perf_counter()
                    response = client.get(url)
                    page.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200
                    start = time.perf_counter()
                    with connection.cursor() as cursor:
                        for sql in FLOOR_SQL:
                            cursor.execute(sql, params)
                            cursor.fetchall()
                    floor.append((time.perf_counter() - start) * 1000)
            pages[size] = _p(page, 95)
            for name, values in (("page", page), ("hand SQL", floor)):
                print(
                    f"[postgres] {size:>9,} {name:<9} p50 {_p(values, 50):8.2f} ms   "
                    f"p95 {_p(values, 95):8.2f} ms"
                )
            ratio = pages[size] / _p(floor, 95)
            print(f"[postgres] {size:>9,} page / hand-made SQL, p95: {ratio:.2f}x")
        if len(sizes) > 1:
            ratio = pages[sizes[-1]] / pages[sizes[0]]
            print(f"[postgres] page p95 at {sizes[-1]:,} / at {sizes[0]:,}: {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    if not postgres_answers():
        print("[postgres] no server on 127.0.0.1:5432; this benchmark needs PostgreSQL")
        return
    run([args.small, args.large], args.requests)


if __name__ == "__main__":
    main()
