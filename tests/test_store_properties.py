"""Property tests of the portfolio loader: whatever a file holds, the loader answers with a
portfolio or a typed StoreError (and load_portfolio with a recovery), never anything else;
valid portfolios round-trip exactly."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offerlens.domain.models import (
    MAX_MONEY,
    MAX_MONTHLY,
    Candidate,
    EmployerType,
    Offer,
    Portfolio,
)
from offerlens.store import Source, StoreError, load_portfolio, read_portfolio, save_portfolio
from offerlens.store.portfolio_io import parse_portfolio_bytes

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"
FIXTURE_BYTES = FIXTURE.read_bytes()
FIXTURE_DATA = json.loads(FIXTURE_BYTES)
GOOD = read_portfolio(FIXTURE)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)


def _check_error(err: StoreError) -> None:
    text = str(err)
    assert text and "Traceback" not in text and "pydantic.dev" not in text
    assert "p.offerlens.json" in text  # the message names the file


def _parse_or_typed_error(data: bytes) -> Portfolio | None:
    try:
        portfolio, _ = parse_portfolio_bytes(data, "p.offerlens.json")
    except StoreError as err:
        _check_error(err)
        return None
    assert isinstance(portfolio, Portfolio)
    return portfolio


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    _parse_or_typed_error(data)


@given(st.binary(max_size=200), st.integers(min_value=0, max_value=len(FIXTURE_BYTES)))
def test_fixture_with_bytes_spliced_in(noise: bytes, at: int) -> None:
    _parse_or_typed_error(FIXTURE_BYTES[:at] + noise + FIXTURE_BYTES[at + len(noise) :])


def test_every_truncation_of_a_valid_file() -> None:
    """Exhaustive: each of the file's proper prefixes (up to its closing brace) is refused."""
    end = len(FIXTURE_BYTES.rstrip())
    for cut in range(end):
        assert _parse_or_typed_error(FIXTURE_BYTES[:cut]) is None, cut
    assert _parse_or_typed_error(FIXTURE_BYTES[:end]) == GOOD


@given(json_values)
def test_arbitrary_json(value: Any) -> None:
    _parse_or_typed_error(json.dumps(value).encode())


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


FIXTURE_PATHS = [p for p in _paths(FIXTURE_DATA) if p]


@given(st.sampled_from(FIXTURE_PATHS), json_values)
def test_fixture_with_one_value_replaced(where: tuple, value: Any) -> None:
    data = copy.deepcopy(FIXTURE_DATA)
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    _parse_or_typed_error(json.dumps(data, ensure_ascii=False).encode())


@given(st.text(max_size=60))
def test_quick_entry_strings_in_a_file(pay: str) -> None:
    """An offer known only by its quick-entry string goes through the parser while loading."""
    data = {"schema_version": 1, "offers": [{"company": "A", "pay": pay}]}
    _parse_or_typed_error(json.dumps(data, ensure_ascii=False).encode())


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.binary(max_size=500) | json_values.map(lambda v: json.dumps(v).encode()))
def test_load_never_raises_and_never_loses_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "portfolio.offerlens.json"
        save_portfolio(path, GOOD)
        path.write_bytes(data)
        result = load_portfolio(path)
        if result.source is Source.FILE:
            assert path.read_bytes() == data
        elif result.read_only:  # a newer schema: kept as it was
            assert path.read_bytes() == data and result.moved_aside_to is None
        else:
            assert result.source is Source.BACKUP and result.portfolio == GOOD
            assert result.moved_aside_to is not None
            assert result.moved_aside_to.read_bytes() == data
            assert read_portfolio(path) == GOOD


# -- valid portfolios round-trip ------------------------------------------------------------

names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
)
offers = st.builds(
    Offer,
    company=names,
    role=names,
    city=names,
    employer_type=st.sampled_from(EmployerType),
    monthly_base=st.integers(min_value=0, max_value=MAX_MONTHLY),
    months=st.floats(min_value=13, max_value=24),
    guaranteed_months=st.just(12.0),
    sign_on=st.integers(min_value=0, max_value=MAX_MONEY),
    notes=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f")
                  .filter(lambda c: ord(c) >= 32 or c in "\t\n"), max_size=200),
)
portfolios = st.builds(
    Portfolio,
    candidate=st.builds(Candidate, name=names),
    offers=st.lists(offers, max_size=6),
)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(portfolios)
def test_valid_portfolios_round_trip_exactly(portfolio: Portfolio) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "portfolio.offerlens.json"
        save_portfolio(path, portfolio)
        back = read_portfolio(path)
        assert back == portfolio
        first = path.read_bytes()
        save_portfolio(path, back)
        assert path.read_bytes() == first
