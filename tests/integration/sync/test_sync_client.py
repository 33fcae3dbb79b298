"""The client pieces around a round: the keyring, the background worker and its back-off, the status numbers."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable

import keyring
import pytest
from keyring.backends import fail
from sync_harness import ServerProcess, Station

from app.sync.credentials import SERVICE, CredentialStore
from app.sync.worker import Backoff, SyncStatus, SyncWorker


def test_refresh_token_goes_to_the_keyring() -> None:
    store = CredentialStore("https://server:8750/", "ws-1")
    store.save("refresh-123")
    assert keyring.get_password(SERVICE, "https://server:8750#ws-1") == "refresh-123"
    assert store.persistent
    assert CredentialStore("https://server:8750", "ws-1").load() == "refresh-123"
    store.clear()
    assert keyring.get_password(SERVICE, "https://server:8750#ws-1") is None


def test_without_a_keyring_the_token_stays_in_memory_and_says_so(tmp_path: object) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = CredentialStore("https://server:8750", "ws-2")
        store.save("refresh-456")
        assert store.load() == "refresh-456"
        assert store.persistent is False and store.reason == "sync.keyring_unavailable"
        # nothing was written anywhere: a store made later in this process finds it in memory, no keyring holds it
        assert CredentialStore("https://server:8750", "ws-2").load() == "refresh-456"
        assert previous.get_password(SERVICE, "https://server:8750#ws-2") is None
        store.clear()
        assert CredentialStore("https://server:8750", "ws-2").load() is None
    finally:
        keyring.set_keyring(previous)


def test_backoff_grows_exponentially_up_to_the_ceiling() -> None:
    backoff = Backoff(base=2, maximum=60, rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(8)]
    ceilings = [2, 4, 8, 16, 32, 60, 60, 60]
    assert all(c / 2 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    backoff.reset()
    assert backoff.next_delay() <= 2


def test_worker_reports_offline_with_pending_changes_then_online(
    sqlite_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = sqlite_server.add_user("worker-clerk", {"formation.clerk"})
    station = make_station(sqlite_server, account=clerk)
    station.open_case(clerk)
    seen: list[SyncStatus] = []
    done = threading.Event()

    client = station.client()
    client.transport._http.base_url = "http://127.0.0.1:9"  # nothing listens there: offline
    worker = SyncWorker(client, interval=3600, on_status=lambda s: (seen.append(s), done.set()))
    delay = worker.run_round()
    assert 1 <= delay <= 2
    status = worker.status
    assert status.online is False and status.error_code == "sync.offline" and status.pending == 3

    client.transport._http.base_url = sqlite_server.url
    worker.start()
    try:
        worker.sync_now()
        for _ in range(200):
            if worker.rounds:
                break
            done.wait(0.1)
            done.clear()
    finally:
        worker.stop()
        client.transport.close()
    status = worker.status
    assert worker.rounds >= 1
    assert status.online is True and status.pending == 0 and status.last_sync is not None and status.error_code == ""
    assert any(s.running for s in seen)


@pytest.mark.parametrize("value", ["a", "b"])
def test_delete_is_a_tombstone_that_reaches_the_other_workstation(
    sqlite_server: ServerProcess, make_station: Callable[..., Station], value: str
) -> None:
    clerk = sqlite_server.add_user(f"tomb-{value}", {"formation.clerk"})
    a = make_station(sqlite_server, account=clerk)
    b = make_station(sqlite_server, account=clerk)
    case_id = a.open_case(clerk)
    a.sync()
    b.sync()
    a.delete_case(case_id)
    a.sync()
    b.sync()
    assert b.case(case_id) is not None and b.case(case_id).deleted is True
