"""Layer contracts: the domain and store import no Qt and no matplotlib; no eval/exec/pickle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "offerlens"

FORBIDDEN = {
    "domain": {"PySide6", "matplotlib", "offerlens.ui", "offerlens.charts", "offerlens.export",
               "offerlens.store", "offerlens.cli"},
    "store": {"PySide6", "matplotlib", "offerlens.ui", "offerlens.charts", "offerlens.export"},
    "charts": {"PySide6", "offerlens.ui"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in imported_modules(path):
            for banned in FORBIDDEN[layer]:
                assert not (name == banned or name.startswith(banned + ".")), (
                    f"{path.relative_to(PACKAGE)} imports {name}"
                )


def test_no_eval_exec_or_pickle_anywhere() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"eval", "exec"}, f"{path}: {node.func.id}()"
        assert "pickle" not in imported_modules(path), f"{path} imports pickle"


def test_evaluating_loads_no_gui_or_plotting_library() -> None:
    code = (
        "import sys\n"
        "from offerlens.domain.evaluate import evaluate\n"
        "from offerlens.domain.models import Candidate, Offer\n"
        "evaluate(Offer(company='A', monthly_base=30000), Candidate())\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
