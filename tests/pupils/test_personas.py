"""Every view, every persona of the brief: who gets the page, who gets 403, who gets 404."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.urls import reverse

import pytest

from overdracht.audit.models import AuditAction, AuditEvent
from overdracht.core.school_year import current_school_year
from overdracht.pupils import services as pupil_services
from tests.conftest import World, client_for

PERSONAS = [
    "mentor",
    "colleague",
    "care_coordinator",
    "other_school",
    "guardian",
    "other_guardian",
    "pupil",
    "anonymous",
]


def _account_url(name: str) -> Callable[[World], str]:
    return lambda w: reverse(f"accounts:{name}")


VIEWS: dict[str, tuple[Callable[[World], str], dict[str, int]]] = {
    # Families are sent on to their portal.
    "dashboard": (
        lambda w: reverse("dashboard:home"),
        {
            "mentor": 200,
            "colleague": 200,
            "care_coordinator": 200,
            "other_school": 200,
            "guardian": 302,
            "other_guardian": 302,
            "pupil": 302,
            "anonymous": 302,
        },
    ),
    "security": (
        lambda w: reverse("accounts:security"),
        {
            "mentor": 200,
            "colleague": 200,
            "care_coordinator": 200,
            "other_school": 200,
            "guardian": 200,
            "other_guardian": 200,
            "pupil": 200,
            "anonymous": 302,
        },
    ),
    "pupil_detail": (
        lambda w: reverse("pupils:detail", args=[w.pupil.pk]),
        {
            "mentor": 200,
            "colleague": 200,
            "care_coordinator": 200,
            "other_school": 404,
            "guardian": 200,
            "other_guardian": 404,
            "pupil": 404,
            "anonymous": 302,
        },
    ),
    "school_pupils": (
        lambda w: reverse("pupils:school_pupils", args=[w.school.pk]),
        {
            "mentor": 200,
            "colleague": 200,
            "care_coordinator": 200,
            "other_school": 404,
            "guardian": 404,
            "other_guardian": 404,
            "pupil": 404,
            "anonymous": 302,
        },
    ),
    "school_transitions": (
        lambda w: reverse("pupils:school_transitions", args=[w.school.pk]),
        {
            "mentor": 200,
            "colleague": 403,
            "care_coordinator": 200,
            "other_school": 404,
            "guardian": 404,
            "other_guardian": 404,
            "pupil": 404,
            "anonymous": 302,
        },
    ),
    "invitation_create": (
        lambda w: reverse("pupils:invitation_create", args=[w.pupil.pk]),
        {
            "mentor": 200,
            "colleague": 403,
            "care_coordinator": 200,
            "other_school": 404,
            "guardian": 404,  # families never reach staff pages
            "other_guardian": 404,
            "pupil": 404,
            "anonymous": 302,
        },
    ),
    # Account pages: open to every logged-in persona (their own account), login for anyone.
    "login": (
        lambda w: reverse("accounts:login"),
        {**dict.fromkeys(PERSONAS, 302), "anonymous": 200},
    ),
    "two_factor_setup": (
        lambda w: reverse("accounts:two_factor_setup"),
        {**dict.fromkeys(PERSONAS, 200), "anonymous": 302},
    ),
    "two_factor_verify": (
        lambda w: reverse("accounts:two_factor_verify"),
        {**dict.fromkeys(PERSONAS, 200), "anonymous": 302},
    ),
    # Actions that change state answer GET with 405, whoever asks.
    **{
        name: (_account_url(name), dict.fromkeys(PERSONAS, 405))
        for name in ("logout", "logout_everywhere", "two_factor_disable", "recovery_codes")
    },
    # Choosing a language changes only on POST; a GET goes back to the page, for anyone.
    "set_language": (lambda w: reverse("set_language"), dict.fromkeys(PERSONAS, 302)),
    # An invitation link that is not valid says so to anyone, and shows nothing else.
    "invitation_accept": (
        lambda w: reverse("pupils:invitation_accept", args=["not-a-token"]),
        dict.fromkeys(PERSONAS, 410),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_view_answers_each_persona_as_designed(world: World, view: str, persona: str) -> None:
    url_of, expected = VIEWS[view]
    client = client_for(world.personas()[persona])
    response = client.get(url_of(world))
    assert response.status_code == expected[persona], (view, persona)
    if expected[persona] == 302 and persona == "anonymous" and view != "set_language":
        assert response["Location"].startswith(reverse("accounts:login"))
    if expected[persona] in (403, 404):
        assert AuditEvent.objects.filter(action=AuditAction.ACCESS_DENIED).exists()


@pytest.mark.django_db
def test_404_for_other_school_is_the_same_as_for_a_pupil_that_does_not_exist(world: World) -> None:
    import uuid

    client = client_for(world.other_school_user)
    real = client.get(reverse("pupils:detail", args=[world.pupil.pk]))
    made_up = client.get(reverse("pupils:detail", args=[uuid.uuid4()]))
    assert real.status_code == made_up.status_code == 404
    # Only the CSRF token and the page's own address (in the language form) may differ.
    varying = re.compile(rb'name="(csrfmiddlewaretoken|next)" (type="hidden" )?value="[^"]+"')
    assert varying.sub(b"", real.content) == varying.sub(b"", made_up.content)


@pytest.mark.django_db
def test_own_pupil_page_is_open_to_the_pupil(world: World) -> None:
    response = client_for(world.pupil_user).get(
        reverse("pupils:detail", args=[world.pupil_elsewhere.pk])
    )
    assert response.status_code == 200
    assert "Ødegård" in response.content.decode()


@pytest.mark.django_db
def test_colleague_sees_no_guardian_contacts_and_mentor_does(world: World) -> None:
    url = reverse("pupils:detail", args=[world.pupil.pk])
    colleague_page = client_for(world.colleague).get(url).content.decode()
    mentor_page = client_for(world.mentor).get(url).content.decode()
    assert "ouder@test.example" not in colleague_page
    assert "ouder@test.example" in mentor_page
    assert "Geheimstraat" in mentor_page


@pytest.mark.django_db
def test_secret_address_is_never_shown_to_the_other_parent(world: World) -> None:
    from overdracht.pupils import services

    other_parent_user = world.other_guardian_user
    other_parent = other_parent_user.guardian
    services.guardian_link(
        pupil=world.pupil, guardian=other_parent, relationship="1", has_authority=True
    )
    page = (
        client_for(other_parent_user)
        .get(reverse("pupils:detail", args=[world.pupil.pk]))
        .content.decode()
    )
    assert "Geheimstraat" not in page
    assert "ouder@test.example" not in page
    own_page = (
        client_for(world.guardian_user)
        .get(reverse("pupils:detail", args=[world.pupil.pk]))
        .content.decode()
    )
    assert "Geheimstraat" in own_page


@pytest.mark.django_db
def test_masked_bsn_only_and_never_in_the_url(world: World) -> None:
    url = reverse("pupils:detail", args=[world.pupil.pk])
    page = client_for(world.care_coordinator).get(url).content.decode()
    assert world.pupil.bsn not in page
    assert world.pupil.bsn not in url
    assert world.pupil.bsn[-3:] in page


@pytest.mark.django_db
def test_pupil_view_is_audited_with_role_and_school(world: World) -> None:
    client_for(world.mentor).get(reverse("pupils:detail", args=[world.pupil.pk]))
    event = AuditEvent.objects.get(action=AuditAction.PUPIL_VIEWED)
    assert event.actor_id == world.mentor.pk
    assert event.actor_role == "mentor"
    assert event.school_id == world.school.pk
    assert event.subject_pupil_id == world.pupil.pk
    assert event.ip_address == "127.0.0.1"


@pytest.mark.django_db
def test_partnership_staff_see_their_schools_but_no_pupils(world: World) -> None:
    client = client_for(world.partnership_user)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "Testcollege" in home
    assert "Andere School" in home
    assert client.get(reverse("pupils:detail", args=[world.pupil.pk])).status_code == 404


@pytest.mark.django_db
def test_pupil_page_title_is_only_the_name_and_the_sending_link_appears_once(
    world: World,
) -> None:
    url = reverse("pupils:detail", args=[world.pupil.pk])
    page = client_for(world.care_coordinator).get(url).content.decode()
    assert "<title>Jan van &#x27;t Hof · Overdracht</title>" in page
    assert 'id="sending-heading"' not in page  # no transition away from the school yet
    pupil_services.transition_create(
        pupil=world.pupil,
        kind="vo_vo",
        from_school=world.school,
        to_school=world.other_school,
        school_year=current_school_year() + 1,
    )
    page = client_for(world.care_coordinator).get(url).content.decode()
    assert page.count('id="sending-heading"') == 1
    assert reverse("dossiers:compose", args=[world.pupil.pk]) in page
    assert 'id="sending-heading"' in client_for(world.mentor).get(url).content.decode()
    assert 'id="sending-heading"' not in client_for(world.colleague).get(url).content.decode()
