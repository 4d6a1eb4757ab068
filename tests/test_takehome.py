"""Take-home pay: worked examples from docs/take-home.md, properties, first-year rules, cities."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from offerlens.domain.models import Candidate, Equity, Offer, SpecialDeductions
from offerlens.domain.social import (
    CityRow,
    contributions,
    load_cities,
    overrides_payload,
    shipped_table,
)
from offerlens.domain.takehome import TakeHome, compute_take_home

DOC = Path(__file__).resolve().parents[1] / "docs" / "take-home.md"

# The offers of docs/take-home.md, section by section.
EXAMPLES: dict[str, tuple[Offer, Candidate]] = {
    "A": (
        Offer(
            company="A",
            city="北京",
            monthly_base=35_000,
            months=15,
            guaranteed_months=13,
            housing_fund_rate=0.12,
            sign_on=50_000,
            sign_on_clawback_months=12,
            start_date=date(2025, 7, 1),
            probation_months=3,
            probation_rate=0.9,
        ),
        Candidate(degree="master", track="campus", city="Beijing"),
    ),
    "B": (
        Offer(
            company="B",
            city="Shanghai",
            monthly_base=50_000,
            months=16,
            guaranteed_months=13,
            housing_fund_rate=0.12,
            start_date=date(2025, 7, 1),
            first_year_bonus="full",
        ),
        Candidate(city="Shanghai"),
    ),
    "C": (
        Offer(
            company="C",
            city="Beijing",
            monthly_base=25_000,
            months=12,
            guaranteed_months=12,
            annual_bonus=36_500,
            housing_fund_rate=0.12,
            start_date=date(2025, 1, 1),
        ),
        Candidate(),
    ),
    "D": (
        Offer(
            company="D",
            city="深圳",
            monthly_base=45_000,
            months=14,
            guaranteed_months=12,
            allowances_monthly=1_000,
            housing_fund_rate=0.05,
            start_date=date(2025, 3, 1),
            first_year_bonus="none",
            schedule="大小周",
            equity=Equity(grant_value=400_000, years=4, cliff_months=12),
        ),
        Candidate(
            track="experienced",
            city="Shenzhen",
            deductions=SpecialDeductions(children=1, elderly_monthly=3_000, mortgage=True),
        ),
    ),
}

CHECK = re.compile(r"^check: ([A-Z]) ([\w.]+) = (.+)$", re.MULTILINE)


def _doc_checks() -> list[tuple[str, str, str]]:
    return CHECK.findall(DOC.read_text(encoding="utf-8"))


def _value(result: TakeHome, path: str) -> object:
    obj: object = result
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def test_doc_has_checks_for_every_example() -> None:
    checks = _doc_checks()
    for name in EXAMPLES:
        assert sum(1 for c in checks if c[0] == name) >= 6, f"example {name} lost its checks"


@pytest.mark.parametrize(("example", "path", "expected"), _doc_checks())
def test_worked_examples_agree_with_the_program(example: str, path: str, expected: str) -> None:
    offer, candidate = EXAMPLES[example]
    result = compute_take_home(offer, candidate)
    value = _value(result, path)
    if isinstance(value, str):
        assert value == expected
    else:
        assert value == int(expected.replace(",", ""))


def test_example_c_warns_in_words_too() -> None:
    c = compute_take_home(*EXAMPLES["C"])
    (note,) = [w for w in c.steady_state.warnings if w.id == "bonus_cliff"]
    assert "500 CNY less bonus" in note.message and "1,860 CNY more" in note.message
    assert "1,860" in note.message_zh
    assert compute_take_home(*EXAMPLES["A"]).steady_state.bonus_cliff is None


def test_example_a_first_year_warns_about_sign_on_clawback_and_b_about_the_rate_cap() -> None:
    a = compute_take_home(*EXAMPLES["A"])
    assert [w.id for w in a.first_year.warnings] == ["sign_on_clawback"]
    assert a.steady_state.sign_on == 0
    b = compute_take_home(*EXAMPLES["B"])
    assert "housing_rate_capped" in [w.id for w in b.warnings]
    d = compute_take_home(*EXAMPLES["D"])
    assert "city_unverified" in [w.id for w in d.warnings]
    assert d.hours_per_week == 55 and d.hours_assumed


# --- properties ---------------------------------------------------------------------------

cities = st.sampled_from(["Beijing", "上海", "Shenzhen", "杭州", "Chengdu", "Atlantis"])
deductions = st.builds(
    SpecialDeductions,
    children=st.integers(0, 2),
    elderly_monthly=st.sampled_from([0, 1_500, 3_000]),
    rent_monthly=st.sampled_from([0, 1_500]),
)


@example(
    base=12_000,
    more=1,
    months=15,
    allowances=0,
    rate=0.12,
    city="Beijing",
    deduction=SpecialDeductions(),
)  # bonus 36,000 → 36,003 crosses the first cliff
@given(
    base=st.integers(3_000, 150_000),
    more=st.integers(1, 20_000),
    months=st.sampled_from([12, 13, 14, 15, 16, 14.6, 18]),
    allowances=st.integers(0, 3_000),
    rate=st.sampled_from([0.05, 0.07, 0.1, 0.12]),
    city=cities,
    deduction=deductions,
)
def test_more_base_pay_never_lowers_take_home(
    base, more, months, allowances, rate, city, deduction
) -> None:
    """More base pay leaves more cash, except across a separate-bonus cliff, which is flagged.

    Under the 2023 No. 30 separate method a slightly larger year-end bonus can leave less (the
    law's cliff); then the better-paid offer must carry the bonus-cliff warning.
    """
    candidate = Candidate(deductions=deduction)

    def offer(monthly: int) -> Offer:
        return Offer(
            company="X",
            city=city,
            monthly_base=monthly,
            months=months,
            guaranteed_months=min(13, months),
            allowances_monthly=allowances,
            housing_fund_rate=rate,
            start_date=date(2025, 7, 1),
        )

    low = compute_take_home(offer(base), candidate)
    high = compute_take_home(offer(base + more), candidate)
    for lo, hi in ((low.steady_state, high.steady_state), (low.first_year, high.first_year)):
        assert hi.gross_cash > lo.gross_cash
        if hi.net_cash < lo.net_cash:
            assert lo.year_end_bonus != hi.year_end_bonus
            assert "bonus_cliff" in [w.id for w in hi.warnings], (lo.net_cash, hi.net_cash)
        if months == 12:  # no year-end lump sum: strictly monotone
            assert hi.net_cash >= lo.net_cash
        # the housing-fund wallet never shrinks either
        assert hi.housing_fund_total >= lo.housing_fund_total


@given(
    base=st.integers(3_000, 150_000),
    months=st.sampled_from([13, 14, 15, 16, 14.6, 20]),
    bonus=st.integers(0, 500_000),
    city=cities,
    deduction=deductions,
)
def test_bonus_method_is_the_cheaper_one(base, months, bonus, city, deduction) -> None:
    offer = Offer(company="X", city=city, monthly_base=base, months=months, annual_bonus=bonus)
    result = compute_take_home(offer, Candidate(deductions=deduction), today=date(2025, 5, 5))
    for year in (result.first_year, result.steady_state):
        assert year.income_tax == min(year.tax_separate, year.tax_merged)
        expected = "separate" if year.tax_separate < year.tax_merged else "merged"
        assert year.bonus_method == expected
        assert year.net_cash == (
            year.gross_cash - year.social_insurance - year.housing_fund_employee - year.income_tax
        )


@given(base=st.integers(1_000, 200_000), city=cities)
def test_contribution_base_is_clamped_to_the_city_limits(base: int, city: str) -> None:
    row, _ = shipped_table().resolve(city)
    c = contributions(row, base, 0.12)
    assert row.social_base_lower <= c.social_base <= row.social_base_upper
    assert row.housing_base_lower <= c.housing_base <= row.housing_base_upper
    assert c.housing_rate <= row.housing_rate_max


# --- first year rules ---------------------------------------------------------------------


def _offer(**kw) -> Offer:
    base = dict(company="X", city="Beijing", monthly_base=20_000, months=15)
    return Offer(**{**base, **kw})


def test_crossing_a_cliff_can_lower_take_home_and_is_flagged() -> None:
    # 12,000 × 15: bonus 36,000 at the edge; one more yuan a month pushes it to 36,003
    edge = compute_take_home(_offer(monthly_base=12_000, start_date=date(2025, 7, 1)), Candidate())
    over = compute_take_home(_offer(monthly_base=12_001, start_date=date(2025, 7, 1)), Candidate())
    assert over.steady_state.net_cash < edge.steady_state.net_cash
    assert edge.steady_state.bonus_cliff is None
    cliff = over.steady_state.bonus_cliff
    assert cliff is not None and cliff.cliff == 36_000 and cliff.reduce_by == 3


def test_first_year_bonus_rules() -> None:
    start = date(2025, 10, 1)  # October–December: 3/12
    full_lump = 20_000 * 3
    prorated = compute_take_home(_offer(start_date=start), Candidate())
    assert prorated.steady_state.year_end_bonus == full_lump
    assert prorated.first_year.year_end_bonus == full_lump * 3 // 12
    full = compute_take_home(_offer(start_date=start, first_year_bonus="full"), Candidate())
    assert full.first_year.year_end_bonus == full_lump
    none = compute_take_home(_offer(start_date=start, first_year_bonus="none"), Candidate())
    assert none.first_year.year_end_bonus == 0
    assert none.first_year.net_cash < full.first_year.net_cash


def test_probation_lowers_first_year_wages_only() -> None:
    result = compute_take_home(
        _offer(
            probation_months=6,
            probation_rate=0.8,
            allowances_monthly=500,
            start_date=date(2025, 1, 1),
        ),
        Candidate(),
    )
    assert result.first_year.wages == 6 * 16_000 + 6 * 20_000 + 12 * 500
    assert result.steady_state.wages == 12 * 20_000 + 12 * 500
    # the contribution base stays the contract wage
    assert result.first_year.social_insurance == result.steady_state.social_insurance


def test_sign_on_is_first_year_wages_and_never_the_separate_bonus() -> None:
    without = compute_take_home(_offer(start_date=date(2025, 7, 1)), Candidate())
    with_sign_on = compute_take_home(
        _offer(start_date=date(2025, 7, 1), sign_on=100_000), Candidate()
    )
    assert with_sign_on.first_year.sign_on == 100_000
    assert with_sign_on.first_year.year_end_bonus == without.first_year.year_end_bonus
    assert with_sign_on.steady_state == without.steady_state.model_copy(
        update={"warnings": with_sign_on.steady_state.warnings}
    )
    assert with_sign_on.first_year.income_tax > without.first_year.income_tax
    assert with_sign_on.first_year.warnings == []  # no claw-back given


def test_vesting_cliff_beyond_a_year_means_no_equity_in_year_one() -> None:
    grant = Equity(grant_value=400_000, years=4, cliff_months=18)
    result = compute_take_home(_offer(equity=grant, start_date=date(2025, 7, 1)), Candidate())
    assert result.first_year.equity_vested == 0
    assert result.steady_state.equity_vested == 100_000
    # equity never enters cash
    plain = compute_take_home(_offer(start_date=date(2025, 7, 1)), Candidate())
    assert result.steady_state.net_cash == plain.steady_state.net_cash
    options = compute_take_home(
        _offer(equity=Equity(grant_value=400_000, kind="options"), start_date=date(2025, 7, 1)),
        Candidate(),
    )
    assert options.first_year.equity_vested == 100_000
    assert options.first_year.equity_tax_estimate is None


def test_start_date_defaults_to_next_month() -> None:
    result = compute_take_home(_offer(), Candidate(), today=date(2025, 12, 20))
    assert result.first_year.start == date(2026, 1, 1)


def test_annual_package_without_monthly_split() -> None:
    result = compute_take_home(
        Offer(company="X", city="Hangzhou", annual_package=400_000), Candidate()
    )
    # 400,000 ÷ 15 = 26,666.67 → 26,667 a month; the lump sum takes the remainder
    assert result.steady_state.wages == 12 * 26_667
    assert result.steady_state.gross_cash == 400_000
    assert "package_split" in [a.id for a in result.assumptions]


def test_hours_and_effective_hourly_pay() -> None:
    double = compute_take_home(_offer(schedule="双休"), Candidate())
    single = compute_take_home(_offer(schedule="单休"), Candidate())
    custom = compute_take_home(_offer(schedule="custom", hours_per_week=72), Candidate())
    assert (double.hours_per_week, single.hours_per_week, custom.hours_per_week) == (50, 60, 72)
    assert not custom.hours_assumed
    net = double.steady_state.net_cash
    assert double.effective_hourly_cny == round(net / (50 * 48))
    assert single.effective_hourly_cny < double.effective_hourly_cny
    assert "hours" in [a.id for a in double.assumptions]


def test_unknown_city_uses_the_nationwide_assumption_and_says_so() -> None:
    result = compute_take_home(_offer(city="Atlantis"), Candidate())
    assert not result.city_known and result.city_id == "default"
    assert "city_unknown" in [w.id for w in result.warnings]
    assert "Atlantis" in result.warnings[0].message
    # no offer city: the candidate's city is used
    fallback = compute_take_home(_offer(city=""), Candidate(city="上海"))
    assert fallback.city_id == "shanghai" and fallback.city_verified


def test_rent_deduction_follows_the_work_city_tier() -> None:
    renter = Candidate(deductions=SpecialDeductions(rent_monthly=1_500))
    suzhou = compute_take_home(_offer(city="苏州"), renter)
    beijing = compute_take_home(_offer(city="Beijing"), renter)
    assert suzhou.steady_state.special_deductions == 1_100 * 12
    assert beijing.steady_state.special_deductions == 1_500 * 12


def test_take_home_round_trips_through_json() -> None:
    result = compute_take_home(*EXAMPLES["D"])
    again = TakeHome.model_validate_json(result.model_dump_json())
    assert again == result
    labels = [line.label for line in result.steady_state.lines]
    assert "Net cash" in labels and any(label.startswith("Pension") for label in labels)


# --- city table ---------------------------------------------------------------------------

TEN = {
    "beijing",
    "shanghai",
    "shenzhen",
    "hangzhou",
    "guangzhou",
    "chengdu",
    "wuhan",
    "nanjing",
    "suzhou",
    "xian",
}


def test_shipped_table_has_the_ten_cities_with_sources() -> None:
    table = shipped_table()
    assert set(table.rows) == TEN
    for row in table.rows.values():
        assert row.source and row.effective_from and row.effective_to
        assert 0.05 <= row.housing_rate_min <= row.housing_rate_max <= 0.12
    assert {r.id for r in table.rows.values() if r.verified} == {"beijing", "shanghai"}
    assert table.rows["beijing"].medical_fixed_monthly == 3
    assert table.rows["shanghai"].housing_rate_max == 0.07
    assert table.default.assumption and not table.default.verified


@pytest.mark.parametrize(
    ("name", "city_id"),
    [
        ("北京市", "beijing"),
        ("beijing", "beijing"),
        ("Xi'an", "xian"),
        ("西安", "xian"),
        (" Shanghai ", "shanghai"),
        ("苏州市", "suzhou"),
        ("Guangzhou City", "guangzhou"),
    ],
)
def test_city_names_resolve(name: str, city_id: str) -> None:
    row, known = shipped_table().resolve(name)
    assert known and row.id == city_id


def test_user_overrides_merge_without_touching_the_shipped_file(tmp_path: Path) -> None:
    shipped_before = shipped_table().model_dump()
    path = tmp_path / "cities.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "cities": [
                    {
                        "id": "hangzhou",
                        "social_base_upper": 26_000,
                        "verified": True,
                        "source": "my HR",
                    },
                    {
                        **shipped_table().rows["wuhan"].model_dump(mode="json"),
                        "id": "hefei",
                        "name_en": "Hefei",
                        "name_zh": "合肥",
                        "aliases": [],
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    table = load_cities(path)
    assert table.problems == []
    hz = table.rows["hangzhou"]
    assert hz.social_base_upper == 26_000 and hz.user_edited and hz.verified
    assert hz.social_base_lower == shipped_table().rows["hangzhou"].social_base_lower
    assert table.find("合肥") is not None
    assert shipped_table().model_dump() == shipped_before
    result = compute_take_home(_offer(city="Hangzhou", monthly_base=40_000), Candidate(), table)
    assert "monthly wage 40,000 within Hangzhou 4,462–26,000" in [
        line.detail for line in result.steady_state.lines
    ]


def test_bad_overrides_are_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "cities.json"
    path.write_text("{not json", encoding="utf-8")
    table = load_cities(path)
    assert set(table.rows) == TEN and "could not be read" in table.problems[0]

    path.write_text(
        json.dumps({"cities": [{"id": "beijing", "social_base_lower": 90_000}, {"x": 1}]}),
        encoding="utf-8",
    )
    table = load_cities(path)
    assert table.rows["beijing"].social_base_lower == 6_821
    assert len(table.problems) == 2
    assert "beijing" in table.problems[0] and "lower base" in table.problems[0]
    result = compute_take_home(_offer(), Candidate(), table)
    assert "city_edits_skipped" in [w.id for w in result.warnings]

    assert load_cities(tmp_path / "missing.json").problems == []
    path.write_text(json.dumps({"schema_version": 99, "cities": []}), encoding="utf-8")
    assert "newer" in load_cities(path).problems[0]

    # damage the JSON reader cannot take: deep nesting, a huge file, bytes that are not UTF-8
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested too deeply" in load_cities(path).problems[0]
    path.write_text('{"cities": [], "pad": "' + "x" * 2_000_000 + '"}', encoding="utf-8")
    assert "larger than" in load_cities(path).problems[0]
    path.write_bytes(b'{"cities": ["\xff"]}')
    assert "could not be read" in load_cities(path).problems[0]
    assert set(load_cities(path).rows) == TEN  # the shipped figures stay usable


def test_overrides_payload_reloads(tmp_path: Path) -> None:
    row = CityRow.model_validate(
        {**shipped_table().rows["chengdu"].model_dump(), "social_base_upper": 23_000}
    )
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(overrides_payload([row])), encoding="utf-8")
    assert load_cities(path).rows["chengdu"].social_base_upper == 23_000


def test_domain_modules_import_no_qt_or_matplotlib() -> None:
    code = (
        "import sys, offerlens.domain.takehome, offerlens.domain.tax, offerlens.domain.social;"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','matplotlib'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --- wiring: evaluation and CLI -----------------------------------------------------------


def test_evaluation_carries_take_home_with_dataset_hours() -> None:
    from offerlens.domain.evaluate import evaluate

    offer, candidate = EXAMPLES["A"]
    evaluation = evaluate(offer, candidate, today=date(2025, 6, 1))
    assert evaluation.take_home == compute_take_home(offer, candidate, today=date(2025, 6, 1))
    assert evaluation.take_home.steady_state.net_cash == 384_001


def test_cli_json_has_take_home_keys(tmp_path: Path, capsys) -> None:
    from offerlens.__main__ import main

    offer, candidate = EXAMPLES["B"]
    path = tmp_path / "p.offerlens.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "candidate": candidate.model_dump(mode="json"),
                "offers": [offer.model_dump(mode="json")],
            }
        ),
        encoding="utf-8",
    )
    assert main(["evaluate", str(path), "--format", "json"]) == 0
    (out,) = json.loads(capsys.readouterr().out)
    assert out["take_home_first_year_cny"] == 598_056
    assert out["take_home_steady_state_cny"] == 598_056
    assert out["housing_fund_cny"] == 62_028
    assert out["effective_hourly_cny"] == 249
    assert out["take_home"]["steady_state"]["bonus_method"] == "separate"
