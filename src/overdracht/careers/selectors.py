"""Reading the career dossier: this year's answers to the four questions (earlier years
beneath), the activities with their comments, the conversations and the guides' comments,
with the names of who wrote what; and the count per competence, to show where the pupil has
not looked yet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from overdracht.accounts.models import User
from overdracht.careers.models import Activity, Comment, Competence, Conversation, Reflection
from overdracht.careers.prompts import QUESTIONS, prompts_for
from overdracht.core.school_year import current_school_year


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    prompts: list[str]
    answer: str
    earlier: list[tuple[int, str]]  # (school year, answer)


@dataclass(frozen=True)
class CareerDossier:
    questions: list[Question]
    activities: list[Activity]
    conversations: list[Conversation]
    comments: list[Comment]  # on the dossier as a whole
    per_competence: list[tuple[str, int]]  # (label, number of activities)
    names: dict[int, str]  # user id → name, for who commented or talked with the pupil


def dossier_of(pupil_id: uuid.UUID) -> CareerDossier:
    year = current_school_year()
    answers: dict[str, list[tuple[int, str]]] = {}
    for r in Reflection.objects.filter(pupil_id=pupil_id).order_by("-school_year"):
        answers.setdefault(r.question, []).append((r.school_year, str(r.answer.get("text", ""))))
    questions = [
        Question(
            key=key,
            text=text,
            prompts=prompts_for(key),
            answer=next((a for y, a in answers.get(key, []) if y == year), ""),
            earlier=[(y, a) for y, a in answers.get(key, []) if y != year and a],
        )
        for key, text, _ in QUESTIONS
    ]
    activities = list(Activity.objects.filter(pupil_id=pupil_id).prefetch_related("comments"))
    comments = list(Comment.objects.filter(pupil_id=pupil_id, activity__isnull=True))
    conversations = list(Conversation.objects.filter(pupil_id=pupil_id))
    ids = {c.author_id for c in comments} | {c.with_user_id for c in conversations}
    ids |= {c.author_id for a in activities for c in a.comments.all()}
    names = dict(User.objects.filter(pk__in=ids).values_list("pk", "full_name"))
    counts = dict.fromkeys(Competence.values, 0)
    for activity in activities:
        for competence in activity.competences:
            counts[competence] = counts.get(competence, 0) + 1
    return CareerDossier(
        questions=questions,
        activities=activities,
        conversations=conversations,
        comments=comments,
        per_competence=[(str(label), counts[value]) for value, label in Competence.choices],
        names=names,
    )


def summary_for_transfer(pupil_id: uuid.UUID) -> dict[str, object]:
    """What of the career dossier goes with the transfer dossier when the pupil agrees: the
    latest answers to the four questions and the activities with their reflections (never
    the guides' comments or the conversations' notes)."""
    dossier = dossier_of(pupil_id)
    return {
        "questions": [
            {"question": q.text, "answer": q.answer or (q.earlier[0][1] if q.earlier else "")}
            for q in dossier.questions
        ],
        "activities": [
            {
                "kind": a.get_kind_display(),
                "title": a.title,
                "date": a.done_on.isoformat(),
                "reflection": str(a.reflection.get("text", "")),
            }
            for a in dossier.activities
        ],
    }
