"""Content-addressed uploads: missing hashes, resumable 1 MiB chunks, corrupt chunks and wrong content refused."""

from __future__ import annotations

import hashlib
import os

from server.services.files import CHUNK_SIZE
from tests.integration.server.conftest import Server


def _upload(server: Server, headers: dict[str, str], data: bytes, start: int = 0) -> dict[str, object]:
    sha = hashlib.sha256(data).hexdigest()
    status = server.client.post(f"/files/{sha}/upload", headers=headers, json={"size": len(data)}).json()
    offset = int(status["received"]) if start == 0 else start
    while offset < len(data):
        chunk = data[offset : offset + CHUNK_SIZE]
        response = server.client.put(
            f"/files/{sha}/upload",
            params={"offset": offset},
            content=chunk,
            headers={**headers, "X-Chunk-Sha256": hashlib.sha256(chunk).hexdigest()},
        )
        assert response.status_code == 200, response.text
        status = response.json()
        offset = int(status["received"])
    return status


def test_upload_in_chunks_resume_and_download(server: Server) -> None:
    server.create_user("archive", ["archive.operator"])
    headers = server.headers("archive")
    data = os.urandom(2 * CHUNK_SIZE + 12345)
    sha = hashlib.sha256(data).hexdigest()
    other = hashlib.sha256(b"other").hexdigest()
    missing = server.client.post("/files/missing", headers=headers, json={"hashes": [sha, other.upper()]}).json()
    assert missing == {"missing": sorted([sha, other])}

    start = server.client.post(f"/files/{sha}/upload", headers=headers, json={"size": len(data)}).json()
    assert start == {"sha256": sha, "size": len(data), "received": 0, "complete": False, "chunk_size": CHUNK_SIZE}
    first = server.client.put(f"/files/{sha}/upload", params={"offset": 0}, content=data[:CHUNK_SIZE], headers=headers)
    assert first.json()["received"] == CHUNK_SIZE
    # The client lost its place (a crash): the server says where to continue.
    wrong = server.client.put(f"/files/{sha}/upload", params={"offset": 0}, content=data[:CHUNK_SIZE], headers=headers)
    assert wrong.status_code == 409
    assert wrong.json()["code"] == "files.offset_mismatch" and wrong.json()["params"]["received"] == CHUNK_SIZE
    resumed = server.client.post(f"/files/{sha}/upload", headers=headers, json={"size": len(data)}).json()
    assert resumed["received"] == CHUNK_SIZE
    final = _upload(server, headers, data)
    assert final["complete"] is True and final["received"] == len(data)

    assert server.client.post("/files/missing", headers=headers, json={"hashes": [sha]}).json() == {"missing": []}
    download = server.client.get(f"/files/{sha}", headers=headers)
    assert download.status_code == 200 and download.content == data
    assert "file.stored" in server.audit_actions()
    with server.ctx.session() as session:
        from server.services.files import file_exists

        assert file_exists(session, sha)


def test_corrupted_chunk_is_refused(server: Server) -> None:
    server.create_user("archive", ["archive.operator"])
    headers = server.headers("archive")
    data = os.urandom(CHUNK_SIZE + 10)
    sha = hashlib.sha256(data).hexdigest()
    server.client.post(f"/files/{sha}/upload", headers=headers, json={"size": len(data)})
    chunk = bytearray(data[:CHUNK_SIZE])
    good_hash = hashlib.sha256(chunk).hexdigest()
    chunk[1000] ^= 0xFF  # one bit flipped on the way
    response = server.client.put(
        f"/files/{sha}/upload", params={"offset": 0}, content=bytes(chunk),
        headers={**headers, "X-Chunk-Sha256": good_hash},
    )  # fmt: skip
    assert response.status_code == 422 and response.json()["code"] == "files.chunk_corrupt"
    status = server.client.get(f"/files/{sha}/upload", headers=headers).json()
    assert status["received"] == 0  # nothing of the bad chunk was kept
    assert _upload(server, headers, data)["complete"] is True


def test_content_not_matching_its_hash_is_refused(server: Server) -> None:
    server.create_user("archive", ["archive.operator"])
    headers = server.headers("archive")
    claimed = hashlib.sha256(b"the real document").hexdigest()
    server.client.post(f"/files/{claimed}/upload", headers=headers, json={"size": 17})
    response = server.client.put(f"/files/{claimed}/upload", params={"offset": 0}, content=b"a forged document"[:17],
                                 headers=headers)  # fmt: skip
    assert response.status_code == 422 and response.json()["code"] == "files.hash_mismatch"
    assert server.client.get(f"/files/{claimed}", headers=headers).status_code == 404
    assert server.client.post("/files/missing", headers=headers, json={"hashes": [claimed]}).json()["missing"]
    assert "file.refused" in server.audit_actions()


def test_limits(server: Server) -> None:
    server.create_user("archive", ["archive.operator"])
    headers = server.headers("archive")
    sha = hashlib.sha256(b"x").hexdigest()
    assert server.client.post("/files/not-a-hash/upload", headers=headers, json={"size": 1}).status_code == 422
    assert server.client.put(f"/files/{sha}/upload", params={"offset": 0}, content=b"x",
                             headers=headers).json()["code"] == "files.upload_unknown"  # fmt: skip
    server.client.post(f"/files/{sha}/upload", headers=headers, json={"size": 1})
    too_long = server.client.put(f"/files/{sha}/upload", params={"offset": 0}, content=b"xy", headers=headers)
    assert too_long.json()["code"] == "files.too_long"
    big = server.client.put(f"/files/{sha}/upload", params={"offset": 0}, content=b"x" * (CHUNK_SIZE + 1),
                            headers=headers)  # fmt: skip
    assert big.status_code == 422 and big.json()["code"] == "files.chunk_too_large"
    size_change = server.client.post(f"/files/{sha}/upload", headers=headers, json={"size": 5})
    assert size_change.status_code == 409
    empty = hashlib.sha256(b"").hexdigest()
    assert server.client.post(f"/files/{empty}/upload", headers=headers, json={"size": 0}).json()["complete"] is True
