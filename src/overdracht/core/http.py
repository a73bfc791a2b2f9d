"""Helpers for request metadata that the audit trail records."""

from __future__ import annotations

from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address as the server sees it (the proxy sets REMOTE_ADDR correctly)."""
    return str(request.META.get("REMOTE_ADDR", ""))[:45]
