"""Child process of the kill -9 test: opens cases as fast as it can and prints each tracking number after its
commit (flushed), so that the parent knows exactly which cases were committed when it kills this process."""

from __future__ import annotations

import sys
from pathlib import Path

from app.paths import DataPaths
from app.services.context import Services, cheap_hasher_for_tests
from app.services.dto import OpenCaseInput


def main() -> None:
    root, username, applicant_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    services = Services.open(DataPaths(root), password_hasher=cheap_hasher_for_tests())
    actor = services.auth.actor_by_username(username)
    print("ready", flush=True)
    for _ in range(1_000_000):
        result = services.intake.open_case(
            actor, OpenCaseInput("F08_CORRECT_PERSON", applicant_id, None, frozenset({"id_documents"}))
        )
        sys.stdout.write(result.tracking_number + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
