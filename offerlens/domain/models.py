"""Input models: the candidate, their offers and the portfolio file that holds them.

Money is integer yuan (CNY) everywhere so that every breakdown sums exactly.
"""

from __future__ import annotations

import math
import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 1

MAX_MONEY = 1_000_000_000  # 10亿: far above any salary, low enough to catch typos
MAX_MONTHLY = 10_000_000
MAX_OFFERS = 200
NAME_LEN = 80
NOTES_LEN = 4000


def _no_control_chars(value: str) -> str:
    bad = [c for c in value if (ord(c) < 32 and c not in "\t\n") or ord(c) == 127]
    if bad:
        raise ValueError("contains control characters")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


Money = Annotated[int, Field(ge=0, le=MAX_MONEY, strict=False)]
MonthlyMoney = Annotated[int, Field(ge=0, le=MAX_MONTHLY)]
Name = Annotated[str, Field(max_length=NAME_LEN), AfterValidator(_no_control_chars)]
Months = Annotated[float, AfterValidator(_finite), Field(ge=12, le=24)]


class Degree(StrEnum):
    BACHELOR = "bachelor"
    MASTER = "master"
    PHD = "phd"


class Track(StrEnum):
    CAMPUS = "campus"
    EXPERIENCED = "experienced"


class RoleFamily(StrEnum):
    RESEARCH = "research"  # large-model and algorithm research, 大模型算法
    ALGORITHM = "algorithm"  # applied algorithms: search, recommendation, vision, NLP
    SOFTWARE = "software"
    PRODUCT = "product"
    HARDWARE = "hardware"
    OTHER = "other"


class EmployerType(StrEnum):
    BIG_TECH = "big_tech"
    AI_STARTUP = "ai_startup"  # AI start-up or unicorn
    STARTUP = "startup"
    STATE_OWNED = "state_owned"
    FOREIGN = "foreign"
    OTHER = "other"


class WorkSchedule(StrEnum):
    TWO_DAY_WEEKEND = "two_day_weekend"  # 双休
    ALTERNATING = "alternating"  # 大小周
    ONE_DAY_WEEKEND = "one_day_weekend"  # 单休
    CUSTOM = "custom"  # hours_per_week entered


SCHEDULE_ALIASES = {"双休": "two_day_weekend", "大小周": "alternating", "单休": "one_day_weekend"}


class OfferKind(StrEnum):
    FORMAL = "formal"  # 正式offer
    LETTER_OF_INTENT = "letter_of_intent"  # 意向书


class Tier(StrEnum):
    BELOW_STANDARD = "below_standard"
    STANDARD = "standard"  # 白菜
    SP = "sp"
    SSP = "ssp"
    TALENT_PROGRAM = "talent_program"


TIER_ORDER = list(Tier)


class BonusRule(StrEnum):
    """How the first year-end bonus is paid when the start date is mid-year."""

    PRORATED = "prorated"
    FULL = "full"
    NONE = "none"


class EquityKind(StrEnum):
    RSU = "rsu"  # shares of a listed company
    OPTIONS = "options"  # private-company options: illiquid, often worth far less


