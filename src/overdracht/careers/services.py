"""Writing the career dossier: the pupil's reflections and activities, the guides' comments
and conversations. One call, one transaction, audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.careers.models import Activity, Comment, Competence, Conversation, Reflection
from overdracht.careers.prompts import QUESTION_KEYS
from overdracht.core.school_year import current_school_year
from overdracht.pupils.models import Pupil


@transaction.atomic
def reflection_save(*, actor: Actor, pupil: Pupil, question: str, text: str) -> Reflection:
    if question not in QUESTION_KEYS:
        raise ValidationError({"question": _("Choose one of the questions.")})
    reflection, _created = Reflection.objects.update_or_create(
        pupil=pupil,
        question=question,
        school_year=current_school_year(),
        defaults={"answer": {"text": text.strip()}},
    )
    audit_record(AuditAction.CAREER_WRITTEN, actor=actor, target=pupil, subject_pupil_id=pupil.pk)
    return reflection


@transaction.atomic
def activity_add(
    *,
    actor: Actor,
    pupil: Pupil,
    kind: str,
    title: str,
    done_on: dt.date,
    year_group: int,
    competences: list[str],
    reflection: str,
) -> Activity:
    unknown = set(competences) - set(Competence.values)
    if unknown or not competences:
        raise ValidationError({"competences": _("Choose at least one competence.")})
    activity = Activity.objects.create(
        pupil=pupil,
        kind=kind,
        title=title.strip(),
        done_on=done_on,
        year_group=year_group,
        competences=sorted(competences, key=Competence.values.index),
        reflection={"text": reflection.strip()},
        created_by_id=actor.user.pk,
    )
    audit_record(AuditAction.CAREER_WRITTEN, actor=actor, target=pupil, subject_pupil_id=pupil.pk)
    return activity


@transaction.atomic
def comment_add(
    *, actor: Actor, pupil: Pupil, text: str, activity: Activity | None = None
) -> Comment:
    if activity is not None and activity.pupil_id != pupil.pk:
        raise ValidationError(_("This activity belongs to another pupil."))
    comment = Comment.objects.create(
        pupil=pupil, activity=activity, author_id=actor.user.pk, text={"text": text.strip()}
    )
    audit_record(AuditAction.CAREER_COMMENTED, actor=actor, target=pupil, subject_pupil_id=pupil.pk)
    return comment


@transaction.atomic
def conversation_record(
    *,
    actor: Actor,
    pupil: Pupil,
    held_on: dt.date,
    guardians_joined: bool,
    notes: str,
    agreements: str,
) -> Conversation:
    conversation = Conversation.objects.create(
        pupil=pupil,
        held_on=held_on,
        with_user_id=actor.user.pk,
        guardians_joined=guardians_joined,
        content={"notes": notes.strip(), "agreements": agreements.strip()},
    )
    audit_record(AuditAction.CAREER_COMMENTED, actor=actor, target=pupil, subject_pupil_id=pupil.pk)
    return conversation
