"""The app makes no network connection: CLI, export and the GUI start run with sockets disabled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"

SITECUSTOMIZE = """
import atexit, os, socket, sys
_log = os.environ["OFFERLENS_NET_LOG"]

def _record(what):
    with open(_log, "a", encoding="utf-8") as fh:
        fh.write(what + "\\n")

def _refuse(*args, **kwargs):
    _record("connect " + repr(args[:2]))
    raise OSError("network disabled by the test")

_orig_connect = socket.socket.connect
def _connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        return _refuse(address)
    return _orig_connect(self, address)
socket.socket.connect = _connect
socket.socket.connect_ex = lambda self, address: _refuse(address)
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

@atexit.register
def _modules():
    if "PySide6.QtNetwork" in sys.modules:
        _record("imported PySide6.QtNetwork")
"""


@pytest.fixture
def offline_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    env["OFFERLENS_NET_LOG"] = str(tmp_path / "net.log")
    env["OFFERLENS_HOME"] = str(tmp_path / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "offerlens", *args],
        env=env,
        text=True,
        capture_output=True,
        timeout=120,
    )


def attempts(env: dict[str, str]) -> list[str]:
    log = Path(env["OFFERLENS_NET_LOG"])
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_the_guard_itself_catches_a_connection(offline_env) -> None:
    code = (
        "import socket\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9))\n"
        "except OSError:\n    pass\n"
    )
    subprocess.run([sys.executable, "-c", code], env=offline_env, check=True)
    assert attempts(offline_env)


def test_cli_and_export_make_no_connection(offline_env, tmp_path) -> None:
    out = run(offline_env, "evaluate", str(FIXTURE), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)
    export = run(offline_env, "export", str(FIXTURE), "-o", str(tmp_path / "s.html"))
    assert export.returncode == 0, export.stderr
    assert attempts(offline_env) == []


def test_gui_smoke_start_makes_no_connection(offline_env) -> None:
    out = run(offline_env, "--smoke-exit")
    assert out.returncode == 0, out.stderr
    assert attempts(offline_env) == []