class Equity(BaseModel):
    """An equity grant and its vesting schedule."""

    model_config = ConfigDict(extra="forbid")

    grant_value: Money = Field(description="Total value of the grant at grant price, CNY")
    years: int = Field(4, ge=1, le=10)
    schedule: list[float] | None = Field(
        None, description="Share vesting in each year (sums to 1); even when absent"
    )
    cliff_months: int = Field(0, ge=0, le=24)
    kind: EquityKind = EquityKind.RSU

    @field_validator("schedule")
    @classmethod
    def _schedule_shares(cls, value: list[float] | None) -> list[float] | None:
        if value is None:
            return None
        if any(not math.isfinite(v) or v < 0 for v in value):
            raise ValueError("each year's share must be a finite number ≥ 0")
        total = sum(value)
        if total <= 0:
            raise ValueError("shares must not all be zero")
        # accept percentages (25, 25, 25, 25) as well as fractions
        if abs(total - 100) < 0.5:
            value = [v / 100 for v in value]
            total = sum(value)
        if abs(total - 1) > 0.005:
            raise ValueError(f"shares must sum to 100 % (they sum to {total:.0%})")
        return value

    @model_validator(mode="after")
    def _schedule_length(self) -> Equity:
        if self.schedule is not None and len(self.schedule) != self.years:
            raise ValueError(
                f"vesting schedule has {len(self.schedule)} years but the grant vests over "
                f"{self.years}"
            )
        return self

    def shares(self) -> list[float]:
        """Share of the grant vesting in each year."""
        return self.schedule or [1 / self.years] * self.years

    def vested_by_year(self) -> list[int]:
        """Integer yuan vesting in each year; sums exactly to the grant."""
        shares = self.shares()
        out: list[int] = []
        cum_share = 0.0
        cum_amount = 0
        for share in shares:
            cum_share += share
            target = round(self.grant_value * min(cum_share, 1.0))
            out.append(target - cum_amount)
            cum_amount = target
        out[-1] += self.grant_value - cum_amount
        return out

    def vesting_by_year(self) -> list[int]:
        """Yuan received in each year from the start date, applying the cliff.

        Whatever would vest before the cliff is paid at the cliff, in the year it falls in.
        """
        amounts = self.vested_by_year()
        cliff_year = self.cliff_months // 12  # 0-based year in which the cliff ends
        if self.cliff_months % 12 == 0 and self.cliff_months:
            cliff_year -= 1
        if cliff_year <= 0:
            return amounts
        cliff_year = min(cliff_year, len(amounts) - 1)
        held = sum(amounts[:cliff_year])
        return [0] * cliff_year + [amounts[cliff_year] + held, *amounts[cliff_year + 1 :]]


class SpecialDeductions(BaseModel):
    """专项附加扣除 the candidate claims, monthly."""

    model_config = ConfigDict(extra="forbid")

    children: int = Field(0, ge=0, le=10, description="children in education")
    infants: int = Field(0, ge=0, le=10, description="children under three")
    elderly_monthly: int = Field(0, ge=0, le=3000, description="elderly support claimed per month")
    rent_monthly: int = Field(0, ge=0, le=1500, description="rent deduction: 1,500/1,100/800")
    mortgage: bool = False
    continuing_education: bool = False

    @model_validator(mode="after")
    def _rent_or_mortgage(self) -> SpecialDeductions:
        if self.rent_monthly and self.mortgage:
            raise ValueError("rent and mortgage-interest deductions cannot both be claimed")
        return self


class Candidate(BaseModel):
    """The person deciding."""

    model_config = ConfigDict(extra="forbid")

    name: Name = ""
    degree: Degree = Degree.MASTER
    track: Track = Track.CAMPUS
    role_family: RoleFamily = RoleFamily.ALGORITHM
    city: Name = "Beijing"
    current_annual_pay: Money | None = None
    deductions: SpecialDeductions = Field(default_factory=SpecialDeductions)


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


