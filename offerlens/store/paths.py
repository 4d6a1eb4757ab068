"""Where OfferLens keeps its data.

One place decides: an explicit directory (``--data-dir``) wins, then the environment variable
``OFFERLENS_HOME``, then the platform's user data directory (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "OfferLens"
ENV_HOME = "OFFERLENS_HOME"
PORTFOLIO_SUFFIX = ".offerlens.json"
PORTFOLIO_FILENAME = "portfolio" + PORTFOLIO_SUFFIX
BACKUP_DIRNAME = "backups"
CITY_OVERRIDES_FILENAME = "cities.user.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory (not created): ``override`` > ``$OFFERLENS_HOME`` > platformdirs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def ensure_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory, created if missing."""
    path = data_dir(override)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_portfolio_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The portfolio file the app opens when the user has not chosen another."""
    return data_dir(override) / PORTFOLIO_FILENAME


def city_overrides_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's edits to the city table (the shipped table is never written)."""
    return data_dir(override) / CITY_OVERRIDES_FILENAME


def backup_dir(portfolio_path: str | os.PathLike[str]) -> Path:
    """The ``backups/`` folder beside a portfolio file."""
    return Path(portfolio_path).parent / BACKUP_DIRNAME


def portfolio_stem(portfolio_path: str | os.PathLike[str]) -> str:
    """``portfolio.offerlens.json`` → ``portfolio``; other names lose only ``.json``."""
    name = Path(portfolio_path).name
    for suffix in (PORTFOLIO_SUFFIX, ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name
