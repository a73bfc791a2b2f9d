"""Public API of the dossiers app for supplements: question packs per school (the default,
or the school's own copy) and answers per pupil."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from overdracht.accounts.actor import Actor
from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.dossiers.models import Question, QuestionPack, SupplementAnswers
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School

KINDS = ("text", "choice", "multi", "yesno", "scale", "date")


def packs_for_school(school: School) -> list[QuestionPack]:
    """Every pack, the school's own copy where it has one."""
    own = {p.code: p for p in QuestionPack.objects.filter(school=school)}
    defaults = QuestionPack.objects.filter(school=None)
    return [own.get(p.code, p) for p in defaults]


@transaction.atomic
def pack_customise(
    *, actor: Actor, school: School, code: str, questions: list[dict[str, Any]]
) -> QuestionPack:
    """Give the school its own version of a pack with these questions (text, kind, choices)."""
    default = QuestionPack.objects.get(code=code, school=None)
    cleaned = [q for q in questions if str(q.get("text", "")).strip()]
    if not cleaned:
        raise ValidationError(_("A pack needs at least one question."))
    for question in cleaned:
        if question.get("kind", "text") not in KINDS:
            raise ValidationError(_("Unknown kind of question."))
    pack, _created = QuestionPack.objects.update_or_create(
        code=code,
        school=school,
        defaults={"title": default.title, "sensitivity": default.sensitivity},
    )
    pack.questions.all().delete()
    Question.objects.bulk_create(
        Question(
            pack=pack,
            position=i,
            text=str(q["text"]).strip(),
            kind=q.get("kind", "text"),
            choices=list(q.get("choices", [])),
        )
        for i, q in enumerate(cleaned, start=1)
    )
    audit_record(
        AuditAction.QUESTION_PACK_CHANGED,
        actor=actor,
        school_id=school.pk,
        target=pack,
        details={"questions": len(cleaned)},
    )
    return pack


def _check(question: Question, value: Any) -> Any:
    if value in (None, "", []):
        return None
    if question.kind in ("choice", "scale") and value not in question.choices:
        raise ValidationError(_("Choose one of the options for: %(q)s") % {"q": question.text})
    if question.kind == "multi":
        values = value if isinstance(value, list) else [value]
        if any(v not in question.choices for v in values):
            raise ValidationError(_("Choose from the options for: %(q)s") % {"q": question.text})
        return values
    if question.kind == "yesno" and value not in ("ja", "nee"):
        raise ValidationError(_("Answer yes or no for: %(q)s") % {"q": question.text})
    return str(value)[:4000] if question.kind in ("text", "date") else value


def supplement_save(
    *,
    actor: Actor,
    pupil: Pupil,
    pack: QuestionPack,
    answers: dict[str, Any],
    school_id: int | None = None,
) -> SupplementAnswers:
    checked = {}
    for question in pack.questions.all():
        value = _check(question, answers.get(str(question.pk)))
        if value is not None:
            checked[str(question.pk)] = {"question": question.text, "answer": value}
    saved = SupplementAnswers.objects.create(
        pupil=pupil, pack=pack, answers=checked, author_id=actor.user.pk
    )
    audit_record(
        AuditAction.SUPPLEMENT_SAVED,
        actor=actor,
        school_id=school_id,
        subject_pupil_id=pupil.pk,
        target=saved,
        details={"pack": pack.code, "answered": len(checked)},
    )
    return saved


def latest_supplements(pupil: Pupil, codes: list[str]) -> list[SupplementAnswers]:
    latest: dict[str, SupplementAnswers] = {}
    for answers in SupplementAnswers.objects.filter(
        pupil=pupil, pack__code__in=codes
    ).select_related("pack"):
        latest.setdefault(answers.pack.code, answers)
    return list(latest.values())


def questions_as_lines(pack: QuestionPack) -> str:
    """One question per line: `[kind] text | choice; choice` (kind and choices optional)."""
    lines = []
    for question in pack.questions.all():
        line = f"[{question.kind}] {question.text}"
        if question.choices:
            line += " | " + "; ".join(question.choices)
        lines.append(line)
    return "\n".join(lines)


def questions_from_lines(text: str) -> list[dict[str, Any]]:
    questions = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        kind = "text"
        if line.startswith("[") and "]" in line:
            kind, line = line[1 : line.index("]")].strip(), line[line.index("]") + 1 :].strip()
        text, _sep, choices = line.partition("|")
        questions.append(
            {
                "text": text.strip(),
                "kind": kind,
                "choices": [c.strip() for c in choices.split(";") if c.strip()],
            }
        )
    return questions
