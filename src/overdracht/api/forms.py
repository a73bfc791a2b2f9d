from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.api.services import SCOPES


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        help_text=gettext_lazy("For example: Magister koppeling, regional dashboard."),
    )
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("What it may read"),
        choices=list(SCOPES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
