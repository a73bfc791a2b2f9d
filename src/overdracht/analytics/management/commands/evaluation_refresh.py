"""Nightly: recompute the evaluation's figures of the cohorts that can still change."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from overdracht.analytics.further import further_cohorts, further_refresh
from overdracht.analytics.refresh import cohort_refresh, cohorts_to_refresh
from overdracht.core.school_year import current_school_year


class Command(BaseCommand):
    help = "Recompute the yearly evaluation's figures (nightly)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--year", type=int, action="append", help="Only this cohort (the year it starts)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for year in options["year"] or cohorts_to_refresh():
            n = cohort_refresh(year)
            self.stdout.write(f"cohort {year}: {n} transitions")
        for year in options["year"] or further_cohorts(current_school_year()):
            n = further_refresh(year)
            self.stdout.write(f"to further education {year}: {n} transitions")
