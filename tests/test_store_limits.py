"""Limits: oversized files, too many offers, deep nesting, odd numbers and odd text.

Each gives a typed, clear error naming the file (and field), or is stored faithfully; none
hangs or crashes.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from offerlens.domain.models import MAX_OFFERS, Candidate, Offer, Portfolio
from offerlens.store import (
    Source,
    StoreError,
    StoreFormatError,
    StoreTooLargeError,
    StoreValidationError,
    load_portfolio,
    portfolio_io,
    read_portfolio,
    save_portfolio,
)
from offerlens.store.portfolio_io import MAX_FILE_BYTES, parse_portfolio_bytes

FIXTURE = Path(__file__).parent / "fixtures" / "portfolio_v1.offerlens.json"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.offerlens.json"


def _offer_json(**fields: object) -> bytes:
    offer = {"company": "Acme", "monthly_base": 30000, **fields}
    return json.dumps({"schema_version": 1, "offers": [offer]}).encode()


# -- size ----------------------------------------------------------------------------------


def test_file_above_size_cap_is_refused_before_parsing(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.write_bytes(b'{"offers": [' + b" " * MAX_FILE_BYTES + b"]}")

    def must_not_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed a file above the size cap")

    monkeypatch.setattr(portfolio_io.json, "loads", must_not_parse)
    with pytest.raises(StoreTooLargeError) as caught:
        read_portfolio(path)
    assert str(path) in str(caught.value) and "too large" in str(caught.value)
    assert caught.value.limit == MAX_FILE_BYTES


def test_oversized_file_is_set_aside_on_load(path: Path) -> None:
    good = read_portfolio(FIXTURE)
    save_portfolio(path, good)
    big = b"{" + b" " * (MAX_FILE_BYTES + 10) + b"}"
    path.write_bytes(big)
    result = load_portfolio(path)
    assert result.source is Source.BACKUP and result.portfolio == good
    assert "too large" in result.message()
    assert result.moved_aside_to is not None and result.moved_aside_to.stat().st_size == len(big)


def test_portfolio_too_large_to_save_is_refused_and_nothing_written(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portfolio_io, "MAX_FILE_BYTES", 2000)
    with pytest.raises(StoreTooLargeError):
        save_portfolio(path, read_portfolio(FIXTURE))
    assert not path.exists()


def test_largest_valid_portfolio_fits_under_the_cap(path: Path) -> None:
    """Every offer at its longest still saves: the cap never refuses valid data."""
    wide = "字" * 80
    offers = [
        Offer(company=wide, role=wide, city=wide, notes="注" * 4000, pay="35k*16",
              monthly_base=30000)
        for _ in range(MAX_OFFERS)
    ]
    pf = Portfolio(candidate=Candidate(name=wide), offers=offers)
    result = save_portfolio(path, pf)
    assert result.size < MAX_FILE_BYTES
    assert read_portfolio(path) == pf


# -- counts, nesting -----------------------------------------------------------------------


def test_too_many_offers_in_a_file(path: Path) -> None:
    offers = [{"company": f"C{i}", "monthly_base": 20000} for i in range(MAX_OFFERS + 1)]
    path.write_text(json.dumps({"offers": offers}), encoding="utf-8")
    with pytest.raises(StoreValidationError) as caught:
        read_portfolio(path)
    assert caught.value.errors == [f"offers: must have at most {MAX_OFFERS} items (has 201)"]


def test_too_many_offers_in_memory_is_not_saved(path: Path) -> None:
    pf = read_portfolio(FIXTURE)
    save_portfolio(path, pf)
    before = path.read_bytes()
    pf.offers.extend(pf.offers[0].model_copy() for _ in range(MAX_OFFERS))  # bypasses validation
    with pytest.raises(StoreValidationError, match="at most 200 items"):
        save_portfolio(path, pf)
    assert path.read_bytes() == before


@pytest.mark.parametrize("depth", [40, 5_000, 200_000])
def test_deep_nesting_is_refused_quickly(depth: int, path: Path) -> None:
    path.write_bytes(b'{"offers": ' + b"[" * depth + b"]" * depth + b"}")
    started = time.perf_counter()
    with pytest.raises(StoreFormatError, match="nested"):
        read_portfolio(path)
    assert time.perf_counter() - started < 10  # refused, not a hang (speed is in benchmarks/)


def test_deep_nesting_in_an_object_chain(path: Path) -> None:
    depth = 3000
    path.write_bytes(b'{"a":' * depth + b"1" + b"}" * depth)
    with pytest.raises(StoreFormatError, match="nested"):
        read_portfolio(path)


# -- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"offers": [{"company": "A", "monthly_base": NaN}]}', "NaN is not allowed"),
        (b'{"offers": [{"company": "A", "monthly_base": Infinity}]}', "Infinity is not allowed"),
        (b'{"offers": [{"company": "A", "monthly_base": -Infinity}]}', "-Infinity is not allowed"),
        (b'{"offers": [{"company": "A", "monthly_base": 1e999}]}', "out of range"),
        (b'{"offers": [{"company": "A", "monthly_base": ' + b"9" * 5000 + b"}]}", "too large"),
    ],
)
def test_non_finite_and_absurd_numbers_are_refused(raw: bytes, message: str, path: Path) -> None:
    path.write_bytes(raw)
    with pytest.raises(StoreFormatError, match=message) as caught:
        read_portfolio(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ({"monthly_base": -1}, "offers[0].monthly_base: must be between 0 and 10,000,000 (got -1)"),
        ({"monthly_base": 10**15}, "offers[0].monthly_base: must be between 0 and 10,000,000"),
        ({"sign_on": -50000}, "offers[0].sign_on: must be between 0 and 1,000,000,000"),
        ({"months": 1e300}, "offers[0].months: must be between 12 and 24 (got 1e+300)"),
        ({"months": -16}, "offers[0].months: must be between 12 and 24 (got -16)"),
        ({"monthly_base": "lots"}, "offers[0].monthly_base: must be a whole number (got 'lots')"),
        ({"monthly_base": 30000.5}, "offers[0].monthly_base: must be a whole number"),
    ],
)
def test_out_of_range_numbers_name_offer_and_field(
    fields: dict[str, object], line: str, path: Path
) -> None:
    path.write_bytes(_offer_json(**fields))
    with pytest.raises(StoreValidationError) as caught:
        read_portfolio(path)
    assert any(e.startswith(line) for e in caught.value.errors), caught.value.errors
    assert str(path) in str(caught.value)


def test_nan_set_in_memory_is_not_saved(path: Path) -> None:
    pf = read_portfolio(FIXTURE)
    pf.offers[1].months = float("nan")  # assignment is not validated
    with pytest.raises(StoreValidationError, match=r"offers\[1\]\.months: must be a finite number"):
        save_portfolio(path, pf)
    assert not path.exists()


def test_out_of_range_value_set_in_memory_is_not_saved(path: Path) -> None:
    pf = read_portfolio(FIXTURE)
    pf.offers[2].months = 30
    with pytest.raises(StoreValidationError, match=r"offers\[2\]\.months: must be between 12"):
        save_portfolio(path, pf)
    assert not path.exists()


# -- text ----------------------------------------------------------------------------------

FAITHFUL_TEXT = [
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew
    "\u202eevil\u202c",  # right-to-left override: shown as typed, stored as typed
    "👩\u200d💻🎉🇨🇳",  # emoji with a ZWJ sequence and a flag
    "e\u0301 café",  # combining accent (not normalised)
    "字节跳动「天才少年」\u3000全角",
    "tab\tand\nnewline",
    '"quotes" \\ backslash </script>',
]


@pytest.mark.parametrize("text", FAITHFUL_TEXT)
def test_unusual_text_round_trips_exactly(text: str, path: Path) -> None:
    name = text.replace("\t", " ").replace("\n", " ")  # names are one line
    pf = Portfolio(
        candidate=Candidate(name=name),
        offers=[Offer(company=name, role=name, notes=text, monthly_base=30000)],
    )
    save_portfolio(path, pf)
    back = read_portfolio(path)
    assert back == pf
    assert back.offers[0].notes == text and back.candidate.name == name
    first = path.read_bytes()
    save_portfolio(path, back)
    assert path.read_bytes() == first  # stable: saving what was loaded changes nothing


def test_file_is_readable_utf8_not_escaped(path: Path) -> None:
    save_portfolio(path, read_portfolio(FIXTURE))
    assert "字节跳动" in path.read_text(encoding="utf-8")


def test_utf8_bom_from_a_text_editor_is_accepted(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert read_portfolio(path) == read_portfolio(FIXTURE)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f"])
def test_control_characters_in_names_are_refused_by_field(char: str, path: Path) -> None:
    path.write_bytes(_offer_json(company=f"Ac{char}me"))
    with pytest.raises(StoreValidationError) as caught:
        read_portfolio(path)
    assert caught.value.errors == ["offers[0].company: contains control characters"]


def test_unpaired_surrogate_in_file_is_refused(path: Path) -> None:
    path.write_bytes(b'{"offers": [{"company": "A\\ud800", "monthly_base": 1}]}')
    with pytest.raises(StoreFormatError, match=r"offers\[0\]\.company: contains an unpaired"):
        read_portfolio(path)


def test_unpaired_surrogate_in_memory_is_not_saved(path: Path) -> None:
    pf = read_portfolio(FIXTURE)
    pf.offers[0].notes = "bad \udc80 text"
    with pytest.raises(StoreError, match=r"offers\[0\]\.notes"):
        save_portfolio(path, pf)
    assert not path.exists()


def test_overlong_text_names_the_field(path: Path) -> None:
    path.write_bytes(_offer_json(company="X" * 81))
    with pytest.raises(StoreValidationError) as caught:
        read_portfolio(path)
    assert caught.value.errors[0].startswith("offers[0].company: must be at most 80 characters")


def test_many_errors_are_summarised_in_one_message() -> None:
    offers = [{"company": "", "monthly_base": -1} for _ in range(30)]
    data = json.dumps({"offers": offers}).encode()
    with pytest.raises(StoreValidationError) as caught:
        parse_portfolio_bytes(data, "p.offerlens.json")
    assert len(caught.value.errors) == 60
    assert "and 50 more" in str(caught.value)
