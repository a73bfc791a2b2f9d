"""Test settings: fast hashing, mail kept in memory, Playwright allowed to use the ORM."""

from __future__ import annotations

import os

from overdracht.conf.base import *  # noqa: F403

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - the test settings never serve real data
# A fixed test key (32 bytes, URL-safe base64), never used outside the test run.
OVERDRACHT_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWtleS1mb3ItZW5jcnlwdGlvbi0zMmI="]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Tasks run at once in the tests; the fault tests start a real worker with the database
# backend (OVERDRACHT_TEST_TASKS_BACKEND) in a separate process.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "OVERDRACHT_TEST_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
WHITENOISE_USE_FINDERS = True
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "progress": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "p"},
}
