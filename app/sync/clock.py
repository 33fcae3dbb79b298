"""The server's idea of the time, learned from every answer: the workstation's hybrid clock should read its wall
time through ``ServerTime.wall_ms`` so a PC whose clock is an hour off still stamps edits in the right order."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from app.domain.hlc import Stamp


class ServerTime:
    """Offset between the server's clock and ours; ``wall_ms`` is our clock corrected by it."""

    # A change of the offset smaller than this is network jitter, not news.
    NOTABLE_CHANGE_MS = 2000

    def __init__(self, offset_ms: int = 0, local_ms: object = None) -> None:
        self._offset = offset_ms
        self._local = local_ms if callable(local_ms) else (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()
        self._last_restamp = Stamp(0, 0, "")
        # Called (old offset, new offset) when the offset moved notably, e.g. to give the workstation a fresh clock.
        self.on_change: Callable[[int, int], None] | None = None

    @property
    def offset_ms(self) -> int:
        return self._offset

    def local_ms(self) -> int:
        return int(self._local())  # type: ignore[operator]

    def observe_server(self, server_ms: int) -> None:
        with self._lock:
            # Round-trip time is small on a LAN; a second of error does not matter against a five-minute limit.
            old, self._offset = self._offset, server_ms - self.local_ms()
            new = self._offset
        if self.on_change is not None and abs(new - old) >= self.NOTABLE_CHANGE_MS:
            self.on_change(old, new)

    def wall_ms(self) -> int:
        return self.local_ms() + self._offset

    def restamp(self, old: str, server_ms: int) -> str:
        """A corrected stamp for an entry stamped by a clock that ran ahead; increasing across calls."""
        node = Stamp.parse(old).node
        with self._lock:
            wall = max(server_ms, self._last_restamp.wall_ms)
            counter = self._last_restamp.counter + 1 if wall == self._last_restamp.wall_ms else 0
            self._last_restamp = Stamp(wall, counter, node)
            return str(Stamp(wall, counter, node))
