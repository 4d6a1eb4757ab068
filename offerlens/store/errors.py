"""Typed errors of the store. Every message names the file it is about."""

from __future__ import annotations

import errno as errno_mod
import os
from pathlib import Path


class StoreError(Exception):
    """Base of every error the store raises; ``str(err)`` is a message for a person."""

    def __init__(self, path: str | os.PathLike[str] | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)


class StoreReadError(StoreError):
    """The file exists but could not be read (permissions, I/O error)."""

    def __init__(self, path: str | os.PathLike[str], message: str, errno: int | None = None):
        super().__init__(path, message)
        self.errno = errno


class StoreNotFoundError(StoreReadError):
    """There is no file at the path."""


class StoreNotAFileError(StoreReadError):
    """A directory (or device, pipe…) is where the portfolio file should be."""


class StoreCorruptError(StoreError):
    """The file was read but its content is not a usable portfolio."""


class StoreFormatError(StoreCorruptError):
    """Not UTF-8 JSON, or JSON OfferLens refuses (NaN, Infinity, too deep, huge numbers)."""


class StoreValidationError(StoreCorruptError):
    """Valid JSON that is not a valid portfolio; ``errors`` holds one line per problem."""

    def __init__(self, path: str | os.PathLike[str] | None, errors: list[str]) -> None:
        self.errors = list(errors)
        shown = self.errors[:10]
        more = len(self.errors) - len(shown)
        lines = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
        super().__init__(path, f"not a valid portfolio: {lines}")


class StoreTooLargeError(StoreCorruptError):
    """The file (or the portfolio to be saved) is above the size cap."""

    def __init__(self, path: str | os.PathLike[str] | None, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            path,
            f"file is too large ({size:,} bytes; OfferLens reads portfolio files up to "
            f"{limit:,} bytes)",
        )


class StoreFutureVersionError(StoreError):
    """Written by a newer OfferLens; kept unchanged and never overwritten."""

    def __init__(self, path: str | os.PathLike[str] | None, version: int, supported: int):
        self.version = version
        self.supported = supported
        super().__init__(
            path,
            f"written by a newer OfferLens (schema version {version}; this version reads up "
            f"to {supported}). The file was left unchanged; update OfferLens to open it.",
        )


class StoreMigrationError(StoreCorruptError):
    """An older file could not be brought to the current schema."""


class StoreWriteError(StoreError):
    """Saving failed; the previous file on disk is unchanged."""

    def __init__(self, path: str | os.PathLike[str], message: str, errno: int | None = None):
        super().__init__(path, message)
        self.errno = errno


_REASONS = {
    getattr(errno_mod, name): text
    for name, text in (
        ("ENOSPC", "the disk is full"),
        ("EROFS", "the folder is on a read-only file system"),
        ("EACCES", "permission denied"),
        ("EPERM", "operation not permitted"),
        ("EDQUOT", "the disk quota is exceeded"),
        ("EISDIR", "a folder is in the way"),
        ("ENOENT", "the folder does not exist"),
        ("ENOTDIR", "part of the path is not a folder"),
        ("EIO", "an input/output error occurred"),
    )
    if hasattr(errno_mod, name)
}


def os_reason(exc: OSError) -> str:
    """A short human reason for an OS error."""
    reason = _REASONS.get(exc.errno or -1)
    if reason:
        return reason
    return exc.strerror or exc.__class__.__name__
