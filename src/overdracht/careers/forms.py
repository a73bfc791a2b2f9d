"""The career dossier's forms: a reflection, an activity, a comment, a conversation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from overdracht.careers.models import ActivityKind, Competence
from overdracht.careers.prompts import QUESTIONS


class ReflectionForm(forms.Form):
    question = forms.ChoiceField(
        label=_("Question"), choices=[(k, t) for k, t, _ in QUESTIONS], widget=forms.HiddenInput
    )
    text = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of activity"), choices=ActivityKind.choices)
    title = forms.CharField(
        label=_("What and where"),
        max_length=160,
        help_text=_("For example: open day ROC Waalstad, Zorg en welzijn."),
    )
    done_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    competences = forms.MultipleChoiceField(
        label=_("What did it help you with?"),
        choices=Competence.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    reflection = forms.CharField(
        label=_("Your reflection"),
        help_text=_("What did you see or do, what did you notice about yourself, what next?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class CommentForm(forms.Form):
    activity = forms.TypedChoiceField(
        label=_("About"), coerce=int, required=False, empty_value=None
    )
    text = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args: Any, activities: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("The dossier as a whole")), *activities]


class ConversationForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    guardians_joined = forms.BooleanField(label=_("Parents joined"), required=False)
    notes = forms.CharField(
        label=_("What was discussed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    agreements = forms.CharField(
        label=_("Agreements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
