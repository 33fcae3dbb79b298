"""``ecity-server``: admin commands against both databases, and a real uvicorn process over HTTP and TLS."""

from __future__ import annotations

import datetime as dt
import io
import os
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from server.cli import main
from server.errors import ServerError

FAST = {
    "ECITY_SERVER_ARGON2_TIME_COST": "1",
    "ECITY_SERVER_ARGON2_MEMORY_KIB": "64",
}


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in FAST.items():
        monkeypatch.setenv(key, value)


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_admin_commands(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db_url: str,
                        tmp_path: Path) -> None:  # fmt: skip
    common = ["--db", db_url, "--data-dir", str(tmp_path)]
    assert (
        _run(monkeypatch, [*common, "create-admin", "--username", "boss", "--password-stdin"], "boss password\n") == 0
    )
    assert _run(monkeypatch, ["create-user", "sara", "--roles", "formation.clerk", "inspection.head",
                              "--full-name", "Sara A", "--password-stdin", *common], "sara password\n") == 0  # fmt: skip
    assert _run(monkeypatch, [*common, "create-user", "x1x", "--roles", "nope", "--password-stdin"], "whatever1\n") == 1
    assert "role.unknown" in capsys.readouterr().err
    assert _run(monkeypatch, [*common, "list-users"]) == 0
    out = capsys.readouterr().out
    assert "boss\tactive\tadmin" in out and "sara\tactive\tformation.clerk,inspection.head\tSara A" in out

    from server.config import load_settings
    from server.context import ServerContext
    from server.services import accounts, audit, workstations

    ctx = ServerContext.build(load_settings(db_url=db_url, data_dir=tmp_path))
    try:
        with ctx.session() as session:
            ws, _secret = workstations.request_enrolment(session, ctx, name="counter-7", public_key=None)
            ws_id = ws.id
        assert _run(monkeypatch, [*common, "list-workstations", "--status", "pending"]) == 0
        assert ws_id in capsys.readouterr().out
        assert _run(monkeypatch, [*common, "approve-workstation", "counter-7"]) == 0
        assert "workstation number 1" in capsys.readouterr().out

        # Five wrong passwords, then a reset from the command line lifts the lock.
        with ctx.session() as session:
            for _ in range(5):
                with pytest.raises(ServerError):  # the fifth says auth.account_locked
                    accounts.authenticate(session, ctx, "sara", "wrong", workstation_no=None)
            assert accounts.find_user(session, "sara").locked_until is not None  # type: ignore[union-attr]
        assert _run(monkeypatch, [*common, "reset-password", "sara", "--password-stdin"], "new sara pass\n") == 0
        with ctx.session() as session:
            assert accounts.authenticate(session, ctx, "sara", "new sara pass", workstation_no=None).username == "sara"
            actions = [e.action for e in audit.entries(session, limit=999)]
        assert {"user.created", "workstation.approved", "user.password_reset", "auth.account_locked"} <= set(actions)
    finally:
        ctx.close()


def test_migrate_creates_a_fresh_sqlite_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "--data-dir", str(tmp_path)]) == 0
    assert (tmp_path / "server.sqlite3").exists()
    from server.db.migrate import head_revisions

    assert ", ".join(head_revisions()) in capsys.readouterr().out


def test_config_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from server.cli import build_parser, settings_from

    config = tmp_path / "server.toml"
    config.write_text('port = 9100\nhost = "0.0.0.0"\noffice_code = "0202"\naccess_token_minutes = 10\n')
    monkeypatch.setenv("ECITY_SERVER_HOST", "10.0.0.5")
    args = build_parser().parse_args(["--config", str(config), "serve", "--port", "9200"])
    settings = settings_from(args)
    assert (settings.port, settings.host, settings.office_code, settings.access_token_minutes) == (
        9200, "10.0.0.5", "0202", 10,
    )  # fmt: skip
    assert main(["--config", str(tmp_path / "missing.toml"), "migrate"]) == 2


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def _wait_for_port(port_file: Path, proc: subprocess.Popen[bytes]) -> int:
    import time

    for _ in range(300):  # polling for readiness, not a timing assertion
        if port_file.exists():
            return int(port_file.read_text())
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    raise AssertionError("server never bound its port")


@pytest.mark.slow
@pytest.mark.parametrize("tls", [False, True], ids=["http", "https"])
def test_serve_over_loopback(db_url: str, tmp_path: Path, tls: bool) -> None:
    port_file = tmp_path / "port"
    argv = [sys.executable, "-m", "server.cli", "serve", "--db", db_url, "--data-dir", str(tmp_path),
            "--host", "127.0.0.1", "--port", "0", "--port-file", str(port_file)]  # fmt: skip
    verify: bool | ssl.SSLContext = True
    if tls:
        cert, key = _self_signed(tmp_path)
        argv += ["--tls-cert", str(cert), "--tls-key", str(key)]
        verify = ssl.create_default_context(cafile=str(cert))
    env = {**os.environ, **FAST}
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        port = _wait_for_port(port_file, proc)
        scheme = "https" if tls else "http"
        with httpx.Client(base_url=f"{scheme}://127.0.0.1:{port}", verify=verify) as client:
            for _ in range(100):
                try:
                    health = client.get("/health")
                    break
                except httpx.ConnectError:
                    import time

                    time.sleep(0.05)
            assert health.status_code == 200 and health.json()["db"] == "ok"
            assert health.headers["x-ecity-protocol"] == "1"
            assert client.get("/openapi.json").json()["info"]["title"] == "E-city office server"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
