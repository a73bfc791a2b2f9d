"""The roster pages' forms: the file, the column mapping, the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.core.school_year import current_school_year
from overdracht.roster.columns import COLUMNS, PRESETS

MAX_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    export = forms.FileField(
        label=gettext_lazy("Export of the school administration (CSV or XLSX)"),
        help_text=gettext_lazy("At most 10 MB; separator ; or , — UTF-8 or Windows-1252."),
    )
    preset = forms.ChoiceField(
        label=gettext_lazy("Which system made the export"),
        required=False,
        choices=[("", gettext_lazy("another system"))] + [(k, n) for k, (n, _c) in PRESETS.items()],
    )
    school_year = forms.TypedChoiceField(label=gettext_lazy("School year"), coerce=int)

    file_name = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = current_school_year()
        field = self.fields["school_year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(y, f"{y}/{y + 1}") for y in (year, year + 1)]
        field.initial = year

    def clean_export(self) -> bytes:
        upload = self.cleaned_data["export"]
        self.file_name = str(upload.name or "")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(gettext_lazy("The file is larger than 10 MB."))
        return bytes(upload.read())


class ColumnsForm(forms.Form):
    """For each of our fields, the heading of the file's column that holds it."""

    def __init__(self, *args: Any, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(h, h) for h in headers if h]
        for column in COLUMNS:
            self.fields[column.key] = forms.ChoiceField(
                label=column.label, choices=choices, required=column.required
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        used: dict[str, str] = {}
        for key, heading in data.items():
            if not heading:
                continue
            if heading in used:
                self.add_error(
                    key, gettext_lazy("This column is chosen for another field already.")
                )
            used[heading] = key
        return data

    def mapping(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if v}


class ImportForm(forms.Form):
    end_missing = forms.BooleanField(
        label=gettext_lazy("End the enrolment of the pupils who are not in the file"),
        required=False,
    )
