"""Public API of the pupils app (writes). Keyword-only arguments; one transaction each.

Every service validates before it writes, so a validation error never leaves a caller's
transaction half-done. A service of one INSERT needs no transaction of its own; one of
several writes joins the caller's transaction without a savepoint (an OSO import is then
one unit of work). Uniqueness and check constraints are enforced by the database (no
extra query per constraint), with a clear message first where a person can cause it.

- `pupil_create`, `pupil_rename`
- `guardian_create`, `guardian_link`
- `enrolment_create`, `transition_create`
- `invitation_create`, `invitation_accept`, `InvitationError`
- `pupil_erase` — retention: the pupil record and what hangs on it
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Model, Value
from django.db.models.functions import Concat
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.accounts.models import User
from overdracht.accounts.services import user_create
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.core.names import search_text, sort_key
from overdracht.outbox.services import mail_queue
from overdracht.pupils import events
from overdracht.pupils.models import (
    Enrolment,
    Guardian,
    GuardianRelation,
    Invitation,
    InvitationKind,
    Pupil,
    Transition,
    TransitionStatus,
)
from overdracht.schools.models import ClassGroup, Location, School

atomic = transaction.atomic(savepoint=False)


def _validate(instance: Model) -> None:
    """Field validation only. Foreign keys, uniqueness and check constraints are the
    database's to enforce: Django would spend a query on each of them."""
    foreign_keys = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    instance.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)


def _apply_name_keys(pupil: Pupil) -> None:
    pupil.sort_key = sort_key(
        surname=pupil.surname, surname_prefix=pupil.surname_prefix, call_name=pupil.call_name
    )
    pupil.search_text = search_text(
        pupil.call_name, pupil.given_names, pupil.surname_prefix, pupil.surname
    )


def pupil_create(
    *,
    given_names: str,
    call_name: str,
    surname: str,
    birth_date: dt.date,
    surname_prefix: str = "",
    gender: int = 0,
    bsn: str = "",
    onderwijsnummer: str = "",
    street: str = "",
    house_number: str = "",
    postal_code: str = "",
    city: str = "",
    address_is_secret: bool = False,
) -> Pupil:
    pupil = Pupil(
        street=street,
        house_number=house_number,
        postal_code=postal_code,
        city=city,
        address_is_secret=address_is_secret,
        given_names=given_names,
        call_name=call_name,
        surname_prefix=surname_prefix,
        surname=surname,
        birth_date=birth_date,
        gender=gender,
        bsn=bsn,
        onderwijsnummer=onderwijsnummer,
    )
    _apply_name_keys(pupil)
    if not bsn and not onderwijsnummer:
        raise ValidationError(_("A pupil needs a BSN or an onderwijsnummer."))
    _validate(pupil)
    pupil.save()
    return pupil


def pupil_rename(*, pupil: Pupil, call_name: str, surname_prefix: str, surname: str) -> Pupil:
    pupil.call_name, pupil.surname_prefix, pupil.surname = call_name, surname_prefix, surname
    _apply_name_keys(pupil)
    _validate(pupil)
    pupil.save(update_fields=["call_name", "surname_prefix", "surname", "sort_key", "search_text"])
    return pupil


def guardian_create(**fields: Any) -> Guardian:
    guardian = Guardian(**fields)
    _validate(guardian)
    guardian.save()
    return guardian


def guardians_add(
    *, pupil: Pupil, guardians: list[tuple[Guardian, str, bool]]
) -> list[GuardianRelation]:
    """New guardians (not saved yet) with their relationship and authority, for a pupil
    that has none of them: two INSERTs, whatever their number."""
    for guardian, _relationship, _authority in guardians:
        _validate(guardian)
    with transaction.atomic(savepoint=False):
        saved = Guardian.objects.bulk_create([g for g, _, _ in guardians])
        relations = [
            GuardianRelation(pupil=pupil, guardian=g, relationship=rel, has_authority=auth)
            for g, (_, rel, auth) in zip(saved, guardians, strict=True)
        ]
        for relation in relations:
            _validate(relation)
        return GuardianRelation.objects.bulk_create(relations)


def guardian_link(
    *, pupil: Pupil, guardian: Guardian, relationship: str, has_authority: bool
) -> GuardianRelation:
    relation = GuardianRelation.objects.filter(pupil=pupil, guardian=guardian).first()
    if relation is None:
        relation = GuardianRelation(pupil=pupil, guardian=guardian)
    relation.relationship, relation.has_authority = relationship, has_authority
    _validate(relation)
    relation.save()
    return relation


def enrolment_create(
    *,
    pupil: Pupil,
    school: School,
    school_year: int,
    year_group: int,
    start_date: dt.date,
    class_group: ClassGroup | None = None,
    location: Location | None = None,
    level: str = "",
    pupil_number: str = "",
    end_date: dt.date | None = None,
) -> Enrolment:
    enrolment = Enrolment(
        pupil=pupil,
        school=school,
        school_year=school_year,
        year_group=year_group,
        class_group=class_group,
        location=location,
        level=level,
        pupil_number=pupil_number,
        start_date=start_date,
        end_date=end_date,
    )
    _validate(enrolment)
    enrolment.save()
    return enrolment


