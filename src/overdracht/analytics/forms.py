"""The evaluation's filters: the cohort, a school of the region and the support group."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from overdracht.analytics.selectors import NO_SUPPORT, SUPPORT
from overdracht.core.school_year import school_year_label
from overdracht.schools.models import School


class FilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Cohort"), coerce=int)
    school = forms.TypedChoiceField(label=_("School"), coerce=int, required=False, empty_value=None)
    group = forms.ChoiceField(
        label=_("Pupils"),
        required=False,
        choices=[
            ("", _("All pupils")),
            (SUPPORT, _("Pupils who need support")),
            (NO_SUPPORT, _("Pupils without support needs")),
        ],
    )

    def __init__(self, *args: Any, years: list[int], schools: list[School], **kwargs: Any):
        super().__init__(*args, **kwargs)
        year = self.fields["year"]
        assert isinstance(year, forms.TypedChoiceField)
        year.choices = [
            (y, _("Started secondary school in %(year)s") % {"year": school_year_label(y)})
            for y in years
        ]
        school = self.fields["school"]
        assert isinstance(school, forms.TypedChoiceField)
        if schools:
            school.choices = [("", _("All schools of the region"))] + [
                (s.pk, s.name) for s in schools
            ]
        else:
            del self.fields["school"]
