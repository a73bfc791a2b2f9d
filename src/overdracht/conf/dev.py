"""Development settings: `make demo` and a newcomer's machine. Never for production."""

from __future__ import annotations

import secrets

from overdracht.conf.base import *  # noqa: F403
from overdracht.conf.base import VAR_DIR
from overdracht.conf.env import env_bool, env_list, env_str

# `make demo` runs with DJANGO_DEBUG=false, so a newcomer sees the product's own 404 and 500
# pages; static files then come straight from the source (no collectstatic needed).
DEBUG = env_bool("DJANGO_DEBUG", default=True)
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"


def _dev_secret_key() -> str:
    """A key kept in var/ so sessions survive a restart; never a literal in the code."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = env_str("DJANGO_SECRET_KEY", "") or _dev_secret_key()


def _dev_encryption_key() -> str:
    """A key kept in var/ beside the demo's database; a real installation sets its own."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "dev-encryption-key"
    if not key_file.exists():
        from cryptography.fernet import Fernet

        key_file.write_text(Fernet.generate_key().decode())
    return key_file.read_text().strip()


OVERDRACHT_ENCRYPTION_KEYS = env_list("OVERDRACHT_ENCRYPTION_KEYS") or [_dev_encryption_key()]
