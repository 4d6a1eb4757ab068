"""Where the bundled resources (example portfolio, translations) are found.

In a checkout and an editable install they sit in ``resources/`` at the repository root; a
frozen build (PyInstaller) puts them under ``sys._MEIPASS/resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve()
    candidates += [here.parents[2] / "resources", here.parents[1] / "resources"]
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[-1]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def example_portfolio_path() -> Path:
    return resources_dir() / "example.offerlens.json"
