"""Log records as one JSON object per line, for a production log collector. Only the time,
level, logger, message and, for an exception, its type and where it was raised: never the
request (with its user, cookies and body) that Django attaches to a record."""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_info and record.exc_info[0] is not None:
            kind, _value, tb = record.exc_info
            frames = traceback.extract_tb(tb)
            entry["exception"] = kind.__name__
            if frames:
                last = frames[-1]
                entry["at"] = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"
        return json.dumps(entry, ensure_ascii=False)
