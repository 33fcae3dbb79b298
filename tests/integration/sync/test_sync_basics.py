"""Push and pull between two workstations through a real server process, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from sync_harness import ServerProcess, Station, server_cases, server_count

from app.models import Case, FieldHistory, SyncConflict


def test_a_case_opened_on_one_workstation_reaches_the_other(
    any_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = any_server.add_user("clerk-basic-" + any_server.db_url[-6:].replace("/", ""), {"formation.clerk"})
    a = make_station(any_server, account=clerk)
    b = make_station(any_server, account=clerk)
    case_id = a.open_case(clerk, summary="first")
    assert a.pending() == 3

    report = a.sync()
    assert report.push.accepted == 3 and report.push.refused == 0
    assert a.pending() == 0
    assert a.case(case_id).dirty is False

    b.sync()
    assert b.case(case_id).summary == "first"
    assert b.events(case_id) == [(1, "open")]

    b.edit(case_id, "summary", "second")
    b.sync()
    a.sync()
    assert a.case(case_id).summary == "second"
    assert server_cases(any_server)[case_id] == ("received", "formation", "second", False)
    assert server_count(any_server, "case_event", case_id=case_id) == 1


def test_same_field_edited_offline_converges_with_the_loser_in_history(
    any_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    clerk = any_server.add_user("clerk-lww-" + any_server.db_url[-6:].replace("/", ""), {"formation.clerk"})
    a = make_station(any_server, account=clerk)
    b = make_station(any_server, account=clerk)
    case_id = a.open_case(clerk, summary="start")
    a.sync()
    b.sync()
    a.edit(case_id, "summary", "from A")  # earlier
    b.edit(case_id, "summary", "from B")  # later: wins
    b.sync()
    a.sync()
    b.sync()
    assert a.case(case_id).summary == b.case(case_id).summary == "from B"
    assert server_cases(any_server)[case_id][2] == "from B"
    for station in (a, b):
        lost = station.history(case_id)
        assert [(h.field, h.lost_value) for h in lost] == [("summary", "from A")]
    assert a.count(FieldHistory) == 1


def test_two_approvals_of_the_same_case_give_one_approval_and_one_conflict(
    any_server: ServerProcess, make_station: Callable[..., Station]
) -> None:
    tag = any_server.db_url[-6:].replace("/", "")
    clerk = any_server.add_user("clerk-act-" + tag, {"formation.clerk"}, full_name="Clerk One")
    other = any_server.add_user("clerk-act2-" + tag, {"formation.clerk"}, full_name="Clerk Two")
    a = make_station(any_server, account=clerk)
    b = make_station(any_server, account=other)
    case_id = a.open_case(clerk)
    a.sync()
    b.sync()
    a.act(clerk, case_id, "start_review")
    b.act(other, case_id, "start_review")
    a.sync()
    b.sync()
    a.sync()
    assert server_count(any_server, "case_event", case_id=case_id, action="start_review") == 1
    assert a.count(SyncConflict) == 0
    conflicts = b.conflicts()
    assert len(conflicts) == 1
    assert conflicts[0].reason == "sync.action_conflict"
    assert conflicts[0].details["other_user"] == "Clerk One"
    assert conflicts[0].details["other_action"] == "start_review"
    assert a.events(case_id) == b.events(case_id) == [(1, "open"), (2, "start_review")]
    assert a.case(case_id).state == b.case(case_id).state == "in_review"
    assert b.pending() == 0
    assert b.count(Case, Case.dirty.is_(True)) == 0
