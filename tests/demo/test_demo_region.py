"""The demo region: realistic, idempotent, and every demo account sees only its own."""

from __future__ import annotations

import io
import uuid

from django.core.management import call_command
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from overdracht.accounts.models import User
from overdracht.demo.services import ACCOUNTS, demo_region_load
from overdracht.pupils.models import Enrolment, Guardian, Pupil, Transition
from overdracht.pupils.selectors import children_of_user
from overdracht.retention.selectors import due_items
from overdracht.schools.models import School
from overdracht.schools.permissions import school_roles
from tests.conftest import verified_login

MODELS: list[type[Model]] = [School, User, Pupil, Guardian, Enrolment, Transition]


@pytest.fixture
def demo(db: None) -> None:
    demo_region_load()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo: None) -> None:
    before = {m.__name__: m._default_manager.count() for m in MODELS}
    call_command("load_demo", stdout=io.StringIO())
    assert {m.__name__: m._default_manager.count() for m in MODELS} == before


@pytest.mark.django_db
def test_region_has_what_the_brief_asks(demo: None) -> None:
    kinds = sorted(School.objects.values_list("kind", flat=True))
    assert kinds.count("PO") + kinds.count("SBO") == 6
    assert kinds.count("VO") == 2
    assert kinds.count("MBO") == 1
    assert School.objects.get(name="Waalstad College").locations.count() == 2
    assert 270 <= Pupil.objects.count() <= 330
    assert Pupil.objects.filter(surname="Hof", surname_prefix="van 't").exists()
    assert Pupil.objects.filter(surname="Çelik").count() == 2
    assert Pupil.objects.filter(surname="Ødegård").exists()
    assert Guardian.objects.filter(surname="Vries-Bakker", surname_prefix="de").exists()
    assert not Pupil.objects.exclude(bsn="").exclude(bsn__startswith="99999").exists()
    today = timezone.localdate()
    ages = {(today - p.birth_date).days // 365 for p in Pupil.objects.filter(user__isnull=False)}
    assert 16 in ages
    assert Pupil.objects.filter(surname="Ødegård").get().birth_date <= today.replace(
        year=today.year - 18
    )


@pytest.mark.django_db
def test_separated_parents_both_have_authority_and_one_address_is_secret(demo: None) -> None:
    mother = User.objects.get(email="ouder@mail.example").guardian
    father = User.objects.get(email="ouder2@mail.example").guardian
    assert mother.address_is_secret
    assert not father.address_is_secret
    shared = set(mother.relations.values_list("pupil", flat=True)) & set(
        father.relations.values_list("pupil", flat=True)
    )
    assert len(shared) == 2
    assert all(r.has_authority for r in mother.relations.all())
    assert all(r.has_authority for r in father.relations.all())


@pytest.mark.django_db
def test_every_demo_staff_account_sees_only_its_own_schools_pupils(demo: None) -> None:
    pupils_by_school: dict[int, uuid.UUID] = {}
    for e in Enrolment.objects.select_related("pupil").order_by("pk"):
        pupils_by_school.setdefault(e.school_id, e.pupil_id)
    for account in ACCOUNTS:
        user = User.objects.get(email=account.email)
        own = set(school_roles(user))
        if not own:
            continue
        client = verified_login(Client(), user)
        for school_id in own:
            response = client.get(reverse("pupils:school_pupils", args=[school_id]))
            assert response.status_code == 200, account.email
        for school_id, pupil_id in pupils_by_school.items():
            if school_id in own:
                continue
            enrolled_here = Enrolment.objects.filter(pupil_id=pupil_id, school_id__in=own).exists()
            if enrolled_here:
                continue
            response = client.get(reverse("pupils:detail", args=[pupil_id]))
            assert response.status_code == 404, (account.email, school_id)


@pytest.mark.django_db
def test_demo_guardians_see_only_their_own_children(demo: None) -> None:
    mother = User.objects.get(email="ouder@mail.example")
    children = list(children_of_user(mother))
    assert len(children) == 2
    client = Client()
    client.force_login(mother)
    for child in children:
        assert client.get(reverse("pupils:detail", args=[child.pk])).status_code == 200
    stranger = Pupil.objects.exclude(pk__in=[c.pk for c in children]).first()
    assert stranger is not None
    assert client.get(reverse("pupils:detail", args=[stranger.pk])).status_code == 404


@pytest.mark.django_db
def test_demo_accounts_log_in_with_the_printed_password(demo: None) -> None:
    from overdracht.demo.services import DEMO_PASSWORD

    for account in ACCOUNTS:
        client = Client()
        response = client.post(
            reverse("accounts:login"), {"email": account.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, account.email
        landing = client.get(reverse("dashboard:home"), follow=not account.two_factor)
        if account.two_factor:
            assert landing["Location"] == reverse("accounts:two_factor_setup"), account.email
        else:
            assert landing.status_code == 200, account.email


@pytest.mark.django_db
def test_the_demo_shows_a_school_year_in_progress(demo: None) -> None:
    from overdracht.care.models import Referral
    from overdracht.meetings.models import Agreement, HandoverMeeting
    from overdracht.passports.models import PassportVersion

    zorg = verified_login(Client(), User.objects.get(email="zorg@waalstad-college.example"))
    college = School.objects.get(brin="99BA")
    page = zorg.get(reverse("meetings:school_meetings", args=[college.pk])).content.decode()
    waiting = page[page.index('data-testid="to-discuss"') : page.index("planned-heading")]
    assert waiting.count("Warme overdracht plannen") == 1  # two of the three flagged have one
    assert HandoverMeeting.objects.filter(receiving_school=college).count() == 3
    # two of 1B at the intake, and the family's older child in 1A for the end of the year
    assert PassportVersion.objects.count() == 3
    assert Referral.objects.filter(school=college, closed_at__isnull=True).count() == 1
    # a former pupil's dossier is past its retention period, the other's not yet
    due = due_items(timezone.localdate(), school_id=college.pk)
    assert {(Pupil.objects.get(pk=i.pupil_id).call_name, i.category) for i in due} == {
        ("Noor", "dossier"),
        ("Noor", "special_education_referral"),
    }
    tasks = zorg.get(reverse("worklist:index")).content.decode()
    agreement = Agreement.objects.get()
    # an agreement in My tasks leads to its meeting
    assert (
        f'<a href="{reverse("meetings:meeting", args=[agreement.meeting_id])}">{agreement.text}'
        in tasks
    )
    mother = verified_login(Client(), User.objects.get(email="ouder@mail.example"))
    elif_ = Pupil.objects.get(call_name="Elif", surname="Çelik")
    portal = mother.get(reverse("portal:child", args=[elif_.pk])).content.decode()
    assert 'data-testid="family-meeting"' in portal
    # the family's warm handover in June took place: told in the past tense
    assert "spraken met u over de overstap" in portal
    assert "praten met u over de overstap" not in portal
