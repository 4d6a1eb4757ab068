"""Rolling, timestamped backups in a ``backups/`` folder beside the portfolio file.

After each successful save the saved bytes are copied (atomically) to
``backups/<stem>.<UTC timestamp>.offerlens.json``. Saves that follow each other within
``min_interval`` seconds replace the newest backup instead of adding one, so a burst of
autosaves does not push older states out; at most ``keep`` backups are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from offerlens.store.atomic import atomic_write_bytes
from offerlens.store.errors import StoreWriteError, os_reason
from offerlens.store.paths import PORTFOLIO_SUFFIX, backup_dir, portfolio_stem

DEFAULT_KEEP = 5
DEFAULT_MIN_INTERVAL = 30.0  # seconds

_TS_FORMAT = "%Y-%m-%dT%H-%M-%S.%fZ"
_TS_PATTERN = r"\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{6}Z"


def timestamp(now: datetime | None = None) -> str:
    """A fixed-width UTC timestamp usable in file names; sorts chronologically as text."""
    now = now or datetime.now(UTC)
    return now.astimezone(UTC).strftime(_TS_FORMAT)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime


def _pattern(portfolio_path: Path) -> re.Pattern[str]:
    stem = re.escape(portfolio_stem(portfolio_path))
    return re.compile(rf"^{stem}\.({_TS_PATTERN})" + re.escape(PORTFOLIO_SUFFIX) + "$")


def list_backups(portfolio_path: str | os.PathLike[str]) -> list[Backup]:
    """Backups of ``portfolio_path``, newest first."""
    path = Path(portfolio_path)
    folder = backup_dir(path)
    pattern = _pattern(path)
    out: list[Backup] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        match = pattern.match(name)
        if match:
            taken = datetime.strptime(match.group(1), _TS_FORMAT).replace(tzinfo=UTC)
            out.append(Backup(folder / name, taken))
    out.sort(key=lambda b: b.taken_at, reverse=True)
    return out


def backup_path_for(portfolio_path: str | os.PathLike[str], now: datetime | None = None) -> Path:
    """Where a backup taken at ``now`` goes."""
    path = Path(portfolio_path)
    return backup_dir(path) / f"{portfolio_stem(path)}.{timestamp(now)}{PORTFOLIO_SUFFIX}"


def record_backup(
    portfolio_path: str | os.PathLike[str],
    data: bytes,
    *,
    keep: int = DEFAULT_KEEP,
    min_interval: float = DEFAULT_MIN_INTERVAL,
    now: datetime | None = None,
) -> Path | None:
    """Store ``data`` as the newest backup of ``portfolio_path``; return its path.

    Returns None when the newest backup already holds exactly ``data``. Raises
    StoreWriteError if the backup cannot be written (the portfolio itself is not touched).
    """
    path = Path(portfolio_path)
    now = now or datetime.now(UTC)
    existing = list_backups(path)
    newest = existing[0] if existing else None
    if newest is not None:
        with contextlib.suppress(OSError):
            if newest.path.read_bytes() == data:
                return None
    folder = backup_dir(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreWriteError(
            folder, f"could not create the backup folder ({os_reason(exc)})", exc.errno
        ) from exc
    target = backup_path_for(path, now)
    while target.exists() or (newest is not None and target == newest.path):
        now = now.replace(microsecond=(now.microsecond + 1) % 1_000_000)
        target = backup_path_for(path, now)
    atomic_write_bytes(target, data)
    if newest is not None and 0 <= (now - newest.taken_at).total_seconds() < min_interval:
        with contextlib.suppress(OSError):
            newest.path.unlink()
    prune_backups(path, keep)
    return target


def prune_backups(portfolio_path: str | os.PathLike[str], keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the ``keep`` newest backups; return the deleted paths."""
    removed: list[Path] = []
    for backup in list_backups(portfolio_path)[max(keep, 1):]:
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed
