"""Typed errors with codes; the UI turns a code into Persian text (app/ui/messages.py)."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An error a person can act on. ``code`` is stable ASCII; ``params`` fill the translated message."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        detail = ", ".join(f"{k}={v!r}" for k, v in params.items())
        super().__init__(f"{code}({detail})" if detail else code)


class ValidationError(DomainError):
    """Input that must not reach the database. ``field`` names the form field at fault."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code, field=field, **params)
        self.field = field


class WorkflowError(DomainError):
    """An action that the workflow does not allow now (wrong state, role, or a failed guard)."""


class NotFoundError(DomainError):
    """A case, person or record that is not there."""


class ConflictError(DomainError):
    """Someone else changed the record first."""
