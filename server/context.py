"""Everything a request or an admin command needs, built once from the settings (never at import time)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from server.clock import Clock, SystemClock
from server.config import Settings
from server.db.engine import make_engine, make_session_factory
from server.security import PasswordHasher, TokenSigner


@dataclass
class ServerContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    hasher: PasswordHasher
    signer: TokenSigner
    extras: dict[str, object] = field(default_factory=dict)  # caches (tiles source, signing keys)

    @classmethod
    def build(cls, settings: Settings, *, clock: Clock | None = None, engine: Engine | None = None) -> ServerContext:
        engine = engine or make_engine(settings.database_url)
        return cls(
            settings=settings,
            engine=engine,
            sessions=make_session_factory(engine),
            clock=clock or SystemClock(),
            hasher=PasswordHasher(settings),
            signer=TokenSigner(settings.token_key()),
        )

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        for value in self.extras.values():
            close = getattr(value, "close", None)
            if callable(close):
                close()
        self.extras.clear()
        self.engine.dispose()
