"""``uv run python -m benchmarks [--quick] [--only SUITE ...] [--out FILE] [--markdown]``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from benchmarks import engine, gui, startup
from benchmarks.harness import RESULTS, Figure, machine, markdown_table, table, write_json

SUITES = {"startup": startup.run, "engine": engine.run, "ui": gui.run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        default=os.environ.get("OFFERLENS_BENCH_QUICK") == "1",
        help="tiny counts and one run each: checks the harness, not the speed",
    )
    parser.add_argument("--only", nargs="+", choices=sorted(SUITES), help="run only these suites")
    parser.add_argument(
        "--out",
        type=Path,
        default=RESULTS / "latest.json",
        help="where to write the JSON (default: %(default)s)",
    )
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args(argv)

    info = machine()
    print(
        f"OfferLens benchmarks{' (--quick: not for comparison)' if args.quick else ''}: "
        f"{info.get('cpu', '?')}, {info.get('cpus')} CPUs, Python {info['python']}, "
        f"load {info.get('loadavg')}",
        flush=True,
    )
    figures: list[Figure] = []
    for name in args.only or list(SUITES):
        began = time.perf_counter()
        print(f"  {name} …", end="", flush=True)
        figures.extend(SUITES[name](args.quick))
        print(f" {time.perf_counter() - began:.1f} s", flush=True)
    print()
    print(table(figures))
    if args.markdown:
        print()
        print(markdown_table(figures))
    path = write_json(figures, args.out, args.quick, info)
    print(f"\nwrote {path}")
    failed = [f.label for f in figures if f.status == "FAIL"]
    if failed:
        print(f"{len(failed)} figure(s) miss their target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
