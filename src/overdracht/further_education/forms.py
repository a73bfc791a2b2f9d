"""Forms on the way to the vervolgopleiding."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from overdracht.further_education.models import (
    IntakeOutcome,
    ProgrammeLevel,
    Skill,
    StartKind,
    Status,
)
from overdracht.schools.models import School

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _InstitutionMixin(forms.Form):
    institution = forms.TypedChoiceField(
        label=_("Institution"), coerce=int, required=False, empty_value=None
    )
    institution_name = forms.CharField(
        label=_("Or an institution outside Overdracht"), max_length=200, required=False
    )

    def __init__(self, *args: Any, institutions: list[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["institution"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "—"), *((s.pk, s.name) for s in institutions)]
        self.institutions = {s.pk: s for s in institutions}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("institution")
        data["institution"] = self.institutions.get(chosen) if chosen else None
        if data["institution"] is None and not data.get("institution_name", "").strip():
            self.add_error("institution_name", _("Choose an institution or name one."))
        return data


class ChoiceForm(_InstitutionMixin):
    field_order = ["rank", "programme", "level", "institution", "institution_name"]

    rank = forms.TypedChoiceField(
        label=_("Which choice"),
        coerce=int,
        choices=[(1, _("First choice")), (2, _("Plan B"))],
    )
    programme = forms.CharField(label=_("Programme"), max_length=160)
    level = forms.ChoiceField(label=_("Level"), choices=ProgrammeLevel.choices)


class RegistrationForm(_InstitutionMixin):
    field_order = ["programme", "level", "institution", "institution_name", "registered_on"]

    programme = forms.CharField(label=_("Programme"), max_length=160)
    level = forms.ChoiceField(label=_("Level"), choices=ProgrammeLevel.choices)
    registered_on = forms.DateField(label=_("Registered on"), widget=DATE)


class RegistrationUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    status_on = forms.DateField(label=_("Status since"), widget=DATE)
    intake_on = forms.DateField(label=_("Intake on"), widget=DATE, required=False)
    intake_outcome = forms.ChoiceField(
        label=_("Intake"), choices=[("", "—"), *IntakeOutcome.choices], required=False
    )
    study_check_done = forms.BooleanField(
        label=_("Study-choice check done (HBO/WO)"), required=False
    )
    guidance = forms.CharField(
        label=_("Agreements on guidance at the start"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


def _text(label: Any, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class PupilPartForm(forms.Form):
    about_me = _text(_("About me"), _("Who you are, what you are good at, what you want."))
    school_career = _text(_("My school career"), _("Schools, levels, years repeated or skipped."))
    internships = _text(_("Internships and work experience"))
    support_needed = _text(
        _("What I need to do well"),
        _("Only what you want the new school to know: what helps you learn."),
    )
    include_career_dossier = forms.BooleanField(
        label=_("My career dossier goes with it"), required=False
    )


class SchoolPartForm(forms.Form):
    advice = _text(_("The school's advice"), _("About the choice and the start: what fits."))
    support_that_worked = _text(_("Support that worked"))


class StartReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=StartKind.choices)
    reported_on = forms.DateField(label=_("Date"), widget=DATE)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class AftercareForm(forms.Form):
    contacted_on = forms.DateField(label=_("Date"), widget=DATE)
    going_well = forms.TypedChoiceField(
        label=_("How is it going?"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Going well")), ("no", _("Needs attention"))],
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class SkillsForm(forms.Form):
    """One row per skill: what the programme asks, what the pupil has, the plan for a gap."""

    def __init__(self, *args: Any, current: dict[str, dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for skill, label in Skill.choices:
            now = current.get(skill, {})
            self.fields[f"{skill}-asked"] = forms.CharField(
                label=_("%(skill)s: what the programme asks") % {"skill": label},
                required=False,
                max_length=200,
                initial=now.get("asked", ""),
            )
            self.fields[f"{skill}-present"] = forms.CharField(
                label=_("%(skill)s: what the pupil has") % {"skill": label},
                required=False,
                max_length=200,
                initial=now.get("present", ""),
            )
            self.fields[f"{skill}-gap"] = forms.BooleanField(
                label=_("%(skill)s: a gap to close") % {"skill": label},
                required=False,
                initial=now.get("gap", False),
            )
            self.fields[f"{skill}-plan"] = forms.CharField(
                label=_("%(skill)s: plan and who helps") % {"skill": label},
                required=False,
                max_length=300,
                initial=now.get("plan", ""),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for skill in Skill.values:
            if data.get(f"{skill}-gap") and not data.get(f"{skill}-plan", "").strip():
                self.add_error(f"{skill}-plan", _("Say how the gap is closed, and who helps."))
        return data

    def rows(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        return [
            {
                "skill": skill,
                "asked": data[f"{skill}-asked"].strip(),
                "present": data[f"{skill}-present"].strip(),
                "gap": data[f"{skill}-gap"],
                "plan": data[f"{skill}-plan"].strip(),
                "helper": "",
            }
            for skill in Skill.values
        ]
