"""Reading and writing portfolio files, with recovery from damaged files.

* ``read_portfolio(path)``: strict; returns a Portfolio or raises a typed StoreError. No side
  effects (use it for Import and for files the user names on the command line to inspect).
* ``load_portfolio(path)``: never raises for bad data. A damaged file is moved aside as
  ``<name>.corrupt-<timestamp>``, the newest backup that validates is restored, and the
  result's notices say what happened. A file from a newer OfferLens is left alone and the
  result is read-only.
* ``save_portfolio(path, portfolio)``: validates, writes atomically, then records a backup.
  It never replaces a file it cannot read unless that file was first moved aside, and never
  replaces a file written by a newer OfferLens.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from offerlens.domain.errors import format_validation_error
from offerlens.domain.models import SCHEMA_VERSION, Portfolio
from offerlens.store.atomic import atomic_write_bytes, remove_stale_temp_files
from offerlens.store.backups import (
    DEFAULT_KEEP,
    DEFAULT_MIN_INTERVAL,
    Backup,
    list_backups,
    record_backup,
    timestamp,
)
from offerlens.store.errors import (
    StoreError,
    StoreFormatError,
    StoreFutureVersionError,
    StoreMigrationError,
    StoreNotAFileError,
    StoreNotFoundError,
    StoreReadError,
    StoreTooLargeError,
    StoreValidationError,
    StoreWriteError,
    os_reason,
)
from offerlens.store.migrations import file_version, migrate
from offerlens.store.paths import default_portfolio_path

MAX_FILE_BYTES = 5 * 1024 * 1024  # a real portfolio is a few tens of kB
MAX_DEPTH = 32  # a portfolio nests about 6 levels
MAX_INT_DIGITS = 20
CORRUPT_MARK = "corrupt"

_SURROGATE = re.compile("[\ud800-\udfff]")


class NoticeKind(StrEnum):
    PROBLEM = "problem"  # what was wrong with the file
    MOVED_ASIDE = "moved_aside"
    NOT_MOVED = "not_moved"
    RESTORED = "restored"
    BACKUP_SKIPPED = "backup_skipped"
    STARTED_EMPTY = "started_empty"
    FUTURE_VERSION = "future_version"
    MIGRATED = "migrated"
    WRITE_FAILED = "write_failed"


@dataclass(frozen=True)
class Notice:
    """Something the user should be told, in English; ``kind`` lets a UI word it itself."""

    kind: NoticeKind
    message: str
    path: Path | None = None


class Source(StrEnum):
    FILE = "file"  # the file itself
    BACKUP = "backup"  # restored from a backup
    NEW = "new"  # no file and no backup: first run
    EMPTY = "empty"  # the file was unusable and nothing could be restored


@dataclass
class LoadResult:
    portfolio: Portfolio
    path: Path
    source: Source
    notices: list[Notice] = field(default_factory=list)
    read_only: bool = False  # the UI should not autosave: saving here would be refused
    error: StoreError | None = None  # what was wrong with the file, if anything
    moved_aside_to: Path | None = None
    restored_from: Path | None = None
    migrated_from: int | None = None

    @property
    def recovered(self) -> bool:
        """True when the portfolio shown is not what the file held."""
        return self.source in (Source.BACKUP, Source.EMPTY)

    def message(self) -> str:
        """All notices as one text for a dialog, the status bar or stderr."""
        return "\n".join(n.message for n in self.notices)


@dataclass
class SaveResult:
    path: Path
    size: int
    backup: Path | None = None
    notices: list[Notice] = field(default_factory=list)


# -- bytes ⇄ portfolio -----------------------------------------------------------------------


def portfolio_to_bytes(portfolio: Portfolio, path: str | os.PathLike[str] | None = None) -> bytes:
    """The file content for ``portfolio``; raises StoreError if it would not load back."""
    try:
        payload = portfolio.model_dump(mode="json")
    except Exception as exc:  # a model mutated into something unserialisable
        raise StoreValidationError(path, [f"could not be written out: {exc}"]) from exc
    _check_tree(payload, path)
    text = json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    data = text.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise StoreTooLargeError(path, len(data), MAX_FILE_BYTES)
    parse_portfolio_bytes(data, path)  # what we write, we can read
    return data


def parse_portfolio_bytes(
    data: bytes, path: str | os.PathLike[str] | None = None
) -> tuple[Portfolio, list[int]]:
    """Decode, migrate and validate file content; return the portfolio and migrated versions."""
    if len(data) > MAX_FILE_BYTES:
        raise StoreTooLargeError(path, len(data), MAX_FILE_BYTES)
    obj = _decode_json(data, path)
    if not isinstance(obj, dict):
        kind = {list: "a list", str: "a string", bool: "true/false"}.get(type(obj), "a number")
        if obj is None:
            kind = "null"
        raise StoreValidationError(path, [f"the file must hold a JSON object {{…}}, not {kind}"])
    try:
        version = file_version(obj)
    except StoreMigrationError as exc:
        raise StoreMigrationError(path, exc.message) from exc
    if version > SCHEMA_VERSION:
        raise StoreFutureVersionError(path, version, SCHEMA_VERSION)
    try:
        obj, passed = migrate(obj, target=SCHEMA_VERSION)
    except StoreMigrationError as exc:
        raise StoreMigrationError(path, exc.message) from exc
    try:
        portfolio = Portfolio.model_validate(obj)
    except ValidationError as exc:
        raise StoreValidationError(path, format_validation_error(exc, Portfolio)) from exc
    except Exception as exc:  # a validator failed in an unforeseen way: still bad data
        raise StoreValidationError(
            path, [f"could not be interpreted ({type(exc).__name__}: {exc})"]
        ) from exc
    return portfolio, passed


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed: every number must be finite")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def _parse_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_INT_DIGITS:
        raise ValueError(f"number {text[:20]}… is too large ({len(digits)} digits)")
    return int(text)


def _decode_json(data: bytes, path: str | os.PathLike[str] | None) -> Any:
    if not data.strip():
        raise StoreFormatError(path, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StoreFormatError(
            path, f"not a text file (invalid UTF-8 at byte {exc.start}); it may be damaged"
        ) from exc
    try:
        obj = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise StoreFormatError(path, f"not valid JSON ({where}: {exc.msg})") from exc
    except RecursionError as exc:
        raise StoreFormatError(path, "not a portfolio: the data is nested too deeply") from exc
    except ValueError as exc:
        raise StoreFormatError(path, f"not a usable portfolio: {exc}") from exc
    _check_tree(obj, path)
    return obj


def _check_tree(obj: Any, path: str | os.PathLike[str] | None) -> None:
    """Reject nesting deeper than MAX_DEPTH, non-finite numbers and unpaired surrogates."""
    stack: list[tuple[Any, int, str]] = [(obj, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            raise StoreFormatError(
                path, f"not a portfolio: the data is nested more than {MAX_DEPTH} levels deep"
            )
        if isinstance(value, str):
            _check_text(value, where, path)
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise StoreValidationError(path, [f"{where or 'value'}: must be a finite number"])
        elif isinstance(value, dict):
            for key, item in value.items():
                key = str(key)
                _check_text(key, where, path)
                stack.append((item, depth + 1, f"{where}.{key}" if where else key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                stack.append((item, depth + 1, f"{where}[{index}]"))


def _check_text(text: str, where: str, path: str | os.PathLike[str] | None) -> None:
    if _SURROGATE.search(text):
        raise StoreFormatError(
            path, f"{where or 'text'}: contains an unpaired UTF-16 surrogate, which is not text"
        )


# -- reading -------------------------------------------------------------------------------


def _read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing folders, devices and pipes (without blocking) and big files."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise StoreNotFoundError(path, "no such file", exc.errno) from exc
    except OSError as exc:
        raise StoreReadError(path, f"could not be read ({os_reason(exc)})", exc.errno) from exc
    _check_regular(path, info, limit)
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise StoreNotFoundError(path, "no such file", exc.errno) from exc
    except IsADirectoryError as exc:
        raise StoreNotAFileError(path, _FOLDER_MESSAGE, exc.errno) from exc
    except OSError as exc:
        raise StoreReadError(path, f"could not be read ({os_reason(exc)})", exc.errno) from exc
    try:
        _check_regular(path, os.fstat(fd), limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise StoreTooLargeError(path, total, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise StoreReadError(path, f"could not be read ({os_reason(exc)})", exc.errno) from exc
    finally:
        os.close(fd)


_FOLDER_MESSAGE = "a folder is where the portfolio file should be"


def _check_regular(path: Path, info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise StoreNotAFileError(path, _FOLDER_MESSAGE)
    if not stat.S_ISREG(info.st_mode):
        raise StoreNotAFileError(path, "not a regular file (a device, pipe or socket)")
    if info.st_size > limit:
        raise StoreTooLargeError(path, info.st_size, limit)


def read_portfolio(path: str | os.PathLike[str]) -> Portfolio:
    """The portfolio in ``path`` (migrated in memory); raises a typed StoreError, no recovery."""
    path = Path(path)
    portfolio, _ = parse_portfolio_bytes(_read_bytes(path), path)
    return portfolio


# -- recovery ------------------------------------------------------------------------------


def corrupt_path_for(path: str | os.PathLike[str], now: datetime | None = None) -> Path:
    """Where a damaged file is moved: ``<name>.corrupt-<UTC timestamp>`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.name}.{CORRUPT_MARK}-{timestamp(now)}")


def move_aside(path: str | os.PathLike[str], now: datetime | None = None) -> Path:
    """Rename a damaged file to a free ``.corrupt-<timestamp>`` name; raises OSError."""
    path = Path(path)
    now = now or datetime.now(UTC)
    target = corrupt_path_for(path, now)
    for _ in range(1000):
        if not os.path.lexists(target):
            break
        now = now.replace(microsecond=(now.microsecond + 1) % 1_000_000)
        target = corrupt_path_for(path, now)
    os.rename(path, target)
    return target


@dataclass
class GoodBackup:
    backup: Backup
    portfolio: Portfolio
    data: bytes
    migrated: list[int]


def newest_good_backup(
    path: str | os.PathLike[str],
) -> tuple[GoodBackup | None, list[tuple[Backup, StoreError]]]:
    """The newest backup of ``path`` that loads and validates, and the ones skipped before it."""
    skipped: list[tuple[Backup, StoreError]] = []
    for backup in list_backups(path):
        try:
            data = _read_bytes(backup.path)
            portfolio, passed = parse_portfolio_bytes(data, backup.path)
        except StoreError as exc:
            skipped.append((backup, exc))
            continue
        return GoodBackup(backup, portfolio, data, passed), skipped
    return None, skipped


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _offers(n: int) -> str:
    return "1 offer" if n == 1 else f"{n} offers"


def load_portfolio(
    path: str | os.PathLike[str] | None = None,
    *,
    data_dir: str | os.PathLike[str] | None = None,
) -> LoadResult:
    """Load the portfolio at ``path`` (default: the data directory's), recovering if needed.

    Never raises for damaged, missing or unreadable files; see the module docstring.
    """
    path = Path(path) if path is not None else default_portfolio_path(data_dir)
    remove_stale_temp_files(path)
    try:
        raw = _read_bytes(path)
        portfolio, passed = parse_portfolio_bytes(raw, path)
    except StoreNotFoundError as exc:
        return _recover(path, exc, missing=True)
    except StoreFutureVersionError as exc:
        notice = Notice(NoticeKind.FUTURE_VERSION, str(exc), path)
        return LoadResult(Portfolio(), path, Source.EMPTY, [notice], read_only=True, error=exc)
    except StoreError as exc:
        return _recover(path, exc)

    result = LoadResult(portfolio, path, Source.FILE)
    if passed:
        result.migrated_from = passed[0]
        try:
            kept = record_backup(path, raw, min_interval=0)
            where = f"; the original was kept as {kept}" if kept else ""
            result.notices.append(
                Notice(
                    NoticeKind.MIGRATED,
                    f"{path} was converted from schema version {passed[0]} to "
                    f"{SCHEMA_VERSION}{where}.",
                    kept,
                )
            )
        except StoreError as exc:
            result.notices.append(
                Notice(
                    NoticeKind.WRITE_FAILED,
                    f"{path} was converted from schema version {passed[0]} to {SCHEMA_VERSION}, "
                    f"but a copy of the original could not be kept: {exc.message}",
                    path,
                )
            )
    return result


def _recover(path: Path, exc: StoreError, *, missing: bool = False) -> LoadResult:
    notices: list[Notice] = []
    moved: Path | None = None
    read_only = False
    if missing:
        if not list_backups(path):
            return LoadResult(Portfolio(), path, Source.NEW)
        notices.append(Notice(NoticeKind.PROBLEM, f"{path} is missing.", path))
    else:
        notices.append(Notice(NoticeKind.PROBLEM, f"{exc}.", path))
        if isinstance(exc, StoreNotAFileError):
            read_only = True
            notices.append(
                Notice(
                    NoticeKind.NOT_MOVED,
                    f"{path} was left as it is; OfferLens cannot save there until it is "
                    "removed or renamed.",
                    path,
                )
            )
        else:
            try:
                moved = move_aside(path)
                notices.append(
                    Notice(
                        NoticeKind.MOVED_ASIDE,
                        f"The damaged file was kept as {moved}.",
                        moved,
                    )
                )
            except OSError as move_exc:
                read_only = True
                notices.append(
                    Notice(
                        NoticeKind.NOT_MOVED,
                        f"The unreadable file could not be moved aside ({os_reason(move_exc)}); "
                        "it was left unchanged and OfferLens will not save over it.",
                        path,
                    )
                )

    good, skipped = newest_good_backup(path)
    for backup, problem in skipped:
        notices.append(
            Notice(
                NoticeKind.BACKUP_SKIPPED,
                f"The backup of {_when(backup.taken_at)} was skipped: {problem.message}.",
                backup.path,
            )
        )
    error = None if missing else exc
    if good is None:
        notices.append(
            Notice(
                NoticeKind.STARTED_EMPTY,
                "No usable backup was found, so OfferLens started with an empty portfolio.",
                None,
            )
        )
        return LoadResult(
            Portfolio(), path, Source.EMPTY, notices, read_only, error, moved, None, None
        )

    notices.append(
        Notice(
            NoticeKind.RESTORED,
            f"Restored {_offers(len(good.portfolio.offers))} from the backup of "
            f"{_when(good.backup.taken_at)} ({good.backup.path}).",
            good.backup.path,
        )
    )
    if not read_only:
        try:
            data = portfolio_to_bytes(good.portfolio, path) if good.migrated else good.data
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
        except (StoreError, OSError) as write_exc:
            reason = write_exc.message if isinstance(write_exc, StoreError) else str(write_exc)
            notices.append(
                Notice(
                    NoticeKind.WRITE_FAILED,
                    f"The restored portfolio could not be written to {path} yet: {reason}",
                    path,
                )
            )
    return LoadResult(
        good.portfolio,
        path,
        Source.BACKUP,
        notices,
        read_only,
        error,
        moved,
        good.backup.path,
        good.migrated[0] if good.migrated else None,
    )


# -- saving --------------------------------------------------------------------------------


def save_portfolio(
    path: str | os.PathLike[str] | None,
    portfolio: Portfolio,
    *,
    data_dir: str | os.PathLike[str] | None = None,
    backup: bool = True,
    keep: int = DEFAULT_KEEP,
    min_interval: float = DEFAULT_MIN_INTERVAL,
) -> SaveResult:
    """Validate and atomically write ``portfolio`` to ``path``, then record a backup.

    Raises StoreValidationError / StoreTooLargeError (nothing written), StoreFutureVersionError
    or StoreNotAFileError (the file in the way is kept), StoreWriteError (old file intact).
    """
    path = Path(path) if path is not None else default_portfolio_path(data_dir)
    data = portfolio_to_bytes(portfolio, path)
    notices: list[Notice] = []

    try:
        parse_portfolio_bytes(_read_bytes(path), path)
    except StoreNotFoundError:
        pass
    except (StoreNotAFileError, StoreFutureVersionError):
        raise
    except StoreError as problem:
        try:
            moved = move_aside(path)
        except OSError as exc:
            raise StoreWriteError(
                path,
                f"the existing file could not be read ({problem.message}) nor moved aside "
                f"({os_reason(exc)}), so it was not overwritten",
                exc.errno,
            ) from exc
        notices.append(
            Notice(
                NoticeKind.MOVED_ASIDE,
                f"The existing file could not be read ({problem.message}); it was kept as "
                f"{moved} before saving.",
                moved,
            )
        )

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreWriteError(
            path, f"could not create the folder ({os_reason(exc)})", exc.errno
        ) from exc
    atomic_write_bytes(path, data)

    result = SaveResult(path, len(data), None, notices)
    if backup:
        try:
            result.backup = record_backup(path, data, keep=keep, min_interval=min_interval)
        except StoreError as exc:
            result.notices.append(
                Notice(
                    NoticeKind.WRITE_FAILED,
                    f"Saved, but the backup could not be written: {exc}",
                    path,
                )
            )
    return result


def corrupt_files(path: str | os.PathLike[str]) -> list[Path]:
    """Files set aside as damaged beside ``path`` (never deleted by OfferLens)."""
    path = Path(path)
    prefix = f"{path.name}.{CORRUPT_MARK}-"
    with contextlib.suppress(OSError):
        return sorted(p for p in path.parent.iterdir() if p.name.startswith(prefix))
    return []
