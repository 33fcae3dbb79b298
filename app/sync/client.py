"""``SyncClient``: one sync round (push the outbox, then pull), file transfer on demand, and the status numbers."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.sync import files as file_transfer
from app.sync import state
from app.sync.clock import ServerTime
from app.sync.protocol import LAST_SYNC_KEY, OFFSET_KEY, PULL_PAGE, PUSH_BATCH
from app.sync.pull import PullReport, pull_all
from app.sync.push import PushReport, pending_count, push_pending
from app.sync.transport import Transport

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class SyncReport:
    push: PushReport
    pull: PullReport | None
    finished_at: dt.datetime

    @property
    def complete(self) -> bool:
        return not self.push.retry_code and self.pull is not None


class SyncClient:
    """Everything sync does against one workstation database and one server.

    ``on_remote_stamp`` receives the newest HLC stamp seen in a pull, so the workstation's clock can ``observe`` it
    (edits made after a sync then sort after what the sync brought). ``on_pulled`` receives the report of a pull
    that brought rows (the program reloads what it caches from them, such as the holiday calendar).
    """

    def __init__(
        self,
        engine: Engine,
        transport: Transport,
        *,
        files: file_transfer.LocalFiles | None = None,
        server_time: ServerTime | None = None,
        on_remote_stamp: Callable[[str], object] | None = None,
        on_pulled: Callable[[PullReport], object] | None = None,
        push_batch: int = PUSH_BATCH,
        pull_page: int = PULL_PAGE,
    ) -> None:
        self.engine = engine
        self.transport = transport
        self.files = files
        self.server_time = server_time or ServerTime(self._stored_offset(engine))
        self.on_remote_stamp = on_remote_stamp
        self.on_pulled = on_pulled
        self.push_batch = push_batch
        self.pull_page = pull_page
        self._server_position: int | None = None  # the newest position at the start of this round (progress)

    @staticmethod
    def _stored_offset(engine: Engine) -> int:
        with engine.connect() as conn:
            return int(state.get(conn, OFFSET_KEY, 0))

    # -- status --------------------------------------------------------------------------------------------------
    def pending_count(self) -> int:
        return pending_count(self.engine)

    def last_sync(self) -> dt.datetime | None:
        with self.engine.connect() as conn:
            value = state.get(conn, LAST_SYNC_KEY)
        return dt.datetime.fromisoformat(value) if value else None

    # -- a round -------------------------------------------------------------------------------------------------
    def push(self, progress: Progress | None = None) -> PushReport:
        return push_pending(
            self.engine,
            self.transport,
            batch_size=self.push_batch,
            upload_files=self._upload_files(progress),
            restamp=self._restamp,
            on_progress=(lambda d, t: progress("push", d, t)) if progress else None,
        )

    def pull(self, progress: Progress | None = None, max_pages: int | None = None) -> PullReport:
        report = pull_all(
            self.engine,
            self.transport,
            page_size=self.pull_page,
            max_pages=max_pages,
            on_progress=(lambda d, t: progress("pull", d, t)) if progress else None,
            target_position=self._server_position,
        )
        if report.max_stamp and self.on_remote_stamp is not None:
            try:
                self.on_remote_stamp(report.max_stamp)
            except Exception:  # a stamp from a broken clock must not stop sync; the server refuses such stamps
                log.warning("could not observe remote stamp %s", report.max_stamp, exc_info=True)
        if report.records and self.on_pulled is not None:
            try:
                self.on_pulled(report)
            except Exception:  # what the program does with pulled rows (reload caches) must not stop sync
                log.exception("after-pull hook failed")
        return report

    def sync_once(self, progress: Progress | None = None) -> SyncReport:
        """Push, then pull (PowerSync's order: our own writes reach the server before we take its state)."""
        status = self.transport.request("GET", "/sync/status")
        self._learn_time(int(status["server_time_ms"]))
        self._server_position = int(status.get("position") or 0) or None
        pushed = self.push(progress)
        pulled = self.pull(progress)
        now = dt.datetime.now(dt.UTC)
        with self.engine.connect().execution_options(writer=True) as conn, conn.begin():
            state.put(conn, OFFSET_KEY, self.server_time.offset_ms)
            if not pushed.retry_code:
                state.put(conn, LAST_SYNC_KEY, now.isoformat())
        return SyncReport(pushed, pulled, now)

    # -- files ---------------------------------------------------------------------------------------------------
    def _upload_files(self, progress: Progress | None) -> Callable[[set[str]], None] | None:
        if self.files is None:
            return None
        store = self.files

        def upload(hashes: set[str]) -> None:
            file_transfer.upload_missing(self.transport, store, hashes,
                                         on_progress=(lambda d, t: progress("upload", d, t)) if progress else None)  # fmt: skip

        return upload

    def download_file(self, sha256: str) -> Path:
        if self.files is None:
            raise RuntimeError("no local file store configured")
        return file_transfer.download(self.transport, self.files, sha256)

    # -- clocks --------------------------------------------------------------------------------------------------
    def _learn_time(self, server_ms: int) -> None:
        self.server_time.observe_server(server_ms)
        with self.engine.connect().execution_options(writer=True) as conn, conn.begin():
            state.put(conn, OFFSET_KEY, self.server_time.offset_ms)

    def _restamp(self, old: str, server_ms: int) -> str:
        # Called inside push's write transaction: only the in-memory offset here; sync_once stores it.
        self.server_time.observe_server(server_ms)
        return self.server_time.restamp(old, server_ms)
