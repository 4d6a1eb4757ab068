"""format_validation_error: one clear line per pydantic error, naming offer and field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from offerlens.domain.errors import field_errors, field_path, format_validation_error
from offerlens.domain.models import Offer, Portfolio


def _lines(data: dict, model: type = Portfolio) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return format_validation_error(caught.value)


def _offer(**fields: object) -> dict:
    return {"company": "Acme", "monthly_base": 30000, **fields}


def test_range_names_both_bounds_and_position() -> None:
    offers = [_offer(), _offer(), _offer(months=30)]
    assert _lines({"offers": offers}) == ["offers[2].months: must be between 12 and 24 (got 30)"]


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ({"sign_on": -1}, "offers[0].sign_on: must be between 0 and 1,000,000,000 (got -1)"),
        ({"hours_per_week": 200}, "offers[0].hours_per_week: must be at most 120 (got 200)"),
        ({"months_high": 99}, "offers[0].months_high: must be between 12 and 24 (got 99)"),
        ({"employer_type": "bank"}, "offers[0].employer_type: must be one of 'big_tech', "
         "'ai_startup', 'startup', 'state_owned', 'foreign' or 'other' (got 'bank')"),
        ({"deadline": "soon"},
         "offers[0].deadline: must be a date such as 2024-09-01 (got 'soon')"),
        ({"salary": 1}, "offers[0].salary: is not a known field"),
        ({"company": ""}, "offers[0].company: must not be empty"),
        ({"non_compete": "maybe"}, "offers[0].non_compete: must be true or false (got 'maybe')"),
        ({"months": 16, "guaranteed_months": 18},
         "offers[0]: guaranteed months (18) exceed paid months (16)"),
        ({"equity": {"grant_value": 1, "schedule": [10, 10]}},
         "offers[0].equity.schedule: shares must sum to 100 % (they sum to 2000%)"),
    ],
)
def test_messages(fields: dict, line: str) -> None:
    assert _lines({"offers": [_offer(**fields)]}) == [line]


def test_nested_and_dict_fields() -> None:
    lines = _lines({
        "candidate": {"deductions": {"rent_monthly": 5000}},
        "decision": {"scores": {"abc": {"growth": 9}}},
    })
    assert lines == [
        "candidate.deductions.rent_monthly: must be between 0 and 1500 (got 5000)",
        "decision.scores.abc.growth: must be between 1 and 5 (got 9)",
    ]


def test_missing_required_field_on_a_single_offer() -> None:
    assert _lines({"monthly_base": 1}, Offer) == ["company: is required"]


def test_long_inputs_are_shortened() -> None:
    (line,) = _lines({"offers": [_offer(employer_type="x" * 500)]})
    assert len(line) < 200 and line.endswith("…)")


def test_field_errors_keep_location_for_inline_display() -> None:
    with pytest.raises(ValidationError) as caught:
        Portfolio.model_validate({"offers": [_offer(months=5)]})
    (err,) = field_errors(caught.value)
    assert err.loc == ("offers", 0, "months")
    assert err.path == "offers[0].months"
    assert err.message == "must be between 12 and 24 (got 5)"


def test_field_path() -> None:
    assert field_path(("offers", 2, "equity", "schedule", 0)) == "offers[2].equity.schedule[0]"
    assert field_path(()) == ""


def test_no_pydantic_jargon() -> None:
    data = {"offers": [_offer(months="x", sign_on=None, level=5, company=["a"])], "x": 1}
    for line in _lines(data):
        assert "pydantic" not in line and "Input should" not in line and "[type=" not in line
