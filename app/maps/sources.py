"""Which tiles a workstation shows, and the 1:2000 aerial extract cut from them.

The map source is chosen in this order (``choose_source``):

1. ``map_tiles`` in the settings: a path to an ``.mbtiles`` file, or an XYZ/TMS URL template
   (``https://tiles.example.ir/{z}/{x}/{y}.png``); a URL goes through the disk cache;
2. the central server's tiles (``{server}/tiles/{z}/{x}/{y}.png``) when a server is configured, through the disk cache;
3. the demo MBTiles in the data folder (``tiles/demo.mbtiles``), generated once on a demo workstation;
4. nothing: the map shows placeholders and the sketch still works (measurements need no tiles).

Every remote source sits behind a ``DiskTileCache`` of its own folder with a size limit, so a workstation keeps
working offline from what it has already seen.
"""

from __future__ import annotations

import io
import logging
import math
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from app.maps.cache import CachedSource, DiskTileCache
from app.maps.mbtiles import MBTilesSource
from app.maps.projection import in_python_thread, lonlat_to_mercator
from app.maps.remote import UrlTemplateSource
from app.maps.tiles import TILE_SIZE, TileKey, TileSource, TileStatus, fetch_tile, mercator_to_tile

log = logging.getLogger(__name__)

DEMO_TILES_NAME = "demo.mbtiles"
DEMO_PARCELS_NAME = "demo-parcels.geojson"
SERVER_TEMPLATE = "{server}/tiles/{z}/{x}/{y}.png"


@dataclass(frozen=True)
class SourceChoice:
    """The chosen source and, for the status line and the docs, where it comes from."""

    source: TileSource | None
    kind: str  # "mbtiles" | "url" | "server" | "demo" | "none"
    where: str = ""


def demo_tiles_path(tiles_dir: Path) -> Path:
    return Path(tiles_dir) / DEMO_TILES_NAME


def choose_source(tiles_dir: Path, *, map_tiles: str = "", server_url: str = "", cache_mb: int = 512) -> SourceChoice:
    """The workstation's map source (see the module's docstring for the order). Never raises: a broken setting is
    logged and the next choice is tried."""
    cache_bytes = max(16, int(cache_mb)) * 1024 * 1024
    setting = map_tiles.strip()
    if setting:
        if "://" in setting:
            try:
                url = UrlTemplateSource(setting, name="municipal")
                cache = DiskTileCache(Path(tiles_dir) / "municipal", cache_bytes)
                return SourceChoice(CachedSource(url, cache), "url", setting)
            except Exception as exc:
                log.warning("map tile URL %s unusable: %s", setting, exc)
        else:
            try:
                return SourceChoice(MBTilesSource(setting), "mbtiles", setting)
            except Exception as exc:
                log.warning("map tile file %s unusable: %s", setting, exc)
    if server_url.strip():
        try:
            remote = UrlTemplateSource(SERVER_TEMPLATE, params={"server": server_url.strip()}, name="server")
            cache = DiskTileCache(Path(tiles_dir) / "server", cache_bytes)
            return SourceChoice(CachedSource(remote, cache), "server", server_url.strip())
        except Exception as exc:
            log.warning("server tiles at %s unusable: %s", server_url, exc)
    demo = demo_tiles_path(tiles_dir)
    if demo.is_file():
        try:
            return SourceChoice(MBTilesSource(demo), "demo", str(demo))
        except Exception as exc:
            log.warning("demo tiles %s unusable: %s", demo, exc)
    return SourceChoice(None, "none")


def ensure_demo_tiles(tiles_dir: Path) -> Path:
    """Write the full demo aerial set (zooms 15-20, about 5.5 MB, 7-8 s on two cores) unless it is there already."""
    from app.maps.demo_tiles import generate

    path = demo_tiles_path(tiles_dir)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    # pyproj inside: on a Python thread even when a Qt pool thread asks (see app.maps.projection).
    result = in_python_thread(generate, tmp, Path(tiles_dir) / DEMO_PARCELS_NAME)
    tmp.replace(path)
    log.info("demo tiles written to %s: %d tiles in %.1f s", path, result.tiles, result.seconds)
    return path


