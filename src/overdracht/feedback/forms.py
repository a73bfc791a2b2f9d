"""The feedback form, prefilled from what the product knows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.feedback.models import PupilFeedback, Worked


class FeedbackForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scale = [(n, str(n)) for n in range(1, 5)]
        for name, choices in (
            ("wellbeing", scale),
            ("work_attitude", scale),
            ("approach_worked", list(Worked.choices)),
        ):  # a required choice has no empty option
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices

    class Meta:
        model = PupilFeedback
        fields = [
            "class_name",
            "year_group",
            "level",
            "progress",
            "position",
            "wellbeing",
            "work_attitude",
            "approach_worked",
            "approach_notes",
            "tip",
        ]
        widgets = {
            "wellbeing": forms.RadioSelect,
            "work_attitude": forms.RadioSelect,
            "approach_worked": forms.RadioSelect,
            "approach_notes": forms.Textarea(attrs={"rows": 2}),
            "tip": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "wellbeing": gettext_lazy("1 worrying · 2 so-so · 3 good · 4 very good"),
            "work_attitude": gettext_lazy("1 worrying · 2 so-so · 3 good · 4 very good"),
            "position": gettext_lazy(
                "Against the primary school's original advice, as the inspectorate counts it."
            ),
        }
