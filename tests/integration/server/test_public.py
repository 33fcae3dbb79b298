"""Health, the OpenAPI document, tiles, version headers, certificate verification and revocation."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from server.version import PROTOCOL_HEADER, SCHEMA_HEADER
from tests.integration.server.conftest import Server

COLOURS = {(1, 0, 0): (255, 0, 0), (1, 1, 0): (0, 255, 0), (1, 0, 1): (0, 0, 255), (1, 1, 1): (255, 255, 0)}


def make_mbtiles(path: Path) -> Path:
    """A zoom-1 MBTiles file: four solid tiles, stored in TMS rows (row 0 at the bottom)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "test"), ("format", "png")])
    for (z, x, y), colour in COLOURS.items():
        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), colour).save(buffer, "PNG")
        conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, buffer.getvalue()))
    conn.commit()
    conn.close()
    return path


def test_health(server: Server) -> None:
    body = server.client.get("/health").json()
    assert body["status"] == "ok" and body["db"] == "ok"
    assert (body["db_revision"] == body["db_head"] and "srv0001" not in body["db_head"]) or body["db_head"]
    assert body["db_dialect"] == server.ctx.engine.dialect.name
    assert body["protocol"] == 1


def test_health_reports_an_unreachable_database(make_server: Callable[..., Server], tmp_path: Path) -> None:
    server = make_server()
    from sqlalchemy import create_engine

    server.ctx.engine = create_engine(f"sqlite:///{tmp_path}/missing-dir/nope/db.sqlite3")
    response = server.client.get("/health")
    assert response.status_code == 503 and response.json()["status"] == "unavailable"


