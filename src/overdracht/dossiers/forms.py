from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from overdracht.dossiers.sections import SectionSpec
from overdracht.schools.models import School


class SectionForm(forms.Form):
    """The fields of one section, built from its spec, plus the version it is based on."""

    based_on_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, spec: SectionSpec, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spec = spec
        for field in spec.fields:
            if field.kind in ("choice", "scale"):
                self.fields[field.name] = forms.ChoiceField(
                    label=field.label, choices=field.choices, required=False
                )
            elif field.kind == "boolean":
                self.fields[field.name] = forms.BooleanField(label=field.label, required=False)
            elif field.kind == "date":
                self.fields[field.name] = forms.DateField(
                    label=field.label,
                    required=False,
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                )
            elif field.kind == "line":
                self.fields[field.name] = forms.CharField(
                    label=field.label, required=False, max_length=200
                )
            else:
                self.fields[field.name] = forms.CharField(
                    label=field.label,
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def content(self) -> dict[str, Any]:
        """As stored (JSON): dates as ISO text, empty dates as ""."""
        values = {f.name: self.cleaned_data[f.name] for f in self.spec.fields}
        return {
            k: v.isoformat() if hasattr(v, "isoformat") else ("" if v is None else v)
            for k, v in values.items()
        }

    def section_fields(self) -> list[forms.BoundField]:
        return [self[f.name] for f in self.spec.fields]


class ChooseSchoolForm(forms.Form):
    """The sending school records the school the pupil goes to, from the installation."""

    school = forms.ModelChoiceField(
        label=_("School the pupil goes to"),
        queryset=School.objects.none(),
        empty_label=_("Choose a school"),
    )

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools  # type: ignore[attr-defined]


class OutsideFileForm(forms.Form):
    """A school outside the installation gets the OSO file: its BRIN is typed."""

    to = forms.RegexField(
        label=_("BRIN of the receiving school"),
        regex=r"^[0-9]{2}[A-Za-z]{2}$",
        max_length=4,
        required=False,
        error_messages={"invalid": _("A BRIN number is two digits and two letters, e.g. 12AB.")},
    )
    kind = forms.ChoiceField(choices=[("transfer", "transfer"), ("provisional", "provisional")])
