"""Crash consistency: a process saving in a loop is killed with SIGKILL at random moments.

After every kill the file must load (strictly, without recovery) and hold either the last
state the process reported as saved or the one it was saving; never a partial file. Every
backup must load too.

A helper process imports OfferLens once and forks one saving child per trial, so hundreds of
trials fit in seconds. Each child alternates between a large state (many offers, long notes,
so that writes take long enough to be interrupted) and a small one, with a counter in the
candidate's name.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from offerlens.domain.models import Portfolio
from offerlens.store import Source, read_portfolio, save_portfolio
from offerlens.store.backups import list_backups

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "win32", reason="needs fork and SIGKILL"
)

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"
DEFAULT_TRIALS = 30
SLOW_TRIALS = 300
SUMMARY_ENV = "OFFERLENS_CRASH_SUMMARY"  # optional: append a JSON line of figures here

def state(base: Portfolio, n: int) -> Portfolio:
    """Counter n in the name; even n: 30 offers with long notes, odd n: the 3 base offers."""
    offers = list(base.offers)
    if n % 2 == 0:
        offers = [
            o.model_copy(update={"id": f"{i:012d}", "notes": f"{n} " + "备注" * 1000})
            for i, o in enumerate(offers * 10)
        ]
    candidate = base.candidate.model_copy(update={"name": str(n)})
    return base.model_copy(update={"candidate": candidate, "offers": offers})


WORKER = '''
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, sys.argv[3])
from test_store_crash import state  # the same states the test checks against

from offerlens.store import load_portfolio, read_portfolio, save_portfolio

path, fixture = Path(sys.argv[1]), Path(sys.argv[2])
base = read_portfolio(fixture)

# A slow disk: at most 4 kB per write call and a pause after each, so that saves spend a
# good share of their time writing and random kills often land inside a write. The store's
# own write loop handles the short writes.
_real_write = os.write


def _slow_write(fd, data):
    written = _real_write(fd, bytes(memoryview(data)[:4096]))
    time.sleep(0.0003)
    return written


os.write = _slow_write
print("ready", flush=True)

for line in sys.stdin:
    progress = line.strip()
    pid = os.fork()
    if pid == 0:
        fd = os.open(progress, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            loaded = load_portfolio(path)
            n = int(loaded.portfolio.candidate.name or 0)
            os.write(fd, f"start {n} {loaded.source.value} {len(loaded.notices)}\\n".encode())
            while True:
                n += 1
                save_portfolio(path, state(base, n), min_interval=0)
                os.write(fd, f"{n}\\n".encode())
        except BaseException as exc:  # report, never hide
            os.write(fd, f"error {type(exc).__name__}: {exc}\\n".encode())
            os._exit(1)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(f"reaped {status}", flush=True)
'''


@dataclass
class Figures:
    trials: int = 0
    saves_completed: int = 0
    kills_mid_write: int = 0  # a temporary file was left: the kill hit a save in progress
    held_previous: int = 0
    held_new: int = 0
    backups_checked: set[str] = field(default_factory=set)


def _run_trials(tmp_path: Path, trials: int, max_delay: float) -> Figures:
    rng = random.Random()
    seed = rng.randrange(2**32)
    rng.seed(seed)
    base = read_portfolio(FIXTURE)
    path = tmp_path / "portfolio.offerlens.json"
    save_portfolio(path, state(base, 0))  # every trial starts from a saved state
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    figures = Figures()
    worker = subprocess.Popen(
        [sys.executable, str(script), str(path), str(FIXTURE), str(Path(__file__).parent)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert worker.stdin and worker.stdout
    try:
        assert worker.stdout.readline().strip() == "ready"
        for trial in range(trials):
            progress = tmp_path / f"progress-{trial}.txt"
            worker.stdin.write(f"{progress}\n")
            worker.stdin.flush()
            child = int(worker.stdout.readline())
            deadline = time.monotonic() + 10
            while not progress.exists() or b"start" not in progress.read_bytes():
                assert time.monotonic() < deadline, "saving child did not start"
                time.sleep(0.001)
            time.sleep(rng.uniform(0, max_delay))
            os.kill(child, signal.SIGKILL)
            reaped = worker.stdout.readline()
            assert reaped.startswith("reaped"), reaped
            _check_after_kill(path, progress, base, trial, seed, figures)
            figures.trials += 1
    finally:
        worker.kill()
        worker.wait()
    return figures


def _check_after_kill(
    path: Path, progress: Path, base: Portfolio, trial: int, seed: int, figures: Figures
) -> None:
    lines = progress.read_text().split("\n")
    lines = [line for line in lines if line]
    where = f"trial {trial} (seed {seed})"
    errors = [line for line in lines if line.startswith("error")]
    assert not errors, f"{where}: the saving child failed: {errors}"
    _, started, source, notices = lines[0].split()
    # the previous kill (or the first save) left a file that loaded as itself, silently
    assert (source, notices) == (Source.FILE.value, "0"), f"{where}: {lines[0]}"
    done = [int(line) for line in lines[1:] if line.isdigit()]
    last_done = done[-1] if done else int(started)
    figures.saves_completed += len(done)

    temp_left = [p for p in path.parent.rglob("*.tmp")]
    if temp_left:
        figures.kills_mid_write += 1
        for p in temp_left:
            p.unlink()

    loaded = read_portfolio(path)  # strict: raises on any partial or damaged file
    n = int(loaded.candidate.name)
    assert n in (last_done, last_done + 1), f"{where}: file holds {n}, last saved {last_done}"
    assert loaded == state(base, n), f"{where}: file holds a mixture of states"
    if n == last_done:
        figures.held_previous += 1
    else:
        figures.held_new += 1
    for backup in list_backups(path):
        if backup.path.name not in figures.backups_checked:  # backups never change once made
            read_portfolio(backup.path)  # every backup is whole
            figures.backups_checked.add(backup.path.name)


def _report(figures: Figures, label: str) -> None:
    target = os.environ.get(SUMMARY_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            row = {**figures.__dict__, "backups_checked": len(figures.backups_checked)}
            out.write(json.dumps({"run": label, **row}) + "\n")


def test_sigkill_during_saves_never_leaves_a_partial_file(tmp_path: Path) -> None:
    figures = _run_trials(tmp_path, DEFAULT_TRIALS, max_delay=0.2)
    _report(figures, "default")
    assert figures.trials == DEFAULT_TRIALS
    assert figures.saves_completed > 0 and figures.kills_mid_write > 0


@pytest.mark.slow
def test_sigkill_during_saves_many_trials(tmp_path: Path) -> None:
    started = time.monotonic()
    figures = _run_trials(tmp_path, SLOW_TRIALS, max_delay=0.2)
    _report(figures, "slow")
    assert figures.trials == SLOW_TRIALS
    # the kills must really land inside saves, or the test proves nothing
    assert figures.kills_mid_write >= SLOW_TRIALS // 10
    assert time.monotonic() - started < 150
