"""Logging, configured once by bootstrap: a rotating file in the data folder and a ring buffer for "Show log".

Personal data: national IDs (10 digits), legal IDs (11 digits) and mobile numbers are masked in every record below
WARNING by a filter, so a careless ``log.info("found %s", national_id)`` never writes one to disk.
"""

from __future__ import annotations

import collections
import logging
import logging.handlers
import re
import threading
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:\+?98|0)?9\d{9}(?!\d)|(?<!\d)\d{10,11}(?!\d)")


def mask_personal_numbers(text: str) -> str:
    """``0084575948`` → ``00******48``: enough to tell records apart, not enough to identify anyone."""

    def mask(match: re.Match[str]) -> str:
        value = match.group(0)
        return value[:2] + "*" * (len(value) - 4) + value[-2:]

    return _PERSONAL_NUMBER.sub(mask, text)


class PersonalDataFilter(logging.Filter):
    """Masks personal numbers in records below WARNING (warnings and errors are rare and may need the value)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            message = record.getMessage()
            masked = mask_personal_numbers(message)
            if masked != message:
                record.msg = masked
                record.args = None
        return True


class RingBufferHandler(logging.Handler):
    """Keeps the last ``capacity`` formatted lines in memory for the "Show log" dialog."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self._lock_lines = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # a bad format string must not break the caller
            self.handleError(record)
            return
        with self._lock_lines:
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self._lock_lines:
            return list(self._lines)


_ring: RingBufferHandler | None = None


def ring_buffer() -> RingBufferHandler | None:
    """The ring buffer installed by ``configure_logging`` (None before it ran)."""
    return _ring


def configure_logging(logs_dir: Path | None, level: str = "INFO", *, console: bool = False) -> RingBufferHandler:
    """Install the handlers on the root logger once; calling again replaces ours (tests, a second start)."""
    global _ring
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ecity", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(FORMAT)
    privacy = PersonalDataFilter()
    handlers: list[logging.Handler] = []
    ring = RingBufferHandler()
    handlers.append(ring)
    if logs_dir is not None:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                logs_dir / "ecity-counter.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(privacy)
        handler._ecity = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    _ring = ring
    return ring
