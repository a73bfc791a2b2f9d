"""The roster import runs in the task worker and the page follows it with a progress bar:
one click queues one import, a second run imports nothing more, a failure rolls everything
back and says so, and a worker that stopped halfway picks the file up again."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

import pytest

from overdracht.accounts.actor import Actor
from overdracht.core.progress import progress_of, progress_report
from overdracht.core.school_year import current_school_year
from overdracht.pupils.models import Enrolment
from overdracht.roster.importing import (
    ImportRefusedError,
    roster_import_request,
    roster_import_run,
    roster_imports_resume,
)
from overdracht.roster.models import ColumnMapping, RosterUpload, UploadState
from overdracht.roster.services import mapping_save, roster_import, roster_upload
from tests.conftest import World, client_for
from tests.roster.helpers import magister_export


def _uploaded(world: World, pupils: int = 60) -> RosterUpload:
    from overdracht.core.tabular import read_table
    from overdracht.roster.columns import mapping_for

    data = magister_export(pupils, world.mentor.email, bad=False)
    made = roster_upload(
        actor=Actor(user=world.school_admin),
        school=world.school,
        name="leerlingen.csv",
        data=data,
        school_year=current_school_year(),
        preset="magister",
    )
    mapping_save(
        school=world.school,
        preset="magister",
        columns=mapping_for(read_table(data).headers, "magister", {}),
    )
    return made


def _imported() -> int:
    return Enrolment.objects.filter(
        school_year=current_school_year(), pupil_number__startswith="700"
    ).count()


@pytest.mark.django_db
def test_the_import_reports_its_progress_while_it_writes(world: World) -> None:
    made = _uploaded(world, pupils=60)
    heard: list[tuple[int, int]] = []
    mapping = ColumnMapping.objects.get(school=world.school).columns
    roster_import(
        actor=Actor(user=world.school_admin),
        upload=made,
        mapping=mapping,
        end_missing=False,
        progress=lambda done, total: heard.append((done, total)),
    )
    assert heard == [(0, 60), (25, 60), (50, 60)]


@pytest.mark.django_db
def test_the_page_queues_the_import_and_shows_the_report_when_done(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    made = _uploaded(world, pupils=30)
    client = client_for(world.school_admin)
    url = reverse("roster:preview", args=[world.school.pk, made.pk])
    with django_capture_on_commit_callbacks(execute=True) as queued:
        answer = client.post(url, {"start": "1"})
    assert answer.status_code == 302
    assert len(queued) == 1
    # The test settings run a task at once; in production the worker takes it.
    made.refresh_from_db()
    assert made.state == UploadState.IMPORTED
    assert _imported() == 30
    page = client.get(url).content.decode()
    assert "Nieuwe leerlingen: 30" in page
    figures = client.get(url, headers={"Accept": "application/json"}).json()
    assert figures["finished"] is True


@pytest.mark.django_db
def test_while_queued_the_page_shows_a_progress_bar_and_the_figures(world: World) -> None:
    made = _uploaded(world, pupils=5)
    RosterUpload.objects.filter(pk=made.pk).update(state=UploadState.RUNNING)
    progress_report(f"roster:{made.pk}", done=25, total=100)
    client = client_for(world.school_admin)
    url = reverse("roster:preview", args=[world.school.pk, made.pk])
    page = client.get(url).content.decode()
    assert '<progress id="roster-progress" max="100" value="25">' in page
    assert "25 van 100 leerlingen geschreven" in page
    assert '<meta http-equiv="refresh" content="3">' in page  # without JavaScript
    figures = client.get(url, headers={"Accept": "application/json"}).json()
    assert figures == {
        "done": 25,
        "total": 100,
        "percent": 25,
        "text": "25 van 100 leerlingen geschreven",
        "finished": False,
    }
    again = client.post(url, {"start": "1"})  # a second click queues nothing
    assert '<progress id="roster-progress"' in again.content.decode()
    assert _imported() == 0


@pytest.mark.django_db
def test_one_click_one_import(world: World, django_capture_on_commit_callbacks: Any) -> None:
    made = _uploaded(world, pupils=10)
    actor = Actor(user=world.school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        roster_import_request(actor=actor, upload=made, end_missing=False)
    with pytest.raises(ImportRefusedError):
        roster_import_request(actor=actor, upload=made, end_missing=False)
    roster_import_run.call(upload_id=made.pk)  # a second run of the task
    assert _imported() == 10
    made.refresh_from_db()
    assert made.report["new"] == 10


@pytest.mark.django_db
def test_a_failed_import_writes_nothing_says_so_and_can_be_tried_again(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    made = _uploaded(world, pupils=10)
    world.school_admin.delete()  # the person who asked is gone by the time the worker runs
    RosterUpload.objects.filter(pk=made.pk).update(
        state=UploadState.QUEUED, import_requested_by_id=999_999
    )
    roster_import_run.call(upload_id=made.pk)
    made.refresh_from_db()
    assert made.state == UploadState.FAILED
    assert made.data is not None  # kept for another try
    assert _imported() == 0
    assert progress_of(f"roster:{made.pk}").total == 0
    from overdracht.schools.services import membership_grant
    from tests.conftest import make_user

    admin = make_user("beheer2@test.example", "Bea Beheer")
    membership_grant(user=admin, school=world.school, role="school_admin")
    client = client_for(admin)
    url = reverse("roster:preview", args=[world.school.pk, made.pk])
    page = client.get(url).content.decode()
    assert "Het inlezen is gestopt door een fout; er is niets veranderd." in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"start": "1"})
    made.refresh_from_db()
    assert made.state == UploadState.IMPORTED
    assert _imported() == 10


@pytest.mark.django_db
def test_an_import_a_stopped_worker_left_halfway_is_queued_again(world: World) -> None:
    made = _uploaded(world, pupils=10)
    RosterUpload.objects.filter(pk=made.pk).update(
        state=UploadState.RUNNING, import_requested_by_id=world.school_admin.pk
    )
    assert roster_imports_resume() == [made.pk]  # the test backend runs it at once
    made.refresh_from_db()
    assert made.state == UploadState.IMPORTED
    assert _imported() == 10
