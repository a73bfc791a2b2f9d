"""Every form's field: label above the field, its hint and its error tied to the widget by
`aria-describedby`, the widget marked invalid while it has an error."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals op het rooster.", max_length=5)
    notes = forms.CharField(label="Notities", required=False, widget=forms.Textarea)


def test_a_field_is_described_by_its_hint_and_its_error() -> None:
    form = _Form({"name": "veel te lang", "notes": ""})
    assert not form.is_valid()
    html = render_to_string("includes/field.html", {"field": form["name"]})
    assert '<label for="id_name">' in html
    assert html.index("<label") < html.index("<input")
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_name_error"' in html
    assert 'id="id_name_helptext"' in html
    quiet = render_to_string("includes/field.html", {"field": form["notes"]})
    assert "aria-describedby" not in quiet
    assert "aria-invalid" not in quiet
    assert '<span class="optional">(niet verplicht)</span>' in quiet
