"""Helpers for request metadata: the client address the audit trail records, and the
`next` address a form may return to."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def client_ip(request: HttpRequest) -> str:
    """The client's address as the server sees it (the proxy sets REMOTE_ADDR correctly)."""
    return str(request.META.get("REMOTE_ADDR", ""))[:45]


def safe_next(request: HttpRequest, candidate: str | None) -> str | None:
    """`candidate` when it is an address on this site (never another host or scheme)."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None
