"""Where data lives: --data-dir, then OFFERLENS_HOME, then the platform's user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from offerlens.store import paths


def test_env_overrides_platform_dir(_isolated_home: Path) -> None:
    assert paths.data_dir() == _isolated_home
    assert paths.default_portfolio_path() == _isolated_home / "portfolio.offerlens.json"


def test_explicit_dir_wins_over_env(tmp_path: Path, _isolated_home: Path) -> None:
    assert paths.data_dir(tmp_path / "x") == tmp_path / "x"
    assert paths.default_portfolio_path(str(tmp_path)) == tmp_path / paths.PORTFOLIO_FILENAME


def test_platformdirs_when_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    assert paths.data_dir() == Path(user_data_dir("OfferLens", appauthor=False))


def test_blank_env_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_HOME, "  ")
    assert paths.data_dir() != Path("  ")
    assert paths.data_dir().name == "OfferLens"


def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.data_dir("~/ol") == tmp_path / "ol"


def test_ensure_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert paths.ensure_data_dir(target) == target and target.is_dir()


def test_data_dir_is_not_created_by_asking(_isolated_home: Path) -> None:
    paths.default_portfolio_path()
    assert not _isolated_home.exists()


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("portfolio.offerlens.json", "portfolio"),
        ("offers 2024.json", "offers 2024"),
        ("plain", "plain"),
        (".offerlens.json", ".offerlens"),
    ],
)
def test_portfolio_stem(name: str, stem: str) -> None:
    assert paths.portfolio_stem(Path("/x") / name) == stem


def test_backup_dir_is_beside_the_file(tmp_path: Path) -> None:
    assert paths.backup_dir(tmp_path / "p.offerlens.json") == tmp_path / "backups"
