"""Damaged portfolio files: moved aside, newest good backup restored, user told; never lost."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from offerlens.domain.models import Portfolio
from offerlens.store import (
    NoticeKind,
    Source,
    StoreFutureVersionError,
    StoreNotAFileError,
    StoreWriteError,
    load_portfolio,
    portfolio_io,
    read_portfolio,
    save_portfolio,
)
from offerlens.store.backups import list_backups

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"
CORRUPT_NAME = re.compile(
    r"^portfolio\.offerlens\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{6}Z$"
)


@pytest.fixture
def good() -> Portfolio:
    return read_portfolio(FIXTURE)


@pytest.fixture
def saved(tmp_path: Path, good: Portfolio) -> Path:
    """A portfolio file saved normally, so a backup of it exists."""
    path = tmp_path / "data" / "portfolio.offerlens.json"
    save_portfolio(path, good)
    assert list_backups(path)
    return path


def _valid_bytes() -> bytes:
    return FIXTURE.read_bytes()


DAMAGE = {
    "truncated": lambda: _valid_bytes()[: len(_valid_bytes()) // 2],
    "truncated_to_one_byte": lambda: b"{",
    "invalid_json": lambda: b'{"schema_version": 1, "offers": [}',
    "wrong_shape_list": lambda: b"[1, 2, 3]",
    "wrong_shape_offers_string": lambda: b'{"schema_version": 1, "offers": "none"}',
    "wrong_shape_offer_without_pay": lambda: b'{"offers": [{"company": "X"}]}',
    "wrong_shape_unknown_field": lambda: b'{"schema_version": 1, "colour": "blue"}',
    "schema_version_text": lambda: b'{"schema_version": "one"}',
    "binary_garbage": lambda: bytes(range(256)) * 4,
    "empty": lambda: b"",
    "whitespace_only": lambda: b" \n\t\n",
    "nan_literal": lambda: _valid_bytes().replace(b'"months": 16.0', b'"months": NaN', 1),
    "control_character": lambda: _valid_bytes().replace(b"Alibaba", b"Ali\\u0000baba", 1),
    "null": lambda: b"null",
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_file_is_moved_aside_and_backup_restored(
    kind: str, saved: Path, good: Portfolio
) -> None:
    damaged = DAMAGE[kind]()
    saved.write_bytes(damaged)

    result = load_portfolio(saved)

    assert result.source is Source.BACKUP
    assert result.portfolio == good
    assert result.error is not None and str(saved) in str(result.error)
    # the only copy of the damaged bytes is kept, under a corrupt-<timestamp> name
    assert result.moved_aside_to is not None
    assert CORRUPT_NAME.match(result.moved_aside_to.name), result.moved_aside_to.name
    assert result.moved_aside_to.read_bytes() == damaged
    # the user is told what happened and what was restored
    kinds = [n.kind for n in result.notices]
    assert kinds[0] is NoticeKind.PROBLEM
    assert NoticeKind.MOVED_ASIDE in kinds and NoticeKind.RESTORED in kinds
    text = result.message()
    assert str(result.moved_aside_to) in text
    assert "Restored 3 offers from the backup" in text
    # the restored state is on disk again and loads without recovery
    assert read_portfolio(saved) == good
    again = load_portfolio(saved)
    assert again.source is Source.FILE and again.notices == []


@pytest.mark.parametrize("kind", ["truncated", "binary_garbage", "empty", "wrong_shape_list"])
def test_damaged_file_without_backup_starts_empty_and_keeps_file(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "portfolio.offerlens.json"
    damaged = DAMAGE[kind]()
    path.write_bytes(damaged)

    result = load_portfolio(path)

    assert result.source is Source.EMPTY
    assert result.portfolio == Portfolio()
    assert result.moved_aside_to is not None and result.moved_aside_to.read_bytes() == damaged
    assert any(n.kind is NoticeKind.STARTED_EMPTY for n in result.notices)
    assert "empty portfolio" in result.message()
    assert not path.exists()  # nothing written over anything


def test_damaged_backups_are_skipped_for_an_older_good_one(
    saved: Path, good: Portfolio
) -> None:
    # a newer, valid-looking backup that is itself damaged
    newer = good.model_copy(update={"offers": good.offers[:1]})
    save_portfolio(saved, newer, min_interval=0)
    backups = list_backups(saved)
    assert len(backups) == 2
    backups[0].path.write_bytes(b'{"offers": [')
    saved.write_bytes(b"garbage")

    result = load_portfolio(saved)

    assert result.source is Source.BACKUP
    assert result.portfolio == good
    assert result.restored_from == backups[1].path
    assert any(n.kind is NoticeKind.BACKUP_SKIPPED for n in result.notices)
    assert backups[0].path.read_bytes() == b'{"offers": ['  # damaged backup not deleted


def test_missing_file_with_backups_is_restored(saved: Path, good: Portfolio) -> None:
    saved.unlink()
    result = load_portfolio(saved)
    assert result.source is Source.BACKUP and result.portfolio == good
    assert "missing" in result.message()
    assert read_portfolio(saved) == good


def test_first_run_is_new_and_silent(tmp_path: Path) -> None:
    result = load_portfolio(tmp_path / "nothing" / "portfolio.offerlens.json")
    assert result.source is Source.NEW
    assert result.notices == [] and not result.read_only and not result.recovered


def test_default_path_comes_from_offerlens_home(_isolated_home: Path, good: Portfolio) -> None:
    saved = save_portfolio(None, good)
    assert saved.path == _isolated_home / "portfolio.offerlens.json"
    assert load_portfolio().portfolio == good


def test_future_schema_version_is_kept_and_never_overwritten(
    saved: Path, good: Portfolio
) -> None:
    future = b'{"schema_version": 99, "offers": [], "hologram": true}'
    saved.write_bytes(future)

    result = load_portfolio(saved)

    assert result.read_only and result.source is Source.EMPTY
    assert isinstance(result.error, StoreFutureVersionError)
    assert result.notices[0].kind is NoticeKind.FUTURE_VERSION
    assert "newer OfferLens" in result.message() and "update OfferLens" in result.message()
    assert result.moved_aside_to is None
    assert saved.read_bytes() == future
    assert not list(saved.parent.glob("*corrupt*"))
    with pytest.raises(StoreFutureVersionError, match="schema version 99"):
        save_portfolio(saved, good)
    assert saved.read_bytes() == future


def test_directory_where_the_file_should_be(saved: Path, good: Portfolio) -> None:
    saved.unlink()
    saved.mkdir()
    (saved / "something").write_text("x")

    result = load_portfolio(saved)

    assert result.read_only
    assert result.source is Source.BACKUP and result.portfolio == good
    assert isinstance(result.error, StoreNotAFileError)
    assert any(n.kind is NoticeKind.NOT_MOVED for n in result.notices)
    assert "folder" in result.message()
    assert saved.is_dir() and (saved / "something").read_text() == "x"
    with pytest.raises(StoreNotAFileError, match="folder"):
        save_portfolio(saved, good)


def test_fifo_where_the_file_should_be_does_not_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    path = tmp_path / "portfolio.offerlens.json"
    os.mkfifo(path)
    result = load_portfolio(path)  # would block forever if opened for a blocking read
    assert result.read_only and isinstance(result.error, StoreNotAFileError)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their permissions, so this test would pass vacuously",
)
def test_unreadable_file_real_permissions(saved: Path, good: Portfolio) -> None:
    before = saved.read_bytes()
    saved.chmod(0)
    try:
        result = load_portfolio(saved)
        assert result.source is Source.BACKUP and result.portfolio == good
        assert "permission denied" in result.message()
        assert result.moved_aside_to is not None
        result.moved_aside_to.chmod(0o600)
        assert result.moved_aside_to.read_bytes() == before
    finally:
        for p in saved.parent.iterdir():
            if p.is_file():
                p.chmod(0o600)


def test_unreadable_file_simulated(
    saved: Path, good: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EACCES on open, as for a file owned by someone else (works when run as root too)."""
    before = saved.read_bytes()
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if Path(path) == saved:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(portfolio_io.os, "open", deny)
    result = load_portfolio(saved)
    monkeypatch.undo()

    assert result.source is Source.BACKUP and result.portfolio == good
    assert "permission denied" in result.message()
    assert result.moved_aside_to is not None and result.moved_aside_to.read_bytes() == before


