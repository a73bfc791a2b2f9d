"""Model fields whose values are encrypted at rest (`core.crypto`). The database holds the
Fernet token as text; Python sees the plain value. A value written before encryption (plain
JSON or bytes) is still read, and encrypted on its next save, by the migration that brought
the field, or by `encryption_rotate`.

Public API: `EncryptedJSONField`, `EncryptedBinaryField`, `encrypt_rows` (for migrations)."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from overdracht.core import crypto

if TYPE_CHECKING:
    _Text = models.TextField[Any, Any]
else:
    _Text = models.TextField


class EncryptedJSONField(_Text):
    """A JSON value (dict, list, ...) stored encrypted. Not for lookups or ordering."""

    if TYPE_CHECKING:
        _pyi_private_set_type: Any
        _pyi_private_get_type: Any

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        raw = value.encode()
        if crypto.is_token(raw):
            raw = crypto.decrypt(raw)
        return json.loads(raw)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.from_db_value(value, None, None)
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
        return crypto.encrypt(data).decode()

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)


class EncryptedBinaryField(_Text):
    """Bytes (an attachment, a file as it arrived) stored encrypted."""

    if TYPE_CHECKING:
        _pyi_private_set_type: Any  # bytes
        _pyi_private_get_type: Any  # bytes

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, bytes | memoryview):  # written before encryption (SQLite)
            return bytes(value)
        if value.startswith("\\x"):  # written before encryption: PostgreSQL's bytea as text
            return bytes.fromhex(value[2:])
        raw = value.encode()
        if crypto.is_token(raw):
            return crypto.decrypt(raw)
        return base64.b64decode(raw)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return crypto.encrypt(bytes(value)).decode()


def encrypt_rows(model: Any, *fields: str, batch: int = 200) -> int:
    """Save the given fields of every row again, so they are stored encrypted under the
    current key; one transaction per batch of rows, so a large table never sits in memory
    and a stopped run resumes where it was."""
    done = 0
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), batch):
        with transaction.atomic():
            chosen = model.objects.filter(pk__in=pks[start : start + batch]).only("pk", *fields)
            for obj in chosen.select_for_update():
                obj.save(update_fields=list(fields))
                done += 1
    return done
