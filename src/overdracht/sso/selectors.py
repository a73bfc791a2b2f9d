"""Public reads of single sign-on: the providers a login page offers, and the providers of a
school's board and region (for the school administrator's page)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from overdracht.accounts.models import User
from overdracht.schools.models import Membership, School
from overdracht.sso.models import IdentityProvider


def providers_for_login() -> QuerySet[IdentityProvider]:
    return IdentityProvider.objects.filter(active=True).order_by("name", "pk")


def provider_for_login(slug: str) -> IdentityProvider | None:
    return IdentityProvider.objects.filter(slug=slug, active=True).first()


def providers_of_school(school: School) -> QuerySet[IdentityProvider]:
    return IdentityProvider.objects.filter(
        Q(board_id=school.board_id) | Q(region_id=school.region_id)
    ).order_by("name", "pk")


def has_membership_in_scope(provider: IdentityProvider, user: User) -> bool:
    """True when the user works at a school of the provider's board or region (or, for a
    region's provider, at a partnership of the region): a provider never vouches for anyone
    else."""
    memberships = Membership.objects.filter(user=user)
    if provider.board_id is not None:
        return memberships.filter(school__board_id=provider.board_id).exists()
    return memberships.filter(
        Q(school__region_id=provider.region_id) | Q(partnership__region_id=provider.region_id)
    ).exists()


def second_step_asserted(provider: IdentityProvider, claims: dict[str, object]) -> bool:
    """True when the ID token says the user logged in with more than one factor: an `amr`
    value (RFC 8176) or the `acr` the provider uses for that, as configured per provider."""
    amr = claims.get("amr")
    methods = {str(m) for m in amr} if isinstance(amr, list) else set()
    if methods & set(provider.mfa_amr):
        return True
    return str(claims.get("acr") or "") in set(provider.mfa_acr)
