"""Forms of promotion: a decision, the norms, next year's class plan, a pupil's move."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.accounts.models import User
from overdracht.promotion.models import LEAVING_KINDS, Outcome, Proposal
from overdracht.promotion.norms import Norm, norms_problems
from overdracht.pupils.models import Level


class DecisionForm(forms.Form):
    insufficient_marks = forms.IntegerField(
        label=gettext_lazy("Insufficient marks"),
        min_value=0,
        max_value=30,
        required=False,
        help_text=gettext_lazy("The norms propose a decision from this number."),
    )
    outcome = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("", gettext_lazy("Not decided yet")), *Outcome.choices],
        required=False,
    )
    conditions = forms.CharField(
        label=gettext_lazy("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Only with “promoted on conditions”. Parents see them."),
    )
    next_level = forms.ChoiceField(
        label=gettext_lazy("Level or stream next year"),
        choices=[("", "—"), *Level.choices],
        required=False,
        help_text=gettext_lazy("Only with “to another level or stream”."),
    )
    profile = forms.CharField(
        label=gettext_lazy("Profile or sector"),
        max_length=60,
        required=False,
        help_text=gettext_lazy(
            "For the upper years: e.g. Natuur en Gezondheid, or the vmbo sector."
        ),
    )
    leaving_to = forms.ChoiceField(
        label=gettext_lazy("Leaves for"),
        choices=[("", "—"), *LEAVING_KINDS],
        required=False,
        help_text=gettext_lazy("Only with “leaves the school”: an outgoing transition follows."),
    )
    next_class_name = forms.CharField(
        label=gettext_lazy("Class next year"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Empty: the next class of the same letters (1A → 2A)."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (for the school only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NormForm(forms.Form):
    insufficient_from = forms.IntegerField(
        label=gettext_lazy("From (insufficient marks)"), min_value=0, max_value=30
    )
    insufficient_to = forms.IntegerField(
        label=gettext_lazy("Up to and including"),
        min_value=0,
        max_value=30,
        required=False,
        help_text=gettext_lazy("Empty: and more."),
    )
    proposal = forms.ChoiceField(label=gettext_lazy("Proposal"), choices=Proposal.choices)


class BaseNormFormSet(forms.BaseFormSet[NormForm]):
    def norms(self) -> list[Norm]:
        """The lines filled in and not deleted."""
        return [
            Norm(
                f.cleaned_data["insufficient_from"],
                f.cleaned_data["insufficient_to"],
                f.cleaned_data["proposal"],
            )
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]

    def clean(self) -> None:
        if any(self.errors):
            return
        problems = norms_problems(self.norms())
        if not self.norms():
            raise forms.ValidationError(gettext_lazy("Keep at least one line."))
        if "reversed" in problems:
            raise forms.ValidationError(gettext_lazy("A line ends before it starts."))
        if "overlap" in problems:
            raise forms.ValidationError(
                gettext_lazy("Two lines cover the same number of insufficient marks.")
            )


NormFormSet = forms.formset_factory(
    NormForm, formset=BaseNormFormSet, extra=2, max_num=8, can_delete=True
)


class ClassPlanForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput, max_length=40)
    mentor = forms.ModelChoiceField(
        label=gettext_lazy("Mentor next year"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, candidates: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["mentor"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(pk__in=[u.pk for u in candidates]).order_by(
            "full_name"
        )
        field.empty_label = gettext_lazy("No mentor yet")


class MoveForm(forms.Form):
    enrolment = forms.IntegerField(widget=forms.HiddenInput)
    next_class_name = forms.ChoiceField(label=gettext_lazy("Move to class"), choices=[])

    def __init__(self, *args: Any, class_names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["next_class_name"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(n, n) for n in class_names]