def test_openapi_lists_the_api(server: Server) -> None:
    spec = server.client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/health", "/auth/login", "/enrolment", "/admin/users", "/tiles/{z}/{x}/{y}.png", "/verify"):
        assert path in spec["paths"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_tiles_are_served_by_xyz_address(make_server: Callable[..., Server], tmp_path: Path) -> None:
    server = make_server(tiles_mbtiles=make_mbtiles(tmp_path / "aerial.mbtiles"))
    for (z, x, y), colour in COLOURS.items():
        response = server.client.get(f"/tiles/{z}/{x}/{y}.png")
        assert response.status_code == 200 and response.headers["content-type"] == "image/png"
        assert Image.open(io.BytesIO(response.content)).convert("RGB").getpixel((128, 128)) == colour
    cached = server.client.get("/tiles/1/0/0.png", headers={"If-None-Match": response.headers["etag"]})
    assert cached.status_code in (200, 304)
    same = server.client.get("/tiles/1/1/1.png", headers={"If-None-Match": response.headers["etag"]})
    assert same.status_code == 304
    missing = server.client.get("/tiles/2/0/0.png")
    assert missing.status_code == 404 and missing.json()["code"] == "tiles.not_found"
    outside = server.client.get("/tiles/1/2/0.png")
    assert outside.status_code == 404 and outside.json()["code"] == "tiles.out_of_range"


def test_tiles_without_a_file_say_so(server: Server) -> None:
    response = server.client.get("/tiles/1/0/0.png")
    assert response.status_code == 404 and response.json()["code"] == "tiles.not_configured"


def test_outdated_client_gets_426(make_server: Callable[..., Server]) -> None:
    server = make_server(min_client_protocol=2)
    server.create_user("sara", ["formation.clerk"])
    response = server.client.post("/auth/login", json={"username": "sara", "password": "x"})
    assert response.status_code == 426
    body = response.json()
    assert body["code"] == "client.update_required"
    assert body["params"]["min_protocol"] == 2 and body["params"]["client_protocol"] == 1
    assert response.headers[PROTOCOL_HEADER] == "1" and response.headers[SCHEMA_HEADER] == "1"
    # Nothing ran: no failed-login count, no audit entry.
    assert server.audit_actions() == ["user.created"]


def test_outdated_schema_gets_426_and_bad_header_400(make_server: Callable[..., Server]) -> None:
    server = make_server(min_client_schema=3)
    assert server.client.get("/health", headers={SCHEMA_HEADER: "2"}).status_code == 426
    assert server.client.get("/health", headers={SCHEMA_HEADER: "3"}).status_code == 200
    bad = server.client.get("/health", headers={PROTOCOL_HEADER: "one"})
    assert bad.status_code == 400 and bad.json()["code"] == "client.version_header_invalid"
    newer = server.client.get("/health", headers={PROTOCOL_HEADER: "99", SCHEMA_HEADER: "3"})
    assert newer.status_code == 400 and newer.json()["code"] == "server.update_required"


def test_requests_without_version_headers_pass(server: Server) -> None:
    import httpx

    transport = httpx.Client(transport=server.client._transport, base_url="http://testserver")  # type: ignore[attr-defined]
    assert transport.get("/health").status_code == 200


def _signed(tmp_path: Path) -> tuple[Path, str, str]:
    signing = pytest.importorskip("app.printing.signing")
    keys = tmp_path / "keys"
    key = signing.ensure_key(keys)
    payload = signing.sign_payload(
        serial="C-1404-000123", tracking_number="0101-1-000123", kind="no_violation", property_key="1-4-76-10-1-2-0",
        issue_date=dt.date(2026, 3, 21), facts_sha256="0" * 64, key=key,
    )  # fmt: skip
    return keys, payload, "C-1404-000123"


def test_verify_and_revoke_a_certificate(make_server: Callable[..., Server], tmp_path: Path) -> None:
    keys, payload, serial = _signed(tmp_path)
    server = make_server(signing_keys_dir=keys)
    genuine = server.client.get("/verify", params={"payload": payload}).json()
    assert genuine["status"] == "genuine" and genuine["genuine"] is True
    assert genuine["facts"]["tracking_number"] == "0101-1-000123" and genuine["facts"]["issue_date"] == "2026-03-21"
    tampered = payload[:-5] + ("A" if payload[-5] != "A" else "B") + payload[-4:]
    assert server.client.get("/verify", params={"payload": tampered}).json()["genuine"] is False
    assert server.client.get("/verify", params={"payload": "hello"}).json()["status"] == "malformed"

    server.create_user("head", ["certificates.head"])
    revoke = server.client.post(
        "/certificates/revocations",
        headers=server.headers("head"),
        json={"serial": serial, "tracking_number": "0101-1-000123", "reason": "issued on a wrong plate"},
    )
    assert revoke.status_code == 201
    revoked = server.client.get("/verify", params={"payload": payload}).json()
    assert revoked["status"] == "revoked" and revoked["genuine"] is False
    assert revoked["revocation"]["reason"] == "issued on a wrong plate"
    listing = server.client.get("/certificates/revocations").json()
    assert [r["serial"] for r in listing] == [serial]
    twice = server.client.post(
        "/certificates/revocations", headers=server.headers("head"), json={"serial": serial, "reason": "again"}
    )
    assert twice.status_code == 409
    assert "certificate.revoked" in server.audit_actions()


def test_verify_with_no_keys_reports_unknown_key(server: Server, tmp_path: Path) -> None:
    _keys, payload, _serial = _signed(tmp_path)
    assert server.client.get("/verify", params={"payload": payload}).json()["status"] == "unknown_key"


def test_audit_chain_detects_tampering(server: Server) -> None:
    from sqlalchemy import update

    from server.db.models import AuditEntry
    from server.services import audit

    server.create_user("sara", ["formation.clerk"])
    server.login("sara")
    server.client.post("/auth/login", json={"username": "sara", "password": "wrong-password"})
    assert server.audit_intact()
    with server.ctx.session() as session:
        session.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(username="mallory"))
        session.commit()
        assert audit.verify_chain(session) == 2
    server.create_user("root", ["admin"])
    check = server.client.get("/admin/audit/verify", headers=server.headers("root")).json()
    assert check == {"intact": False, "first_broken_seq": 2}
