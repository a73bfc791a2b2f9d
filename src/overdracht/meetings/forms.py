"""The forms of the warm handover pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.accounts.models import User
from overdracht.pupils.models import Transition


class TransitionField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Transition) -> str:
        return (
            f"{obj.get_kind_display()}: {obj.from_name} → "
            f"{obj.to_school.name if obj.to_school else '—'} ({obj.school_year})"
        )


class MeetingChangeForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=gettext_lazy("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Duration (minutes)"), min_value=10, max_value=240, initial=45
    )
    place = forms.CharField(label=gettext_lazy("Place"), required=False, max_length=200)
    video_link = forms.URLField(
        label=gettext_lazy("Video link"), required=False, assume_scheme="https"
    )


class MeetingInviteForm(forms.Form):
    staff = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Staff to invite"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    guardians = forms.MultipleChoiceField(
        label=gettext_lazy("Parents to invite"), required=False, widget=forms.CheckboxSelectMultiple
    )


class PlanForm(MeetingChangeForm, MeetingInviteForm):
    field_order = ["transition", "starts_at", "duration_minutes", "place", "video_link"]

    transition = TransitionField(
        label=gettext_lazy("Transition"), queryset=Transition.objects.none()
    )
    invite_pupil = forms.BooleanField(label=gettext_lazy("Invite the pupil"), required=False)


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to everyone invited)"), required=False, max_length=300
    )


class MinutesForm(forms.Form):
    agenda_item = forms.ChoiceField(label=gettext_lazy("Agenda item"), required=False)
    text = forms.CharField(
        label=gettext_lazy("Add to the minutes"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AgreementForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Agreement"), max_length=500)
    owner = forms.ModelChoiceField(label=gettext_lazy("Owner"), queryset=User.objects.none())
    due_date = forms.DateField(
        label=gettext_lazy("Due date"), widget=forms.DateInput(attrs={"type": "date"})
    )
