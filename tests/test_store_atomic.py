"""Atomic saves: a failed write (disk full, read-only folder, no permission) keeps the old file."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from offerlens.domain.models import Portfolio
from offerlens.store import (
    NoticeKind,
    Source,
    StoreWriteError,
    load_portfolio,
    read_portfolio,
    save_portfolio,
)
from offerlens.store.atomic import atomic_write_bytes, remove_stale_temp_files, stale_temp_files
from offerlens.store.backups import list_backups

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"


@pytest.fixture
def good() -> Portfolio:
    return read_portfolio(FIXTURE)


@pytest.fixture
def saved(tmp_path: Path, good: Portfolio) -> Path:
    path = tmp_path / "portfolio.offerlens.json"
    save_portfolio(path, good)
    return path


def _changed(good: Portfolio) -> Portfolio:
    return good.model_copy(update={"offers": good.offers[:1]})


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _fail(code: int):
    def raiser(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return raiser


def _half_then_fail(code: int):
    """Writes part of the data, then fails: a disk that fills up mid-write."""
    real_write = os.write
    calls = {"n": 0}

    def write(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[: max(1, len(data) // 2)]))
        raise OSError(code, os.strerror(code))

    return write


FAILURES = {
    # (what is patched, replacement, the reason the message must give)
    "disk_full_on_write": ("write", lambda: _fail(errno.ENOSPC), "the disk is full"),
    "disk_full_midway": ("write", lambda: _half_then_fail(errno.ENOSPC), "the disk is full"),
    "disk_full_on_fsync": ("fsync", lambda: _fail(errno.ENOSPC), "the disk is full"),
    "quota_on_write": ("write", lambda: _fail(errno.EDQUOT), "quota"),
    "read_only_folder": ("mkstemp", lambda: _fail(errno.EROFS), "read-only"),
    "permission_denied": ("mkstemp", lambda: _fail(errno.EACCES), "permission denied"),
    "read_only_on_rename": ("replace", lambda: _fail(errno.EROFS), "read-only"),
    "io_error_on_write": ("write", lambda: _fail(errno.EIO), "input/output error"),
}


def _patch(monkeypatch: pytest.MonkeyPatch, target: str, fn) -> None:
    if target == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", fn)
    else:
        monkeypatch.setattr(os, target, fn)


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_failed_save_leaves_old_file_and_raises_typed_error(
    case: str, saved: Path, good: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, make, reason = FAILURES[case]
    before = saved.read_bytes()
    backups_before = list_backups(saved)

    _patch(monkeypatch, target, make())
    with pytest.raises(StoreWriteError) as caught:
        save_portfolio(saved, _changed(good))
    monkeypatch.undo()

    err = caught.value
    assert str(saved) in str(err)
    assert reason in str(err)
    assert "previous version of the file is unchanged" in str(err)
    assert err.errno is not None
    assert saved.read_bytes() == before
    assert _leftovers(saved.parent) == []
    assert list_backups(saved) == backups_before
    result = load_portfolio(saved)
    assert result.source is Source.FILE and result.portfolio == good


def test_failed_first_save_creates_nothing(tmp_path: Path, good: Portfolio, monkeypatch) -> None:
    path = tmp_path / "portfolio.offerlens.json"
    monkeypatch.setattr(os, "write", _fail(errno.ENOSPC))
    with pytest.raises(StoreWriteError, match="disk is full"):
        save_portfolio(path, good)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_backup_failure_does_not_fail_the_save(
    saved: Path, good: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offerlens.store import backups

    def broken(*args, **kwargs):
        raise StoreWriteError(saved.parent / "backups", "could not save (the disk is full)")

    monkeypatch.setattr(backups, "atomic_write_bytes", broken)
    result = save_portfolio(saved, _changed(good))
    assert result.backup is None
    assert [n.kind for n in result.notices] == [NoticeKind.WRITE_FAILED]
    assert "backup could not be written" in result.notices[0].message
    assert read_portfolio(saved) == _changed(good)


def test_read_only_data_folder_cannot_be_created(
    tmp_path: Path, good: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ro_mkdir(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", ro_mkdir)
    with pytest.raises(StoreWriteError, match="read-only"):
        save_portfolio(tmp_path / "new" / "portfolio.offerlens.json", good)


def test_atomic_write_replaces_content_and_keeps_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.offerlens.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.offerlens.json"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


def test_saved_file_is_private(saved: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    assert saved.stat().st_mode & 0o077 == 0


def test_stale_temp_files_are_cleaned_but_fresh_ones_kept(saved: Path) -> None:
    old = saved.parent / f".{saved.name}.abc123.tmp"
    old.write_bytes(b"partial")
    os.utime(old, (1, 1))
    fresh = saved.parent / f".{saved.name}.def456.tmp"
    fresh.write_bytes(b"in progress elsewhere")
    unrelated = saved.parent / "notes.tmp"
    unrelated.write_bytes(b"not ours")
    assert stale_temp_files(saved) == [old]
    assert remove_stale_temp_files(saved) == 1
    assert not old.exists() and fresh.exists() and unrelated.exists()
    assert saved.exists()
