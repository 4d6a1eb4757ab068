"""Store layer: where data lives, atomic saves, backups, migrations. Imports no Qt."""

from offerlens.store.errors import (
    StoreCorruptError,
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
)
from offerlens.store.paths import (
    PORTFOLIO_FILENAME,
    PORTFOLIO_SUFFIX,
    data_dir,
    default_portfolio_path,
    ensure_data_dir,
)
from offerlens.store.portfolio_io import (
    LoadResult,
    Notice,
    NoticeKind,
    SaveResult,
    Source,
    load_portfolio,
    read_portfolio,
    save_portfolio,
)

__all__ = [
    "PORTFOLIO_FILENAME",
    "PORTFOLIO_SUFFIX",
    "LoadResult",
    "Notice",
    "NoticeKind",
    "SaveResult",
    "Source",
    "StoreCorruptError",
    "StoreError",
    "StoreFormatError",
    "StoreFutureVersionError",
    "StoreMigrationError",
    "StoreNotAFileError",
    "StoreNotFoundError",
    "StoreReadError",
    "StoreTooLargeError",
    "StoreValidationError",
    "StoreWriteError",
    "data_dir",
    "default_portfolio_path",
    "ensure_data_dir",
    "load_portfolio",
    "read_portfolio",
    "save_portfolio",
]
