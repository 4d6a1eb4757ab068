"""Rolling, timestamped backups beside the portfolio file."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from offerlens.domain.models import Portfolio
from offerlens.store import read_portfolio, save_portfolio
from offerlens.store.backups import list_backups, prune_backups, record_backup

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"
T0 = datetime(2024, 9, 20, 8, 0, 0, tzinfo=UTC)
NAME = re.compile(
    r"^portfolio\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{6}Z\.offerlens\.json$"
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.offerlens.json"


def test_save_records_a_timestamped_backup_beside_the_file(path: Path) -> None:
    good = read_portfolio(FIXTURE)
    result = save_portfolio(path, good)
    assert result.backup is not None
    assert result.backup.parent == path.parent / "backups"
    assert NAME.match(result.backup.name), result.backup.name
    assert result.backup.read_bytes() == path.read_bytes()
    assert read_portfolio(result.backup) == good


def test_identical_content_adds_no_backup(path: Path) -> None:
    record_backup(path, b"a", now=T0)
    assert record_backup(path, b"a", now=T0 + timedelta(hours=1)) is None
    assert len(list_backups(path)) == 1


def test_quick_successive_saves_replace_the_newest_backup(path: Path) -> None:
    record_backup(path, b"state 1", now=T0, min_interval=30)
    record_backup(path, b"state 2", now=T0 + timedelta(minutes=5), min_interval=30)
    # an autosave burst: each within 30 s of the previous one
    for i in range(3, 10):
        record_backup(
            path, f"state {i}".encode(), now=T0 + timedelta(minutes=5, seconds=i), min_interval=30
        )
    # state 2 began the burst: the burst keeps one backup, its latest state
    contents = [b.path.read_bytes() for b in list_backups(path)]
    assert contents == [b"state 9", b"state 1"]
    # after a pause, the next save adds a backup again
    record_backup(path, b"state 10", now=T0 + timedelta(minutes=20), min_interval=30)
    contents = [b.path.read_bytes() for b in list_backups(path)]
    assert contents == [b"state 10", b"state 9", b"state 1"]


def test_only_the_newest_are_kept(path: Path) -> None:
    for i in range(12):
        record_backup(path, f"s{i}".encode(), now=T0 + timedelta(hours=i), keep=5)
    backups = list_backups(path)
    assert [b.path.read_bytes() for b in backups] == [b"s11", b"s10", b"s9", b"s8", b"s7"]
    assert [b.taken_at for b in backups] == sorted((b.taken_at for b in backups), reverse=True)
    assert prune_backups(path, keep=2) == [backups[2].path, backups[3].path, backups[4].path]


def test_backups_of_different_files_do_not_mix(tmp_path: Path) -> None:
    a = tmp_path / "portfolio.offerlens.json"
    b = tmp_path / "portfolio-2.offerlens.json"
    record_backup(a, b"a", now=T0)
    record_backup(b, b"b", now=T0)
    (tmp_path / "backups" / "notes.txt").write_text("unrelated")
    assert [x.path.read_bytes() for x in list_backups(a)] == [b"a"]
    assert [x.path.read_bytes() for x in list_backups(b)] == [b"b"]


def test_same_instant_backups_get_distinct_names(path: Path) -> None:
    first = record_backup(path, b"one", now=T0, min_interval=0)
    second = record_backup(path, b"two", now=T0, min_interval=0)
    assert first and second and first != second
    assert {b.path.read_bytes() for b in list_backups(path)} == {b"one", b"two"}


def test_saving_twenty_times_keeps_five_valid_backups(path: Path) -> None:
    good = read_portfolio(FIXTURE)
    for i in range(20):
        candidate = good.candidate.model_copy(update={"name": str(i)})
        pf = good.model_copy(update={"candidate": candidate})
        save_portfolio(path, pf, min_interval=0)
    backups = list_backups(path)
    assert len(backups) == 5
    names = [read_portfolio(b.path).candidate.name for b in backups]
    assert names == ["19", "18", "17", "16", "15"]
    assert isinstance(read_portfolio(path), Portfolio)
