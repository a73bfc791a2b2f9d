"""Encryption at rest of special-category data (care sections, diagnoses and medication, the
received dossiers and their attachments), with `cryptography`'s Fernet (AES-128-CBC with
HMAC-SHA256, a timestamp and a version byte per token).

Keys come from the environment (`OVERDRACHT_ENCRYPTION_KEYS`: Fernet keys separated by
commas, the first one encrypts, every one decrypts), so a database copy without the keys
reads nothing. Rotation: put a new key first, run `manage.py encryption_rotate`, then drop
the old key. Encrypted values are never searched or sorted on.

Public API: `encrypt`, `decrypt`, `rotate`, `is_token`, `generate_key`, `keys_check`.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

# Every Fernet token starts with the version byte 0x80, which is "gAAAAA" in base64.
TOKEN_PREFIX = b"gAAAAA"


class DecryptionError(Exception):
    """A value cannot be decrypted with any of the configured keys."""


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.OVERDRACHT_ENCRYPTION_KEYS))


def generate_key() -> str:
    return Fernet.generate_key().decode()


def is_token(data: bytes) -> bool:
    return data.startswith(TOKEN_PREFIX)


def encrypt(data: bytes) -> bytes:
    return _current().encrypt(data)


def decrypt(token: bytes) -> bytes:
    try:
        return _current().decrypt(token)
    except InvalidToken as exc:
        raise DecryptionError(
            "An encrypted value cannot be read with OVERDRACHT_ENCRYPTION_KEYS."
        ) from exc


def rotate(token: bytes) -> bytes:
    """The same value under the first (current) key."""
    try:
        return _current().rotate(token)
    except InvalidToken as exc:
        raise DecryptionError(
            "An encrypted value cannot be read with OVERDRACHT_ENCRYPTION_KEYS."
        ) from exc


@register("security")
def keys_check(**kwargs: object) -> list[CheckMessage]:
    """core.E001: no valid encryption key; the product does not start without one."""
    keys = list(getattr(settings, "OVERDRACHT_ENCRYPTION_KEYS", []))
    if not keys:
        return [
            Error(
                "OVERDRACHT_ENCRYPTION_KEYS is empty: special-category data cannot be stored.",
                hint="Set it to a key made with `manage.py encryption_key`.",
                id="core.E001",
            )
        ]
    try:
        _fernet(tuple(keys))
    except ValueError:
        return [
            Error(
                "OVERDRACHT_ENCRYPTION_KEYS holds a value that is not a Fernet key.",
                hint="Each key is 32 bytes in URL-safe base64 (`manage.py encryption_key`).",
                id="core.E001",
            )
        ]
    return []
