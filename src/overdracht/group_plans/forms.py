"""The group plan's forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.pupils.models import Pupil


class PlanForm(forms.Form):
    period = forms.CharField(
        label=gettext_lazy("Period"),
        max_length=40,
        help_text=gettext_lazy("e.g. Periode 1, or the whole school year"),
    )
    goals = forms.CharField(
        label=gettext_lazy("Goals for the group"), widget=forms.Textarea(attrs={"rows": 4})
    )
    evaluation = forms.CharField(
        label=gettext_lazy("Evaluation at the end of the period"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PupilChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ClusterForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Cluster"), max_length=100)
    approach = forms.CharField(
        label=gettext_lazy("Approach"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What the teachers do for these pupils."),
    )
    pupils = PupilChoiceField(
        label=gettext_lazy("Pupils"),
        queryset=Pupil.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, pupils: list[Pupil], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["pupils"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Pupil.objects.filter(pk__in=[p.pk for p in pupils]).order_by("sort_key")


class RemoveForm(forms.Form):
    cluster = forms.IntegerField(widget=forms.HiddenInput)


class DiscussionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=gettext_lazy("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
    )
    place = forms.CharField(label=gettext_lazy("Place"), max_length=200)
