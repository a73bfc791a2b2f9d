"""The mentor handover's form: one field per agenda item, and whether a conversation is
still wanted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.mentor_handover.agenda import ITEMS


class HandoverForm(forms.Form):
    conversation_wanted = forms.BooleanField(
        label=gettext_lazy("A conversation with the new mentor is still wanted"),
        required=False,
        help_text=gettext_lazy(
            "For a pupil who needs support: plan it as a warm handover inside the school, "
            "with the pupil and the parents if that helps."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answers: dict[str, forms.Field] = {
            item.key: forms.CharField(
                label=item.title,
                help_text=item.prompt,
                required=item.key == "typing",
                error_messages={
                    "required": gettext_lazy("Describe the pupil in a few sentences first.")
                },
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=4000,
            )
            for item in ITEMS
        }
        self.fields = {**answers, "conversation_wanted": self.fields["conversation_wanted"]}

    def answers(self) -> dict[str, str]:
        return {item.key: self.cleaned_data.get(item.key, "") for item in ITEMS}
