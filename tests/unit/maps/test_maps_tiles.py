"""Tile math, MBTiles reading with the TMS row flip, the disk cache, URL templates against a local HTTP server."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PIL import Image

from app.domain.errors import DomainError
from app.maps.cache import CachedSource, DiskTileCache
from app.maps.mbtiles import MBTilesSource, MBTilesWriter
from app.maps.remote import UrlTemplateSource
from app.maps.tiles import (
    TileKey,
    TileStatus,
    fetch_tile,
    flip_row,
    lonlat_to_tile,
    tile_bounds,
    tiles_in_bounds,
    zoom_for_resolution,
)


def png(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(buf, "PNG")
    return buf.getvalue()


def test_tile_math_tehran() -> None:
    key = lonlat_to_tile(51.43, 35.80, 15)
    assert key == TileKey(15, 21065, 12889)
    assert key.tms_row == 2**15 - 1 - 12889 == flip_row(15, 12889)
    min_x, min_y, max_x, max_y = tile_bounds(key)
    assert max_x - min_x == pytest.approx(1222.99245, abs=1e-4)
    assert tiles_in_bounds(min_x + 1, min_y + 1, max_x - 1, max_y - 1, 15) == [key]
    assert zoom_for_resolution(0.2986, 0, 22) == 19


@pytest.fixture
def mbtiles(tmp_path: Path) -> Path:
    path = tmp_path / "t.mbtiles"
    with MBTilesWriter(path, {"name": "test", "format": "png", "minzoom": 1, "maxzoom": 2}) as w:
        # Different colours per XYZ row make a missing flip visible.
        w.put(TileKey(1, 0, 0), png((255, 0, 0)))
        w.put(TileKey(1, 0, 1), png((0, 0, 255)))
        w.put(TileKey(2, 1, 1), b"\x89PNG\r\n\x1a\nthis is not really a png")
    return path


def test_mbtiles_row_flip(mbtiles: Path) -> None:
    import sqlite3

    raw = sqlite3.connect(mbtiles).execute("SELECT tile_row FROM tiles WHERE zoom_level=1 ORDER BY tile_row").fetchall()
    assert raw == [(0,), (1,)]
    with MBTilesSource(mbtiles) as src:
        top = Image.open(io.BytesIO(src.get_tile(1, 0, 0) or b""))
        bottom = Image.open(io.BytesIO(src.get_tile(1, 0, 1) or b""))
        assert top.getpixel((5, 5)) == (255, 0, 0)
        assert bottom.getpixel((5, 5)) == (0, 0, 255)
        # The red tile is stored at TMS row 1 (2^1 - 1 - 0).
        stored = (
            sqlite3.connect(mbtiles)
            .execute("SELECT tile_data FROM tiles WHERE zoom_level=1 AND tile_row=1")
            .fetchone()[0]
        )
        assert Image.open(io.BytesIO(stored)).getpixel((0, 0)) == (255, 0, 0)
        assert src.min_zoom == 1 and src.max_zoom == 2
        assert sorted(src.keys(1)) == [TileKey(1, 0, 0), TileKey(1, 0, 1)]


def test_missing_and_corrupt_tiles_are_reported_not_raised(mbtiles: Path) -> None:
    with MBTilesSource(mbtiles) as src:
        assert src.get_tile(2, 3, 3) is None
        assert fetch_tile(src, TileKey(2, 3, 3)).status is TileStatus.MISSING
        assert fetch_tile(src, TileKey(2, 1, 1)).status is TileStatus.CORRUPT
        assert fetch_tile(src, TileKey(1, 0, 0)).status is TileStatus.OK


def test_failing_source_becomes_error_result() -> None:
    class Broken:
        name, min_zoom, max_zoom = "broken", 0, 1

        def get_tile(self, z: int, x: int, y: int) -> bytes | None:
            raise OSError("disk gone")

        def close(self) -> None: ...

    assert fetch_tile(Broken(), TileKey(0, 0, 0)).status is TileStatus.ERROR


def test_mbtiles_read_only_and_threads(mbtiles: Path) -> None:
    src = MBTilesSource(mbtiles)
    results: list[bytes | None] = []
    threads = [threading.Thread(target=lambda: results.append(src.get_tile(1, 0, 0))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)
    import sqlite3

    with pytest.raises(sqlite3.OperationalError):
        src._conn().execute("DELETE FROM tiles")
    src.close()


def test_mbtiles_errors(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as missing:
        MBTilesSource(tmp_path / "nope.mbtiles")
    assert missing.value.code == "maps.mbtiles_missing"
    bad = tmp_path / "bad.mbtiles"
    bad.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(DomainError) as invalid:
        MBTilesSource(bad)
    assert invalid.value.code == "maps.mbtiles_invalid"


def test_disk_cache_lru_by_size(tmp_path: Path) -> None:
    cache = DiskTileCache(tmp_path / "c", max_bytes=250)
    for i in range(3):
        cache.put(TileKey(5, i, 0), bytes([i]) * 100)
    # 300 bytes > 250: the oldest (x=0) went.
    assert TileKey(5, 0, 0) not in cache
    assert cache.total_bytes == 200
    assert cache.get(TileKey(5, 1, 0)) == b"\x01" * 100  # touch x=1: now x=2 is the oldest
    cache.put(TileKey(5, 3, 0), b"\x03" * 100)
    assert TileKey(5, 2, 0) not in cache and TileKey(5, 1, 0) in cache
    # The cache survives a restart with its order.
    again = DiskTileCache(tmp_path / "c", max_bytes=250)
    assert len(again) == 2 and again.total_bytes == 200


class _TileHandler(http.server.BaseHTTPRequestHandler):
    tiles: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        data = self.tiles.get(self.path)
        if data is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tile_server() -> Iterator[str]:
    _TileHandler.tiles = {"/tiles/3/4/2.png": png((0, 200, 0)), "/tms/3/4/5.png": png((0, 0, 200))}
    _TileHandler.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _TileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_template_xyz_and_tms(tile_server: str) -> None:
    src = UrlTemplateSource("{server}/tiles/{z}/{x}/{y}.png", params={"server": tile_server + "/"})
    assert src.url(3, 4, 2) == f"{tile_server}/tiles/3/4/2.png"
    assert fetch_tile(src, TileKey(3, 4, 2)).status is TileStatus.OK
    assert src.get_tile(3, 0, 0) is None  # 404: no tile there
    tms = UrlTemplateSource(tile_server + "/tms/{z}/{x}/{y}.png", scheme="tms")
    assert tms.get_tile(3, 4, 2) == _TileHandler.tiles["/tms/3/4/5.png"]  # 2^3 - 1 - 2 = 5
    src.close()
    tms.close()


def test_url_template_needs_its_params() -> None:
    with pytest.raises(DomainError) as err:
        UrlTemplateSource("{server}/tiles/{z}/{x}/{y}.png")
    assert err.value.code == "maps.template_invalid"


def test_cached_source_works_offline(tile_server: str, tmp_path: Path) -> None:
    upstream = UrlTemplateSource(tile_server + "/tiles/{z}/{x}/{y}.png", timeout=2.0)
    cached = CachedSource(upstream, DiskTileCache(tmp_path / "cache", 10_000_000))
    first = cached.get_tile(3, 4, 2)
    assert first is not None and len(_TileHandler.hits) == 1
    assert cached.get_tile(3, 4, 2) == first and len(_TileHandler.hits) == 1  # from disk
    # The server goes away: a tile seen before still comes; an unseen one is an error result, not an exception.
    offline = CachedSource(
        UrlTemplateSource("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", timeout=0.5),
        DiskTileCache(tmp_path / "cache", 10_000_000),
    )
    assert offline.get_tile(3, 4, 2) == first
    assert fetch_tile(offline, TileKey(3, 1, 1)).status is TileStatus.ERROR
