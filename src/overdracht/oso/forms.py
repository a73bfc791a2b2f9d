from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (Django's documented pattern)."""

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    dossier_files = MultipleFileField(
        label=_("OSO files"),
        help_text=_("One or more XML files, or a zip file with XML files."),
        widget=MultipleFileInput(attrs={"accept": ".xml,.zip,application/xml,application/zip"}),
    )

    def clean_dossier_files(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["dossier_files"]
        if not files:
            raise forms.ValidationError(_("Choose at least one file."))
        for upload in files:
            if (upload.size or 0) > settings.OSO_MAX_ZIP_TOTAL_BYTES:
                raise forms.ValidationError(_("%(name)s is too large.") % {"name": upload.name})
        return files

    def uploads(self) -> list[tuple[str, bytes]]:
        return [(f.name or "upload", f.read()) for f in self.cleaned_data["dossier_files"]]
