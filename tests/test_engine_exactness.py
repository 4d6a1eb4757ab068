"""The engine's fast paths give the same results as the plain definitions they replace.

Integer rounding against decimal rounding, the pruned bonus-cliff search against checking
every edge, the compiled rules against ``matches``, the city index against the names, and
texts written on first read against a dump and validation round trip.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from offerlens.domain.bands import load_dataset
from offerlens.domain.evaluate import evaluate
from offerlens.domain.models import Candidate, Equity, Offer
from offerlens.domain.results import Evaluation
from offerlens.domain.rules import load_rules, matches, run_rules
from offerlens.domain.social import div_half_up, shipped_table, times_rate
from offerlens.domain.tax import BONUS_CLIFFS, CliffWarning, bonus_cliff, tax_year


def _decimal_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_integer_division_rounds_like_decimal(numerator: int, denominator: int) -> None:
    expected = _decimal_half_up(Decimal(numerator) / Decimal(denominator))
    assert div_half_up(numerator, denominator) == expected


@given(st.integers(0, 10**8), st.integers(0, 12_000).map(lambda n: n / 10_000))
def test_amount_times_rate_rounds_like_decimal(amount: int, rate: float) -> None:
    expected = _decimal_half_up(Decimal(amount) * Decimal(str(rate)))
    assert times_rate(amount, rate) == expected


def _cliff_checking_every_edge(wages: int, bonus: int, deductions: int) -> CliffWarning | None:
    if bonus <= BONUS_CLIFFS[0]:
        return None
    net_here = bonus - tax_year(wages, bonus, deductions).tax
    for cliff in sorted((c for c in BONUS_CLIFFS if c < bonus), reverse=True):
        net_edge = cliff - tax_year(wages, cliff, deductions).tax
        if net_edge > net_here:
            return CliffWarning(
                bonus=bonus, cliff=cliff, reduce_by=bonus - cliff, more_money=net_edge - net_here
            )
    return None


edge_bonus = st.sampled_from(BONUS_CLIFFS).flatmap(
    lambda c: st.integers(max(0, c - 2_000), c + 60_000)
)


@given(
    st.integers(0, 3_000_000),
    st.one_of(edge_bonus, st.integers(0, 3_000_000)),
    st.integers(60_000, 400_000),
)
def test_bonus_cliff_matches_checking_every_edge(wages: int, bonus: int, deductions: int) -> None:
    assert bonus_cliff(wages, bonus, deductions) == _cliff_checking_every_edge(
        wages, bonus, deductions
    )


FACT_VALUES: dict[str, st.SearchStrategy] = {
    "degree": st.sampled_from(["bachelor", "master", "phd", None]),
    "track": st.sampled_from(["campus", "experienced", None]),
    "role_family": st.sampled_from(["research", "algorithm", "software", "product", None]),
    "employer_type": st.sampled_from(["big_tech", "ai_startup", "startup", "other", None]),
    "tier": st.sampled_from(
        ["below_standard", "standard", "sp", "ssp", "talent_program", None]
    ),
    "equity_kind": st.sampled_from(["rsu", "options", None]),
    "kind": st.sampled_from(["offer", "letter_of_intent", None]),
    "monthly_equiv": st.one_of(st.none(), st.integers(0, 200_000)),
    "raise_pct": st.one_of(st.none(), st.floats(-50, 200)),
    "performance_pct": st.one_of(st.none(), st.floats(0, 100)),
    "equity_pct": st.one_of(st.none(), st.floats(0, 100)),
    "breach_penalty": st.one_of(st.none(), st.integers(0, 10_000)),
    "days_to_deadline": st.one_of(st.none(), st.integers(-30, 30)),
    "package_tier_rank": st.one_of(st.none(), st.integers(0, 4)),
}
for _name in (
    "by_program",
    "indicative",
    "hr_disagrees",
    "months_unusual",
    "non_compete",
    "hukou",
    "hukou_city",
    "long_hours",
    "package_only",
):
    FACT_VALUES[_name] = st.one_of(st.none(), st.booleans(), st.integers(0, 1))


@given(st.fixed_dictionaries(FACT_VALUES))
def test_rules_fire_exactly_where_their_conditions_hold(facts: dict) -> None:
    dataset = load_dataset()
    segment, _ = dataset.segment_for(*_campus_keys())
    fired = [flag.id for flag in run_rules(facts, {}, dataset, segment)]
    assert fired == [r.id for r in load_rules().rules if matches(r, facts, dataset)]


def _campus_keys():  # noqa: ANN202
    candidate = Candidate()
    return candidate.degree, candidate.role_family


def test_flag_messages_fill_names_without_a_text_as_placeholders() -> None:
    dataset = load_dataset()
    segment, _ = dataset.segment_for(*_campus_keys())
    (flag,) = run_rules({"tier": "below_standard"}, {"basis": "123,000"}, dataset, segment)
    assert "123,000" in flag.message
    assert "{degree}" in flag.message  # no text given: the name stays visible


def test_city_lookup_follows_replaced_rows() -> None:
    table = shipped_table()
    assert table.find("Wuhan") is table.rows["wuhan"]
    assert table.find("江城") is None
    table.rows["wuhan"] = table.rows["wuhan"].model_copy(update={"aliases": ["江城"]})
    assert table.find("江城") is table.rows["wuhan"]
    assert table.find("  wuhan 市") is table.rows["wuhan"]


OFFERS = [
    Offer(company="A", monthly_base=35_000, months=16, sign_on=100_000, city="Shenzhen"),
    Offer(
        company="B",
        annual_package=480_000,
        months=14.6,
        city="Atlantis",
        probation_months=3,
        probation_rate=0.8,
        start_date=date(2025, 7, 1),
        equity=Equity(grant_value=400_000, years=4, cliff_months=12),
        hr_tier="sp",
        non_compete=True,
    ),
]


def test_an_evaluation_survives_dump_and_validation_with_its_texts() -> None:
    dataset = load_dataset()
    for offer in OFFERS:
        ev = evaluate(offer, Candidate(), dataset, date(2024, 9, 1))
        dumped = ev.model_dump(mode="json")
        assert list(dumped) == list(Evaluation.model_fields)
        assert list(dumped["take_home"]["steady_state"]) == list(
            type(ev.take_home.steady_state).model_fields
        )
        assert dumped["computation"] and dumped["take_home"]["first_year"]["lines"]
        assert all(flag["message"] and flag["message_zh"] for flag in dumped["flags"])
        again = Evaluation.model_validate(dumped)
        assert again == ev
        assert again.computation == ev.computation
        assert [f.message for f in again.flags] == [f.message for f in ev.flags]


def test_texts_read_first_equal_texts_dumped_first() -> None:
    dataset = load_dataset()
    read_first = evaluate(OFFERS[1], Candidate(), dataset, date(2024, 9, 1))
    dumped_first = evaluate(OFFERS[1], Candidate(), dataset, date(2024, 9, 1))
    messages = [f.message_zh for f in read_first.flags]
    lines = read_first.take_home.first_year.lines
    dump = dumped_first.model_dump()
    assert messages == [f["message_zh"] for f in dump["flags"]]
    assert [line.model_dump() for line in lines] == dump["take_home"]["first_year"]["lines"]
