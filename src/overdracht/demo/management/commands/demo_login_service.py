"""Serve the demo's login service (a test OpenID Connect provider) on this machine, so that
'Log in with Demo-inlogdienst' on the login page can be tried. Never for real data."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from overdracht.demo.login_service import DEFAULT_PORT, IDENTITIES, claims_of


class Command(BaseCommand):
    help = "Serve the demo's test OpenID Connect provider on 127.0.0.1 (development only)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=DEFAULT_PORT)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            import oidc_provider_mock
            from werkzeug.serving import run_simple
        except ImportError as exc:  # a production install has no development dependencies
            raise CommandError(
                "The demo login service needs the development dependencies (make install)."
            ) from exc
        users = [oidc_provider_mock.User(sub=i.subject, claims=claims_of(i)) for i in IDENTITIES]
        app = oidc_provider_mock.app(require_nonce=True, user_claims=users)
        self.stdout.write(f"Demo login service on http://127.0.0.1:{options['port']}/")
        run_simple("127.0.0.1", options["port"], app, use_reloader=False, threaded=True)
