"""Hybrid logical clock: a timestamp that orders edits across workstations even when their clocks disagree.

A stamp is the text ``{wall_ms:013d}-{counter:05d}-{node}``; text order equals clock order, and the node (the
workstation number, zero-padded) is the total tie-break between two edits made at the same instant.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.errors import DomainError

MAX_DRIFT_MS = 5 * 60 * 1000  # stamps further in the future than this are refused


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        try:
            wall, counter, node = text.split("-", 2)
            return cls(int(wall), int(counter), node)
        except ValueError as exc:
            raise DomainError("hlc.invalid", value=text) from exc


def node_id(workstation_no: int) -> str:
    return f"{workstation_no:04d}"


class HybridClock:
    """Thread-safe HLC (Kulkarni et al. 2014). ``now()`` for a local event, ``observe()`` for a remote stamp."""

    def __init__(self, node: str, wall_ms: Callable[[], int] | None = None) -> None:
        self._node = node
        self._wall = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._last = Stamp(0, 0, node)
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                self._last = Stamp(wall, 0, self._node)
            else:
                self._last = Stamp(self._last.wall_ms, self._last.counter + 1, self._node)
            return str(self._last)

    def observe(self, remote: str) -> str:
        """Merge a stamp received from elsewhere; refuses one too far in the future (a broken clock)."""
        other = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            if other.wall_ms - wall > MAX_DRIFT_MS:
                raise DomainError("hlc.clock_too_far_ahead", drift_ms=other.wall_ms - wall)
            top = max(wall, self._last.wall_ms, other.wall_ms)
            if top == self._last.wall_ms == other.wall_ms:
                counter = max(self._last.counter, other.counter) + 1
            elif top == self._last.wall_ms:
                counter = self._last.counter + 1
            elif top == other.wall_ms:
                counter = other.counter + 1
            else:
                counter = 0
            self._last = Stamp(top, counter, self._node)
            return str(self._last)
