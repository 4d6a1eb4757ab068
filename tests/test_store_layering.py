"""The store stays free of Qt and matplotlib: the CLI and tests use it without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_store_imports_no_gui_or_plotting() -> None:
    code = (
        "import sys, offerlens.store, offerlens.store.backups, offerlens.store.migrations;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib'));"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == ""
