"""The yearly evaluation: every figure against the demo data, counted here along a path of
its own; small groups not shown; the pages and the PDF for who may see them."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter

from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from overdracht.accounts.models import User
from overdracht.analytics import further
from overdracht.analytics import measures as m
from overdracht.analytics.models import CohortFigure
from overdracht.analytics.refresh import cohort_refresh
from overdracht.analytics.selectors import Filters, counts_of, evaluation
from overdracht.core.school_year import current_school_year
from overdracht.demo.services import demo_region_load
from overdracht.dossiers.models import DossierSection, IntakeAnalysis
from overdracht.feedback.models import PupilFeedback
from overdracht.feedback.selectors import original_advice, position_against_advice
from overdracht.further_education.models import Registration, TransferDossier
from overdracht.pupils.models import Enrolment, Transition, TransitionStatus
from overdracht.schools.models import Region, School
from overdracht.steps.models import TransitionStep
from tests.conftest import World, client_for


def _expected(year: int) -> Counter[tuple[str, str]]:
    """The figures of the cohort, one transition at a time, from the records themselves."""
    today = timezone.localdate()
    expected: Counter[tuple[str, str]] = Counter()
    for t in Transition.objects.filter(kind="po_vo", school_year=year).exclude(
        status=TransitionStatus.CANCELLED
    ):
        advice = original_advice(t)
        enrolment = Enrolment.objects.filter(
            pupil=t.pupil, school=t.to_school, school_year=year
        ).first()
        position = position_against_advice(advice, enrolment.level if enrolment else "")
        expected[m.ADVICE_POSITION_1, f"{advice or 'unknown'}|{position or 'unknown'}"] += 1
        steps = {s.key: s for s in TransitionStep.objects.filter(transition=t)}
        for key, step in steps.items():
            if step.done_at and step.due_date:
                category = "late" if step.done_at > step.due_date else "on_time"
            elif step.done_at:
                category = "done"
            else:
                category = "overdue" if step.due_date and step.due_date < today else "not_due"
            expected[m.STEP + key, category] += 1
        review, sent = steps["review_done"].done_at, steps["dossier_sent"].done_at
        expected[
            m.REVIEW,
            "not_sent" if not sent else "before" if review and review <= sent else "not_before",
        ] += 1
        analysis = IntakeAnalysis.objects.filter(pupil=t.pupil, school=t.to_school).first()
        support_written = DossierSection.objects.filter(
            pupil=t.pupil, school=t.from_school, kind="support_needs"
        ).exists()
        if (analysis and (analysis.needs_support or analysis.discuss_in_person)) or (
            support_written
        ):
            held = steps["warm_handover_held"].done_at is not None
            expected[m.WARM_HANDOVER, "held" if held else "not_held"] += 1
        given = set(PupilFeedback.objects.filter(transition=t).values_list("moment", flat=True))
        for moment in ("first_report", "end_of_year_1", "year_3"):
            opens = {"first_report": (year, 11), "end_of_year_1": (year + 1, 6)}.get(
                moment, (year + 2, 11)
            )
            came = (today.year, today.month) >= opens
            state = "given" if moment in given else "not_given" if came else "not_due"
            expected[m.FEEDBACK + moment, state] += 1
    return expected


@pytest.mark.django_db
def test_every_figure_matches_the_demo_data() -> None:
    demo_region_load()
    year = current_school_year()
    found = counts_of(Filters(school_year=year))
    expected = _expected(year)
    for key, n in expected.items():
        assert found.get(key, 0) == n, key
    measures = {key for key in found if not key[0].startswith("passport")}
    assert measures == set(expected)  # nothing counted that the records do not hold
    size = sum(n for (measure, _), n in expected.items() if measure == m.ADVICE_POSITION_1)
    region = Region.objects.get(schools__name="Waalstad College")
    shown = evaluation(Filters(school_year=year, region=region))
    assert shown.size == size == Transition.objects.filter(kind="po_vo", school_year=year).count()
    assert shown.position_year_1 is not None
    assert shown.position_year_1.total == size
    # the region's page shows the same, and never a name
    coordinator = User.objects.get(email="swv@swv-waalstad.example")
    html = client_for(coordinator).get(reverse("analytics:region", args=[region.pk])).content
    page = html.decode()
    assert f"{size} leerlingen in dit cohort." in page
    first = Transition.objects.filter(kind="po_vo", school_year=year).first()
    assert first is not None
    assert first.pupil.surname not in page


@pytest.mark.django_db
def test_a_school_sees_its_own_transitions_and_the_pdf_reads_back() -> None:
    demo_region_load()
    year = current_school_year()
    college = School.objects.get(name="Waalstad College")
    arrived = Transition.objects.filter(kind="po_vo", school_year=year, to_school=college)
    care = client_for(User.objects.get(email="zorg@waalstad-college.example"))
    page = care.get(reverse("analytics:school", args=[college.pk])).content.decode()
    assert f"{arrived.count()} leerlingen in dit cohort." in page
    response = care.get(reverse("analytics:school_pdf", args=[college.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Evaluatie van de overstappen van Waalstad College" in text
    assert f"{arrived.count()} leerlingen in dit cohort." in text
    assert "Elke stap tegenover de datum van de regionale kalender" in text


@pytest.mark.django_db
def test_a_group_under_five_is_not_shown(world: World) -> None:
    year = Transition.objects.get(pupil=world.pupil, kind="po_vo").school_year
    cohort_refresh(year)
    assert CohortFigure.objects.filter(school_year=year).exists()
    result = evaluation(Filters(school_year=year, school=world.school))
    assert result.size == 1
    assert not result.shown
    assert result.position_year_1 is None
    assert result.steps is None
    page = client_for(world.care_coordinator).get(
        reverse("analytics:school", args=[world.school.pk]), {"year": year}
    )
    html = page.content.decode()
    assert "Minder dan 5 leerlingen passen bij deze filters" in html
    assert world.pupil.surname not in html


@pytest.mark.django_db
def test_refreshing_again_counts_the_same_and_leaves_out_cancelled_transitions(
    world: World,
) -> None:
    transition = Transition.objects.get(pupil=world.pupil, kind="po_vo")
    assert cohort_refresh(transition.school_year) == 1
    before = sorted(CohortFigure.objects.values_list("measure", "category", "count"))
    assert cohort_refresh(transition.school_year) == 1
    assert sorted(CohortFigure.objects.values_list("measure", "category", "count")) == before
    Transition.objects.filter(pk=transition.pk).update(status=TransitionStatus.CANCELLED)
    assert cohort_refresh(transition.school_year) == 0
    assert not CohortFigure.objects.exists()


@pytest.mark.django_db
def test_only_the_regions_coordinator_and_the_schools_guiding_roles_see_it(world: World) -> None:
    region = reverse("analytics:region", args=[world.school.region_id])
    school = reverse("analytics:school", args=[world.school.pk])
    assert client_for(world.partnership_user).get(region).status_code == 200
    assert client_for(world.care_coordinator).get(region).status_code == 404
    assert client_for(world.mentor).get(school).status_code == 403
    assert client_for(world.other_school_user).get(school).status_code == 404
    assert client_for(world.partnership_user).get(school).status_code == 404
    assert client_for(world.care_coordinator).get(school, {"year": "x"}).status_code == 200


@pytest.mark.django_db
def test_the_figures_to_further_education_match_the_demo_data() -> None:
    demo_region_load()
    year = current_school_year() + 1  # the exam pupils start their programme next year
    expected: Counter[tuple[str, str]] = Counter()
    for t in Transition.objects.filter(kind__in=["vo_mbo", "vo_ho"], school_year=year):
        registrations = list(Registration.objects.filter(transition=t).order_by("-registered_on"))
        active = [r for r in registrations if r.status in ("registered", "offered", "enrolled")]
        current = (active or registrations)[0] if registrations else None
        if current is None:
            expected["further:registered", "none"] += 1
            continue
        deadline = dt.date(year, 4 if t.kind == "vo_mbo" else 5, 1)
        expected[
            "further:registered", "on_time" if current.registered_on <= deadline else "late"
        ] += 1
        expected["further:intake", current.intake_outcome or "unknown"] += 1
        kinds = set(current.start_reports.values_list("kind", flat=True))
        expected["further:start", next(iter(kinds)) if kinds else "unknown"] += 1
        sent = TransferDossier.objects.filter(registration=current, sent_at__isnull=False)
        expected["further:dossier", "sent" if sent.exists() else "not_sent"] += 1
    found = counts_of(Filters(school_year=year), further.KIND)
    assert found == dict(expected)
    assert expected["further:dossier", "sent"] == 3  # the demo's dossiers at ROC Waalstad
    region = Region.objects.get(schools__name="Waalstad College")
    shown = evaluation(Filters(school_year=year, region=region))
    assert shown.further is not None
    assert shown.further_size == sum(
        n for (m_, _), n in expected.items() if m_ == "further:registered"
    )
    college = School.objects.get(name="Waalstad College")
    care = client_for(User.objects.get(email="zorg@waalstad-college.example"))
    page = care.get(reverse("analytics:school", args=[college.pk]), {"year": year}).content
    assert "Naar mbo, hbo en wo" in page.decode()
