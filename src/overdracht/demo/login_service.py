"""The demo's login service: a real OpenID Connect provider for trying single sign-on
(oidc-provider-mock, a development dependency), with staff of the demo region to log in as,
and its registration as the region's identity provider."""

from __future__ import annotations

from dataclasses import dataclass

from overdracht.schools.models import Region
from overdracht.sso.models import IdentityProvider
from overdracht.sso.services import provider_save

DEFAULT_PORT = 9400
SLUG = "demo"


@dataclass(frozen=True)
class DemoIdentity:
    subject: str
    email: str
    multi_factor: bool
    what: str


IDENTITIES = [
    DemoIdentity("docent-waalstad", "docent@waalstad-college.example", False, "teacher"),
    DemoIdentity(
        "zorg-waalstad-mfa",
        "zorg@waalstad-college.example",
        True,
        "care coordinator; the provider asserts a multi-factor login, so no code is asked",
    ),
    DemoIdentity(
        "mentor-waalstad",
        "mentor@waalstad-college.example",
        False,
        "mentor; without a multi-factor login our own second step is asked",
    ),
    DemoIdentity(
        "onbekende-medewerker",
        "nieuw@waalstad-college.example",
        False,
        "no account in the product: refused with a message",
    ),
]


def claims_of(identity: DemoIdentity) -> dict[str, object]:
    return {
        "email": identity.email,
        "email_verified": True,
        "amr": ["pwd", "mfa"] if identity.multi_factor else ["pwd"],
    }


def demo_provider_ensure(region: Region, port: int = DEFAULT_PORT) -> IdentityProvider:
    """The demo region's provider at the demo login service on this machine."""
    return provider_save(
        slug=SLUG,
        name="Demo-inlogdienst",
        discovery_url=f"http://127.0.0.1:{port}/.well-known/openid-configuration",
        client_id="overdracht-demo",
        client_secret="demo-only",
        region=region,
    )
