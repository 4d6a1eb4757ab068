"""Social insurance (社保) and housing fund (公积金): the city table and the employee's share.

The shipped table lives in ``offerlens/data/cities.json``; a user's edits live in a separate
JSON file in their data directory (the store layer owns the path) and are merged over it
without touching the shipped file.

Money is integer yuan. A year's contribution for each item is computed exactly (base × rate ×
months in integer fractions, the rate read as written: 0.105 is 105/1000) and rounded to the
yuan once, half up; payroll rounds each month to the fen, so a payslip can differ by a few
yuan over a year.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from offerlens.domain.computation import trusted

CITIES_SCHEMA_VERSION = 1
DEFAULT_CITY_ID = "default"

Rate = float


class CityRow(BaseModel):
    """One city's contribution bases and employee rates, with where they came from."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=40)
    name_en: str = Field(min_length=1, max_length=80)
    name_zh: str = Field("", max_length=80)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    social_base_lower: int = Field(ge=0, le=1_000_000)
    social_base_upper: int = Field(ge=0, le=1_000_000)
    housing_base_lower: int = Field(ge=0, le=1_000_000)
    housing_base_upper: int = Field(ge=0, le=1_000_000)
    pension_rate: Rate = Field(ge=0, le=0.2)
    medical_rate: Rate = Field(ge=0, le=0.2)
    medical_fixed_monthly: int = Field(0, ge=0, le=1000)
    unemployment_rate: Rate = Field(ge=0, le=0.05)
    housing_rate_min: Rate = Field(ge=0, le=0.12)
    housing_rate_max: Rate = Field(ge=0, le=0.12)
    rent_deduction_monthly: int = Field(1500, ge=0, le=1500)
    effective_from: date | None = None
    effective_to: date | None = None
    source: str = Field("", max_length=1000)
    source_url: str = Field("", max_length=500)
    verified: bool = False
    note: str = Field("", max_length=1000)
    assumption: bool = False
    user_edited: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> CityRow:
        if self.social_base_lower > self.social_base_upper:
            raise ValueError(
                f"{self.id}: social-insurance lower base {self.social_base_lower} is above the "
                f"upper base {self.social_base_upper}"
            )
        if self.housing_base_lower > self.housing_base_upper:
            raise ValueError(
                f"{self.id}: housing-fund lower base {self.housing_base_lower} is above the "
                f"upper base {self.housing_base_upper}"
            )
        if self.housing_rate_min > self.housing_rate_max:
            raise ValueError(f"{self.id}: housing-fund minimum rate is above the maximum rate")
        if (
            self.effective_from is not None
            and self.effective_to is not None
            and self.effective_from > self.effective_to
        ):
            raise ValueError(f"{self.id}: effective period ends before it starts")
        return self

    @property
    def label(self) -> str:
        return f"{self.name_en} {self.name_zh}".strip()

    def names(self) -> set[str]:
        """Every spelling that selects this row, normalised."""
        return {_norm(n) for n in (self.id, self.name_en, self.name_zh, *self.aliases) if n}


class CityTable(BaseModel):
    """The shipped city rows merged with the user's edits."""

    model_config = ConfigDict(extra="forbid")

    rows: dict[str, CityRow]
    default: CityRow
    date: str = ""
    notes: list[str] = Field(default_factory=list)
    problems: list[str] = Field(
        default_factory=list, description="why some user overrides were not applied"
    )

    def find(self, city: str) -> CityRow | None:
        """The row for a city name in English, Chinese, pinyin or an alias; None if unknown."""
        key = _norm(city)
        if not key:
            return None
        return self._index().get(key)

    def _index(self) -> dict[str, CityRow]:
        """Normalised name → row, built once per set of rows (the first row naming it wins).

        Kept outside the model's fields and rebuilt when ``rows`` holds other row objects.
        """
        rows = tuple(self.rows.values())
        cached = self.__dict__.get("_by_name")
        if cached is not None and cached[0] == rows:
            return cached[1]
        index: dict[str, CityRow] = {}
        for row in rows:
            for name in row.names():
                index.setdefault(name, row)
        self.__dict__["_by_name"] = (rows, index)
        return index

    def resolve(self, city: str) -> tuple[CityRow, bool]:
        """The row for ``city`` and whether it was found; the nationwide default otherwise.

        Names found are remembered; a remembered row is used while it is still the table's
        row under its id and the table has as many rows (else the name is looked up again).
        """
        rows = self.rows
        memo = self.__dict__.get("_resolved")
        if memo is None or memo[0] is not rows or memo[1] != len(rows) or len(memo[2]) > 1024:
            memo = self.__dict__["_resolved"] = (rows, len(rows), {})
        hit = memo[2].get(city)
        if hit is not None and rows.get(hit[0].id) is hit[0]:
            return hit
        row = self.find(city)
        if row is None:
            return self.default, False
        found = memo[2][city] = (row, True)
        return found


@lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    text = name.strip().lower().replace("'", "").replace("’", "").replace("-", " ")
    text = " ".join(text.split())
    for suffix in ("市", " city", " shi"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)].strip()
    return text


# --- loading -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _shipped() -> CityTable:
    raw = resources.files("offerlens.data").joinpath("cities.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    rows = {row["id"]: CityRow.model_validate(row) for row in data["cities"]}
    return CityTable(
        rows=rows,
        default=CityRow.model_validate(data["default"]),
        date=data.get("date", ""),
        notes=list(data.get("notes", [])),
    )


def shipped_table() -> CityTable:
    """The table as shipped inside the package (no user edits); a fresh copy each call."""
    return _shipped().model_copy(deep=True)


def shipped_table_shared() -> CityTable:
    """The shipped table itself, one object for every caller: to read, never to change."""
    return _shipped()


MAX_OVERRIDES_BYTES = 1024 * 1024  # a user's city rows are a few kB


def load_cities(overrides_path: Path | None = None) -> CityTable:
    """The shipped table with the user's edits from ``overrides_path`` merged over it.

    The overrides file is ``{"schema_version": 1, "cities": [{"id": ..., fields...}]}``. A row
    with a shipped id changes only the fields it names; a row with a new id must be complete.
    A missing file means no edits. A file or row that cannot be read is skipped and the reason
    is put in ``problems`` (naming the row and field) instead of raising: the shipped figures
    stay usable.
    """
    table = shipped_table()
    if overrides_path is None or not overrides_path.exists():
        return table
    try:
        with overrides_path.open("rb") as f:
            raw = f.read(MAX_OVERRIDES_BYTES + 1)
        if len(raw) > MAX_OVERRIDES_BYTES:
            raise ValueError(f"larger than {MAX_OVERRIDES_BYTES:,} bytes")
        payload = json.loads(raw.decode("utf-8"))
    except RecursionError:
        table.problems.append(
            f"city edits in {overrides_path.name} could not be read: nested too deeply"
        )
        return table
    except (OSError, ValueError) as exc:  # UnicodeDecodeError, JSONDecodeError are ValueErrors
        table.problems.append(f"city edits in {overrides_path.name} could not be read: {exc}")
        return table
    entries = payload.get("cities") if isinstance(payload, dict) else None
    if not isinstance(entries, list):
        table.problems.append(f"city edits in {overrides_path.name}: no 'cities' list")
        return table
    version = payload.get("schema_version", CITIES_SCHEMA_VERSION)
    if not isinstance(version, int) or version > CITIES_SCHEMA_VERSION:
        table.problems.append(
            f"city edits in {overrides_path.name} are from a newer OfferLens "
            f"(schema {version}); not applied"
        )
        return table
    for index, entry in enumerate(entries):
        applied, problem = _apply_override(table, entry)
        if not applied:
            table.problems.append(f"city edit #{index + 1}: {problem}")
    return table


def _apply_override(table: CityTable, entry: Any) -> tuple[bool, str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return False, "not an object with an 'id'"
    city_id = entry["id"]
    base: dict[str, Any] = {}
    if city_id == DEFAULT_CITY_ID:
        base = table.default.model_dump()
    elif city_id in table.rows:
        base = table.rows[city_id].model_dump()
    merged = {**base, **entry, "user_edited": True}
    try:
        row = CityRow.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "row"
        return False, f"{city_id}: {where}: {first.get('msg', 'invalid')}"
    if city_id == DEFAULT_CITY_ID:
        table.default = row
    else:
        table.rows[city_id] = row
    return True, ""


def overrides_payload(rows: list[CityRow]) -> dict[str, Any]:
    """The JSON object to store for user-edited rows (the store layer writes it atomically)."""
    return {
        "schema_version": CITIES_SCHEMA_VERSION,
        "cities": [row.model_dump(mode="json", exclude={"user_edited"}) for row in rows],
    }


# --- contributions -----------------------------------------------------------------------


def round_yuan(value: Decimal) -> int:
    """Round a decimal amount to the yuan, half up."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def div_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (denominator > 0) rounded to the integer, half away from 0.

    The same as ``round_yuan(Decimal(numerator) / denominator)`` for the amounts here (a
    decimal quotient of 28 digits cannot sit nearer a half than the exact one), in integers.
    """
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


@lru_cache(maxsize=1024)
def ratio(number: float) -> tuple[int, int]:
    """``Decimal(str(number))`` as an exact fraction ``(numerator, denominator)``: 0.08 → 2/25."""
    return Decimal(str(number)).as_integer_ratio()


@lru_cache(maxsize=256)
def _social_ratios(
    pension: float, medical: float, unemployment: float
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    return ratio(pension), ratio(medical), ratio(unemployment)


def times_rate(amount: int, rate: float) -> int:
    """``amount × rate`` rounded half up, with the rate read as written (0.105 is 105/1000)."""
    num, den = ratio(rate)
    return div_half_up(amount * num, den)


def clamp(value: int, lower: int, upper: int) -> int:
    return max(lower, min(upper, value))


class Contributions(BaseModel):
    """A year of employee social insurance and housing fund for one monthly wage."""

    model_config = ConfigDict(extra="forbid")

    city_id: str
    months: int
    monthly_wage: int
    social_base: int
    housing_base: int
    housing_rate: float
    housing_rate_capped: bool = Field(
        False, description="the offer's rate was outside the city's range and was clamped"
    )
    pension: int
    medical: int
    unemployment: int
    housing_employee: int
    housing_employer: int

    @property
    def social_insurance(self) -> int:
        """Employee pension + medical + unemployment for the period."""
        return self.pension + self.medical + self.unemployment

    @property
    def housing_total(self) -> int:
        """What lands in the housing-fund account: employee plus employer share."""
        return self.housing_employee + self.housing_employer


def effective_housing_rate(row: CityRow, offer_rate: float) -> tuple[float, bool]:
    """The offer's housing-fund rate clamped to the city's range, and whether it was clamped."""
    rate = min(max(offer_rate, row.housing_rate_min), row.housing_rate_max)
    return rate, rate != offer_rate


def contributions(
    row: CityRow, monthly_wage: int, housing_rate: float, months: int = 12
) -> Contributions:
    """Employee contributions (and the employer's housing-fund share) over ``months`` months.

    The social-insurance base is ``monthly_wage`` clamped to the city's lower and upper base,
    the housing-fund base likewise with its own limits. The employer pays the same housing-fund
    rate as the employee (the rule in the cities shipped; the two rates are set together).
    """
    return trusted(Contributions, contribution_values(row, monthly_wage, housing_rate, months))


def contribution_values(
    row: CityRow, monthly_wage: int, housing_rate: float, months: int = 12
) -> dict[str, Any]:
    """The fields of :func:`contributions` as a dict, for callers that need only the numbers."""
    # clamp(), effective_housing_rate() and times_rate(), inline: this runs for every offer
    wage = monthly_wage
    lower, upper = row.social_base_lower, row.social_base_upper
    social_base = lower if wage < lower else upper if wage > upper else wage
    lower, upper = row.housing_base_lower, row.housing_base_upper
    housing_base = lower if wage < lower else upper if wage > upper else wage
    rate = min(max(housing_rate, row.housing_rate_min), row.housing_rate_max)
    capped = rate != housing_rate
    # amounts and rates are ≥ 0 here, so half up is (2an + d) // 2d
    sb2 = 2 * social_base * months
    (pn, pd), (mn, md), (un, ud) = _social_ratios(
        row.pension_rate, row.medical_rate, row.unemployment_rate
    )
    hn, hd = ratio(rate)
    housing = (2 * housing_base * months * hn + hd) // (2 * hd)
    return {
        "city_id": row.id,
        "months": months,
        "monthly_wage": monthly_wage,
        "social_base": social_base,
        "housing_base": housing_base,
        "housing_rate": rate,
        "housing_rate_capped": capped,
        "pension": (sb2 * pn + pd) // (2 * pd),
        "medical": (sb2 * mn + md) // (2 * md) + row.medical_fixed_monthly * months,
        "unemployment": (sb2 * un + ud) // (2 * ud),
        "housing_employee": housing,
        "housing_employer": housing,
    }
