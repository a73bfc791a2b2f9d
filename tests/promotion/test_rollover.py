"""Promotion decisions and the year rollover: norms as data, decisions with their rules,
the rollover per class (all or nothing per class, idempotent, undoable until the new year
starts), the mentor handovers it asks for, and access that follows the new class."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

import pytest

from overdracht.accounts.actor import Actor
from overdracht.core.school_year import current_school_year
from overdracht.meetings.models import HandoverMeeting
from overdracht.promotion import rollover as rollovers
from overdracht.promotion.models import Outcome, PromotionDecision, Rollover, RolloverState
from overdracht.promotion.norms import DEFAULT_NORMS, Norm, default_next_class, proposal_for
from overdracht.promotion.selectors import rollover_preview
from overdracht.promotion.services import class_plan_save, decision_save, norms_save, pupil_move
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Enrolment, Pupil, Transition
from overdracht.schools.models import ClassGroup
from overdracht.steps.models import TransitionStep
from tests.conftest import World, make_pupil, make_user

YEAR = current_school_year()


def _enrolment(pupil: Pupil, world: World) -> Enrolment:
    return Enrolment.objects.get(pupil=pupil, school=world.school, school_year=YEAR)


def _add(world: World, class_group: ClassGroup, name: str, surname: str) -> Pupil:
    pupil = make_pupil(name, surname)
    pupil_services.enrolment_create(
        pupil=pupil,
        school=world.school,
        school_year=YEAR,
        year_group=1,
        class_group=class_group,
        level="vwo",
        start_date=dt.date(YEAR, 8, 20),
    )
    return pupil


def _next_class_name(pupil: Pupil) -> str:
    class_group = Enrolment.objects.get(pupil=pupil, school_year=YEAR + 1).class_group
    return class_group.name if class_group else ""


def _run(world: World, capture: Any) -> Rollover:
    with capture(execute=True):
        made = rollovers.rollover_request(
            actor=Actor(user=world.mentor), school=world.school, from_year=YEAR
        )
    made.refresh_from_db()
    return made


@pytest.fixture
def decided(world: World) -> dict[str, Pupil]:
    """Class 1A: Jan promoted, Mila repeats, Noor to havo in 2H, Daan leaves for the MBO,
    Sem without a decision. Class 1B: Ali promoted on conditions."""
    actor = Actor(user=world.mentor)
    pupils = {
        "jan": world.pupil,
        "mila": _add(world, world.class_group, "Mila", "Bakker"),
        "noor": _add(world, world.class_group, "Noor", "Visser"),
        "daan": _add(world, world.class_group, "Daan", "Smit"),
        "sem": _add(world, world.class_group, "Sem", "Mulder"),
        "ali": world.classmate,
    }
    decision_save(
        actor=actor,
        enrolment=_enrolment(pupils["jan"], world),
        insufficient_marks=0,
        outcome=Outcome.PROMOTED,
    )
    decision_save(
        actor=actor,
        enrolment=_enrolment(pupils["mila"], world),
        insufficient_marks=5,
        outcome=Outcome.REPEATS,
        reason="Veel gemist",
    )
    decision_save(
        actor=actor,
        enrolment=_enrolment(pupils["noor"], world),
        insufficient_marks=3,
        outcome=Outcome.OTHER_LEVEL,
        next_level="havo",
        next_class_name="2H",
    )
    decision_save(
        actor=actor,
        enrolment=_enrolment(pupils["daan"], world),
        insufficient_marks=2,
        outcome=Outcome.LEAVES,
        leaving_to="vo_mbo",
    )
    decision_save(
        actor=actor,
        enrolment=_enrolment(pupils["ali"], world),
        insufficient_marks=2,
        outcome=Outcome.CONDITIONS,
        conditions="Herkansing wiskunde in augustus",
    )
    return pupils


def test_the_norms_propose_from_the_number_of_insufficient_marks() -> None:
    assert [proposal_for(DEFAULT_NORMS, n) for n in (0, 1, 2, 3, 4, 9)] == [
        "promoted",
        "promoted",
        "discuss",
        "discuss",
        "repeats",
        "repeats",
    ]
    assert proposal_for(DEFAULT_NORMS, None) == ""
    assert default_next_class("1A", 1, Outcome.PROMOTED) == "2A"
    assert default_next_class("1H2", 1, Outcome.CONDITIONS) == "2H2"
    assert default_next_class("1A", 1, Outcome.REPEATS) == "1A"
    assert default_next_class("brugklas", 1, Outcome.PROMOTED) == "2brugklas"
    assert default_next_class("1A", 1, Outcome.LEAVES) == ""


@pytest.mark.django_db
def test_a_school_sets_its_own_norms_and_overlapping_lines_are_refused(world: World) -> None:
    actor = Actor(user=world.mentor)
    with pytest.raises(ValidationError):
        norms_save(
            actor=actor,
            school=world.school,
            norms=[Norm(0, 2, "promoted"), Norm(2, None, "discuss")],
        )
    norms_save(
        actor=actor, school=world.school, norms=[Norm(0, 2, "promoted"), Norm(3, None, "discuss")]
    )
    from overdracht.promotion.norms import norms_of

    assert proposal_for(norms_of(world.school), 2) == "promoted"


@pytest.mark.django_db
def test_a_decision_asks_what_its_outcome_needs(world: World) -> None:
    actor = Actor(user=world.mentor)
    enrolment = _enrolment(world.pupil, world)
    for outcome, field in [
        (Outcome.CONDITIONS, "conditions"),
        (Outcome.OTHER_LEVEL, "next_level"),
        (Outcome.LEAVES, "leaving_to"),
    ]:
        with pytest.raises(ValidationError) as refused:
            decision_save(
                actor=actor, enrolment=enrolment, insufficient_marks=None, outcome=outcome
            )
        assert field in refused.value.message_dict
    assert not PromotionDecision.objects.exists()


@pytest.mark.django_db
def test_the_preview_shows_next_years_classes_and_writes_nothing(
    world: World, decided: dict[str, Pupil]
) -> None:
    preview = rollover_preview(world.school, YEAR)
    assert preview.class_names == ["1A", "2A", "2B", "2H"]
    by_name = {c.name: [r.pupil.call_name for r in c.pupils] for c in preview.classes}
    assert by_name == {"1A": ["Mila"], "2A": ["Jan"], "2B": ["Ali"], "2H": ["Noor"]}
    assert [p.call_name for p, _c, _to in preview.leavers] == ["Daan"]
    assert [p.call_name for p, _c in preview.pending] == ["Sem"]
    assert not Enrolment.objects.filter(school_year=YEAR + 1).exists()


@pytest.mark.django_db
def test_the_rollover_moves_every_decided_pupil_and_asks_for_mentor_handovers(
    world: World, decided: dict[str, Pupil], django_capture_on_commit_callbacks: Any
) -> None:
    new_mentor = make_user("mentor2a@test.example", "Nina Nieuw")
    class_plan_save(
        school=world.school, school_year=YEAR + 1, name="2A", year_group=2, mentor=new_mentor
    )
    made = _run(world, django_capture_on_commit_callbacks)
    assert made.state == RolloverState.DONE
    assert made.classes_done == made.classes_total == 2
    nxt = {
        e.pupil.call_name: (e.class_group.name if e.class_group else "", e.year_group, e.level)
        for e in Enrolment.objects.filter(school_year=YEAR + 1).select_related(
            "pupil", "class_group"
        )
    }
    assert nxt == {
        "Jan": ("2A", 2, ""),
        "Mila": ("1A", 1, "vwo"),
        "Noor": ("2H", 2, "havo"),
        "Ali": ("2B", 2, ""),
    }
    assert ClassGroup.objects.get(school_year=YEAR + 1, name="2A").mentors.get() == new_mentor
    daan = _enrolment(decided["daan"], world)
    assert daan.end_date == dt.date(YEAR + 1, 7, 31)
    assert Transition.objects.get(pupil=decided["daan"]).kind == "vo_mbo"
    handovers = Transition.objects.filter(kind="within_school", school_year=YEAR + 1)
    # Jan's mentor changes (2A has Nina); Mila, Noor and Ali get classes without a mentor yet.
    assert sorted(t.pupil.call_name for t in handovers) == ["Ali", "Jan", "Mila", "Noor"]
    assert TransitionStep.objects.filter(transition__in=handovers).exists()
    assert made.report["1A"] == {
        "moved": 2,
        "repeats": 1,
        "leaves": 1,
        "pending": 1,
        "handovers": 3,
        "kept": 0,
    }


@pytest.mark.django_db
def test_a_continuity_mentor_keeps_the_group_without_a_handover(
    world: World, decided: dict[str, Pupil], django_capture_on_commit_callbacks: Any
) -> None:
    class_plan_save(
        school=world.school, school_year=YEAR + 1, name="2A", year_group=2, mentor=world.mentor
    )
    _run(world, django_capture_on_commit_callbacks)
    assert not Transition.objects.filter(pupil=world.pupil, kind="within_school").exists()
    assert _next_class_name(world.pupil) == "2A"


@pytest.mark.django_db
def test_running_it_again_changes_nothing(
    world: World, decided: dict[str, Pupil], django_capture_on_commit_callbacks: Any
) -> None:
    _run(world, django_capture_on_commit_callbacks)
    before = (Enrolment.objects.count(), Transition.objects.count(), ClassGroup.objects.count())
    again = _run(world, django_capture_on_commit_callbacks)
    assert (
        Enrolment.objects.count(),
        Transition.objects.count(),
        ClassGroup.objects.count(),
    ) == before
    assert again.report["1A"]["kept"] == 3  # Daan has left: not in the class any more
    # a decision recorded afterwards is moved by the next run, and only that pupil
    decision_save(
        actor=Actor(user=world.mentor),
        enrolment=_enrolment(decided["sem"], world),
        insufficient_marks=1,
        outcome=Outcome.PROMOTED,
    )
    _run(world, django_capture_on_commit_callbacks)
    assert Enrolment.objects.count() == before[0] + 1


@pytest.mark.django_db
def test_a_class_that_fails_rolls_back_alone(
    world: World,
    decided: dict[str, Pupil],
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = pupil_services.enrolments_create

    def failing(enrolments: list[Enrolment]) -> list[Enrolment]:
        if any(e.pupil.call_name == "Noor" for e in enrolments):
            raise RuntimeError("the database went away")
        return real(enrolments)

    monkeypatch.setattr(pupil_services, "enrolments_create", failing)
    made = _run(world, django_capture_on_commit_callbacks)
    assert made.report["1A"] == {"failed": "RuntimeError"}
    assert made.report["1B"]["moved"] == 1
    one_a = [decided[k].pk for k in ("jan", "mila", "noor", "daan")]
    assert not Enrolment.objects.filter(pupil_id__in=one_a, school_year=YEAR + 1).exists()
    assert _enrolment(decided["daan"], world).end_date is None  # Daan's leaving rolled back too
    assert not Transition.objects.filter(pupil_id__in=one_a, school_year=YEAR + 1).exists()
    assert Enrolment.objects.filter(pupil=world.classmate, school_year=YEAR + 1).exists()


@pytest.mark.django_db
def test_the_rollover_is_undone_whole_until_work_starts_or_the_year_begins(
    world: World,
    decided: dict[str, Pupil],
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = (Enrolment.objects.count(), Transition.objects.count(), ClassGroup.objects.count())
    made = _run(world, django_capture_on_commit_callbacks)
    rollovers.rollover_undo(actor=Actor(user=world.mentor), rollover=made)
    assert (
        Enrolment.objects.count(),
        Transition.objects.count(),
        ClassGroup.objects.count(),
    ) == before
    assert _enrolment(decided["daan"], world).end_date is None
    made.refresh_from_db()
    assert made.state == RolloverState.UNDONE
    # Again, and a conversation is planned on one of its handovers: no undo.
    made = _run(world, django_capture_on_commit_callbacks)
    handover = Transition.objects.filter(kind="within_school").first()
    assert handover is not None
    HandoverMeeting.objects.create(
        transition=handover,
        starts_at=dt.datetime(YEAR + 1, 6, 30, 10, tzinfo=dt.UTC),
        created_by_id=world.mentor.pk,
    )
    assert rollovers.undo_blockers(made)
    with pytest.raises(rollovers.RolloverRefusedError):
        rollovers.rollover_undo(actor=Actor(user=world.mentor), rollover=made)
    HandoverMeeting.objects.all().delete()
    # On the first day of the new school year, the rollover stays.
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(YEAR + 1, 8, 1))
    with pytest.raises(rollovers.RolloverRefusedError):
        rollovers.rollover_undo(actor=Actor(user=world.mentor), rollover=made)


@pytest.mark.django_db
def test_moving_a_pupil_before_the_rollover(
    world: World, decided: dict[str, Pupil], django_capture_on_commit_callbacks: Any
) -> None:
    decision = PromotionDecision.objects.get(enrolment__pupil=world.pupil)
    pupil_move(decision=decision, next_class_name="2H")
    _run(world, django_capture_on_commit_callbacks)
    assert _next_class_name(world.pupil) == "2H"
    with pytest.raises(ValidationError):
        pupil_move(
            decision=PromotionDecision.objects.get(enrolment__pupil=decided["daan"]),
            next_class_name="2A",
        )


@pytest.mark.django_db
def test_queries_per_class_do_not_grow_with_the_class(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    actor = Actor(user=world.mentor)
    rollover = Rollover.objects.create(
        school=world.school, from_year=YEAR, requested_by_id=world.mentor.pk
    )
    counted = []
    # The first class also makes the region's calendar for the year: measured after it.
    for size, name in [(3, "1W"), (5, "1S"), (25, "1L")]:
        klass = ClassGroup.objects.create(
            school=world.school, school_year=YEAR, name=name, year_group=1
        )
        for n in range(size):
            pupil = _add(world, klass, f"P{n}", f"Klas{name}")
            outcome = [Outcome.PROMOTED, Outcome.REPEATS, Outcome.LEAVES][n % 3]
            decision_save(
                actor=actor,
                enrolment=_enrolment(pupil, world),
                insufficient_marks=0,
                outcome=outcome,
                leaving_to="vo_mbo" if outcome == Outcome.LEAVES else "",
            )
        with CaptureQueriesContext(connection) as queries:
            rollovers._class_move(rollover, klass)
        counted.append(len(queries.captured_queries))
    assert counted[1] == counted[2], counted


@pytest.mark.django_db
def test_a_rollover_a_stopped_worker_left_halfway_goes_on(
    world: World, decided: dict[str, Pupil]
) -> None:
    rollover = Rollover.objects.create(
        school=world.school,
        from_year=YEAR,
        state=RolloverState.RUNNING,
        classes_total=2,
        classes_done=1,
        requested_by_id=world.mentor.pk,
    )
    assert rollovers.rollovers_resume() == [rollover.pk]  # the test backend runs it at once
    rollover.refresh_from_db()
    assert rollover.state == RolloverState.DONE
    assert rollover.classes_done == 2
    assert Enrolment.objects.filter(school_year=YEAR + 1).count() == 4
