"""The care pages' forms: each owns its choices and its validation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.care import selectors
from overdracht.care.models import CareLevel, Referral, Urgency
from overdracht.schools.models import School


class ReferralForm(forms.Form):
    level = forms.ChoiceField(label=gettext_lazy("Refer to"), choices=CareLevel.choices)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    urgency = forms.ChoiceField(label=gettext_lazy("Urgency"), choices=Urgency.choices)


class DevelopmentPlanForm(forms.Form):
    support_started = forms.DateField(required=False)
    completed_at = forms.DateField(required=False)
    pupil_view = forms.CharField(required=False, max_length=4000)


class CareMeetingForm(forms.Form):
    """Plan a meeting of the care team."""

    date = forms.DateField(
        error_messages={
            "required": gettext_lazy("Choose a valid date."),
            "invalid": gettext_lazy("Choose a valid date."),
        }
    )


class _ReferralActionForm(forms.Form):
    """An action on one of the school's open referrals; a referral of another school, or
    none, is not a choice."""

    referral = forms.ModelChoiceField(queryset=Referral.objects.none())

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["referral"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = selectors.open_referrals(school)


class ReferralOutcomeForm(_ReferralActionForm):
    outcome = forms.CharField(required=False, max_length=4000)
    actions = forms.CharField(required=False, max_length=4000)
    close = forms.BooleanField(required=False)


class ReferralEscalateForm(_ReferralActionForm):
    level = forms.ChoiceField(
        choices=[
            (CareLevel.CARE_ADVISORY_TEAM.value, CareLevel.CARE_ADVISORY_TEAM.label),
            (CareLevel.PARTNERSHIP.value, CareLevel.PARTNERSHIP.label),
        ]
    )
    reason = forms.CharField(required=False, max_length=4000)
