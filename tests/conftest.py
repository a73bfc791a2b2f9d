"""Shared fixtures. Every database test may use both aliases (`default` and `audit`)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections, transaction
from django.test import Client

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from stdnum.nl import bsn

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Guardian, Pupil
from overdracht.schools.models import ClassGroup, Partnership, Region, School, SchoolBoard
from overdracht.schools.services import class_group_mentor_add, membership_grant

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The audit alias is a second connection to the same PostgreSQL test database: close it
    before the test database is dropped."""
    yield
    with django_db_blocker.unblock():
        connections.close_all()


def _order(item: pytest.Item) -> int:
    """Database tests in a transaction first, transactional ones after, the rest last."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    if (marker is not None and marker.kwargs.get("transaction")) or (
        "live_server" in fixtures or "transactional_db" in fixtures
    ):
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every database test may use both aliases. A transactional test flushes every table
    (and with them the data the migrations load, such as the default question packs), so
    those run after all others: pytest-django sorts them so, but pytest's grouping by
    session-scoped parameters (the browser's name) undoes that sort, hence a stable sort
    here, last. A transactional test flushes every table but the audit trail's (the
    database refuses DELETE and TRUNCATE of it); the `_audit_trail_erased` fixture empties
    that one as its owner would."""
    items.sort(key=_order)
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None:
            continue
        kwargs = dict(marker.kwargs)
        kwargs.setdefault("databases", "__all__")
        if kwargs.get("transaction"):
            kwargs.setdefault(
                "available_apps", [a for a in settings.INSTALLED_APPS if a != "overdracht.audit"]
            )
            item.fixturenames.append("_audit_trail_erased")  # type: ignore[attr-defined]
        item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


@pytest.fixture
def _audit_trail_erased(_django_db_helper: None, django_db_blocker: Any) -> Iterator[None]:
    """After a transactional test: empty the audit table with its triggers lifted for that
    one statement, the way only the table's owner can."""
    yield
    with django_db_blocker.unblock():
        audit_table_erase()


def audit_table_erase() -> None:
    as_audit_table_owner("DELETE FROM audit_auditevent", [])


_SQLITE_TRIGGERS = {
    "audit_event_no_update": "BEFORE UPDATE ON audit_auditevent BEGIN SELECT "
    "RAISE(ABORT, 'audit events are immutable'); END",
    "audit_event_no_delete": "BEFORE DELETE ON audit_auditevent BEGIN SELECT "
    "RAISE(ABORT, 'audit events cannot be deleted'); END",
}


def as_audit_table_owner(sql: str, params: list[int]) -> None:
    """Run SQL on the audit table with its triggers lifted for that one statement: what
    only the table's owner can do (and what the hash chain exposes)."""
    connection = connections["audit"]
    with transaction.atomic(using="audit"), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
            return
        for name in _SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
        cursor.execute(sql, params)
        for name, body in _SQLITE_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER {name} {body}")


# The ~900 valid numbers of the 99999xxxx test range, over and over: each test starts from an
# empty database, so numbers only need to differ within one test.
_bsn_counter = itertools.cycle(
    [n for n in (f"99999{i:04d}" for i in range(10000)) if bsn.is_valid(n)]
)


def next_bsn() -> str:
    return next(_bsn_counter)


def make_pupil(
    call_name: str = "Sam", surname: str = "Jansen", prefix: str = "", **extra: Any
) -> Pupil:
    fields: dict[str, Any] = {
        "given_names": call_name,
        "call_name": call_name,
        "surname": surname,
        "surname_prefix": prefix,
        "birth_date": dt.date(2014, 5, 1),
        "bsn": next_bsn(),
    }
    fields.update(extra)
    return pupil_services.pupil_create(**fields)


def make_user(email: str, name: str = "Test Gebruiker") -> User:
    return User.objects.create_user(email=email, full_name=name, password=PASSWORD)


