"""Structured logs: one JSON object per line, so a log shipper can parse every record without guessing.

A ``%``-style template cannot escape quotes, newlines or tracebacks inside a message; this formatter builds
the object first and lets the JSON encoder do the escaping.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed through ``extra=`` and is worth keeping.
_STANDARD_ATTRIBUTES = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            # Django attaches the request and the socket to some records; neither belongs in a log line.
            if key not in _STANDARD_ATTRIBUTES and key not in {"request", "server_time", "socket"}:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # default=str: an ``extra`` value JSON does not know (a Path, a model) is logged as text, never dropped.
        return json.dumps(entry, ensure_ascii=False, default=str)
