"""The passport, read receipts, the class overview and the dashboard of unread passports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.core.school_year import current_school_year
from overdracht.passports.models import PassportVersion, ReadReceipt
from overdracht.pupils import services as pupil_services
from overdracht.schools.services import class_group_teacher_add
from tests.conftest import World, client_for, make_pupil, make_user

TIPS = "\n".join(
    [
        "Geef de opdracht in korte stappen.",
        "Kondig wijzigingen vroeg aan.",
        "Geef geen onverwachte beurt.",
    ]
)


def write(client: Client, world: World, tips: str = TIPS, **extra: Any) -> Any:
    return client.post(
        reverse("passports:passport_edit", args=[world.pupil.pk]), {"tips": tips, **extra}
    )


@pytest.fixture
def teacher_1a(world: World) -> Any:
    teacher = make_user("wiskunde@test.example", "Wim Wiskunde")
    class_group_teacher_add(class_group=world.class_group, user=teacher, subject="wiskunde")
    return teacher


@pytest.mark.django_db
def test_passport_needs_3_to_6_tips_with_a_dutch_message(world: World) -> None:
    response = write(client_for(world.care_coordinator), world, tips="Alleen één tip")
    assert "Schrijf 3 tot 6 concrete tips" in response.content.decode()
    assert not PassportVersion.objects.exists()


@pytest.mark.django_db
def test_who_reads_the_passport(world: World, teacher_1a: Any) -> None:
    write(client_for(world.care_coordinator), world, arrangements=["extra_time"])
    url = reverse("passports:passport", args=[world.pupil.pk])
    for user, status in [
        (world.mentor, 200),
        (teacher_1a, 200),
        (world.care_coordinator, 200),
        (world.colleague, 404),
        (world.other_mentor, 404),
        (world.other_school_user, 404),
        (world.guardian_user, 404),
    ]:
        assert client_for(user).get(url).status_code == status, user.email
    page = client_for(teacher_1a).get(url).content.decode()
    assert "Geef de opdracht in korte stappen." in page
    assert "Extra tijd" in page


@pytest.mark.django_db
def test_a_new_version_asks_for_a_new_confirmation(world: World, teacher_1a: Any) -> None:
    care = client_for(world.care_coordinator)
    write(care, world)
    teacher = client_for(teacher_1a)
    url = reverse("passports:passport", args=[world.pupil.pk])
    teacher.post(url)
    assert "U heeft bevestigd" in teacher.get(url).content.decode()
    write(care, world, tips=TIPS + "\nLaat de leerling zelf de planning maken.")
    page = teacher.get(url).content.decode()
    assert "Ik heb dit paspoort gelezen" in page
    assert ReadReceipt.objects.filter(user_id=teacher_1a.pk).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.PASSPORT_CONFIRMED).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.PASSPORT_VIEWED).count() == 2


@pytest.mark.django_db
def test_class_overview_shows_the_class_and_clusters(world: World, teacher_1a: Any) -> None:
    write(client_for(world.care_coordinator), world, arrangements=["extra_time", "laptop"])
    page = (
        client_for(teacher_1a)
        .get(reverse("passports:class_overview", args=[world.class_group.pk]))
        .content.decode()
    )
    assert "Jan van &#x27;t Hof" in page
    assert "Extra tijd:</strong> Jan van" in page
    assert (
        client_for(world.colleague)
        .get(reverse("passports:class_overview", args=[world.class_group.pk]))
        .status_code
        == 404
    )


@pytest.mark.django_db
def test_confirming_from_the_class_overview_shows_on_the_dashboard(
    world: World, teacher_1a: Any
) -> None:
    write(client_for(world.care_coordinator), world)
    passport = PassportVersion.objects.get()
    PassportVersion.objects.filter(pk=passport.pk).update(
        created_at=passport.created_at - dt.timedelta(days=4)
    )
    client_for(world.mentor).post(
        reverse("passports:class_confirm", args=[world.class_group.pk, passport.pk])
    )
    page = (
        client_for(world.care_coordinator)
        .get(reverse("passports:unread", args=[world.school.pk]))
        .content.decode()
    )
    section = page[page.index('data-testid="unread-1A"') :]
    mentor_row = section[
        section.index("Mia Mentor") : section.index("</tr>", section.index("Mia Mentor"))
    ]
    teacher_row = section[
        section.index("Wim Wiskunde") : section.index("</tr>", section.index("Wim Wiskunde"))
    ]
    assert "alles gelezen" in mentor_row
    assert "<strong>1</strong>" in teacher_row
    assert ">4<" in teacher_row
    # which pupil's passport waits for the teacher, linked to it
    passport_url = reverse("passports:passport", args=[passport.pupil_id])
    assert f'<a href="{passport_url}">{escape(passport.pupil.name)}</a>' in teacher_row
    assert passport_url not in mentor_row
    assert (
        client_for(world.mentor)
        .get(reverse("passports:unread", args=[world.school.pk]))
        .status_code
        == 403
    )


def _row(html: str, name: str) -> str:
    start = html.index(name)
    return html[start : html.index("</tr>", start)]


def _overview_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_class_overview_query_count_does_not_grow_with_class_size(
    world: World, teacher_1a: Any
) -> None:
    care = client_for(world.care_coordinator)
    year = current_school_year()

    def fill(up_to: int) -> None:
        while world.class_group.enrolments.count() < up_to:
            n = world.class_group.enrolments.count()
            pupil = make_pupil(f"Kind{n}", f"Klas{n:02d}")
            pupil_services.enrolment_create(
                pupil=pupil,
                school=world.school,
                school_year=year,
                year_group=1,
                class_group=world.class_group,
                start_date=dt.date(year, 8, 20),
            )
            care.post(
                reverse("passports:passport_edit", args=[pupil.pk]),
                {"tips": TIPS, "arrangements": ["extra_time"]},
            )

    client = client_for(teacher_1a)
    url = reverse("passports:class_overview", args=[world.class_group.pk])
    fill(10)
    client.get(url)
    ten = _overview_queries(client, url)
    fill(32)
    thirty_two = _overview_queries(client, url)
    assert ten == thirty_two


@pytest.mark.django_db
def test_class_overview_exports_open_and_contain_the_class(world: World, teacher_1a: Any) -> None:
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    write(client_for(world.care_coordinator), world, arrangements=["extra_time"])
    client = client_for(teacher_1a)
    xlsx = client.get(
        reverse("passports:class_overview_export", args=[world.class_group.pk, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Leerling"
    assert rows[1][0] == "Jan van 't Hof"
    assert "korte stappen" in str(rows[1][1])
    assert rows[1][3] == "Extra tijd"
    pdf = client.get(reverse("passports:class_overview_export", args=[world.class_group.pk, "pdf"]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Jan van 't Hof" in text
    assert "Groepsoverzicht 1A" in text
    assert (
        client_for(world.colleague)
        .get(reverse("passports:class_overview_export", args=[world.class_group.pk, "xlsx"]))
        .status_code
        == 404
    )


@pytest.mark.django_db(transaction=True)
def test_unread_passports_are_reminded_once_after_the_configured_days(
    world: World, teacher_1a: Any, settings: Any
) -> None:
    from django.core import mail

    from overdracht.passports.reminders import passport_reminders_send

    settings.OVERDRACHT_PASSPORT_REMINDER_DAYS = 5
    write(client_for(world.care_coordinator), world)
    client_for(world.mentor).post(reverse("passports:passport", args=[world.pupil.pk]))
    today = dt.date.today()  # noqa: DTZ011
    assert passport_reminders_send(today=today + dt.timedelta(days=3)) == 0
    mail.outbox.clear()
    assert passport_reminders_send(today=today + dt.timedelta(days=6)) == 1
    assert [m.to for m in mail.outbox] == [["wiskunde@test.example"]]
    assert "Jan van 't Hof" in mail.outbox[0].body
    assert passport_reminders_send(today=today + dt.timedelta(days=7)) == 0


@pytest.mark.django_db
def test_the_school_links_subject_teachers_to_classes(world: World) -> None:
    from overdracht.schools.models import ClassTeacher

    url = reverse("schools:class_teachers", args=[world.school.pk])
    admin = client_for(world.school_admin)
    response = admin.post(
        url, {"class_group": world.class_group.pk, "user": world.colleague.pk, "subject": "Engels"}
    )
    assert response.status_code == 302
    teacher = ClassTeacher.objects.get(class_group=world.class_group, user=world.colleague)
    assert teacher.subject == "Engels"
    assert (
        client_for(world.colleague)
        .get(reverse("passports:class_overview", args=[world.class_group.pk]))
        .status_code
        == 200
    )
    admin.post(
        reverse(
            "schools:class_teacher_remove", args=[world.school.pk, world.class_group.pk, teacher.pk]
        )
    )
    assert not ClassTeacher.objects.exists()
    assert client_for(world.mentor).get(url).status_code == 403
    assert client_for(world.other_school_user).get(url).status_code == 404


@pytest.mark.django_db
def test_confirming_never_redirects_off_the_site(world: World) -> None:
    write(client_for(world.care_coordinator), world)
    url = reverse("passports:passport", args=[world.pupil.pk])
    response = client_for(world.mentor).post(url, {"next": "https://elders.example/"})
    assert response["Location"] == url
    overview = reverse("passports:class_overview", args=[world.class_group.pk])
    response = client_for(world.mentor).post(url, {"next": overview})
    assert response["Location"] == overview


@pytest.mark.django_db
def test_referral_to_care_starts_from_the_dossier_and_the_passport(world: World) -> None:
    write(client_for(world.care_coordinator), world)
    refer = reverse("care:refer", args=[world.pupil.pk])
    for name in ("passports:passport", "dossiers:dossier"):
        url = reverse(name, args=[world.pupil.pk])
        assert refer in client_for(world.mentor).get(url).content.decode()
        assert refer in client_for(world.care_coordinator).get(url).content.decode()
    page = client_for(world.colleague).get(reverse("dossiers:dossier", args=[world.pupil.pk]))
    assert refer not in page.content.decode()
