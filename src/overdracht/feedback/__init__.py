"""Feedback to the sending school: how its former pupil is doing, per moment of the first
years at the receiving school (content defaults §6)."""
