"""Atomic file replacement: a reader sees the old file or the new one, never a mix.

Temporary file in the same directory → write → flush/fsync → ``os.replace`` → fsync the
directory. On any failure the temporary file is removed and the old file is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

from offerlens.store.errors import StoreWriteError, os_reason

TEMP_SUFFIX = ".tmp"


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically; return the path written.

    A symbolic link is followed, so the file it points to is replaced and the link kept.
    Raises StoreWriteError (old file intact) on any OS error.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    directory = target.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=directory
        )
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                if written <= 0:  # pragma: no cover - defensive; os.write raises instead
                    raise OSError(28, "short write")
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(directory)
    except OSError as exc:
        raise StoreWriteError(
            target,
            f"could not save ({os_reason(exc)}); the previous version of the file is unchanged",
            exc.errno,
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable. Not possible on Windows, where it is skipped."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        dir_fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def stale_temp_files(path: str | os.PathLike[str], older_than: float = 60.0) -> list[Path]:
    """Temporary files left beside ``path`` by an interrupted save, older than ``older_than`` s."""
    target = Path(path)
    prefix = _temp_prefix(target)
    cutoff = time.time() - older_than
    out: list[Path] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                if entry.is_file() and entry.stat().st_mtime < cutoff:
                    out.append(entry)
    return out


def remove_stale_temp_files(path: str | os.PathLike[str], older_than: float = 60.0) -> int:
    """Delete leftovers of interrupted saves (never the portfolio itself); return the count."""
    count = 0
    for entry in stale_temp_files(path, older_than):
        with contextlib.suppress(OSError):
            entry.unlink()
            count += 1
    return count
