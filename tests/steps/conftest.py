"""The primary school with a groep-8 pupil, shared with the sending school's tests."""

from tests.dossiers.test_sending import primary

__all__ = ["primary"]
