"""Logs as JSON lines on stderr, for `geokg serve` and the web app alike.

Why a module of its own: the CLI sets up logging before any app exists, and must not reach
into `web` for it. What only a request knows (its id) is added by a filter the web app
passes in (`geokg.web.security.RequestIdFilter`).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from typing import Any

#: LogRecord attributes that are not extra fields of a log call.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message",
                                                                              "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, extra fields,
    and the traceback (server side only; responses never carry one)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        entry.update({k: v for k, v in vars(record).items()
                      if k not in _STANDARD and k not in entry})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_logging(level: str = "INFO", *, filters: Sequence[logging.Filter] = ()) -> None:
    """Send all logs as JSON lines to stderr, each passed through `filters` (the web app's
    stamps the request id). Called by `geokg serve` and by `create_app(json_logs=True)`;
    gunicorn.conf.py does the same with `geokg.web.server.LOG_CONFIG`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for log_filter in filters:
        handler.addFilter(log_filter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # geokg.access logs requests
