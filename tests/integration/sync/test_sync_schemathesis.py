"""schemathesis against the ``/sync/*`` part of the server's OpenAPI document, over HTTP to a real server process, as an
enrolled workstation (the core endpoints have their own run in tests/integration/server): no input gives a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sync_harness import ServerProcess

EXAMPLES = 120


@pytest.mark.slow
def test_no_server_errors_on_the_sync_endpoints(any_server: ServerProcess) -> None:
    server = any_server
    head = server.add_user(f"fuzz-{server.port}", {"office_head", "formation.clerk"})
    headers = {
        "Authorization": f"Bearer {server.token(head, 77)}",
        "X-Ecity-Protocol": "1",
        "X-Ecity-Schema": "1",
    }
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    strategy = schema.include(path_regex="^/sync/").as_strategy()
    errors: list[str] = []

    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        response = case.call(base_url=server.url, headers=headers, timeout=30)
        if response.status_code >= 500:
            errors.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:300]}")

    run()
    assert not errors, "\n".join(errors[:20])
    # and the server still answers a real workstation afterwards
    import httpx

    assert httpx.get(f"{server.url}/sync/status", headers=headers, timeout=10).status_code == 200
