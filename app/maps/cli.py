"""Command-line subcommands of app.maps: ``demo-tiles FILE.mbtiles [--parcels FILE.geojson]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _demo_tiles(args: argparse.Namespace) -> int:
    from app.maps.demo_tiles import TINY, DemoConfig, generate

    config = TINY if args.tiny else DemoConfig(seed=args.seed)
    out = Path(args.file)
    parcels = Path(args.parcels) if args.parcels else None
    result = generate(out, parcels, config)
    zooms = ", ".join(f"z{z}: {n}" for z, n in sorted(result.counts.items()))
    print(f"{result.mbtiles}: {result.tiles} tiles ({zooms}), {result.bytes / 1e6:.1f} MB in {result.seconds:.1f} s")
    print(f"centre: {result.centre_lonlat[1]:.5f} N, {result.centre_lonlat[0]:.5f} E")
    if parcels:
        print(f"{parcels}: {result.parcel_count} parcels")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("demo-tiles", help="write the synthetic 1:2000 demo aerial tiles (MBTiles)")
    p.add_argument("file", metavar="FILE.mbtiles")
    p.add_argument("--parcels", metavar="FILE.geojson", help="also write the matching parcels")
    p.add_argument("--seed", type=int, default=1401)
    p.add_argument("--tiny", action="store_true", help="a small set (zooms 17-18) for tests")
    p.set_defaults(func=_demo_tiles)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.maps.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
