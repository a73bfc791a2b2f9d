from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from overdracht.core.school_year import current_school_year
from overdracht.dossiers.models import IntakeAnalysis
from overdracht.schools.models import ClassGroup, School


class AnalysisForm(forms.Form):
    needs_support = forms.BooleanField(label=gettext_lazy("Needs support"), required=False)
    discuss_in_person = forms.BooleanField(
        label=gettext_lazy("Discuss in person (warm handover)"), required=False
    )
    refer_to_care_team = forms.BooleanField(
        label=gettext_lazy("Refer to the care team"), required=False
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes of the analysis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    class_group = forms.ModelChoiceField(
        label=gettext_lazy("Class"), required=False, queryset=ClassGroup.objects.none()
    )

    def __init__(
        self,
        *args: Any,
        school: School,
        existing: IntakeAnalysis | None,
        class_group: ClassGroup | None,
        **kwargs: Any,
    ) -> None:
        """The classes of the school this school year and the next to choose from; the
        analysis as saved before, and the pupil's class, as the starting values."""
        initial: dict[str, object] = {"class_group": class_group}
        if existing is not None:
            initial.update(
                needs_support=existing.needs_support,
                discuss_in_person=existing.discuss_in_person,
                refer_to_care_team=existing.refer_to_care_team,
                notes=existing.notes,
            )
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        years = [current_school_year(), current_school_year() + 1]
        field = self.fields["class_group"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = ClassGroup.objects.filter(school=school, school_year__in=years).order_by(
            "school_year", "year_group", "name"
        )
