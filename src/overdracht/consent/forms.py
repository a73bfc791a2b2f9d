from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from overdracht.consent.models import ReviewWay


class ReviewRecordForm(forms.Form):
    participant = forms.IntegerField(widget=forms.HiddenInput)
    way = forms.ChoiceField(
        label=_("How"),
        choices=[
            (ReviewWay.PAPER, ReviewWay.PAPER.label),
            (ReviewWay.CONVERSATION, ReviewWay.CONVERSATION.label),
        ],
    )
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))


class ReplyForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    text = forms.CharField(
        label=_("Reply of the school"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class StatementForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label=_("Do you agree with the dossier?"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Yes, I agree")), ("no", _("No, I do not agree"))],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your view"),
        required=False,
        max_length=4000,
        help_text=_(
            "Required when you do not agree. The next school reads it with the dossier; "
            "the school cannot change it."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("What is not correct, and what should it be?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
