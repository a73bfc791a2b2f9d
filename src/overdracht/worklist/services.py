"""Public services of the worklist: `calendar_feed_rotate` (the personal calendar address:
only its hash is kept; it ends with "log out everywhere" and when made anew; pupils by their
initials unless the user opts in), `calendar_feed_end`, `feed_token_hash`."""

from __future__ import annotations

import hashlib
import secrets

from overdracht.accounts.models import User
from overdracht.worklist.models import CalendarFeed


def feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def calendar_feed_rotate(*, user: User, full_names: bool) -> str:
    """Make the user's calendar address anew (the old one stops working) and return its
    token: the only time it is seen, as only its hash is kept."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        user=user,
        defaults={
            "token_hash": feed_token_hash(token),
            "session_generation": user.session_generation,
            "full_names": full_names,
        },
    )
    return token


def calendar_feed_end(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()
