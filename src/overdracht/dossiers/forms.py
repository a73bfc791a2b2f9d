from __future__ import annotations

from typing import Any

from django import forms

from overdracht.dossiers.sections import SectionSpec


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
            else:
                self.fields[field.name] = forms.CharField(
                    label=field.label,
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def content(self) -> dict[str, Any]:
        return {f.name: self.cleaned_data[f.name] for f in self.spec.fields}

    def section_fields(self) -> list[forms.BoundField]:
        return [self[f.name] for f in self.spec.fields]
