from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from overdracht.demo.login_service import DEFAULT_PORT, IDENTITIES, demo_provider_ensure
from overdracht.demo.services import (
    DEMO_PASSWORD,
    REGION_NAME,
    demo_oso_files_write,
    demo_region_load,
)
from overdracht.schools.models import Region


class Command(BaseCommand):
    help = "Load the demo region (once; running it again changes nothing) and list the accounts."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--login-service-port",
            type=int,
            default=DEFAULT_PORT,
            help="Where the demo's login service (manage.py demo_login_service) listens",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = demo_region_load()
        demo_provider_ensure(
            Region.objects.get(name=REGION_NAME), port=options["login_service_port"]
        )
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Demo region loaded: {result.pupils} pupils."))
        else:
            self.stdout.write("Demo region already present; nothing changed.")
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD})")
        self.stdout.write("Accounts marked 2FA set up an authenticator app at first login.")
        width = max(len(a.email) for a in result.accounts)
        for account in result.accounts:
            mark = "2FA" if account.two_factor else "   "
            self.stdout.write(
                f"  {account.email:<{width}}  {mark}  {account.role} — {account.school}"
            )
        folder = demo_oso_files_write(settings.VAR_DIR / "demo-oso")
        self.stdout.write("")
        self.stdout.write(
            f"OSO files to try 'Binnengekomen dossiers' with (log in as zorg@…): {folder}"
        )
        self.stdout.write("")
        self.stdout.write(
            "Single sign-on: 'Inloggen met Demo-inlogdienst' on the login page, then choose:"
        )
        for identity in IDENTITIES:
            self.stdout.write(f"  {identity.subject:<22} {identity.email} — {identity.what}")
