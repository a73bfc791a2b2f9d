from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from overdracht.oso.mapping_doc import mapping_markdown

DOC = Path(settings.BASE_DIR) / "docs" / "developers" / "oso-mapping.md"


class Command(BaseCommand):
    help = "Write docs/developers/oso-mapping.md from the mapping table."

    def handle(self, *args: Any, **options: Any) -> None:
        DOC.write_text(mapping_markdown(), encoding="utf-8")
        self.stdout.write(f"Written: {DOC}")
