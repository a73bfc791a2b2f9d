"""Steps come with every new transition, each school names its own owners, and *Mijn taken*
gathers the reminders of the rest of the product."""

from __future__ import annotations

import datetime as dt
import html
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.consent.models import CorrectionRequest, ReviewParticipant
from overdracht.core.school_year import current_school_year
from overdracht.passports.models import PassportVersion
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Transition
from overdracht.regional_calendar.models import Milestone
from overdracht.regional_calendar.services import MilestoneInput, calendar_ensure, milestones_save
from overdracht.steps.catalogue import STEPS
from overdracht.steps.models import TransitionStep
from overdracht.steps.services import responsibilities_save
from tests.conftest import World, client_for
from tests.steps.helpers import career_counsellor, leaving_for_mbo, review_waiting


def _steps(transition: Transition) -> dict[str, dt.date | None]:
    return dict(TransitionStep.objects.filter(transition=transition).values_list("key", "due_date"))


def _tasks_page(user: object) -> str:
    return html.unescape(client_for(user).get(reverse("worklist:index")).content.decode())  # type: ignore[arg-type]


@pytest.mark.django_db
def test_a_new_transition_gets_its_steps_due_on_the_regions_calendar(world: World) -> None:
    year = current_school_year()
    to_mbo = leaving_for_mbo(world, world.classmate)
    steps = _steps(to_mbo)
    assert set(steps) == {key for key, _label in STEPS["vo_mbo"]}
    assert steps["registered"] == dt.date(year + 1, 4, 1)  # the region's 1 April milestone
    assert steps["review_done"] is None  # no milestone names it
    # A sender outside the installation: the receiving school's region calendar counts.
    incoming = pupil_services.transition_create(
        pupil=world.pupil_elsewhere,
        kind="po_vo",
        from_school=None,
        from_school_brin="00XX",
        from_school_name="Basisschool Elders",
        to_school=world.school,
        school_year=year + 1,
    )
    steps = _steps(incoming)
    assert len(steps) == len(STEPS["po_vo"])
    assert steps["advice_given"] == dt.date(year + 1, 3, 24)  # the final advice's milestone
    # the region moves the final advice: the step of the pupil from outside follows
    moved = dt.date(year + 1, 3, 20)
    milestones_save(
        region=world.school.region,
        school_year=year,
        values=[
            MilestoneInput(
                key=m.key,
                title=m.title,
                date=moved if m.key == "final_advice" else m.date,
                checklist=m.checklist,
            )
            for m in calendar_ensure(world.school.region, year)
        ],
    )
    assert _steps(incoming)["advice_given"] == moved


@pytest.mark.django_db
def test_each_step_names_the_owner_at_the_school_that_does_it(world: World) -> None:
    responsibilities_save(school=world.other_school, roles={"dossier_sent": "school_admin"})
    page = html.unescape(
        client_for(world.care_coordinator)
        .get(reverse("steps:pupil_steps", args=[world.pupil.pk]))
        .content.decode()
    )
    rows = {
        re.sub(r"<[^>]+>|te laat", "", row.split("</th>")[0]).strip(): row
        for row in page.split('<th scope="row">')
    }
    rows = {step: re.sub(r"<[^>]+>", "", row) for step, row in rows.items()}
    assert "Applicatiebeheerder school (Andere School)" in rows["Dossier verstuurd"]
    assert "Testcollege" not in rows["Dossier verstuurd"]
    assert "Zorgcoördinator / intern begeleider (Testcollege)" in rows["Dossier ontvangen"]
    held = rows["Warme overdracht gehouden"]
    assert "(Andere School)" in held
    assert "(Testcollege)" in held


@pytest.mark.django_db
def test_my_tasks_shows_a_near_milestone_to_its_responsible_role(world: World) -> None:
    year = current_school_year()
    leaving_for_mbo(world, world.classmate)
    counsellor = career_counsellor(world)
    milestone = Milestone.objects.filter(
        region=world.school.region, school_year=year, key="mbo_registration"
    )
    milestone.update(date=timezone.localdate() + dt.timedelta(days=40))
    assert "Aanmelding mbo" not in _tasks_page(counsellor)  # not near yet
    milestone.update(date=timezone.localdate() + dt.timedelta(days=5))
    page = _tasks_page(counsellor)
    assert "Aanmelding mbo (1 april) (Testcollege): nog 1 van 1 leerling" in page
    assert "van 1 leerlingen" not in page  # the plural follows the count
    assert reverse("regional_calendar:calendar", args=[world.school.pk]) in page
    assert "Aanmelding mbo" not in _tasks_page(world.colleague)  # not the teacher's milestone


