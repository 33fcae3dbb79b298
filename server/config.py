"""Server settings: defaults < TOML file (``--config FILE``) < environment (``ECITY_SERVER_*``) < command line.

Nothing is read at import time: ``load_settings()`` is called by the CLI (or a test) and the result handed to
``server.app.create_app``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, ClassVar

import platformdirs
from pydantic import Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

ENV_PREFIX = "ECITY_SERVER_"

# OWASP password storage cheat sheet (2024+): argon2id, m=19 MiB, t=2, p=1 is the floor.
OWASP_TIME_COST = 2
OWASP_MEMORY_KIB = 19456
OWASP_PARALLELISM = 1


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("ecity-server", appauthor=False))


class Settings(BaseSettings):
    """Everything the server needs to start. Field names double as TOML keys and ``ECITY_SERVER_<NAME>`` variables."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", validate_default=True)

    data_dir: Path = Field(default_factory=default_data_dir, description="server state: SQLite file, keys, files")
    db_url: str = Field(default="", description="SQLAlchemy URL; empty = SQLite file in data_dir")
    host: str = "127.0.0.1"
    port: int = Field(default=8750, ge=0, le=65535)
    tls_cert: Path | None = None
    tls_key: Path | None = None

    office_code: str = Field(default="0101", pattern=r"^\d{4}$")
    files_dir: Path | None = Field(default=None, description="content-addressed uploads; default data_dir/files")
    tiles_mbtiles: Path | None = Field(default=None, description="MBTiles file served at /tiles/{z}/{x}/{y}.png")
    signing_keys_dir: Path | None = Field(
        default=None, description="folder of the office's signing public keys (*.pub) for GET /verify"
    )
    max_file_mb: int = Field(default=512, ge=1, description="largest upload accepted")

    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    token_secret: SecretStr | None = Field(
        default=None, description="HMAC-SHA256 key of access tokens; default: generated once into data_dir"
    )

    lockout_threshold: int = Field(default=5, ge=1)
    lockout_minutes: int = Field(default=15, ge=1)

    # Tests may lower these to stay fast; the defaults are the OWASP floor and must stay so.
    argon2_time_cost: int = Field(default=OWASP_TIME_COST, ge=1)
    argon2_memory_kib: int = Field(default=OWASP_MEMORY_KIB, ge=8)
    argon2_parallelism: int = Field(default=OWASP_PARALLELISM, ge=1)

    # Clients older than these get 426 {"code": "client.update_required"}.
    min_client_protocol: int = Field(default=1, ge=1)
    min_client_schema: int = Field(default=1, ge=1)

    enrolment_signature_window_s: int = Field(default=300, ge=10)
    auto_migrate: bool = True
    log_level: str = "INFO"

    _toml_file: ClassVar[Path | None] = None

    @model_validator(mode="after")
    def _tls_pair(self) -> Settings:
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("tls_cert and tls_key go together")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        toml_file = getattr(settings_cls, "_toml_file", None)
        if toml_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)

    # -- derived values -------------------------------------------------------------------------------------------
    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / 'server.sqlite3'}"

    @property
    def files_path(self) -> Path:
        return self.files_dir or self.data_dir / "files"

    @property
    def signing_keys_path(self) -> Path:
        return self.signing_keys_dir or self.data_dir / "signing-keys"

    @property
    def uses_owasp_argon2(self) -> bool:
        return (
            self.argon2_time_cost >= OWASP_TIME_COST
            and self.argon2_memory_kib >= OWASP_MEMORY_KIB
            and self.argon2_parallelism >= OWASP_PARALLELISM
        )

    def token_key(self) -> bytes:
        """The access-token signing key: configured, else kept in ``data_dir/token.key`` (made once, mode 600)."""
        if self.token_secret is not None:
            return self.token_secret.get_secret_value().encode()
        path = self.data_dir / "token.key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
        return path.read_text().strip().encode()


def load_settings(config_file: Path | str | None = None, **overrides: Any) -> Settings:
    """Build settings; ``overrides`` (from the command line) win over the environment, which wins over the file.

    ``None`` overrides are dropped so that an option not given on the command line does not hide the environment.
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    if config_file is None:
        return Settings(**given)
    path = Path(config_file)
    if not path.is_file():
        raise FileNotFoundError(f"config file not found: {path}")
    bound = type("FileSettings", (Settings,), {"_toml_file": path})
    return bound(**given)
