"""``SyncWorker``: sync rounds in a plain Python thread (no Qt; the UI wraps it), with status callbacks and
exponential back-off while the server cannot be reached.

Callbacks run on the worker thread: a Qt wrapper re-emits them as signals to reach the GUI thread.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from app.domain.errors import DomainError
from app.sync.client import SyncClient, SyncReport
from app.sync.errors import AuthRequiredError, OfflineError, UpdateRequiredError
from app.sync.status import SyncStatus

log = logging.getLogger(__name__)

__all__ = ["Backoff", "SyncStatus", "SyncWorker"]


@dataclass
class Backoff:
    """Exponential back-off with full jitter: 2 s, 4 s, 8 s ... up to ``maximum``."""

    base: float = 2.0
    maximum: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        self.failures += 1
        ceiling = min(self.maximum, self.base * (2 ** (self.failures - 1)))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def reset(self) -> None:
        self.failures = 0


class SyncWorker:
    """Runs ``client.sync_once`` every ``interval`` seconds, at once on ``sync_now()``, and backs off when offline."""

    def __init__(
        self,
        client: SyncClient,
        *,
        interval: float = 30.0,
        on_status: Callable[[SyncStatus], None] | None = None,
        backoff: Backoff | None = None,
        on_round: Callable[[SyncReport], None] | None = None,
    ) -> None:
        self.client = client
        self.interval = interval
        self.on_status = on_status
        self.on_round = on_round  # after a successful round, with its report (what the pull brought)
        self.backoff = backoff or Backoff()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = SyncStatus()
        self._lock = threading.Lock()
        self.rounds = 0

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def _set(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("sync status callback failed")

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def sync_now(self) -> None:
        """Run a round as soon as possible (the "Sync now" button); also cuts a back-off wait short."""
        self._wake.set()

    def refresh_pending(self) -> None:
        """Call after a local write so the pending count in the status bar moves at once."""
        self._set(pending=self.client.pending_count())

    def run_round(self) -> float:
        """One round; returns seconds to wait before the next."""
        credentials = getattr(getattr(self.client.transport, "auth", None), "credentials", None)
        self._set(running=True, pending=self.client.pending_count(),
                  keyring_persistent=getattr(credentials, "persistent", True))  # fmt: skip
        try:
            report = self.client.sync_once(progress=lambda what, done, total: self._set(progress=(what, done, total)))
        except OfflineError as exc:
            delay = self.backoff.next_delay()
            self._set(online=False, running=False, error_code=exc.code, next_attempt_in=delay, progress=None,
                      pending=self.client.pending_count())  # fmt: skip
            return delay
        except (UpdateRequiredError, AuthRequiredError) as exc:
            # Waiting does not help: keep the outbox, say what is needed, look again now and then.
            self._set(online=True, running=False, error_code=exc.code, next_attempt_in=self.backoff.maximum,
                      progress=None)  # fmt: skip
            return self.backoff.maximum
        except DomainError as exc:
            delay = self.backoff.next_delay()
            self._set(online=True, running=False, error_code=exc.code, next_attempt_in=delay, progress=None)
            return delay
        except Exception:
            log.exception("sync round failed")
            delay = self.backoff.next_delay()
            self._set(running=False, error_code="sync.internal", next_attempt_in=delay, progress=None)
            return delay
        self.backoff.reset()
        self.rounds += 1
        self._set(
            online=True,
            running=False,
            error_code=report.push.retry_code,
            pending=self.client.pending_count(),
            last_sync=self.client.last_sync(),
            next_attempt_in=self.interval,
            conflicts=len(report.push.conflicts),
            progress=None,
        )
        if self.on_round is not None:  # after the status, so a listener sees the round as finished
            try:
                self.on_round(report)
            except Exception:
                log.exception("sync round callback failed")
        return self.interval

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.run_round()
            self._wake.wait(delay)
            self._wake.clear()
