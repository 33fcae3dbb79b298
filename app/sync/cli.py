"""Command-line subcommands of sync: ``enrol`` (ask the server to enrol this workstation, or show the answer) and
``sync-now`` (log in and run one sync round)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from app.paths import DataPaths, default_data_dir


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    enrol = subparsers.add_parser("enrol", help="enrol this workstation with the central server")
    enrol.add_argument("--server", required=True, help="server URL, e.g. https://server:8750")
    enrol.add_argument("--name", help="a name for this workstation (asks for enrolment)")
    enrol.add_argument("--data-dir", help="workstation data folder")
    enrol.set_defaults(func=cmd_enrol)

    sync_now = subparsers.add_parser("sync-now", help="log in and sync once with the central server")
    sync_now.add_argument("--server", help="server URL (default: the one this workstation enrolled with)")
    sync_now.add_argument("--user", required=True)
    sync_now.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sync_now.add_argument("--data-dir", help="workstation data folder")
    sync_now.set_defaults(func=cmd_sync_now)


def _engine(args: argparse.Namespace) -> Any:
    from pathlib import Path

    from app.db.migrate import upgrade_database

    paths = DataPaths(Path(args.data_dir) if args.data_dir else default_data_dir())
    return upgrade_database(paths.database, paths.backups)


def cmd_enrol(args: argparse.Namespace) -> int:
    from app.sync import enrolment
    from app.sync.transport import Transport

    engine = _engine(args)
    transport = Transport(args.server)
    try:
        if args.name:
            answer = enrolment.request_enrolment(engine, transport, args.name)
        else:
            answer = enrolment.enrolment_status(engine, transport)
    finally:
        transport.close()
    print(json.dumps(answer, ensure_ascii=False))
    return 0


def cmd_sync_now(args: argparse.Namespace) -> int:
    from app.sync import enrolment, state
    from app.sync.accounts import keep_account
    from app.sync.client import SyncClient
    from app.sync.credentials import CredentialStore
    from app.sync.errors import SyncError
    from app.sync.messages_fa import message_for
    from app.sync.transport import TokenAuth, Transport

    engine = _engine(args)
    with engine.connect() as conn:
        server = args.server or state.get(conn, enrolment.SERVER_URL_KEY)
    if not server:
        print("no server: give --server or enrol first", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    proof = enrolment.login_proof(engine, server)
    auth = TokenAuth(CredentialStore(server, proof.get("workstation_id", "")))
    transport = Transport(server, auth)
    try:
        body = auth.login(transport, args.user, password, **proof)
        if body.get("user"):  # so this clerk can sign in here offline, under the server's identity
            keep_account(engine, body["user"], password)
        report = SyncClient(engine, transport).sync_once()
    except SyncError as exc:
        print(f"{exc.code}: {message_for(exc.code, exc.params)}", file=sys.stderr)
        return 1
    finally:
        transport.close()
    print(json.dumps({"pushed": report.push.accepted, "refused": report.push.refused,
                      "pulled": report.pull.records if report.pull else 0, "stopped": report.push.retry_code}))  # fmt: skip
    return 0
