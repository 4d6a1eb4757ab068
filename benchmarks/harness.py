"""Figures, statistics, the results table and the JSON file."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

NOT_BUILT = "n/a (not built yet)"
ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Figure:
    """One measured quantity: its samples, an optional target and notes."""

    id: str
    label: str
    unit: str
    samples: list[float] = field(default_factory=list)
    target: float | None = None  # an upper bound; None: reported for information
    notes: str = ""
    status_override: str = ""  # NOT_BUILT or "error: ..." when there are no samples

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def min(self) -> float | None:
        return min(self.samples) if self.samples else None

    @property
    def max(self) -> float | None:
        return max(self.samples) if self.samples else None

    @property
    def status(self) -> str:
        if self.status_override:
            return self.status_override
        if not self.samples:
            return "n/a"
        if self.target is None:
            return "info"
        return "pass" if self.median <= self.target else "FAIL"  # type: ignore[operator]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("status_override")
        data.update(
            median=self.median,
            min=self.min,
            max=self.max,
            runs=len(self.samples),
            status=self.status,
        )
        return data


def na(
    fid: str, label: str, unit: str, target: float | None, why: str = NOT_BUILT, notes: str = ""
) -> Figure:
    return Figure(fid, label, unit, target=target, notes=notes, status_override=why)


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value < 1 else f"{value:.2f}"


def table(figures: list[Figure]) -> str:
    head = ("figure", "median", "min", "max", "target", "result", "notes")
    rows = []
    for f in figures:
        unit = f" {f.unit}" if f.unit else ""
        target = f"≤ {_fmt(f.target)}{unit}" if f.target is not None else "—"
        rows.append(
            (
                f.label,
                _fmt(f.median) + (unit if f.samples else ""),
                _fmt(f.min),
                _fmt(f.max),
                target,
                f.status,
                f.notes,
            )
        )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head[:6], widths, strict=True)) + "  notes"]
    lines.append("  ".join("-" * w for w in widths) + "  -----")
    for r in rows:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(r[:6], widths, strict=True)) + "  " + r[6]
        )
    return "\n".join(lines)


def markdown_table(figures: list[Figure]) -> str:
    lines = [
        "| figure | median | min | max | target | result | notes |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for f in figures:
        unit = f" {f.unit}" if f.unit else ""
        target = f"≤ {_fmt(f.target)}{unit}" if f.target is not None else "—"
        lines.append(
            f"| {f.label} | {_fmt(f.median)}{unit if f.samples else ''} | "
            f"{_fmt(f.min)} | {_fmt(f.max)} | {target} | {f.status} | {f.notes} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """CPU model, core count, Python and Qt versions, load at the start."""
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=5).stdout
        for line in lscpu.splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "Model name":
                info["cpu"] = value.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        info["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    try:
        from importlib.metadata import version

        info["pyside6"] = version("PySide6-Essentials")
        info["pydantic"] = version("pydantic")
        info["matplotlib"] = version("matplotlib")
    except Exception:  # noqa: BLE001 - versions are informative only
        pass
    return info


def write_json(
    figures: list[Figure], path: Path, quick: bool, info: dict[str, Any] | None = None
) -> Path:
    """Write the figures with the machine they were taken on (``info``: taken at the start)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),  # noqa: UP017
        "quick": quick,
        "machine": info or machine(),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "figures": [f.as_dict() for f in figures],
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
