from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from overdracht.core.school_year import current_school_year
from overdracht.oso.builder import ReviewData
from overdracht.oso.export import ExportRefusedError, dossier_export, recorded_review
from overdracht.pupils.models import Pupil
from overdracht.schools.models import School


class Command(BaseCommand):
    help = (
        "Maak het OSO-dossier van een leerling voor een ontvangende school. Zonder "
        "vastgelegde inzage alleen als voorlopig dossier (--voorlopig)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--pupil", required=True, help="id van de leerling")
        parser.add_argument(
            "--from",
            dest="from_brin",
            default="",
            help="BRIN van de verzendende school (standaard: de huidige school van de leerling)",
        )
        parser.add_argument("--to", required=True, help="BRIN van de ontvangende school")
        parser.add_argument("--crossing", default="POVO", choices=["POPO", "POVO", "VOVO"])
        parser.add_argument("--out", required=True, help="bestand om te schrijven")
        parser.add_argument(
            "--voorlopig",
            action="store_true",
            help="voorlopig dossier, zoals ouders het vóór de inzage zien",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        pupil = Pupil.objects.filter(pk=options["pupil"]).first()
        if options["from_brin"]:
            school = School.objects.filter(brin=options["from_brin"].upper()).first()
        else:
            school = (
                School.objects.filter(
                    enrolments__pupil=pupil, enrolments__school_year__lte=current_school_year()
                )
                .order_by("-enrolments__school_year")
                .first()
            )
        if pupil is None or school is None:
            raise CommandError("Leerling of verzendende school niet gevonden.")
        try:
            review = (
                ReviewData(provisional=True)
                if options["voorlopig"]
                else recorded_review(pupil, school)
            )
            export = dossier_export(
                pupil=pupil,
                school=school,
                to_brin=options["to"],
                crossing=options["crossing"],
                review=review,
            )
        except ExportRefusedError as exc:
            details = "\n".join(f"  {p}" for p in exc.problems)
            raise CommandError(f"{exc.message}\n{details}".rstrip()) from exc
        Path(options["out"]).write_bytes(export.content)
        self.stdout.write(f"Geschreven: {options['out']} ({len(export.content)} bytes)")
