"""``ecity-server``: run the server (the default command) and administer it from the machine it runs on.

ecity-server --db postgresql+psycopg://ecity@db/ecity --host 0.0.0.0 --port 8750 --tls-cert c.pem --tls-key k.pem
ecity-server create-admin --username admin
ecity-server create-user sara --full-name "Sara Ahmadi" --roles formation.clerk inspection.inspector
ecity-server reset-password sara --password-stdin < pw.txt
ecity-server list-workstations --status pending
ecity-server approve-workstation counter-2
ecity-server migrate
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from server.config import Settings, load_settings
from server.errors import ServerError
from server.messages_fa import message_for

log = logging.getLogger("server.cli")
SUPPRESS = argparse.SUPPRESS


def _common(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    """Options valid before or after the command name (``ecity-server --db X migrate`` = ``... migrate --db X``)."""
    default = SUPPRESS if sub else None
    parser.add_argument("--config", type=Path, default=default, help="TOML settings file")
    parser.add_argument("--db", default=default, help="database URL (default: SQLite file in the data folder)")
    parser.add_argument("--data-dir", type=Path, default=default, help="server data folder")


def _serve_options(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    default = SUPPRESS if sub else None
    parser.add_argument("--host", default=default)
    parser.add_argument("--port", type=int, default=default, help="0 picks a free port (see --port-file)")
    parser.add_argument("--tls-cert", type=Path, default=default)
    parser.add_argument("--tls-key", type=Path, default=default)
    parser.add_argument("--port-file", type=Path, default=default, help="write the listening port here once bound")


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecity-server", description="Central server of an e-city services office.")
    _common(parser, sub=False)
    _serve_options(parser, sub=False)
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace, Settings], int], help_text: str) -> argparse.ArgumentParser:
        sub = subs.add_parser(name, help=help_text, description=help_text)
        _common(sub, sub=True)
        sub.set_defaults(func=func)
        return sub

    serve = add("serve", cmd_serve, "run the server (the default)")
    _serve_options(serve, sub=True)
    add("migrate", cmd_migrate, "bring the database to the newest schema")
    admin = add("create-admin", cmd_create_admin, "create an administrator (the first one, or another)")
    admin.add_argument("--username", default="admin")
    admin.add_argument("--full-name", default="")
    _password_option(admin)
    user = add("create-user", cmd_create_user, "create a user with roles")
    user.add_argument("username")
    user.add_argument("--full-name", default="")
    user.add_argument("--roles", nargs="+", required=True, help="role strings, e.g. formation.clerk office_head")
    _password_option(user)
    reset = add("reset-password", cmd_reset_password, "set a user's password (also unlocks the account)")
    reset.add_argument("username")
    _password_option(reset)
    unlock = add("unlock-user", cmd_unlock_user, "lift a lock-out after wrong passwords")
    unlock.add_argument("username")
    add("list-users", cmd_list_users, "list users and their roles")
    approve = add("approve-workstation", cmd_approve_workstation, "approve an enrolment request (id or name)")
    approve.add_argument("workstation")
    listing = add("list-workstations", cmd_list_workstations, "list workstations and enrolment requests")
    listing.add_argument("--status", choices=["pending", "approved", "rejected", "revoked"])
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(
        getattr(args, "config", None),
        db_url=getattr(args, "db", None),
        data_dir=getattr(args, "data_dir", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        tls_cert=getattr(args, "tls_cert", None),
        tls_key=getattr(args, "tls_key", None),
    )


def read_password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    second = getpass.getpass("Repeat: ")
    if first != second:
        raise ServerError("password.mismatch", 2)
    return first


def _context(settings: Settings) -> Any:
    from server.context import ServerContext
    from server.db.migrate import upgrade_engine

    ctx = ServerContext.build(settings)
    upgrade_engine(ctx.engine)
    return ctx


def _cli_actor() -> Any:
    from server.services.audit import Actor

    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return Actor(username=f"cli:{who}"[:64])


# --- commands ----------------------------------------------------------------------------------------------------
def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from server.app import create_app

    app = create_app(settings)
    # proto=IPPROTO_TCP: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say they are TCP, and accepted
    # sockets copy the listener's proto. With Nagle on, a response's body waited for the client's delayed ACK of its
    # headers: 40 ms on every request of a kept-alive connection.
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((settings.host, settings.port))
    port = sock.getsockname()[1]
    port_file = getattr(args, "port_file", None)
    if port_file is not None:
        tmp = Path(f"{port_file}.tmp")
        tmp.write_text(str(port))
        os.replace(tmp, port_file)  # readers never see a half-written number
    scheme = "https" if settings.tls_cert else "http"
    log.info("serving on %s://%s:%d (database: %s)", scheme, settings.host, port, app.state.ctx.engine.dialect.name)
    config = uvicorn.Config(
        app,
        log_level=settings.log_level.lower(),
        ssl_certfile=str(settings.tls_cert) if settings.tls_cert else None,
        ssl_keyfile=str(settings.tls_key) if settings.tls_key else None,
        proxy_headers=False,
    )
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def cmd_migrate(_args: argparse.Namespace, settings: Settings) -> int:
    from server.db.migrate import head_revisions, upgrade

    upgrade(settings.database_url)
    print("database at", ", ".join(head_revisions()))
    return 0


def _create(args: argparse.Namespace, settings: Settings, username: str, roles: list[str]) -> int:
    from server.services import accounts

    accounts.validate_username(username)  # say so before asking for a password
    accounts.validate_roles(roles)
    ctx = _context(settings)
    try:
        password = read_password(args)
        with ctx.session() as session:
            user = accounts.create_user(
                session, ctx, username=username, full_name=args.full_name, password=password, roles=roles,
                actor=_cli_actor(),
            )  # fmt: skip
            print(f"created {user.username} ({', '.join(sorted(user.role_names)) or 'no roles'}) id={user.id}")
    finally:
        ctx.close()
    return 0


def cmd_create_admin(args: argparse.Namespace, settings: Settings) -> int:
    return _create(args, settings, args.username, ["admin"])


def cmd_create_user(args: argparse.Namespace, settings: Settings) -> int:
    roles = [r for item in args.roles for r in item.split(",") if r.strip()]
    return _create(args, settings, args.username, roles)


def _user_by_name(session: Any, username: str) -> Any:
    from server.errors import not_found
    from server.services import accounts

    user = accounts.find_user(session, username)
    if user is None:
        raise not_found("user.not_found", username=username)
    return user


def cmd_reset_password(args: argparse.Namespace, settings: Settings) -> int:
    from server.services import accounts

    ctx = _context(settings)
    try:
        with ctx.session() as session:
            user = _user_by_name(session, args.username)
            password = read_password(args, f"New password for {user.username}: ")
            accounts.set_password(session, ctx, user.id, password, actor=_cli_actor())
            print(f"password of {user.username} changed; its sessions were ended")
    finally:
        ctx.close()
    return 0


def cmd_unlock_user(args: argparse.Namespace, settings: Settings) -> int:
    from server.services import accounts

    ctx = _context(settings)
    try:
        with ctx.session() as session:
            user = _user_by_name(session, args.username)
            accounts.unlock(session, ctx, user.id, actor=_cli_actor())
            print(f"{user.username} unlocked")
    finally:
        ctx.close()
    return 0


def cmd_list_users(_args: argparse.Namespace, settings: Settings) -> int:
    from server.services import accounts

    ctx = _context(settings)
    try:
        with ctx.session() as session:
            for user in accounts.list_users(session):
                state = "active" if user.active else "disabled"
                print(f"{user.username}\t{state}\t{','.join(sorted(user.role_names))}\t{user.full_name}")
    finally:
        ctx.close()
    return 0


def cmd_approve_workstation(args: argparse.Namespace, settings: Settings) -> int:
    from server.services import workstations

    ctx = _context(settings)
    try:
        with ctx.session() as session:
            ws = workstations.find_workstation(session, args.workstation)
            ws = workstations.approve(session, ctx, ws.id, actor=_cli_actor())
            print(f"approved {ws.name}: workstation number {ws.number}")
    finally:
        ctx.close()
    return 0


def cmd_list_workstations(args: argparse.Namespace, settings: Settings) -> int:
    from server.services import workstations

    ctx = _context(settings)
    try:
        with ctx.session() as session:
            for ws in workstations.list_workstations(session, args.status):
                number = "-" if ws.number is None else str(ws.number)
                print(f"{ws.id}\t{ws.status}\t{number}\t{ws.name}\t{ws.requested_at:%Y-%m-%d %H:%M}")
    finally:
        ctx.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    func = getattr(args, "func", cmd_serve)
    try:
        settings = settings_from(args)
        return int(func(args, settings))
    except ServerError as exc:
        print(f"error: {exc.code}: {message_for(exc.code, exc.params)}", file=sys.stderr)
        return 1
    except (ValueError, FileNotFoundError) as exc:  # bad settings (pydantic's ValidationError is a ValueError)
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
