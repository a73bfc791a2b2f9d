"""Every page that shows a pupil's personal data leaves exactly one audit row per view; the
minutes of a warm handover follow the dossier's sensitivity rules."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

import pytest

from overdracht.accounts.models import User
from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.meetings.models import HandoverMeeting, MinutesEntry
from overdracht.schools.services import membership_grant
from tests.conftest import World, client_for, make_user
from tests.meetings.test_meetings import days_ahead, plan

Page = tuple[Callable[[World], str], Callable[[World], User], AuditAction]

PAGES: dict[str, Page] = {
    "section_editor": (
        lambda w: reverse("dossiers:section_edit", args=[w.pupil.pk, "support_needs"]),
        lambda w: w.mentor,
        AuditAction.DOSSIER_SECTION_VIEWED,
    ),
    "passport_editor": (
        lambda w: reverse("passports:passport_edit", args=[w.pupil.pk]),
        lambda w: w.mentor,
        AuditAction.PASSPORT_VIEWED,
    ),
    "development_plan": (
        lambda w: reverse("care:development_plan", args=[w.pupil.pk]),
        lambda w: w.care_coordinator,
        AuditAction.DEVELOPMENT_PLAN_VIEWED,
    ),
    "steps": (
        lambda w: reverse("steps:pupil_steps", args=[w.pupil.pk]),
        lambda w: w.mentor,
        AuditAction.STEPS_VIEWED,
    ),
    "reviews": (
        lambda w: reverse("consent:reviews", args=[w.pupil.pk]),
        lambda w: w.mentor,
        AuditAction.REVIEWS_VIEWED,
    ),
    "referral_form": (
        lambda w: reverse("care:refer", args=[w.pupil.pk]),
        lambda w: w.mentor,
        AuditAction.REFERRAL_FORM_VIEWED,
    ),
    "supplement": (
        lambda w: reverse("dossiers:supplement_edit", args=[w.pupil.pk, "dyslexie"]),
        lambda w: w.care_coordinator,
        AuditAction.SUPPLEMENT_VIEWED,
    ),
    "intake_analysis": (
        lambda w: reverse("intake:analyse", args=[w.school.pk, w.pupil.pk]),
        lambda w: w.care_coordinator,
        AuditAction.INTAKE_ANALYSIS_VIEWED,
    ),
    "portal_consents": (
        lambda w: reverse("portal:consents", args=[w.pupil.pk]),
        lambda w: w.guardian_user,
        AuditAction.CONSENTS_VIEWED,
    ),
    "portal_who_looked": (
        lambda w: reverse("portal:looked", args=[w.pupil.pk]),
        lambda w: w.guardian_user,
        AuditAction.AUDIT_TRAIL_VIEWED,
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_page_with_personal_data_leaves_one_audit_row(world: World, page: str) -> None:
    url_of, user_of, action = PAGES[page]
    client = client_for(user_of(world))
    before = AuditEvent.objects.count()
    response = client.get(url_of(world))
    assert response.status_code == 200, page
    new = _since(before)
    assert [(e.action, e.subject_pupil_id) for e in new] == [(action, world.pupil.pk)]


def _since(count: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("id"))[count:]


@pytest.fixture
def meeting(world: World) -> HandoverMeeting:
    response = plan(world, "vo_vo", starts_at=days_ahead(7), duration_minutes=45, place="Lokaal 12")
    assert response.status_code == 302
    found = HandoverMeeting.objects.get()
    MinutesEntry.objects.create(
        meeting=found, text="Faalangst bij toetsen", author=world.care_coordinator
    )
    return found


@pytest.mark.django_db
def test_the_meeting_invitation_download_is_audited(world: World, meeting: HandoverMeeting) -> None:
    before = AuditEvent.objects.count()
    url = reverse("meetings:meeting_ics", args=[meeting.pk])
    assert client_for(world.care_coordinator).get(url).status_code == 200
    assert [e.action for e in _since(before)] == [AuditAction.MEETING_VIEWED]


@pytest.mark.django_db
def test_minutes_follow_the_relation_to_the_pupil(world: World, meeting: HandoverMeeting) -> None:
    url = reverse("meetings:meeting", args=[meeting.pk])
    # The mentor of the pupil's class and the care coordinator read the minutes.
    assert "Faalangst" in client_for(world.mentor).get(url).content.decode()
    assert "Faalangst" in client_for(world.care_coordinator).get(url).content.decode()
    # The mentor of another class sees the meeting, not the minutes, and cannot add any.
    other = client_for(world.other_mentor)
    page = other.get(url)
    assert page.status_code == 200
    assert "Faalangst" not in page.content.decode()
    assert other.post(url, {"form": "minutes", "minutes-text": "x"}).status_code == 404
    assert MinutesEntry.objects.count() == 1
    # Invited staff read them whatever their role.
    mentor_elsewhere = make_user("mentor2@test.example", "Mo Mentor")
    membership_grant(user=mentor_elsewhere, school=world.school, role="mentor")
    meeting.participants.create(user=mentor_elsewhere)
    assert "Faalangst" in client_for(mentor_elsewhere).get(url).content.decode()
