from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from overdracht.oso.archive import files_from_paths
from overdracht.oso.models import ImportStatus
from overdracht.oso.problems import OsoFileError
from overdracht.oso.services import ImportOutcome, dossier_import
from overdracht.schools.models import School


class Command(BaseCommand):
    help = (
        "Lees OSO-dossiers in voor een school (bestanden, mappen, zip-bestanden). "
        "Exitcode 0 alleen als niets is geweigerd."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--school", required=True, help="BRIN van de ontvangende school")
        parser.add_argument("--json", action="store_true", help="resultaat per bestand als JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        school = School.objects.filter(brin=options["school"].upper()).first()
        if school is None:
            raise CommandError(f"Geen school met BRIN {options['school']!r} in deze installatie.")
        outcomes: list[ImportOutcome] = []
        for item in files_from_paths(options["paths"]):
            if isinstance(item, OsoFileError):
                name = item.problems[0].file if item.problems else "?"
                outcomes.append(
                    ImportOutcome(name=name, status=ImportStatus.REJECTED, problems=item.problems)
                )
                continue
            outcomes.append(dossier_import(data=item.data, name=item.name, school=school))
        if options["json"]:
            self.stdout.write(
                json.dumps([o.as_dict() for o in outcomes], ensure_ascii=False, indent=2)
            )
        else:
            for outcome in outcomes:
                self.stdout.write(f"{outcome.status:<10} {outcome.name}")
                for problem in outcome.problems:
                    self.stdout.write(f"           {problem}")
            counts: dict[str, int] = {}
            for outcome in outcomes:
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            self.stdout.write(f"{len(outcomes)} bestand(en): {summary or 'geen'}")
        if any(o.rejected for o in outcomes):
            raise CommandError("Niet alle bestanden zijn ingelezen.", returncode=1)
