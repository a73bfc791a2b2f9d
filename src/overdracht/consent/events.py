"""Domain events the consent app owns, sent by its services inside their transaction.

- `review_completed(review: GuardianReview)`: every participant of the review (each
  guardian, and the pupil from 16) has now seen the dossier, in the portal or as recorded by
  the school (`services.review_seen`, `services.review_record`)."""

from __future__ import annotations

from django.dispatch import Signal

review_completed = Signal()
