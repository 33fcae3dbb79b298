"""A Hypothesis state machine: random edits, workflow actions, partitions and restarts on three workstations; in
the end every workstation holds exactly the server's state and nothing written anywhere is lost."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sync_harness import Account, ServerProcess, Station, server_cases

from app.domain.errors import WorkflowError
from app.sync.errors import OfflineError

pytestmark = pytest.mark.slow

STATIONS = 3
ACTIONS = ["start_review", "request_documents", "answer", "refer"]


class SyncMachine(RuleBasedStateMachine):
    server: ServerProcess
    accounts: list[Account]
    counter = 0

    def __init__(self) -> None:
        super().__init__()
        SyncMachine.counter += 1
        self.folder = Path(tempfile.mkdtemp(prefix="sync-sm-"))
        base = 60 + SyncMachine.counter * STATIONS
        self.stations = [
            Station(self.folder / f"ws{i}", base + i, server=self.server, account=self.accounts[i])
            for i in range(STATIONS)
        ]
        self.online = [True] * STATIONS
        self.opened: set[str] = set()
        self.written: dict[str, set[str]] = {}  # case id -> every summary written anywhere

    def teardown(self) -> None:
        for station in self.stations:
            station.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _cases(self, data: st.DataObject, who: int) -> str | None:
        known = sorted(c for c in self.opened if self.stations[who].case(c) is not None)
        return data.draw(st.sampled_from(known)) if known else None

    @rule(who=st.integers(0, STATIONS - 1))
    def open_case(self, who: int) -> None:
        case_id = self.stations[who].open_case(self.accounts[who], summary="new")
        self.opened.add(case_id)
        self.written[case_id] = {"new"}

    @rule(who=st.integers(0, STATIONS - 1), data=st.data(), text=st.text("abcدس", min_size=1, max_size=4))
    def edit(self, who: int, data: st.DataObject, text: str) -> None:
        case_id = self._cases(data, who)
        if case_id is not None:
            self.stations[who].edit(case_id, "summary", text)
            self.written[case_id].add(text)

    @rule(who=st.integers(0, STATIONS - 1), data=st.data(), action=st.sampled_from(ACTIONS))
    def act(self, who: int, data: st.DataObject, action: str) -> None:
        case_id = self._cases(data, who)
        if case_id is None:
            return
        with contextlib.suppress(WorkflowError):  # not allowed locally now: the clerk's button would be disabled
            self.stations[who].act(self.accounts[who], case_id, action, note="note")

    @rule(who=st.integers(0, STATIONS - 1))
    def sync(self, who: int) -> None:
        if self.online[who]:
            self.stations[who].sync()

    @rule(who=st.integers(0, STATIONS - 1))
    def partition(self, who: int) -> None:
        self.online[who] = not self.online[who]

    @rule(who=st.integers(0, STATIONS - 1))
    def restart(self, who: int) -> None:
        """The program closes and opens again: a new engine and client on the same file."""
        old = self.stations[who]
        old.engine.dispose()
        self.stations[who] = Station(old.root, old.number, server=self.server, account=old.account)

    @precondition(lambda self: not all(self.online))
    @rule()
    def offline_sync_fails_cleanly(self) -> None:
        who = self.online.index(False)
        client = self.stations[who].client()
        client.transport._http.base_url = "http://127.0.0.1:9"
        with pytest.raises(OfflineError):
            client.sync_once()
        client.transport.close()

    @invariant()
    def outbox_never_loses(self) -> None:
        for station in self.stations:
            assert station.pending() >= 0

    def converge(self) -> None:
        self.online = [True] * STATIONS
        for _ in range(2):
            for station in self.stations:
                station.sync()
        server = server_cases(self.server)
        for station in self.stations:
            assert station.pending() == 0
            mine = {k: v for k, v in station.cases().items() if k in self.opened}
            assert mine == {k: server[k] for k in self.opened}
        for case_id in self.opened:
            kept = {server[case_id][2]} | {h.lost_value for h in self.stations[0].history(case_id)}
            # every value written either won or is in history, unless a later edit by the same writer replaced it
            assert kept <= self.written[case_id]
        events = [s.events(c) for c in self.opened for s in self.stations]
        for case_events in events:
            assert [seq for seq, _ in case_events] == list(range(1, len(case_events) + 1))


def test_random_edits_actions_partitions_and_restarts_converge(any_server: ServerProcess, tmp_path: Path) -> None:
    """On SQLite and on PostgreSQL (the server process is the same program; only its database differs)."""
    SyncMachine.server = any_server
    SyncMachine.accounts = [
        any_server.add_user(f"sm-{i}", {"formation.clerk", "formation.head"}, full_name=f"Clerk {i}")
        for i in range(STATIONS)
    ]

    class Checked(SyncMachine):
        def teardown(self) -> None:
            try:
                self.converge()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Checked,
        settings=settings(
            max_examples=8, stateful_step_count=25, deadline=None, suppress_health_check=list(HealthCheck)
        ),
    )
