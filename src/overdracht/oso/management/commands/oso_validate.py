from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from overdracht.oso.archive import files_from_paths
from overdracht.oso.official_rules import official_rules_available, rules_dir
from overdracht.oso.problems import OsoFileError
from overdracht.oso.schema import schema_available, schema_path
from overdracht.oso.validation import validate_file


class Command(BaseCommand):
    help = (
        "Controleer OSO-dossiers tegen het schema en de officiële bedrijfsregels van "
        "Edustandaard (als die zijn ingesteld) en onze eigen regels. Exitcode 1 bij elk "
        "probleem."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", help="bestanden, mappen of zip-bestanden")

    def handle(self, *args: Any, **options: Any) -> None:
        if schema_available():
            self.stdout.write(f"Schema: {schema_path()}")
        else:
            self.stdout.write(
                "Schema niet gevonden (OSO_STANDARD_DIR): alleen de "
                "bedrijfsregels worden gecontroleerd."
            )
        official = official_rules_available()
        if official:
            self.stdout.write(f"Officiële bedrijfsregels: {rules_dir()}")
        else:
            self.stdout.write(
                "Officiële bedrijfsregels niet gevonden (OSO_STANDARD_DIR/rules): die worden "
                "niet gecontroleerd."
            )
        failed = 0
        for item in files_from_paths(options["paths"]):
            if isinstance(item, OsoFileError):
                failed += 1
                for problem in item.problems:
                    self.stdout.write(f"FOUT  {problem}")
                continue
            result = validate_file(item.data, name=item.name, official=official)
            if not result.problems:
                self.stdout.write(f"OK    {item.name}")
                continue
            if result.errors:
                failed += 1
            for problem in result.problems:
                label = "FOUT " if problem.severity == "error" else "LET OP"
                self.stdout.write(f"{label} {problem}")
        if failed:
            raise CommandError(f"{failed} bestand(en) met fouten.", returncode=1)
