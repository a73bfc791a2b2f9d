"""Add or change an identity provider of a region or a school board (the operator's work:
the client's secret comes from the environment or standard input, never the command line)."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from overdracht.schools.models import Region, SchoolBoard
from overdracht.sso.services import provider_save


class Command(BaseCommand):
    help = (
        "Add or change an OpenID Connect provider for the staff of one region or school board. "
        "The client secret is read from OVERDRACHT_SSO_CLIENT_SECRET or, without it, from "
        "standard input."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("slug", help="Short name in the provider's addresses, e.g. surfconext")
        parser.add_argument("--name", required=True, help="Shown on the login button")
        parser.add_argument("--discovery-url", required=True)
        parser.add_argument("--client-id", required=True)
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--region", help="The region's name")
        scope.add_argument("--board", help="The school board's name")
        parser.add_argument(
            "--email-verified-by-provider",
            action="store_true",
            help="Trust e-mail addresses the provider sends without an email_verified claim",
        )
        parser.add_argument("--mfa-amr", nargs="*", help="amr values that mean multi-factor")
        parser.add_argument("--mfa-acr", nargs="*", help="acr values that mean multi-factor")
        parser.add_argument("--inactive", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        region = board = None
        if options["region"]:
            region = Region.objects.filter(name=options["region"]).first()
            if region is None:
                raise CommandError(f"No region is called {options['region']!r}.")
        else:
            board = SchoolBoard.objects.filter(name=options["board"]).first()
            if board is None:
                raise CommandError(f"No school board is called {options['board']!r}.")
        secret = os.environ.get("OVERDRACHT_SSO_CLIENT_SECRET") or sys.stdin.readline().strip()
        if not secret:
            raise CommandError("The client secret is empty.")
        provider = provider_save(
            slug=options["slug"],
            name=options["name"],
            discovery_url=options["discovery_url"],
            client_id=options["client_id"],
            client_secret=secret,
            region=region,
            board=board,
            email_verified_by_provider=options["email_verified_by_provider"],
            mfa_amr=options["mfa_amr"],
            mfa_acr=options["mfa_acr"],
            active=not options["inactive"],
        )
        self.stdout.write(f"Provider {provider.slug} saved (id {provider.pk}).")
