"""schemathesis against the server's own OpenAPI document, in-process over ASGI: no input gives a server error.

Bounded (a fixed number of derandomised examples over all operations) so it runs in seconds; run once as an
anonymous caller and once as an administrator, so the protected endpoints are exercised beyond the 401.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.integration.server.conftest import Server
from tests.integration.server.test_public import make_mbtiles

EXAMPLES = 250


@pytest.mark.slow
def test_no_server_errors(make_server: object, tmp_path: Path) -> None:
    server: Server = make_server(tiles_mbtiles=make_mbtiles(tmp_path / "t.mbtiles"))  # type: ignore[operator]
    server.create_user("root", ["admin"])
    admin = server.headers("root")
    schema = schemathesis.openapi.from_asgi("/openapi.json", server.client.app)
    strategy = schema.exclude(path_regex="^/sync/").as_strategy()
    errors: list[str] = []

    def fuzz(headers: dict[str, str]) -> None:
        @settings(
            max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        @given(case=strategy)
        def run(case: schemathesis.Case) -> None:
            response = case.call(headers=headers)
            if response.status_code >= 500:
                errors.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:300]}")

        run()

    fuzz({})
    fuzz(admin)
    assert not errors, "\n".join(errors[:20])
    assert server.audit_intact()
