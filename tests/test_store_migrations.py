"""Schema migrations: explicit forward steps; the v1 fixture loads forever."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from offerlens.domain import models
from offerlens.domain.models import EquityKind, Tier, WorkSchedule
from offerlens.store import (
    NoticeKind,
    Source,
    StoreMigrationError,
    load_portfolio,
    migrations,
    portfolio_io,
    read_portfolio,
    save_portfolio,
)
from offerlens.store.backups import list_backups
from offerlens.store.migrations import file_version, migrate, migration

FIXTURES = Path(__file__).parent / "fixtures"
V1 = FIXTURES / "portfolio_v1.offerlens.json"


def test_v1_fixture_loads_with_every_value() -> None:
    """Keep forever: a file written by schema version 1 must load with the same meaning."""
    pf = read_portfolio(V1)
    assert pf.schema_version == models.SCHEMA_VERSION
    assert pf.candidate.name == "林晓 Lin Xiao"
    assert pf.candidate.deductions.rent_monthly == 1500
    companies = [o.company for o in pf.offers]
    assert companies == ["字节跳动 ByteDance", "阿里巴巴 Alibaba", "华为 Huawei"]
    bd, ali, hw = pf.offers
    assert (bd.monthly_base, bd.months, bd.guaranteed_months, bd.sign_on) == (35000, 16, 13, 100000)
    assert bd.pay == "35k*16 + 签字费10w" and bd.notes == "HR said this is SP 🎉"
    assert bd.equity is not None and bd.equity.grant_value == 400000
    assert bd.equity.kind is EquityKind.RSU and bd.equity.shares() == [0.25] * 4
    assert bd.schedule is WorkSchedule.ALTERNATING
    assert (bd.deadline, bd.start_date) == (date(2024, 10, 31), date(2025, 7, 1))
    assert (ali.monthly_base, ali.months, ali.months_high, ali.hr_tier) == (
        26000, 16, 17, Tier.STANDARD
    )
    assert (hw.annual_package, hw.talent_program, hw.non_compete) == (800000, "天才少年", True)
    assert (hw.hours_per_week, hw.probation_months, hw.probation_rate) == (60, 6, 0.8)
    assert pf.decision.weights == {"first_year_total": 40, "stability": 20, "growth": 40}
    assert pf.decision.scores["a1b2c3d4e5f6"] == {"growth": 5}


def test_v1_fixture_survives_load_and_save(tmp_path: Path) -> None:
    path = tmp_path / "portfolio.offerlens.json"
    path.write_bytes(V1.read_bytes())
    result = load_portfolio(path)
    assert result.source is Source.FILE and result.notices == []
    save_portfolio(path, result.portfolio)
    assert read_portfolio(path) == read_portfolio(V1)


def test_every_fixture_version_loads() -> None:
    fixtures = sorted(FIXTURES.glob("portfolio_v*.offerlens.json"))
    assert V1 in fixtures
    for fixture in fixtures:
        declared = json.loads(fixture.read_text(encoding="utf-8"))["schema_version"]
        assert declared <= models.SCHEMA_VERSION
        assert read_portfolio(fixture).schema_version == models.SCHEMA_VERSION


def test_current_version_has_a_path_from_every_older_one() -> None:
    for version in range(migrations.FIRST_VERSION, models.SCHEMA_VERSION):
        assert version in migrations.MIGRATIONS, f"no migration from schema {version}"


# -- the registry, exercised with synthetic steps -------------------------------------------


def _registry() -> dict[int, Any]:
    registry: dict[int, Any] = {}

    @migration(1, registry)
    def _rename_pay(data: dict[str, Any]) -> dict[str, Any]:
        for offer in data.get("offers", []):
            offer["quick_entry"] = offer.pop("pay", "")
        return data

    @migration(2, registry)
    def _add_currency(data: dict[str, Any]) -> dict[str, Any]:
        data["currency"] = "CNY"
        return data

    return registry


def test_steps_run_in_order_and_stamp_the_version() -> None:
    original = {"schema_version": 1, "offers": [{"company": "A", "pay": "30k*16"}]}
    out, passed = migrate(original, target=3, registry=_registry())
    assert passed == [1, 2]
    assert out == {
        "schema_version": 3,
        "offers": [{"company": "A", "quick_entry": "30k*16"}],
        "currency": "CNY",
    }
    assert original == {"schema_version": 1, "offers": [{"company": "A", "pay": "30k*16"}]}


def test_partial_path_and_current_version() -> None:
    out, passed = migrate({"schema_version": 2}, target=3, registry=_registry())
    assert passed == [2] and out == {"schema_version": 3, "currency": "CNY"}
    same = {"schema_version": 3}
    assert migrate(same, target=3, registry=_registry()) == (same, [])


def test_missing_step_is_a_typed_error() -> None:
    with pytest.raises(StoreMigrationError, match="no migration from schema version 3 to 4"):
        migrate({"schema_version": 1}, target=4, registry=_registry())


def test_failing_step_is_a_typed_error() -> None:
    registry: dict[int, Any] = {}

    @migration(1, registry)
    def _broken(data: dict[str, Any]) -> dict[str, Any]:
        return data["offers"][0]  # KeyError on data without offers

    with pytest.raises(StoreMigrationError, match="migration from schema version 1 failed"):
        migrate({"schema_version": 1}, target=2, registry=registry)


def test_step_registered_twice_is_refused() -> None:
    registry = _registry()
    with pytest.raises(ValueError, match="already registered"):
        migration(1, registry)(lambda d: d)


@pytest.mark.parametrize("bad", ["1", 1.5, True, None, 0, -3])
def test_bad_schema_version_values(bad: object) -> None:
    with pytest.raises(StoreMigrationError):
        file_version({"schema_version": bad})


def test_missing_schema_version_is_version_1() -> None:
    assert file_version({}) == 1


def test_loader_migrates_and_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end with a synthetic schema 2: the loader migrates, tells, and keeps the v1 file."""
    registry: dict[int, Any] = {}

    @migration(1, registry)
    def _tag_notes(data: dict[str, Any]) -> dict[str, Any]:
        for offer in data["offers"]:
            offer["notes"] = ("[v2] " + offer.get("notes", "")).strip()
        return data

    monkeypatch.setattr(migrations, "MIGRATIONS", registry)
    monkeypatch.setattr(models, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(portfolio_io, "SCHEMA_VERSION", 2)

    path = tmp_path / "portfolio.offerlens.json"
    original = V1.read_bytes()
    path.write_bytes(original)

    result = load_portfolio(path)

    assert result.source is Source.FILE and result.migrated_from == 1
    assert result.portfolio.schema_version == 2
    notes = [o.notes for o in result.portfolio.offers]
    assert notes == ["[v2] HR said this is SP 🎉", "[v2]", "[v2]"]
    assert [n.kind for n in result.notices] == [NoticeKind.MIGRATED]
    assert "from schema version 1 to 2" in result.message()
    kept = list_backups(path)
    assert len(kept) == 1 and kept[0].path.read_bytes() == original
    assert path.read_bytes() == original  # loading alone never rewrites the file

    save_portfolio(path, result.portfolio)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2
    again = load_portfolio(path)
    assert again.migrated_from is None and again.portfolio == result.portfolio