def verified_login(client: Client, user: User) -> Client:
    """Log in as the user with a verified second step, as after a real TOTP check."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@dataclass
class World:
    """Two secondary schools; a class 1A at school A with its mentor; personas of the brief."""

    school: School
    other_school: School
    class_group: ClassGroup
    other_class_group: ClassGroup
    pupil: Pupil
    classmate: Pupil
    pupil_elsewhere: Pupil
    mentor: User
    colleague: User
    other_mentor: User
    care_coordinator: User
    school_admin: User
    other_school_user: User
    guardian_user: User
    guardian: Guardian
    other_guardian_user: User
    pupil_user: User
    partnership_user: User

    def personas(self) -> dict[str, User | None]:
        return {
            "mentor": self.mentor,
            "colleague": self.colleague,
            "care_coordinator": self.care_coordinator,
            "other_school": self.other_school_user,
            "guardian": self.guardian_user,
            "other_guardian": self.other_guardian_user,
            "pupil": self.pupil_user,
            "anonymous": None,
        }


# What an OSO dossier needs of every school (its Schoolgegevens).
SCHOOL_DETAILS: dict[str, str] = {
    "street": "Schoolstraat",
    "house_number": "1",
    "postal_code": "6511 AB",
    "city": "Waalstad",
    "phone": "024-1234567",
    "email": "info@school.example",
    "contact_name": "Intern begeleider",
}


@pytest.fixture
def world(db: None) -> World:
    year = current_school_year()
    region = Region.objects.create(name="Testregio")
    swv = Partnership.objects.create(region=region, name="SWV Test", code="T 01")
    board = SchoolBoard.objects.create(name="Bestuur", board_number="10001")
    school = School.objects.create(
        board=board,
        region=region,
        partnership=swv,
        name="Testcollege",
        brin="11AA",
        kind="VO",
        **SCHOOL_DETAILS,
    )
    other = School.objects.create(
        board=board,
        region=region,
        partnership=swv,
        name="Andere School",
        brin="22BB",
        kind="VO",
        **SCHOOL_DETAILS,
    )
    cg = ClassGroup.objects.create(school=school, school_year=year, name="1A", year_group=1)
    cg_b = ClassGroup.objects.create(school=school, school_year=year, name="1B", year_group=1)
    cg_other = ClassGroup.objects.create(school=other, school_year=year, name="1X", year_group=1)

    mentor = make_user("mentor@test.example", "Mia Mentor")
    class_group_mentor_add(class_group=cg, user=mentor)
    other_mentor = make_user("mentor1b@test.example", "Olaf Mentor")
    class_group_mentor_add(class_group=cg_b, user=other_mentor)
    colleague = make_user("docent@test.example", "Cor Collega")
    membership_grant(user=colleague, school=school, role="teacher")
    care = make_user("zorg@test.example", "Zara Zorg")
    membership_grant(user=care, school=school, role="care_coordinator")
    admin = make_user("beheer@test.example", "Bert Beheer")
    membership_grant(user=admin, school=school, role="school_admin")
    outsider = make_user("ander@other.example", "Olga Anders")
    class_group_mentor_add(class_group=cg_other, user=outsider)
    membership_grant(user=outsider, school=other, role="care_coordinator")
    swv_user = make_user("swv@test.example", "Sam SWV")
    swv_user.memberships.create(partnership=swv, role="partnership_staff")

    start = dt.date(year, 8, 20)
    pupil = make_pupil("Jan", "Hof", "van 't")
    classmate = make_pupil("Ali", "Çelik")
    elsewhere = make_pupil("Els", "Ødegård")
    for p, s, c in [(pupil, school, cg), (classmate, school, cg_b), (elsewhere, other, cg_other)]:
        pupil_services.enrolment_create(
            pupil=p, school=s, school_year=year, year_group=1, class_group=c, start_date=start
        )
    pupil_services.transition_create(
        pupil=pupil,
        kind="po_vo",
        from_school=other,
        to_school=school,
        school_year=year,
        status="completed",
    )

    guardian_user = make_user("ouder@test.example", "Greet Ouder")
    guardian = pupil_services.guardian_create(
        surname="Hof",
        surname_prefix="van 't",
        call_name="Greet",
        email="ouder@test.example",
        street="Geheimstraat 1",
        address_is_secret=True,
        user=guardian_user,
    )
    pupil_services.guardian_link(
        pupil=pupil, guardian=guardian, relationship="2", has_authority=True
    )
    other_guardian_user = make_user("ouder2@test.example", "Otto Ouder")
    other_guardian = pupil_services.guardian_create(
        surname="Çelik", email="ouder2@test.example", user=other_guardian_user
    )
    pupil_services.guardian_link(
        pupil=classmate, guardian=other_guardian, relationship="1", has_authority=True
    )
    pupil_user = make_user("leerling@test.example", "Els Ødegård")
    Pupil.objects.filter(pk=elsewhere.pk).update(user=pupil_user)
    elsewhere.refresh_from_db()
    return World(
        school=school,
        other_school=other,
        class_group=cg,
        other_class_group=cg_b,
        pupil=pupil,
        classmate=classmate,
        pupil_elsewhere=elsewhere,
        mentor=mentor,
        colleague=colleague,
        other_mentor=other_mentor,
        care_coordinator=care,
        school_admin=admin,
        other_school_user=outsider,
        guardian_user=guardian_user,
        guardian=guardian,
        other_guardian_user=other_guardian_user,
        pupil_user=pupil_user,
        partnership_user=swv_user,
    )


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        verified_login(client, user)
    return client


def dossier_written(pupil: Pupil, school: School, author: User) -> None:
    """Write the parts every profile requires before the review may open, and record the
    pupil's address as secret and a pupil number: the dossier is complete enough to send."""
    from overdracht.dossiers.sections import SectionKind
    from overdracht.dossiers.services import section_save

    parts: dict[str, dict[str, Any]] = {
        SectionKind.ADVICE: {
            "final_advice": "havo",
            "final_date": "2026-03-01",
            "argumentation": "Werkt zelfstandig en leest graag.",
        },
        SectionKind.LANGUAGE_MATHS: {"reading": "2F", "language": "1S/2F", "maths": "1F"},
        SectionKind.WORK_ATTITUDE: {"task_approach": "3", "notes": "Plant zijn werk goed."},
    }
    for kind, content in parts.items():
        section_save(
            author_id=author.pk,
            pupil=pupil,
            kind=kind,
            content=content,
            based_on_version=0,
            school_id=school.pk,
        )
    Pupil.objects.filter(pk=pupil.pk).update(address_is_secret=True)
    pupil.refresh_from_db()
    enrolment = pupil.enrolments.filter(school=school).first()
    if enrolment is not None and not enrolment.pupil_number:
        type(enrolment).objects.filter(pk=enrolment.pk).update(pupil_number=f"L{str(pupil.pk)[:6]}")
