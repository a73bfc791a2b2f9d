from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from overdracht.pupils.models import Guardian, Pupil
from overdracht.schools.models import School

PUPIL_CHOICE = "pupil"


class PupilSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=80)
    class_group = forms.TypedChoiceField(
        label=_("Class"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, class_groups: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["class_group"].choices = [("", _("All classes")), *class_groups]  # type: ignore[attr-defined]


class InvitationForm(forms.Form):
    recipient = forms.ChoiceField(label=_("Who do you invite?"), widget=forms.RadioSelect)
    email = forms.EmailField(label=_("E-mail address"))

    def __init__(self, *args: Any, pupil: Pupil, guardians: list[Guardian], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(g.pk), g.name) for g in guardians]
        if pupil.user_id is None:
            choices.append((PUPIL_CHOICE, _("The pupil: %(name)s") % {"name": pupil.name}))
        self.fields["recipient"].choices = choices  # type: ignore[attr-defined]
        self.guardians = {str(g.pk): g for g in guardians}

    def guardian(self) -> Guardian | None:
        return self.guardians.get(self.cleaned_data["recipient"])


class InvitationAcceptForm(forms.Form):
    full_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        help_text=_("At least 12 characters; not only digits; not a common password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class RegistrationForm(forms.Form):
    """A pupil registered at this school (aanmelding): found by number and birth date."""

    from_school = forms.ModelChoiceField(
        label=_("Current school"), queryset=School.objects.none(), empty_label=_("Choose a school")
    )
    number = forms.CharField(
        label=_("BSN or onderwijsnummer"),
        max_length=9,
        min_length=9,
        help_text=_("Nine digits, from the registration form the parents filled in."),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    registered_on = forms.DateField(
        label=_("Date of registration"), widget=forms.DateInput(attrs={"type": "date"})
    )
    due = forms.DateField(
        label=_("Dossier wanted by"),
        required=False,
        help_text=_("Two weeks from today when left empty."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, schools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_school"].queryset = schools  # type: ignore[attr-defined]

    def clean_number(self) -> str:
        number = str(self.cleaned_data["number"]).strip()
        if not number.isascii() or not number.isdigit():
            raise forms.ValidationError(_("Nine digits, without spaces or dots."))
        return number