_demo_futures: dict[Path, Future[Path]] = {}
_demo_lock = threading.Lock()


def start_demo_tiles(tiles_dir: Path) -> Future[Path]:
    """Generate the demo aerial set on a background Python thread, once per process and folder; the future gives
    the file's path. For ``./dev run``'s first start: the program opens at once and the map has tiles seconds later."""
    key = Path(tiles_dir).resolve()
    with _demo_lock:
        future = _demo_futures.get(key)
        if future is None:
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-tiles")
            future = executor.submit(ensure_demo_tiles, key)
            executor.shutdown(wait=False)
            _demo_futures[key] = future
        return future


def demo_tiles_running(tiles_dir: Path) -> Future[Path] | None:
    """The generation started by ``start_demo_tiles`` for this folder, if any."""
    with _demo_lock:
        return _demo_futures.get(Path(tiles_dir).resolve())


def aerial_extract_png(
    source: TileSource | None,
    lon: float,
    lat: float,
    *,
    zoom: int = 19,
    size: tuple[int, int] = (1024, 768),
    marker: bool = True,
) -> bytes:
    """A PNG of the aerial map centred on (lon, lat) at ``zoom`` (19 is about 1:2000 on paper at Tehran's latitude),
    with the property marked. Tiles the source lacks stay light grey: an extract is made even offline."""
    w, h = size
    cx, cy = lonlat_to_mercator(lon, lat)
    tx, ty = mercator_to_tile(cx, cy, zoom)
    img = Image.new("RGB", (w, h), (224, 224, 220))
    origin_px = (tx * TILE_SIZE - w / 2, ty * TILE_SIZE - h / 2)
    if source is not None:
        n = 1 << zoom
        x0, y0 = math.floor(origin_px[0] / TILE_SIZE), math.floor(origin_px[1] / TILE_SIZE)
        x1, y1 = math.floor((origin_px[0] + w) / TILE_SIZE), math.floor((origin_px[1] + h) / TILE_SIZE)
        for ty_ in range(max(y0, 0), min(y1, n - 1) + 1):
            for tx_ in range(max(x0, 0), min(x1, n - 1) + 1):
                result = fetch_tile(source, TileKey(zoom, tx_, ty_))
                if result.status is not TileStatus.OK or result.data is None:
                    continue
                try:
                    with Image.open(io.BytesIO(result.data)) as tile:
                        img.paste(
                            tile.convert("RGB"),
                            (round(tx_ * TILE_SIZE - origin_px[0]), round(ty_ * TILE_SIZE - origin_px[1])),
                        )
                except OSError:
                    continue
    if marker:
        draw = ImageDraw.Draw(img)
        r = 14
        draw.ellipse((w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r), outline=(220, 0, 40), width=4)
        draw.line((w / 2 - 2 * r, h / 2, w / 2 - r, h / 2), fill=(220, 0, 40), width=3)
        draw.line((w / 2 + r, h / 2, w / 2 + 2 * r, h / 2), fill=(220, 0, 40), width=3)
        draw.line((w / 2, h / 2 - 2 * r, w / 2, h / 2 - r), fill=(220, 0, 40), width=3)
        draw.line((w / 2, h / 2 + r, w / 2, h / 2 + 2 * r), fill=(220, 0, 40), width=3)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


__all__ = [
    "DEMO_PARCELS_NAME",
    "DEMO_TILES_NAME",
    "SourceChoice",
    "aerial_extract_png",
    "choose_source",
    "demo_tiles_path",
    "demo_tiles_running",
    "ensure_demo_tiles",
    "start_demo_tiles",
]
