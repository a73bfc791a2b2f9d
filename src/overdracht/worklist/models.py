"""The personal calendar feed: a secret address per user for their calendar app."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CalendarFeed(models.Model):
    """A secret address per user for their calendar app (which cannot log in). Only the
    token's SHA-256 is kept; the address is shown once, when it is made. It ends when the
    user logs out everywhere (the session generation it was made in has passed) or makes a
    new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    session_generation = models.PositiveIntegerField(default=0)
    # Pupils appear by their initials unless the user chose full names for their calendar.
    full_names = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"