@pytest.mark.django_db
def test_my_tasks_lists_passports_to_read_until_confirmed(world: World) -> None:
    client_for(world.care_coordinator).post(
        reverse("passports:passport_edit", args=[world.pupil.pk]),
        {"tips": "Korte stappen.\nVroeg aankondigen.\nGeen onverwachte beurt."},
    )
    assert PassportVersion.objects.filter(pupil=world.pupil).exists()
    assert "Lees het paspoort van Jan van 't Hof" in _tasks_page(world.mentor)
    assert "Lees het paspoort" not in _tasks_page(world.other_mentor)  # class 1B
    client_for(world.mentor).post(reverse("passports:passport", args=[world.pupil.pk]))
    assert "Lees het paspoort van Jan van 't Hof" not in _tasks_page(world.mentor)


@pytest.mark.django_db
def test_my_tasks_lists_reviews_past_deadline_and_correction_requests(world: World) -> None:
    outgoing = leaving_for_mbo(world, world.pupil)
    review = review_waiting(outgoing, timezone.localdate() - dt.timedelta(days=1), [world.guardian])
    CorrectionRequest.objects.create(
        pupil=world.pupil,
        school=world.school,
        requested_by_id=world.guardian_user.pk,
        text="Het telefoonnummer klopt niet.",
    )
    page = _tasks_page(world.care_coordinator)
    assert "Inzage door ouders van Jan van 't Hof: termijn verstreken" in page
    assert "Correctieverzoek voor het dossier van Jan van 't Hof" in page
    assert reverse("consent:reviews", args=[world.pupil.pk]) in page
    other = _tasks_page(world.colleague)  # a teacher does not handle reviews
    assert "Inzage door ouders" not in other
    assert "Correctieverzoek" not in other
    ReviewParticipant.objects.filter(review=review).update(seen_at=timezone.now())
    assert "Inzage door ouders van" not in _tasks_page(world.care_coordinator)


@pytest.mark.django_db
def test_transitions_made_before_steps_existed_get_them_from_the_command(world: World) -> None:
    from io import StringIO

    from django.core.management import call_command

    TransitionStep.objects.all().delete()
    out = StringIO()
    call_command("steps_fill", stdout=out)
    assert out.getvalue().startswith("1 transition(s)")
    transition = Transition.objects.get(pupil=world.pupil)
    assert len(_steps(transition)) == len(STEPS["po_vo"])
    call_command("steps_fill", stdout=out)
    assert "0 transition(s)" in out.getvalue()


@pytest.mark.django_db
def test_the_owner_marks_a_step_done_on_the_pupils_steps_page(world: World) -> None:
    transition = Transition.objects.get(pupil=world.pupil)
    received = TransitionStep.objects.get(transition=transition, key="received")
    page_url = reverse("steps:pupil_steps", args=[world.pupil.pk])
    done_url = reverse("steps:step_done", args=[received.pk])
    care = client_for(world.care_coordinator)
    assert done_url in care.get(page_url).content.decode()
    # the sending school's care coordinator does not own the receiving school's step
    assert client_for(world.other_school_user).post(done_url).status_code == 404
    assert client_for(world.colleague).post(done_url).status_code == 404
    response = care.post(done_url, {"next": page_url})
    assert response.status_code == 302
    assert response["Location"] == page_url
    received.refresh_from_db()
    assert received.done_at == timezone.localdate()
    page = care.get(page_url).content.decode()
    assert done_url not in page
    assert "(Zara Zorg)" in page  # who marked it done
    assert care.post(done_url).status_code == 404  # done already
    sent = TransitionStep.objects.get(transition=transition, key="dossier_sent")
    response = client_for(world.other_school_user).post(
        reverse("steps:step_done", args=[sent.pk]), {"next": "https://elders.example/"}
    )
    assert response["Location"] == reverse("worklist:index")  # no redirect off the site