def transition_create(
    *,
    pupil: Pupil,
    kind: str,
    from_school: School | None,
    school_year: int,
    to_school: School | None = None,
    status: str = "planned",
    from_school_brin: str = "",
    from_school_name: str = "",
) -> Transition:
    """A step of the school career. A sending school outside this installation is named by
    its BRIN and name instead of `from_school`."""
    transition = Transition(
        pupil=pupil,
        kind=kind,
        from_school=from_school,
        from_school_brin=from_school.brin if from_school else from_school_brin,
        from_school_name=from_school.name if from_school else from_school_name,
        to_school=to_school,
        school_year=school_year,
        status=status,
    )
    _validate(transition)
    with transaction.atomic():
        transition.save()
        events.transitions_created.send(sender=Transition, transitions=[transition])
    return transition


def transitions_create(transitions: list[Transition]) -> list[Transition]:
    """Many transitions at once (a rollover: one statement for a whole class), each
    validated as `transition_create` does; one `transitions_created` event for all."""
    for transition in transitions:
        if transition.from_school is not None:
            transition.from_school_brin = transition.from_school.brin
            transition.from_school_name = transition.from_school.name
        _validate(transition)
    with transaction.atomic():
        made = Transition.objects.bulk_create(transitions)
        events.transitions_created.send(sender=Transition, transitions=made)
    return made


def enrolments_create(enrolments: list[Enrolment]) -> list[Enrolment]:
    """Many enrolments at once (a rollover), validated as `enrolment_create` does."""
    for enrolment in enrolments:
        _validate(enrolment)
    return Enrolment.objects.bulk_create(enrolments)


def enrolments_end(*, enrolment_ids: list[int], end_date: dt.date | None) -> int:
    """End these enrolments (leavers of a rollover), or take the end back (`None`)."""
    return Enrolment.objects.filter(pk__in=enrolment_ids).update(end_date=end_date)


class InvitationError(Exception):
    """An invitation that cannot be used; the message is for the person holding the link."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@atomic
def invitation_create(
    *,
    actor: Actor,
    pupil: Pupil,
    school_id: int,
    email: str,
    guardian: Guardian | None = None,
) -> Invitation:
    """Invite a guardian (when `guardian` is given) or the pupil, and send the e-mail."""
    school = School.objects.get(pk=school_id)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        kind=InvitationKind.GUARDIAN if guardian else InvitationKind.PUPIL,
        guardian=guardian,
        pupil=pupil,
        school=school,
        email=email.lower(),
        token_hash=_token_hash(token),
        created_by=actor.user,
        expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    link = settings.OVERDRACHT_BASE_URL + reverse("pupils:invitation_accept", args=[token])
    context = {
        "school": school,
        "link": link,
        "days": settings.INVITATION_VALID_DAYS,
        "invitation": invitation,
    }
    body = render_to_string("pupils/invitation_email.txt", context)
    subject = _("Your account for Overdracht at %(school)s") % {"school": school.name}
    mail_queue(to=invitation.email, subject=subject, body=body, school_id=school.pk)
    audit_record(
        AuditAction.INVITATION_CREATED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=invitation,
        details={"kind": invitation.kind},
    )
    return invitation


def invitation_for_token(token: str) -> Invitation:
    """The open invitation for a link, or InvitationError saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("school", "guardian", "pupil")
        .filter(token_hash=_token_hash(token))
        .first()
    )
    if invitation is None:
        raise InvitationError(
            _("This invitation link is not valid. Ask the school for a new invitation.")
        )
    if invitation.accepted_at is not None:
        raise InvitationError(
            _(
                "This invitation has already been used. You can log in with "
                "your e-mail address and password."
            )
        )
    if invitation.expires_at < timezone.now():
        raise InvitationError(
            _("This invitation has expired. Ask the school for a new invitation.")
        )
    return invitation


@atomic
def invitation_accept(*, request: HttpRequest, token: str, full_name: str, password: str) -> User:
    """Create the account and link it to the guardian or pupil; a link works once. The
    visitor is not logged in yet, so this takes the request (like the login services)."""
    invitation = invitation_for_token(token)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise InvitationError(_("This invitation has already been used."))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(
            _(
                "An account with this e-mail address already exists. Log in "
                "with it, or ask the school to invite another address."
            )
        )
    user = user_create(email=invitation.email, full_name=full_name, password=password)
    if invitation.kind == InvitationKind.GUARDIAN:
        assert invitation.guardian is not None
        Guardian.objects.filter(pk=invitation.guardian.pk).update(user=user)
    else:
        Pupil.objects.filter(pk=invitation.pupil.pk).update(user=user)
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    audit_record(
        AuditAction.INVITATION_ACCEPTED,
        request=request,
        actor_id=user.pk,
        school_id=invitation.school_id,
        subject_pupil_id=invitation.pupil_id,
        target=invitation,
        details={"kind": invitation.kind},
    )
    return user


