"""How far a long job is, for the page that waits for it.

A job that writes everything in one transaction cannot show its progress through the
database: nothing it writes is visible before the commit. It reports here instead, in the
`progress` cache, which the web server and the task worker share (files in the var folder
of the server that runs both). A lost figure only makes a bar stand still a moment; the
job's outcome is always in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import caches

KEEP_SECONDS = 60 * 60


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return 0 if self.total <= 0 else min(100, self.done * 100 // self.total)


def progress_report(key: str, *, done: int, total: int) -> None:
    caches["progress"].set(f"progress:{key}", (done, total), KEEP_SECONDS)


def progress_of(key: str) -> Progress:
    found = caches["progress"].get(f"progress:{key}")
    if not isinstance(found, tuple) or len(found) != 2:
        return Progress(0, 0)
    return Progress(int(found[0]), int(found[1]))


def progress_clear(key: str) -> None:
    caches["progress"].delete(f"progress:{key}")