def test_damaged_file_that_cannot_be_moved_is_left_and_protected(
    saved: Path, good: Portfolio, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved.write_bytes(b"{broken")

    def no_rename(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(portfolio_io.os, "rename", no_rename)
    result = load_portfolio(saved)
    assert result.read_only and result.portfolio == good
    assert any(n.kind is NoticeKind.NOT_MOVED for n in result.notices)
    assert "read-only" in result.message()
    # the app may try to save anyway: the only copy must survive
    with pytest.raises(StoreWriteError, match="not overwritten"):
        save_portfolio(saved, good)
    assert saved.read_bytes() == b"{broken"


def test_save_over_an_unreadable_file_moves_it_aside_first(
    saved: Path, good: Portfolio
) -> None:
    saved.write_bytes(b"\x00\x01 not json")
    result = save_portfolio(saved, good)
    assert [n.kind for n in result.notices] == [NoticeKind.MOVED_ASIDE]
    kept = result.notices[0].path
    assert kept is not None and CORRUPT_NAME.match(kept.name)
    assert kept.read_bytes() == b"\x00\x01 not json"
    assert read_portfolio(saved) == good


def test_corrupting_by_hand_twice_keeps_both_copies(saved: Path, good: Portfolio) -> None:
    saved.write_bytes(b"first damage")
    first = load_portfolio(saved).moved_aside_to
    saved.write_bytes(b"second damage")
    second = load_portfolio(saved).moved_aside_to
    assert first and second and first != second
    assert first.read_bytes() == b"first damage" and second.read_bytes() == b"second damage"
    assert portfolio_io.corrupt_files(saved) == [first, second]


def test_notice_names_offer_and_field(saved: Path) -> None:
    text = _valid_bytes().replace(b'"months": 16.0', b'"months": 30', 1)
    saved.write_bytes(text)
    result = load_portfolio(saved)
    assert "offers[0].months: must be between 12 and 24 (got 30)" in result.message()
