"""Tiles from a URL template: a municipal XYZ/TMS service or our own central server.

``{z}``, ``{x}``, ``{y}`` are XYZ; ``{-y}`` (or ``scheme="tms"`` with ``{y}``) is the TMS row; ``{s}`` picks one of
``subdomains``; any other ``{name}`` is filled from ``params`` (``{server}`` for our central server:
``{server}/tiles/{z}/{x}/{y}.png``). A 404/204 means "no tile there"; any other failure raises ``DomainError``
(``maps.tile_fetch_failed``), which ``fetch_tile`` turns into a placeholder.
"""

from __future__ import annotations

import string
import threading
from typing import Literal

import httpx

from app.domain.errors import DomainError
from app.maps.tiles import flip_row

Scheme = Literal["xyz", "tms"]


class UrlTemplateSource:
    def __init__(
        self,
        template: str,
        *,
        scheme: Scheme = "xyz",
        params: dict[str, str] | None = None,
        subdomains: str = "abc",
        timeout: float = 5.0,
        headers: dict[str, str] | None = None,
        min_zoom: int = 0,
        max_zoom: int = 20,
        name: str = "",
    ) -> None:
        self.params = {k: v.rstrip("/") for k, v in (params or {}).items()}
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        missing = fields - {"z", "x", "y", "-y", "s"} - set(self.params)
        if missing:
            raise DomainError("maps.template_invalid", template=template, missing=",".join(sorted(missing)))
        self.template = template
        self.scheme = scheme
        self.subdomains = subdomains
        self.min_zoom = min_zoom
        self.max_zoom = max_zoom
        self.name = name or template
        # httpx.Client pools connections and is safe to share between the map view's worker threads.
        self._client = httpx.Client(timeout=timeout, headers=headers or {}, follow_redirects=True)
        self._lock = threading.Lock()

    def url(self, z: int, x: int, y: int) -> str:
        row = flip_row(z, y) if self.scheme == "tms" else y
        values = {
            **self.params,
            "z": str(z),
            "x": str(x),
            "y": str(row),
            "-y": str(flip_row(z, y)),
            "s": self.subdomains[(x + y) % len(self.subdomains)] if self.subdomains else "",
        }
        out = self.template
        for key, value in values.items():
            out = out.replace("{" + key + "}", value)
        return out

    def get_tile(self, z: int, x: int, y: int) -> bytes | None:
        url = self.url(z, x, y)
        try:
            response = self._client.get(url)
        except httpx.HTTPError as exc:
            raise DomainError("maps.tile_fetch_failed", url=url, reason=type(exc).__name__) from exc
        if response.status_code in (404, 204):
            return None
        if response.status_code != 200:
            raise DomainError("maps.tile_fetch_failed", url=url, reason=f"HTTP {response.status_code}")
        return response.content

    def close(self) -> None:
        self._client.close()