class Offer(BaseModel):
    """One job offer as the candidate received it.

    Pay is either a monthly base × paid months or, when only a total is known, an annual
    package. A quick-entry string (``pay``) fills the fields it covers; fields given
    explicitly win.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    id: str = Field(default_factory=_new_id, max_length=40)
    company: Name = Field(..., min_length=1)
    role: Name = ""
    city: Name = ""
    employer_type: EmployerType = EmployerType.BIG_TECH
    level: Annotated[str, Field(max_length=20), AfterValidator(_no_control_chars)] = ""
    pay: Annotated[str, Field(max_length=200), AfterValidator(_no_control_chars)] = Field(
        "", description="The quick-entry string as typed, kept for display"
    )

    monthly_base: MonthlyMoney | None = None
    months: Months = 15
    months_high: Months | None = None
    guaranteed_months: Annotated[float, AfterValidator(_finite), Field(ge=12, le=24)] = 13
    annual_package: Money | None = Field(None, description="Total when no monthly split is known")
    annual_package_high: Money | None = None

    sign_on: Money = 0
    sign_on_clawback_months: int = Field(0, ge=0, le=60)
    annual_bonus: Money = Field(0, description="Other recurring bonus on top of the months")
    annual_bonus_guaranteed: bool = False
    allowances_monthly: MonthlyMoney = 0
    equity: Equity | None = None

    talent_program: Annotated[str, Field(max_length=NAME_LEN)] = ""
    hr_tier: Tier | None = None
    non_compete: bool = False
    hukou: bool | None = None
    schedule: WorkSchedule = WorkSchedule.TWO_DAY_WEEKEND
    hours_per_week: Annotated[float, AfterValidator(_finite), Field(gt=0, le=120)] | None = None
    breach_penalty: Money = 0
    kind: OfferKind = OfferKind.FORMAL
    deadline: date | None = None
    start_date: date | None = None

    housing_fund_rate: Annotated[float, AfterValidator(_finite), Field(ge=0.05, le=0.12)] = 0.12
    probation_months: int = Field(0, ge=0, le=6)
    probation_rate: Annotated[float, AfterValidator(_finite), Field(ge=0.8, le=1.0)] = 1.0
    first_year_bonus: BonusRule = BonusRule.PRORATED

    notes: Annotated[str, Field(max_length=NOTES_LEN), AfterValidator(_no_control_chars)] = ""

    @model_validator(mode="before")
    @classmethod
    def _fill_from_pay(cls, data: Any) -> Any:
        """Parse a quick-entry ``pay`` string; explicit fields take precedence."""
        if isinstance(data, dict):
            if isinstance(data.get("schedule"), str):
                schedule = data["schedule"]
                data = {**data, "schedule": SCHEDULE_ALIASES.get(schedule, schedule)}
            pay = data.get("pay")
            if isinstance(pay, str) and pay.strip() and not _PAY_FIELDS <= data.keys():
                from offerlens.domain.parser import ParseError, parse_pay

                try:
                    parsed = parse_pay(pay)
                except ParseError as err:
                    raise ValueError(f"pay: {err}") from None
                data = {**parsed.fields, **data}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Offer:
        if self.monthly_base is None and self.annual_package is None:
            raise ValueError("enter a monthly base (月薪) or an annual package (年包)")
        if self.guaranteed_months > self.months:
            raise ValueError(
                f"guaranteed months ({self.guaranteed_months:g}) exceed paid months "
                f"({self.months:g})"
            )
        if self.months_high is not None and self.months_high < self.months:
            raise ValueError("the high end of the month range is below the low end")
        if (
            self.annual_package_high is not None
            and self.annual_package is not None
            and self.annual_package_high < self.annual_package
        ):
            raise ValueError("the high end of the package range is below the low end")
        if self.schedule is WorkSchedule.CUSTOM and self.hours_per_week is None:
            raise ValueError("enter hours per week for a custom schedule")
        return self


# Fields a quick-entry string can fill. A saved offer carries them all, so its ``pay`` is kept
# for display only; a hand-written one is parsed and explicit fields win.
_PAY_FIELDS = frozenset(
    {
        "monthly_base", "months", "months_high", "guaranteed_months", "annual_package",
        "annual_package_high", "sign_on", "annual_bonus", "allowances_monthly", "equity",
        "housing_fund_rate",
    }
)


CriterionName = Annotated[str, Field(max_length=NAME_LEN)]
Weight = Annotated[float, AfterValidator(_finite), Field(ge=0, le=100)]


class DecisionSettings(BaseModel):
    """What the candidate weighs and how they score each offer on it."""

    model_config = ConfigDict(extra="forbid")

    weights: dict[CriterionName, Weight] = Field(default_factory=dict)
    custom_criteria: list[Name] = Field(default_factory=list, max_length=20)
    scores: dict[str, dict[str, Annotated[int, Field(ge=1, le=5)]]] = Field(
        default_factory=dict, description="offer id → criterion → 1..5 for subjective criteria"
    )
    annual_raise: Annotated[float, AfterValidator(_finite), Field(ge=-0.5, le=1.0)] = 0.0
    use_take_home: bool = False


class Portfolio(BaseModel):
    """Everything one candidate keeps: profile, offers and decision settings."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    example: bool = Field(False, description="True for the bundled example portfolio")
    candidate: Candidate = Field(default_factory=Candidate)
    offers: list[Offer] = Field(default_factory=list, max_length=MAX_OFFERS)
    decision: DecisionSettings = Field(default_factory=DecisionSettings)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"file is from a newer OfferLens (schema {value}; this version reads up to "
                f"{SCHEMA_VERSION})"
            )
        return value

    def offer(self, offer_id: str) -> Offer:
        for offer in self.offers:
            if offer.id == offer_id:
                return offer
        raise KeyError(offer_id)
