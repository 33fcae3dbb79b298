"""Shared test set-up: offscreen Qt, a temp data dir per test, an in-memory keyring, service checks.

Under CI=true a missing PostgreSQL or SANE fails the run instead of skipping, so no test silently skips in CI.
"""

from __future__ import annotations

import os

# Before any Qt import: without a display the process would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# SANE reads its configuration once per process: every scanner the tests build (the archive tab's default driver
# included) uses the project's, which enables the `test` device, whichever test happens to initialise SANE first.
os.environ.setdefault(
    "ECITY_SANE_CONFIG", os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "sane")
)

import shutil
import socket
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_URL = os.environ.get("ECITY_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def require_service(available: bool, what: str) -> None:
    """Skip with a clear line on a developer's machine; fail under CI."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI and is not available", pytrace=False)
    pytest.skip(f"{what} is not available on this machine")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own workstation data folder."""
    folder = tmp_path / "ecity-data"
    folder.mkdir()
    monkeypatch.setenv("ECITY_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def memory_keyring() -> None:
    """Tokens go to an in-memory keyring in tests; never to the machine's keyring."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    require_service(_port_open("127.0.0.1", 5432), "PostgreSQL on 127.0.0.1:5432")
    return POSTGRES_URL


@pytest.fixture(scope="session")
def sane_available() -> bool:
    try:
        import sane  # noqa: F401
    except ImportError:
        require_service(False, "the SANE library (python-sane)")
    require_service(shutil.which("scanimage") is not None, "SANE's tools (scanimage)")
    return True


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None and IN_CI:
            raise pytest.UsageError(f"{tool} is required in CI (poppler-utils, zbar-tools)")
