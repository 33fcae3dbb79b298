"""UiContext: what every tab, dialog and view is handed. There is no global main window to reach for (Anki's aqt.mw)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.workflows.engine import Actor
from app.paths import DataPaths
from app.settings import Settings
from app.ui.tasks import EventHub, TaskRunner


@dataclass
class UiContext:
    services: Any  # app.services.Services: typed loosely so the UI does not import the services' internals
    tasks: TaskRunner
    settings: Settings
    paths: DataPaths
    actor: Actor | None = None
    workstation_no: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)  # room for other areas (sync client, printers ...)

    @property
    def hub(self) -> EventHub:
        return self.tasks.hub

    @property
    def roles(self) -> frozenset[str]:
        return self.actor.roles if self.actor is not None else frozenset()

    @property
    def units(self) -> frozenset[str]:
        return self.actor.units if self.actor is not None else frozenset()