def pupil_erase(*, pupil_id: uuid.UUID) -> dict[str, int]:
    """Retention: delete the pupil record with what hangs on it — enrolments, transitions
    and their steps, guardian relations, invitations, consent decisions — and the guardians
    who have no other child here. Accounts of the pupil and of those guardians are switched
    off and their e-mail addresses and names emptied; the ids stay, for the audit trail."""
    relations = GuardianRelation.objects.filter(pupil_id=pupil_id)
    guardian_ids = list(relations.values_list("guardian_id", flat=True))
    counts = {
        "enrolments": Enrolment.objects.filter(pupil_id=pupil_id).count(),
        "transitions": Transition.objects.filter(pupil_id=pupil_id).count(),
        "guardian_relations": len(guardian_ids),
    }
    user_ids = list(
        Pupil.objects.filter(pk=pupil_id, user__isnull=False).values_list("user_id", flat=True)
    )
    Pupil.objects.filter(pk=pupil_id).delete()
    alone = Guardian.objects.filter(pk__in=guardian_ids, relations__isnull=True)
    user_ids += [u for u in alone.values_list("user_id", flat=True) if u is not None]
    counts["guardians"] = alone.count()
    alone.delete()
    # An account that also works at a school stays; only family accounts are closed.
    closing = User.objects.filter(pk__in=user_ids, memberships__isnull=True)
    counts["accounts_closed"] = User.objects.filter(pk__in=[u.pk for u in closing]).update(
        is_active=False,
        email=Concat(Value("erased-"), "id", Value("@invalid"), output_field=CharField()),
        full_name="",
        password=make_password(None),  # unusable
    )
    return counts


def class_assign(
    *, actor: Actor, pupil: Pupil, school: School, class_group: ClassGroup
) -> Enrolment:
    """Put the pupil in a class of the school year the class belongs to (the pupil must be
    enrolled at the school that year); audited. Raises a `ValidationError` keyed on
    `class_group`."""
    if class_group.school_id != school.pk:
        raise ValidationError({"class_group": _("That class belongs to another school.")})
    with transaction.atomic():
        enrolment = Enrolment.objects.filter(
            pupil=pupil, school=school, school_year=class_group.school_year
        ).first()
        if enrolment is None:
            raise ValidationError(
                {
                    "class_group": _("The pupil is not enrolled here in %(year)s.")
                    % {"year": class_group.school_year}
                }
            )
        enrolment.class_group = class_group
        enrolment.year_group = class_group.year_group
        enrolment.save(update_fields=["class_group", "year_group"])
    audit_record(
        AuditAction.CLASS_ASSIGNED,
        actor=actor,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        target=class_group,
    )
    return enrolment


def pupil_details_complete(*, pupil: Pupil, given_names: str, bsn: str) -> Pupil:
    """Given names as the school administration has them, and a BSN where the pupil had
    none; a BSN already there is never replaced."""
    fields = []
    if given_names and given_names != pupil.given_names:
        pupil.given_names = given_names
        fields.append("given_names")
    if bsn and not pupil.bsn:
        pupil.bsn = bsn
        fields.append("bsn")
    if fields:
        _validate(pupil)
        pupil.save(update_fields=fields)
    return pupil


def enrolment_update(
    *,
    enrolment: Enrolment,
    class_group: ClassGroup | None,
    year_group: int,
    level: str,
    pupil_number: str,
) -> Enrolment:
    enrolment.class_group, enrolment.year_group = class_group, year_group
    enrolment.level, enrolment.pupil_number = level, pupil_number
    _validate(enrolment)
    enrolment.save(update_fields=["class_group", "year_group", "level", "pupil_number"])
    return enrolment


def enrolment_end(*, enrolment: Enrolment, end_date: dt.date | None) -> Enrolment:
    """The pupil has left the school: the enrolment ends (nothing is deleted). `None` takes
    an end back (an undone rollover)."""
    enrolment.end_date = end_date
    enrolment.save(update_fields=["end_date"])
    return enrolment


def enrolments_withdraw(*, enrolment_ids: list[int]) -> int:
    """Take back enrolments that have not started yet (an undone rollover); one that has
    started is history and stays. How many were taken back."""
    deleted, _rows = Enrolment.objects.filter(
        pk__in=enrolment_ids, start_date__gt=timezone.localdate()
    ).delete()
    return deleted


def transitions_withdraw(*, transition_ids: list[int]) -> int:
    """Take back planned transitions (an undone rollover) with their steps; the caller makes
    sure no work hangs on them yet. How many transitions were taken back."""
    found = Transition.objects.filter(pk__in=transition_ids, status=TransitionStatus.PLANNED)
    count = found.count()
    found.delete()
    return count
