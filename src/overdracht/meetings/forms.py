"""The forms of the warm handover pages. Each form owns its choices (who can be invited,
which transitions, which agenda items) and hands the services typed values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from overdracht.accounts.models import User
from overdracht.meetings import selectors
from overdracht.meetings.models import HandoverMeeting
from overdracht.pupils.models import Guardian, Pupil, Transition
from overdracht.schools.models import School
from overdracht.schools.people import StaffChoiceField, StaffMultipleChoiceField, with_roles


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

    @classmethod
    def of(cls, meeting: HandoverMeeting, *args: Any, **kwargs: Any) -> MeetingChangeForm:
        """The form to move or change this meeting, starting from what it is now."""
        kwargs["initial"] = {
            "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": meeting.duration_minutes,
            "place": meeting.place,
            "video_link": meeting.video_link,
        }
        return cls(*args, **kwargs)


class MeetingInviteForm(forms.Form):
    """Staff of the schools and the pupil's guardians who are not invited yet."""

    staff = StaffMultipleChoiceField(
        label=gettext_lazy("Staff to invite"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    guardians = forms.MultipleChoiceField(
        label=gettext_lazy("Parents to invite"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args: Any,
        pupil: Pupil,
        school_ids: Sequence[int | None],
        meeting: HandoverMeeting | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        staff = self.fields["staff"]
        assert isinstance(staff, forms.ModelMultipleChoiceField)
        staff.queryset = with_roles(selectors.staff_to_invite(school_ids, meeting))
        self._guardians = selectors.guardians_to_invite(pupil, meeting)
        guardians = self.fields["guardians"]
        assert isinstance(guardians, forms.MultipleChoiceField)
        guardians.choices = [(str(g.pk), g.name) for g in self._guardians]

    def clean_staff(self) -> list[User]:
        return list(self.cleaned_data["staff"])

    def clean_guardians(self) -> list[Guardian]:
        chosen = set(self.cleaned_data["guardians"])
        return [g for g in self._guardians if str(g.pk) in chosen]


class PlanForm(MeetingChangeForm, MeetingInviteForm):
    field_order = ["transition", "starts_at", "duration_minutes", "place", "video_link"]

    transition = TransitionField(
        label=gettext_lazy("Transition"), queryset=Transition.objects.none()
    )
    invite_pupil = forms.BooleanField(label=gettext_lazy("Invite the pupil"), required=False)

    def __init__(
        self, *args: Any, pupil: Pupil, school: School, preselect: int | None = None, **kwargs: Any
    ) -> None:
        """The pupil's transitions between two schools of the installation that this school
        takes part in; staff of both schools of those transitions. The one the page was
        opened for (`preselect`), or the only one, is chosen already."""
        transitions = selectors.transitions_to_meet(pupil, school)
        schools = {t.from_school_id for t in transitions} | {t.to_school_id for t in transitions}
        super().__init__(*args, pupil=pupil, school_ids=list(schools), **kwargs)
        field = self.fields["transition"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = transitions
        ids = [t.pk for t in transitions]
        if preselect in ids:
            self.initial["transition"] = preselect
        elif len(ids) == 1:
            self.initial["transition"] = ids[0]


class TransitionPickForm(forms.Form):
    """`?transition=<id>` on the plan page: the transition it was opened for."""

    transition = forms.IntegerField(required=False)


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to everyone invited)"), required=False, max_length=300
    )


class MinutesForm(forms.Form):
    agenda_item = forms.ChoiceField(label=gettext_lazy("Agenda item"), required=False)
    text = forms.CharField(
        label=gettext_lazy("Add to the minutes"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, meeting: HandoverMeeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—")] + [(item, item) for item in meeting.agenda]


class AgreementForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Agreement"), max_length=500)
    owner = StaffChoiceField(label=gettext_lazy("Owner"), queryset=User.objects.none())
    due_date = forms.DateField(
        label=gettext_lazy("Due date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, meeting: HandoverMeeting, **kwargs: Any) -> None:
        """An agreement's owner is someone of the staff taking part in the meeting."""
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = with_roles(
            User.objects.filter(meeting_participations__meeting=meeting).order_by("full_name")
        )
