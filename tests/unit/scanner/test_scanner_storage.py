"""Crash-safe scan sessions and the content-addressed file store, on real files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image

from app.db.filestore import FileStore, FileStoreError
from app.scanner import samples
from app.scanner.base import ScannedPage
from app.scanner.batch import INTERRUPTED, MANIFEST, SAVED, ScanSession, list_unfinished
from app.scanner.profiles import DEFAULT_PROFILES


def _page(number: int, mode: str = "gray") -> ScannedPage:
    image = samples.text_page("a4", 75, seed=number)
    if mode == "lineart":
        image = image.convert("1")
    return ScannedPage(number, image, 75, mode)


def test_each_page_is_on_disk_with_an_fsynced_manifest(tmp_path: Path) -> None:
    session = ScanSession.create(tmp_path, device_id="test:0", profile=DEFAULT_PROFILES[1], case_id="c1")
    session.add_page(_page(1))
    session.add_page(_page(2, "lineart"))
    manifest = json.loads((session.folder / MANIFEST).read_text(encoding="utf-8"))
    assert [p["file"] for p in manifest["pages"]] == ["page-0001.tiff", "page-0002.tiff"]
    assert manifest["meta"] == {"case_id": "c1"} and manifest["profile"]["name"] == "A4 deed"
    with Image.open(session.folder / "page-0002.tiff") as img:
        assert img.mode == "1"
    again = ScanSession.open(session.folder)
    assert [r.number for r in again.pages()] == [1, 2]
    assert again.image(again.pages()[0]).size == (620, 877)


def test_edits_survive_a_reopen(tmp_path: Path) -> None:
    session = ScanSession.create(tmp_path)
    for n in (1, 2, 3):
        session.add_page(_page(n))
    session.update_page(2, rotation=90)
    session.update_page(3, deleted=True)
    session.arrange([2, 1])
    again = ScanSession.open(session.folder)
    assert [r.number for r in again.pages()] == [2, 1]
    assert again.pages()[0].rotation == 90
    assert again.image(again.pages()[0]).size == (877, 620)
    assert [r.number for r in again.pages(include_deleted=True)] == [2, 1, 3]


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_crash_between_page_and_manifest_adopts_the_page(tmp_path: Path) -> None:
    session = ScanSession.create(tmp_path, device_id="test:0")
    session.add_page(_page(1))
    # the process dies after writing page 2 but before the manifest names it
    _page(2).image.save(session.folder / "page-0002.tiff", dpi=(75, 75))
    # and page 3 was torn halfway: the page in the scanner, the only one lost
    (session.folder / "page-0003.tiff").write_bytes(b"II*\x00garbage")
    unfinished = list_unfinished(tmp_path)
    assert [u.session_id for u in unfinished] == [session.session_id]
    assert unfinished[0].page_count == 2
    resumed = ScanSession.open(session.folder)
    assert [r.number for r in resumed.pages()] == [1, 2]
    assert resumed.next_number() == 3


def test_finished_sessions_are_not_offered(tmp_path: Path) -> None:
    saved = ScanSession.create(tmp_path)
    saved.add_page(_page(1))
    saved.mark(SAVED)
    broken = ScanSession.create(tmp_path)
    broken.mark(INTERRUPTED, "scanner.paper_jam")
    infos = list_unfinished(tmp_path)
    assert [i.session_id for i in infos] == [broken.session_id]
    assert infos[0].error_code == "scanner.paper_jam"
    assert list_unfinished(tmp_path / "missing") == []


def test_filestore_content_addressing(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    data = b"%PDF-1.6 archived scan"
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path_of(sha) == tmp_path / "files" / sha[:2] / sha[2:]
    assert store.has(sha) and store.read_bytes(sha) == data
    with store.open(sha) as handle:
        assert handle.read() == data
    assert store.put_bytes(data) == sha  # idempotent
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"another file" * 1000)
    sha2 = store.put_file(source)
    assert source.exists() and store.read_bytes(sha2) == source.read_bytes()
    assert sorted(store) == sorted([sha, sha2])
    assert not any(p.name.startswith(".incoming") for p in (tmp_path / "files").rglob("*"))
    assert store.verify(sha)
    store.path_of(sha).write_bytes(b"tampered")
    assert not store.verify(sha)


def test_filestore_refuses_wrong_hash_and_bad_names(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    source = tmp_path / "in.bin"
    source.write_bytes(b"x")
    with pytest.raises(FileStoreError):
        store.put_file(source, expected_sha256="0" * 64)
    assert list(store) == []
    with pytest.raises(ValueError):
        store.path_of("../../etc/passwd")
    assert not store.has("a" * 64)
    with pytest.raises(FileNotFoundError):
        store.open("a" * 64)
