"""The task runner: the UI never blocks and never touches the database from the GUI thread.

One writer thread runs every SQLite write in order (no busy-wait locks: SQLite has one writer anyway, so we queue in
memory instead of on the database lock); a small pool runs reads and file or network I/O. Results come back to the
GUI thread through a queued signal, and only there are callbacks called. Exceptions are delivered as ``DomainError``:
unexpected ones are logged with their traceback and wrapped in ``DomainError("internal.error")``.

After a write whose result carries a ``Changes`` value (the result itself or its ``.changes``), the event hub emits
``changes_applied(changes, initiator)`` so that every open tab can decide whether to reload.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.domain.errors import DomainError
from app.services.dto import Changes

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[DomainError], None]


class EventHub(QObject):
    """Application-wide notifications, emitted on the GUI thread only."""

    changes_applied = Signal(object, object)  # Changes, initiator (the widget that asked, or None)


@dataclass
class _Pending:
    on_done: Callback | None
    on_error: ErrorCallback | None
    initiator: object
    emit_changes: bool


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, token: int, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:  # fmt: skip
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._token = token
        self._fn = fn
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:  # worker thread: no widget, no callback, only the signal
        try:
            result = self._fn(*self._args, **self._kwargs)
        except DomainError as exc:
            self._runner._finished.emit(self._token, False, exc)
        except Exception as exc:
            log.exception("task %s failed", getattr(self._fn, "__qualname__", self._fn))
            self._runner._finished.emit(self._token, False, DomainError("internal.error", detail=str(exc)))
        else:
            self._runner._finished.emit(self._token, True, result)


def changes_of(result: object) -> Changes | None:
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class TaskRunner(QObject):
    """``write(fn, ...)`` for anything that writes the database, ``read(fn, ...)`` for the rest."""

    _finished = Signal(int, bool, object)  # token, ok, result or DomainError
    idle_changed = Signal(bool)

    def __init__(self, hub: EventHub | None = None, parent: QObject | None = None, *, readers: int = 3) -> None:
        super().__init__(parent)
        self.hub = hub or EventHub(self)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(readers)
        self._pending: dict[int, _Pending] = {}
        self._tokens = itertools.count(1)
        # The runner lives on the GUI thread, so a queued connection delivers there whatever thread emits.
        self._finished.connect(self._deliver)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
              on_error: ErrorCallback | None = None, initiator: object = None, **kwargs: Any) -> int:  # fmt: skip
        """Queue ``fn(*args, **kwargs)`` on the single writer thread."""
        return self._submit(self._writer, fn, args, kwargs, _Pending(on_done, on_error, initiator, True))

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
             on_error: ErrorCallback | None = None, **kwargs: Any) -> int:  # fmt: skip
        """Run ``fn(*args, **kwargs)`` on the read pool (queries, files, network)."""
        return self._submit(self._readers, fn, args, kwargs, _Pending(on_done, on_error, None, False))

    def _submit(self, pool: QThreadPool, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                pending: _Pending) -> int:  # fmt: skip
        token = next(self._tokens)
        was_idle = not self._pending
        self._pending[token] = pending
        if was_idle:
            self.idle_changed.emit(False)
        pool.start(_Job(self, token, fn, args, kwargs))
        return token

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(token, None)
        try:
            if pending is None:
                return
            if ok:
                if pending.on_done is not None:
                    pending.on_done(payload)
                changes = changes_of(payload) if pending.emit_changes else None
                if changes is not None:
                    self.hub.changes_applied.emit(changes, pending.initiator)
            else:
                assert isinstance(payload, DomainError)
                if pending.on_error is not None:
                    pending.on_error(payload)
                else:
                    log.warning("unhandled task error: %s", payload)
        finally:
            if not self._pending:
                self.idle_changed.emit(True)

    def is_idle(self) -> bool:
        return not self._pending

    def wait_for_workers(self, msecs: int = -1) -> bool:
        """Block until the threads are done (shutdown). Callbacks are delivered by the event loop afterwards."""
        ok_writer = self._writer.waitForDone(msecs)
        ok_readers = self._readers.waitForDone(msecs)
        return ok_writer and ok_readers

    def shutdown(self) -> None:
        self._readers.clear()
        self.wait_for_workers()
        self._pending.clear()
