"""Staff are picked and listed with their role and school (the plan form's choice of the only
transition: `test_plan_preselect`)."""

from __future__ import annotations

from django.urls import reverse

import pytest

from overdracht.meetings.models import HandoverMeeting
from tests.conftest import World, client_for
from tests.meetings.test_meetings import days_ahead, plan


@pytest.mark.django_db
def test_staff_carry_role_and_school_in_the_pickers_and_the_list(world: World) -> None:
    response = plan(
        world,
        "vo_vo",
        starts_at=days_ahead(7),
        duration_minutes=45,
        place="Lokaal 12",
        staff=[world.other_school_user.pk],
    )
    assert response.status_code == 302
    meeting = HandoverMeeting.objects.get()
    page = (
        client_for(world.care_coordinator)
        .get(reverse("meetings:meeting", args=[meeting.pk]))
        .content.decode()
    )
    invited = f"{world.other_school_user.full_name} — Zorgcoördinator / intern begeleider, "
    assert f"{invited}{world.other_school.name}" in page  # in the list of participants
    invite_part = page[page.index('value="invite"') :]
    # not invited yet: the mentor, shown with role and school in the picker
    assert f"{world.mentor.full_name} — Mentor, {world.school.name}" in invite_part
    # the agreement's owner is picked the same way
    owner_part = page[page.index('id="agreements-heading"') :]
    assert f"{world.other_school_user.full_name} — Zorgcoördinator" in owner_part


@pytest.mark.django_db
def test_the_meeting_links_on_to_the_pupil_page_for_who_knows_the_pupil(world: World) -> None:
    plan(world, "vo_vo", starts_at=days_ahead(7), duration_minutes=45, place="Lokaal 12")
    meeting = HandoverMeeting.objects.get()
    page = (
        client_for(world.care_coordinator)
        .get(reverse("meetings:meeting", args=[meeting.pk]))
        .content.decode()
    )
    assert f'href="{reverse("pupils:detail", args=[world.pupil.pk])}">Leerlingpagina' in page
