"""Every file a pushed row refers to is uploaded first, whatever the field is called (``file_sha256``,
``scan_sha256`` ...): the server refuses a row whose file it does not hold."""

from __future__ import annotations

from app.sync.push import referenced_files

DOC = "a" * 64
SCAN = "b" * 64


def test_every_sha256_field_of_a_batch_is_uploaded_first() -> None:
    entries = [
        {"payload": {"entity": "case_document", "fields": {"file_sha256": DOC, "doc_type": "deed"}}},
        {"payload": {"entity": "circular", "fields": {"scan_sha256": SCAN, "subject": "x"}}},
        {"payload": {"fields": {"scan_sha256": None}}},
        {"payload": None},
    ]
    assert referenced_files(entries) == {DOC, SCAN}


def test_a_value_that_is_not_a_hash_is_ignored() -> None:
    assert referenced_files([{"payload": {"fields": {"file_sha256": "short"}}}]) == set()
