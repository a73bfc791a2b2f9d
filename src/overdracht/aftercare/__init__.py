"""Aftercare (nazorg) after a pupil arrived: the check-in moments of the first year, each
with its owner and date in My tasks, recorded with how it goes."""
