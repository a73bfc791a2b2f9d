"""The check-in form, and the school's moments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.aftercare.models import CheckIn
from overdracht.aftercare.moments import MomentDefault


class CheckInForm(forms.Form):
    moment = forms.ChoiceField(label=gettext_lazy("Check-in"))
    going = forms.TypedChoiceField(
        label=gettext_lazy("How it goes"),
        choices=CheckIn.Going.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=gettext_lazy("What was discussed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    passport_to_adjust = forms.BooleanField(
        label=gettext_lazy("The passport needs adjusting"), required=False
    )
    plan_to_adjust = forms.BooleanField(
        label=gettext_lazy("The OPP needs adjusting"), required=False
    )

    def __init__(self, *args: Any, open_moments: list[MomentDefault], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["moment"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(m.key, m.name) for m in open_moments]


class MomentForm(forms.Form):
    key = forms.SlugField(label=gettext_lazy("Short name"), max_length=32)
    name = forms.CharField(label=gettext_lazy("Check-in"), max_length=200)
    days_after_start = forms.IntegerField(
        label=gettext_lazy("Days after the start of the year"), min_value=0, max_value=366
    )
    with_care_coordinator = forms.BooleanField(
        label=gettext_lazy("With the care coordinator for a pupil who needs support"),
        required=False,
    )


MomentFormSet = forms.formset_factory(MomentForm, extra=1, max_num=12, can_delete=True)
