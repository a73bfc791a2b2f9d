"""Warm handover meetings across two schools, agreements as tasks, calendar files."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from overdracht.audit.models import AuditEvent
from overdracht.core.school_year import current_school_year
from overdracht.meetings.models import Agreement, HandoverMeeting, MinutesEntry
from overdracht.pupils import services as pupil_services
from overdracht.schools.models import School
from overdracht.schools.services import membership_grant
from tests.conftest import World, client_for, make_user

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse


def plan(world: World, kind: str, **fields: Any) -> _MonkeyPatchedWSGIResponse:
    """Testcollege's care coordinator (receiving) plans a warm handover with Andere School
    (sending) for a new transition of the given kind; `fields` fill in the form."""
    transition = pupil_services.transition_create(
        pupil=world.pupil,
        kind=kind,
        from_school=world.other_school,
        to_school=world.school,
        school_year=current_school_year() + 1,
    )
    return client_for(world.care_coordinator).post(
        reverse("meetings:plan", args=[world.pupil.pk]), {"transition": transition.pk, **fields}
    )


def make_feed_address(client: Client, **fields: str) -> str:
    """The calendar address as the feed page shows it, once, after making it."""
    page = client.post(
        reverse("worklist:feed_settings"), {"action": "rotate", **fields}
    ).content.decode()
    return page[page.index("/calendar/") : page.index(".ics") + 4]


def days_ahead(days: int) -> str:
    return (timezone.localtime() + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def meeting(world: World) -> HandoverMeeting:
    response = plan(
        world,
        "vo_vo",
        starts_at=days_ahead(7),
        duration_minutes=45,
        place="Lokaal 12",
        staff=[world.other_school_user.pk],
        guardians=[str(world.guardian.pk)],
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return HandoverMeeting.objects.get()


@pytest.mark.django_db
def test_both_schools_see_and_write_the_minutes_others_get_404(
    world: World, meeting: HandoverMeeting
) -> None:
    url = reverse("meetings:meeting", args=[meeting.pk])
    assert meeting.agenda[0] == "Opening en toestemming"
    receiving, sending = client_for(world.care_coordinator), client_for(world.other_school_user)
    assert receiving.get(url).status_code == 200
    assert sending.get(url).status_code == 200
    sending.post(
        url,
        {
            "form": "minutes",
            "minutes-text": "Lees vooraf het paspoort.",
            "minutes-agenda_item": meeting.agenda[1],
        },
    )
    receiving.post(url, {"form": "minutes", "minutes-text": "Startgesprek in week 1."})
    assert [e.school for e in MinutesEntry.objects.all()] == [world.other_school, world.school]
    third = School.objects.create(
        board=world.school.board,
        region=world.school.region,
        name="Derde School",
        brin="66FF",
        kind="VO",
    )
    outsider = make_user("zorg@derde.example")
    membership_grant(user=outsider, school=third, role="care_coordinator")
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(world.guardian_user).get(url).status_code == 404
    assert client_for(world.colleague).get(url).status_code == 404  # teacher: no handovers


@pytest.mark.django_db
def test_an_agreement_appears_in_its_owners_tasks(world: World, meeting: HandoverMeeting) -> None:
    url = reverse("meetings:meeting", args=[meeting.pk])
    due = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    client_for(world.care_coordinator).post(
        url,
        {
            "form": "agreement",
            "agreement-text": "Rooster vooraf naar ouders sturen",
            "agreement-owner": world.other_school_user.pk,
            "agreement-due_date": due,
        },
    )
    tasks = client_for(world.other_school_user).get(reverse("worklist:index"))
    assert "Rooster vooraf naar ouders sturen" in tasks.content.decode()
    agreement = Agreement.objects.get()
    client_for(world.other_school_user).post(
        reverse("meetings:agreement_done", args=[agreement.pk])
    )
    agreement.refresh_from_db()
    assert agreement.done_at is not None


@pytest.mark.django_db
def test_an_owner_must_take_part(world: World, meeting: HandoverMeeting) -> None:
    response = client_for(world.care_coordinator).post(
        reverse("meetings:meeting", args=[meeting.pk]),
        {
            "form": "agreement",
            "agreement-text": "x",
            "agreement-owner": world.mentor.pk,
            "agreement-due_date": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    assert "Selecteer een geldige keuze" in response.content.decode() or (
        "deelnemen" in response.content.decode()
    )
    assert not Agreement.objects.exists()


def _parse(data: bytes) -> Any:
    return Calendar.from_ical(data)


@pytest.mark.django_db(transaction=True)
def test_invitation_and_feed_parse_as_icalendar(world: World) -> None:
    plan(
        world,
        "po_vo",
        starts_at=days_ahead(3),
        duration_minutes=60,
        video_link="https://video.example/kamer-1",
        staff=[world.other_school_user.pk],
        guardians=[str(world.guardian.pk)],
    )
    meeting = HandoverMeeting.objects.get()
    invitations = [m for m in mail.outbox if m.attachments]
    assert sorted(m.to[0] for m in invitations) == [
        "ander@other.example",
        "ouder@test.example",
        "zorg@test.example",
    ]
    download = client_for(world.care_coordinator).get(
        reverse("meetings:meeting_ics", args=[meeting.pk])
    )
    event = next(c for c in _parse(download.content).walk() if c.name == "VEVENT")
    assert str(event["SUMMARY"]) == "Warme overdracht Jan van 't Hof"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=60)
    assert "Advies in context" in str(event["DESCRIPTION"])
    feed_url = make_feed_address(client_for(world.other_school_user))
    feed = client_for(None).get(feed_url)
    assert feed.status_code == 200
    items = {str(c["UID"]).split("-")[0]: c for c in _parse(feed.content).walk() if "UID" in c}
    assert "meeting" in items
    assert "agreement" not in items
    Agreement.objects.create(
        meeting=meeting,
        text="Rooster vooraf sturen",
        owner=world.other_school_user,
        due_date=timezone.localdate() + dt.timedelta(days=10),
        created_by_id=world.care_coordinator.pk,
    )
    feed = client_for(None).get(feed_url)
    items = {str(c["UID"]).split("-")[0]: c for c in _parse(feed.content).walk() if "UID" in c}
    assert str(items["agreement"]["SUMMARY"]) == "Afspraak: Rooster vooraf sturen"
    # the region's milestones of the user's roles come along as all-day items
    feedback = items["milestone"]
    assert isinstance(feedback.decoded("DTSTART"), dt.date)
    assert not isinstance(feedback.decoded("DTSTART"), dt.datetime)
    assert client_for(None).get("/calendar/made-up.ics").status_code == 404


@pytest.mark.django_db
def test_a_meeting_in_the_past_is_refused_in_dutch(world: World) -> None:
    response = plan(
        world, "vo_vo", starts_at="2020-01-01T10:00", duration_minutes=45, place="Lokaal 1"
    )
    assert "niet in het verleden" in response.content.decode()
    assert not HandoverMeeting.objects.exists()


@pytest.mark.django_db
def test_minutes_after_the_start_mark_the_warm_handover_held(
    world: World, meeting: HandoverMeeting
) -> None:
    from overdracht.steps.models import TransitionStep

    url = reverse("meetings:meeting", args=[meeting.pk])
    held = TransitionStep.objects.get(transition=meeting.transition, key="warm_handover_held")
    teacher = client_for(world.care_coordinator)
    teacher.post(url, {"form": "minutes", "minutes-text": "Voorbereiding: paspoort lezen."})
    held.refresh_from_db()
    assert held.done_at is None  # written before the meeting: preparation
    HandoverMeeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=1)
    )
    teacher.post(url, {"form": "minutes", "minutes-text": "Startgesprek in week 1."})
    held.refresh_from_db()
    assert held.done_at == timezone.localdate()


@pytest.mark.django_db
def test_the_schools_warm_handovers_page_lists_who_still_needs_one(world: World) -> None:
    from overdracht.dossiers.models import IntakeAnalysis

    IntakeAnalysis.objects.create(
        pupil=world.pupil,
        school=world.school,
        discuss_in_person=True,
        analysed_by_id=world.care_coordinator.pk,
    )
    url = reverse("meetings:school_meetings", args=[world.school.pk])
    care = client_for(world.care_coordinator)
    page = care.get(url).content.decode()
    waiting = page[page.index('data-testid="to-discuss"') :]
    assert reverse("meetings:plan", args=[world.pupil.pk]) in waiting
    # a teacher neither opens the page nor sees the flag in their tasks
    assert client_for(world.colleague).get(url).status_code == 403
    tasks = client_for(world.colleague).get(reverse("worklist:index")).content.decode()
    assert "Nog persoonlijk te bespreken" not in tasks
    assert client_for(world.other_school_user).get(url).status_code == 404

    response = plan(world, "vo_vo", starts_at=days_ahead(3), duration_minutes=30, place="B1")
    assert response.status_code == 302
    page = care.get(url).content.decode()
    assert 'data-testid="to-discuss"' not in page
    planned = page[page.index('data-testid="school-meetings"') :]
    assert world.pupil.name.replace("'", "&#x27;") in planned
    other_page = client_for(world.other_school_user).get(
        reverse("meetings:school_meetings", args=[world.other_school.pk])
    )
    assert "Testcollege" in other_page.content.decode()  # the sending side sees it too


@pytest.mark.django_db
def test_invited_guardians_see_the_meeting_and_agreements_in_the_portal(
    world: World, meeting: HandoverMeeting
) -> None:
    Agreement.objects.create(
        meeting=meeting,
        text="Startgesprek met de mentor in week 1",
        owner=world.care_coordinator,
        due_date=timezone.localdate() + dt.timedelta(days=30),
        created_by_id=world.care_coordinator.pk,
    )
    MinutesEntry.objects.create(
        meeting=meeting, text="Interne notitie", author=world.care_coordinator, school=world.school
    )
    page = (
        client_for(world.guardian_user)
        .get(reverse("portal:child", args=[world.pupil.pk]))
        .content.decode()
    )
    card = page[page.index('data-testid="family-meeting"') :]
    assert "Lokaal 12" in card
    assert meeting.agenda[0] in card
    assert "Startgesprek met de mentor in week 1" in card
    assert "Interne notitie" not in page  # the minutes stay with the schools
    meeting.participants.filter(guardian__isnull=False).delete()
    page = (
        client_for(world.guardian_user)
        .get(reverse("portal:child", args=[world.pupil.pk]))
        .content.decode()
    )
    assert 'data-testid="family-meeting"' not in page  # not invited: not shown


@pytest.mark.django_db(transaction=True)  # the e-mails go after the commit
def test_moving_and_cancelling_tell_everyone_with_a_newer_calendar_item(
    world: World, meeting: HandoverMeeting
) -> None:
    url = reverse("meetings:meeting", args=[meeting.pk])
    sending = client_for(world.other_school_user)  # the other school may change it too
    mail.outbox.clear()
    response = sending.post(
        url,
        {
            "form": "change",
            "change-starts_at": days_ahead(9),
            "change-duration_minutes": 60,
            "change-place": "Lokaal 14",
            "change-video_link": "",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.duration_minutes, meeting.sequence) == ("Lokaal 14", 60, 1)
    changed = [m for m in mail.outbox if m.attachments]
    assert sorted(m.to[0] for m in changed) == [
        "ander@other.example",
        "ouder@test.example",
        "zorg@test.example",
    ]
    event = next(c for c in _parse(changed[0].attachments[0][1]).walk() if c.name == "VEVENT")
    assert int(event["SEQUENCE"]) == 1
    assert str(event["LOCATION"]) == "Lokaal 14"
    # a date in the past is refused in Dutch; nothing changes
    page = sending.post(
        url,
        {
            "form": "change",
            "change-starts_at": days_ahead(-1),
            "change-duration_minutes": 60,
            "change-place": "Lokaal 15",
        },
        follow=True,
    ).content.decode()
    assert "Het gesprek kan niet in het verleden liggen." in page
    meeting.refresh_from_db()
    assert meeting.place == "Lokaal 14"

    mail.outbox.clear()
    client_for(world.care_coordinator).post(
        url, {"form": "cancel", "cancel-reason": "De leerling is ziek."}
    )
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    (first, *_rest) = [m for m in mail.outbox if m.attachments]
    assert "De leerling is ziek." in first.body
    calendar = _parse(first.attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    event = next(c for c in calendar.walk() if c.name == "VEVENT")
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CANCELLED", 2)
    page = client_for(world.care_coordinator).get(url).content.decode()
    assert 'data-testid="cancelled"' in page
    assert 'value="minutes"' not in page  # no more minutes on a cancelled meeting
    refused = client_for(world.other_school_user).post(
        url,
        {
            "form": "change",
            "change-starts_at": days_ahead(12),
            "change-duration_minutes": 30,
            "change-place": "Lokaal 16",
        },
        follow=True,
    )
    assert "Deze warme overdracht is geannuleerd." in refused.content.decode()
    meeting.refresh_from_db()
    assert (meeting.place, meeting.sequence) == ("Lokaal 14", 2)
    assert set(
        AuditEvent.objects.filter(target=f"meeting:{meeting.pk}").values_list("action", flat=True)
    ) >= {"meeting.changed", "meeting.cancelled"}


@pytest.mark.django_db(transaction=True)  # the e-mails go after the commit
def test_more_people_are_invited_later_and_only_they_get_the_invitation(
    world: World, meeting: HandoverMeeting
) -> None:
    url = reverse("meetings:meeting", args=[meeting.pk])
    page = client_for(world.care_coordinator).get(url).content.decode()
    invite_part = page[page.index('value="invite"') :]
    assert "Mia Mentor" in invite_part  # staff of the school not invited yet
    assert "Olga Anders" not in invite_part[: invite_part.index("</form>")]  # invited already
    mail.outbox.clear()
    response = client_for(world.care_coordinator).post(
        url, {"form": "invite", "invite-staff": [world.mentor.pk]}
    )
    assert response.status_code == 302
    assert meeting.participants.filter(user=world.mentor).exists()
    assert [m.to for m in mail.outbox] == [["mentor@test.example"]]
    tasks = client_for(world.mentor).get(reverse("worklist:index")).content.decode()
    assert url in tasks  # the meeting is in the new participant's list
    outsider = make_user("ander@derde.example")
    response = client_for(world.care_coordinator).post(
        url, {"form": "invite", "invite-staff": [outsider.pk]}
    )
    assert not meeting.participants.filter(user=outsider).exists()  # not of either school


@pytest.mark.django_db(transaction=True)
def test_the_invitation_keeps_place_and_video_and_says_who_where_and_to_whom(
    world: World,
) -> None:
    plan(
        world,
        "po_vo",
        starts_at=days_ahead(3),
        duration_minutes=45,
        place="Lokaal 12",
        video_link="https://video.example/kamer-1",
        staff=[world.other_school_user.pk],
        guardians=[str(world.guardian.pk)],
    )
    meeting = HandoverMeeting.objects.get()
    invitations = {m.to[0]: m for m in mail.outbox if m.attachments}
    assert set(invitations) == {"ander@other.example", "ouder@test.example", "zorg@test.example"}
    events = {
        address: next(c for c in _parse(m.attachments[0][1]).walk() if c.name == "VEVENT")
        for address, m in invitations.items()
    }
    for event in events.values():
        assert str(event["LOCATION"]) == "Lokaal 12"  # the place is kept beside the video
        assert "https://video.example/kamer-1" in str(event["DESCRIPTION"])
        assert str(event["ORGANIZER"]) == "mailto:noreply@localhost"
        assert event["ORGANIZER"].params["CN"] == "Overdracht"
        attendees = sorted(str(a) for a in event["ATTENDEE"])
        assert attendees == [
            "mailto:ander@other.example",
            "mailto:ouder@test.example",
            "mailto:zorg@test.example",
        ]
        assert "Hof" not in str(event["SUMMARY"])  # initials: the item lives outside school
    assert str(events["ouder@test.example"]["URL"]).endswith(
        reverse("portal:child", args=[world.pupil.pk])
    )
    assert str(events["zorg@test.example"]["URL"]).endswith(
        reverse("meetings:meeting", args=[meeting.pk])
    )
    body = invitations["ouder@test.example"].body
    assert "Over: Jan" in body
    assert "Testcollege" in body
    assert "Andere School" in body
    assert "Plaats: Lokaal 12" in body
    assert reverse("portal:child", args=[world.pupil.pk]) in body
    assert "/meetings/" not in body
