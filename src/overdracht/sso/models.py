"""An identity provider of a school board or a region, and the staff accounts it vouches for."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.fields import EncryptedBinaryField
from overdracht.schools.models import Region, SchoolBoard

# Values of the `amr` claim (RFC 8176) that mean more than one factor was used.
# Only "mfa" says so by itself; a provider whose users log in with a key or a code alone
# (e.g. "hwk", "otp") can add those values.
DEFAULT_MFA_AMR = ["mfa"]
# Values of the `acr` claim that providers in Dutch education use for a multi-factor login:
# REFEDS MFA (SURFconext, Entree Federatie) and Microsoft Entra's multiple authentication.
DEFAULT_MFA_ACR = [
    "https://refeds.org/profile/mfa",
    "http://schemas.microsoft.com/claims/multipleauthn",
]


def default_mfa_amr() -> list[str]:
    return list(DEFAULT_MFA_AMR)


def default_mfa_acr() -> list[str]:
    return list(DEFAULT_MFA_ACR)


class IdentityProvider(models.Model):
    """An OpenID Connect provider that staff of a school board or of a whole region log in
    with (SURFconext, Entree Federatie, the board's Microsoft or Google tenant). It vouches
    only for users with a membership at a school of its board or region."""

    name = models.CharField(_("name"), max_length=100, help_text=_("Shown on the login page."))
    slug = models.SlugField(unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, null=True, blank=True, related_name="identity_providers"
    )
    board = models.ForeignKey(
        SchoolBoard,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="identity_providers",
    )
    discovery_url = models.URLField(
        _("discovery address"), help_text=_("The provider's .well-known/openid-configuration.")
    )
    client_id = models.CharField(max_length=255)
    client_secret = EncryptedBinaryField()
    # Some providers (SURFconext, a school's own tenant) vouch for the e-mail addresses they
    # assert but send no `email_verified` claim; only then is an address without it trusted.
    email_verified_by_provider = models.BooleanField(default=False)
    mfa_amr = models.JSONField(default=default_mfa_amr)
    mfa_acr = models.JSONField(default=default_mfa_acr)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(region__isnull=False, board__isnull=True)
                    | models.Q(region__isnull=True, board__isnull=False)
                ),
                name="identity_provider_region_or_board",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ExternalIdentity(models.Model):
    """A user as a provider knows them: the stable subject (`sub`) is pinned at the first
    login, so a later change of e-mail address at the provider cannot move the account."""

    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="identities"
    )
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities"
    )
    linked_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"], name="external_identity_unique_subject"
            ),
            models.UniqueConstraint(
                fields=["provider", "user"], name="external_identity_unique_user"
            ),
        ]

    def __str__(self) -> str:
        return f"identity {self.pk} at provider {self.provider_id}"
