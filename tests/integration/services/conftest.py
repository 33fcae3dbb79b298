"""Services over a real SQLite file in tmp_path, with the users most tests need."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from svc_office import Office, make_office


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    o = make_office(tmp_path / "ws1")
    yield o
    o.s.close()
