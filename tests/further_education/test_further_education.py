"""On the way to the vervolgopleiding: the registration and its status, the signals on the
decaan's overview and in My tasks, the transfer dossier's sign-off and sending, what the
institution sees (only its own registrations, the dossier only once sent), and the reports
on the start that reach the mentor."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from stdnum.nl import bsn

from overdracht.accounts.actor import Actor
from overdracht.further_education import selectors, services
from overdracht.further_education.models import Registration, Status, TransferDossier
from overdracht.pupils import services as pupil_services
from overdracht.pupils.models import Enrolment, Pupil, Transition
from overdracht.schools.models import School
from overdracht.schools.services import membership_grant
from overdracht.steps.models import TransitionStep
from overdracht.worklist.selectors import worklist_of
from tests.conftest import World, client_for, make_user


def _mbo(world: World, name: str = "ROC Test", brin: str = "33CC") -> School:
    return School.objects.create(
        board=world.school.board, region=world.school.region, name=name, brin=brin, kind="MBO"
    )


def _leaving(world: World, pupil: Pupil | None = None) -> Transition:
    return pupil_services.transition_create(
        pupil=pupil or world.pupil,
        kind="vo_mbo",
        from_school=world.school,
        to_school=None,
        school_year=world.class_group.school_year + 1,
    )


def _register(world: World, transition: Transition, roc: School) -> Registration:
    return services.registration_record(
        actor=Actor(user=world.care_coordinator),
        transition=transition,
        institution=roc,
        institution_name="",
        programme="Kok",
        level="mbo-2",
        registered_on=dt.date(transition.school_year, 3, 1),
    )


def _written(registration: Registration, *, pupil_user: object) -> None:
    services.pupil_part_save(
        actor=Actor(user=pupil_user),  # type: ignore[arg-type]
        registration=registration,
        part={"about_me": "Ik kook graag.", "support_needed": "Korte uitleg."},
        include_career_dossier=False,
    )


@pytest.mark.django_db
def test_a_registration_sends_the_transition_to_the_institution(world: World) -> None:
    roc = _mbo(world)
    transition = _leaving(world)
    registration = _register(world, transition, roc)
    transition.refresh_from_db()
    assert transition.to_school == roc
    assert transition.status == "in_progress"
    assert TransitionStep.objects.get(transition=transition, key="registered").done_at
    services.registration_update(
        actor=Actor(user=world.other_school_user),
        registration=registration,
        status=Status.OFFERED,
        status_on=timezone.localdate(),
        intake_on=timezone.localdate(),
        intake_outcome="attended",
        guidance="Wekelijks gesprek",
    )
    assert [c.status for c in registration.changes.all()] == ["registered", "offered"]
    with pytest.raises(ValidationError):
        services.registration_update(
            actor=Actor(user=world.other_school_user),
            registration=registration,
            status=Status.OFFERED,
            status_on=timezone.localdate(),
            intake_on=None,
            intake_outcome="attended",
            guidance="",
        )


@pytest.mark.django_db
def test_signals_before_the_deadline_refused_and_no_show(world: World) -> None:
    transition = _leaving(world)
    deadline = dt.date(transition.school_year, 4, 1)
    early = selectors.overview(world.school, today=deadline - dt.timedelta(days=60))
    assert [r.signals for r in early if r.pupil == world.pupil] == [[]]
    near = selectors.overview(world.school, today=deadline - dt.timedelta(days=21))
    row = next(r for r in near if r.pupil == world.pupil)
    assert row.signals == [f"Geen aanmelding, uiterlijk {deadline:%d-%m-%Y}"]
    roc = _mbo(world)
    registration = _register(world, transition, roc)
    row = next(
        r
        for r in selectors.overview(world.school, today=deadline - dt.timedelta(days=21))
        if r.pupil == world.pupil
    )
    assert row.signals == []
    assert row.on_time is True
    services.registration_update(
        actor=Actor(user=world.other_school_user),
        registration=registration,
        status=Status.NOT_ADMITTED,
        status_on=deadline,
        intake_on=timezone.localdate() - dt.timedelta(days=1),
        intake_outcome="no_show",
        guidance="",
    )
    row = next(
        r for r in selectors.overview(world.school, today=deadline) if r.pupil == world.pupil
    )
    assert "Leidt niet tot inschrijving" in row.signals
    assert "Niet verschenen bij het intakegesprek" in row.signals
    texts = [n.text for n in selectors.notices_for(world.care_coordinator, today=deadline)]
    assert any("Leidt niet tot inschrijving" in t for t in texts)


@pytest.mark.django_db
def test_the_overview_asks_the_same_queries_for_more_pupils(world: World) -> None:
    roc = _mbo(world)
    _register(world, _leaving(world), roc)
    with CaptureQueriesContext(connection) as one:
        selectors.overview(world.school)
    numbers = (n for n in (f"99997{i:04d}" for i in range(10000)) if bsn.is_valid(n))
    for n in range(4):
        pupil = pupil_services.pupil_create(
            given_names="Kind",
            call_name=f"Kind{n}",
            surname=f"Achternaam{n}",
            birth_date=dt.date(2010, 1, 1),
            bsn=next(numbers),
        )
        pupil_services.enrolment_create(
            pupil=pupil,
            school=world.school,
            school_year=world.class_group.school_year,
            year_group=4,
            class_group=world.class_group,
            start_date=dt.date(2026, 8, 20),
        )
        _register(world, _leaving(world, pupil), roc)
    with CaptureQueriesContext(connection) as five:
        rows = selectors.overview(world.school)
    assert len(rows) == 5
    assert len(five.captured_queries) == len(one.captured_queries)


@pytest.mark.django_db
def test_the_dossier_goes_only_after_sign_off_and_with_the_advice(world: World) -> None:
    roc = _mbo(world)
    registration = _register(world, _leaving(world), roc)
    jan = make_user("jan@test.example", "Jan")
    Pupil.objects.filter(pk=world.pupil.pk).update(user=jan, birth_date=dt.date(2008, 1, 1))
    registration.refresh_from_db()
    guide = Actor(user=world.mentor)
    with pytest.raises(ValidationError, match="eerst ondertekenen"):
        services.dossier_send(actor=guide, registration=registration)
    with pytest.raises(ValidationError, match="Vul je deel in"):
        services.sign_off(actor=Actor(user=jan), registration=registration, as_guardian=False)
    _written(registration, pupil_user=jan)
    services.sign_off(actor=Actor(user=jan), registration=registration, as_guardian=False)
    assert TransitionStep.objects.get(transition=registration.transition, key="review_done").done_at
    with pytest.raises(ValidationError, match="advies van de school"):
        services.dossier_send(actor=guide, registration=registration)
    services.school_part_save(actor=guide, registration=registration, part={"advice": "Past."})
    services.dossier_send(actor=guide, registration=registration)
    dossier = TransferDossier.objects.get()
    assert dossier.sent_at is not None
    with pytest.raises(ValidationError, match="al verstuurd"):
        services.dossier_send(actor=guide, registration=registration)
    with pytest.raises(ValidationError, match="verandert niet meer"):
        _written(registration, pupil_user=jan)


@pytest.mark.django_db
def test_under_16_a_parent_signs_too_and_a_change_asks_for_a_new_sign_off(world: World) -> None:
    roc = _mbo(world)
    registration = _register(world, _leaving(world), roc)
    Pupil.objects.filter(pk=world.pupil.pk).update(
        birth_date=timezone.localdate().replace(year=2013)
    )
    registration.refresh_from_db()
    registration.transition.pupil.refresh_from_db()
    jan = make_user("jan@test.example", "Jan")
    _written(registration, pupil_user=jan)
    services.sign_off(actor=Actor(user=jan), registration=registration, as_guardian=False)
    dossier = TransferDossier.objects.get()
    assert not services.signed_off(dossier)
    services.sign_off(
        actor=Actor(user=world.guardian_user), registration=registration, as_guardian=True
    )
    dossier.refresh_from_db()
    assert services.signed_off(dossier)
    services.pupil_part_save(
        actor=Actor(user=jan),
        registration=registration,
        part={"about_me": "Anders nu."},
        include_career_dossier=True,
    )
    dossier.refresh_from_db()
    assert dossier.pupil_signed_at is None
    assert dossier.guardian_signed_at is None


@pytest.mark.django_db
def test_the_institution_sees_its_own_registrations_and_the_dossier_once_sent(
    world: World,
) -> None:
    roc = _mbo(world)
    other_roc = _mbo(world, "ROC Elders", "44DD")
    intake = make_user("intake@roc.example", "Ivo Intake")
    membership_grant(user=intake, school=roc, role="intake_officer")
    stranger = make_user("intake@elders.example", "Els Elders")
    membership_grant(user=stranger, school=other_roc, role="intake_officer")
    registration = _register(world, _leaving(world), roc)
    page = reverse("further_education:registration", args=[registration.pk])
    received = reverse("further_education:received", args=[registration.pk])
    assert client_for(intake).get(page).status_code == 200
    assert client_for(stranger).get(page).status_code == 404
    incoming = client_for(intake).get(reverse("further_education:incoming", args=[roc.pk]))
    assert world.pupil.surname in incoming.content.decode()
    elders = client_for(stranger).get(reverse("further_education:incoming", args=[other_roc.pk]))
    assert world.pupil.surname not in elders.content.decode()
    assert client_for(intake).get(received).status_code == 404  # nothing sent yet
    jan = make_user("jan@test.example", "Jan")
    Pupil.objects.filter(pk=world.pupil.pk).update(user=jan, birth_date=dt.date(2008, 1, 1))
    registration.refresh_from_db()
    _written(registration, pupil_user=jan)
    services.sign_off(actor=Actor(user=jan), registration=registration, as_guardian=False)
    assert client_for(intake).get(received).status_code == 404  # signed off, not sent
    services.school_part_save(
        actor=Actor(user=world.mentor), registration=registration, part={"advice": "Past."}
    )
    services.dossier_send(actor=Actor(user=world.mentor), registration=registration)
    response = client_for(intake).get(received)
    assert response.status_code == 200
    assert "Korte uitleg." in response.content.decode()
    assert TransferDossier.objects.get().opened_at is not None
    assert client_for(stranger).get(received).status_code == 404
    # the institution does not reach the secondary school's pages of the pupil
    assert (
        client_for(intake).get(reverse("careers:dossier", args=[world.pupil.pk])).status_code == 404
    )
    assert (
        client_for(intake).get(reverse("pupils:detail", args=[world.pupil.pk])).status_code == 404
    )


@pytest.mark.django_db
def test_a_report_on_the_start_reaches_the_last_mentor_until_seen(world: World) -> None:
    roc = _mbo(world)
    registration = _register(world, _leaving(world), roc)
    Enrolment.objects.filter(pupil=world.pupil).update(end_date=dt.date(2027, 7, 15))
    report = services.start_report(
        actor=Actor(user=world.other_school_user),
        registration=registration,
        kind="dropped_out",
        reported_on=dt.date(2027, 10, 1),
        notes="Gestopt na vier weken.",
    )
    texts = [i.text for i in worklist_of(world.mentor).items]
    assert f"ROC Test meldt over {world.pupil.name}: vroegtijdig uitgevallen" in texts
    assert not any("vroegtijdig" in i.text for i in worklist_of(world.other_mentor).items)
    url = reverse("further_education:report", args=[report.pk])
    assert client_for(world.other_mentor).get(url).status_code == 404
    mentor = client_for(world.mentor)
    assert "Gestopt na vier weken." in mentor.get(url).content.decode()
    mentor.post(url)
    assert not any("vroegtijdig" in i.text for i in worklist_of(world.mentor).items)


@pytest.mark.django_db
def test_the_signal_view_shows_exactly_the_pupils_with_a_signal(world: World) -> None:
    roc = _mbo(world)
    numbers = (n for n in (f"99998{i:04d}" for i in range(10000)) if bsn.is_valid(n))
    states = ["none", "registered", "not_admitted", "no_show", "report", "withdrawn_again"]
    for n, state in enumerate(states):
        pupil = pupil_services.pupil_create(
            given_names="Kind",
            call_name=f"Kind{n}",
            surname=f"Staat{n}",
            birth_date=dt.date(2010, 1, 1),
            bsn=next(numbers),
        )
        pupil_services.enrolment_create(
            pupil=pupil,
            school=world.school,
            school_year=world.class_group.school_year,
            year_group=4,
            class_group=world.class_group,
            start_date=dt.date(2026, 8, 20),
        )
        transition = _leaving(world, pupil)
        if state == "none":
            continue
        registration = _register(world, transition, roc)
        if state in ("not_admitted", "withdrawn_again"):
            registration.status = Status.NOT_ADMITTED if state == "not_admitted" else "withdrawn"
            registration.save()
        if state == "withdrawn_again":
            _register(world, transition, roc)  # registered again: no signal
        if state == "no_show":
            registration.intake_outcome = "no_show"
            registration.save()
        if state == "report":
            services.start_report(
                actor=Actor(user=world.other_school_user),
                registration=registration,
                kind="changed",
                reported_on=dt.date(2027, 9, 20),
                notes="",
            )
    deadline = dt.date(world.class_group.school_year + 1, 4, 1)
    for today in (deadline - dt.timedelta(days=90), deadline - dt.timedelta(days=10)):
        everyone = selectors.overview(world.school, today=today)
        flagged = selectors.overview(world.school, only_signals=True, today=today)
        assert [r.pupil.pk for r in flagged] == [r.pupil.pk for r in everyone if r.signals]
    names = {
        r.pupil.surname for r in selectors.overview(world.school, only_signals=True, today=deadline)
    }
    assert names == {"Staat0", "Staat2", "Staat3", "Staat4"}


@pytest.mark.django_db
def test_the_aftercare_contact_is_due_after_the_start_also_once_the_pupil_left(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    roc = _mbo(world)
    registration = _register(world, _leaving(world), roc)
    TransferDossier.objects.create(registration=registration, sent_at=timezone.now())
    start = registration.transition.school_year
    Enrolment.objects.filter(pupil=world.pupil).update(end_date=dt.date(start, 7, 15))
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(start, 9, 1))
    assert not any("Nazorgcontact" in i.text for i in worklist_of(world.care_coordinator).items)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(start, 10, 1))
    texts = [i.text for i in worklist_of(world.care_coordinator).items]
    assert f"Nazorgcontact met ROC Test over {world.pupil.name}" in texts
    url = reverse("further_education:aftercare", args=[registration.pk])
    assert client_for(world.other_mentor).get(url).status_code == 404
    care = client_for(world.care_coordinator)
    assert care.get(url).status_code == 200  # the pupil has left; the school still follows
    form = {"contacted_on": f"{start}-10-01", "going_well": "no", "notes": "Mist lessen."}
    assert care.post(url, form).status_code == 302
    assert registration.aftercare_contacts.get().going_well is False
    assert TransitionStep.objects.get(transition=registration.transition, key="aftercare").done_at
    assert not any("Nazorgcontact" in i.text for i in worklist_of(world.care_coordinator).items)


@pytest.mark.django_db
def test_the_decaan_keeps_a_registration_outside_the_installation_up_to_date(
    world: World,
) -> None:
    transition = pupil_services.transition_create(
        pupil=world.pupil,
        kind="vo_ho",
        from_school=world.school,
        to_school=None,
        school_year=world.class_group.school_year + 1,
    )
    registration = services.registration_record(
        actor=Actor(user=world.care_coordinator),
        transition=transition,
        institution=None,
        institution_name="Hogeschool Elders",
        programme="Verpleegkunde",
        level="hbo",
        registered_on=dt.date(transition.school_year, 4, 20),
    )
    assert selectors.deadline_of(transition) == dt.date(transition.school_year, 5, 1)
    url = reverse("further_education:registration_update", args=[registration.pk])
    form = {
        f"update-{registration.pk}-status": "enrolled",
        f"update-{registration.pk}-status_on": f"{transition.school_year}-06-01",
        f"update-{registration.pk}-study_check_done": "on",
    }
    assert client_for(world.colleague).post(url, form).status_code == 404
    assert client_for(world.care_coordinator).post(url, form).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "enrolled"
    assert registration.study_check_done is True


@pytest.mark.django_db
def test_saving_and_sending_before_the_sign_off_writes_nothing(world: World) -> None:
    roc = _mbo(world)
    registration = _register(world, _leaving(world), roc)
    url = reverse("further_education:school_part", args=[registration.pk])
    response = client_for(world.mentor).post(url, {"advice": "Past goed.", "send": "1"})
    assert response.status_code == 200
    assert "eerst ondertekenen" in response.content.decode()
    assert TransferDossier.objects.filter(registration=registration).count() == 0
