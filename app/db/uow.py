"""Unit of work: one transaction per use case (Cosmic Python)."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker


class UnitOfWork:
    """``with uow: ...; uow.commit()``. Leaving the block without commit rolls back; objects loaded in a block that
    ends without an exception stay readable (detached) after it.

    ``writer=True`` begins the SQLite transaction IMMEDIATE (the write lock is taken at once).
    """

    def __init__(self, session_factory: sessionmaker[Session], *, writer: bool = True) -> None:
        self._factory = session_factory
        self._writer = writer
        self.session: Session

    def __enter__(self) -> Self:
        self.session = self._factory()
        self.session.connection(execution_options={"writer": self._writer})
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                # A read (or a write that had nothing to do) ends cleanly: detach the loaded objects first, so the
                # rollback below does not expire them and callers can still read what they loaded.
                self.session.expunge_all()
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()
