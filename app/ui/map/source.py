"""The workstation's one tile source, shared by every map of the session (kept in ``UiContext.extras``).

The choice is ``app.maps.sources.choose_source`` over the settings (``map_tiles``, ``server_url``,
``map_cache_mb``). A demo workstation without tiles generates the demo aerial set in the background (7-8 s on two
cores), started at a demo start or from the visit form's button; maps that asked meanwhile get it when ready.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.maps.sources import SourceChoice, choose_source, demo_tiles_running, start_demo_tiles
from app.maps.tiles import TileSource
from app.ui.context import UiContext

log = logging.getLogger(__name__)

KEY = "map_source"
WAITING = "map_source_waiting"
DEMO_SETTING = "maps.demo_tiles"


def workstation_choice(ctx: UiContext) -> SourceChoice:
    choice = ctx.extras.get(KEY)
    if isinstance(choice, SourceChoice):
        return choice
    s = ctx.settings
    choice = choose_source(ctx.paths.tiles, map_tiles=s.map_tiles, server_url=s.server_url, cache_mb=s.map_cache_mb)
    ctx.extras[KEY] = choice
    return choice


def workstation_source(ctx: UiContext, on_ready: Callable[[TileSource], None] | None = None) -> TileSource | None:
    """The source now, or None. When the demo aerial set is being generated (``prepare_demo_tiles``, or
    ``app.maps.sources.start_demo_tiles`` at a demo start), ``on_ready`` gets the new source on the GUI thread."""
    choice = workstation_choice(ctx)
    if choice.source is not None:
        return choice.source
    if on_ready is not None and demo_tiles_running(ctx.paths.tiles) is not None:
        _wait(ctx, on_ready)
    return None


def is_demo_workstation(ctx: UiContext) -> bool:
    return ctx.services is not None and bool(ctx.services.setting(DEMO_SETTING, False))


def prepare_demo_tiles(ctx: UiContext, on_ready: Callable[[TileSource], None]) -> None:
    """Generate the demo aerial set in the background (once; 7-8 s on two cores), then hand the source over."""
    start_demo_tiles(ctx.paths.tiles)
    _wait(ctx, on_ready)


def _wait(ctx: UiContext, on_ready: Callable[[TileSource], None]) -> None:
    future = demo_tiles_running(ctx.paths.tiles)
    if future is None:
        return
    waiting: list[Callable[[TileSource], None]] | None = ctx.extras.get(WAITING)
    if waiting is None:
        waiting = []
        ctx.extras[WAITING] = waiting
        log.info("waiting for the demo aerial tiles in %s", ctx.paths.tiles)
        ctx.tasks.read(future.result, on_done=lambda _p: _ready(ctx),
                       on_error=lambda e: log.warning("demo tiles not generated: %s", e))  # fmt: skip
    waiting.append(on_ready)


def _ready(ctx: UiContext) -> None:
    ctx.extras.pop(KEY, None)
    choice = workstation_choice(ctx)
    for callback in ctx.extras.pop(WAITING, []) or []:
        if choice.source is not None:
            try:
                callback(choice.source)
            except RuntimeError:  # the map was closed meanwhile (its C++ object is gone)
                continue
