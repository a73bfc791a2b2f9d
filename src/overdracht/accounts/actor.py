"""The acting user of a service call: who does it, and from where (for the audit trail).
Views make it from the request (`Actor.of`); services never see the request."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from overdracht.accounts.models import User
from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.services import request_id
from overdracht.core.http import client_ip


@dataclass(frozen=True)
class Actor:
    user: User
    ip_address: str = ""
    request_id: str = ""

    @property
    def user_id(self) -> int:
        return int(self.user.pk)

    @classmethod
    def of(cls, request: HttpRequest) -> Actor:
        """The logged-in user of the request, with its address and request id."""
        return cls(
            user=authenticated_user(request),
            ip_address=client_ip(request),
            request_id=request_id(request),
        )
