"""Output models: what evaluating an offer produces. Plain data, no behaviour beyond sums."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

# ComputationLine lives in computation.py so that take-home can share it; re-exported here
from offerlens.domain.computation import ComputationLine as ComputationLine
from offerlens.domain.computation import Explained
from offerlens.domain.models import Tier
from offerlens.domain.takehome import TakeHome


class Citation(BaseModel):
    """A verbatim quote from one of the source articles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(description="seed file name, e.g. 003_031dc21327347392.txt")
    quote: str = Field(description="verbatim snippet from that file")
    supports: list[str] = Field(
        default_factory=list, description="the numerals in the quote this citation supports"
    )


class Breakdown(BaseModel):
    """One year of pay split into parts; ``total`` is always their exact sum."""

    model_config = ConfigDict(extra="forbid")

    guaranteed_cash: int = Field(0, description="base × guaranteed months, allowances, sure bonus")
    performance: int = Field(0, description="months and bonus that depend on performance")
    one_off: int = Field(0, description="sign-on and other one-time payments")
    equity: int = Field(0, description="equity vesting in this year, at grant value")
    total: int = 0

    @model_validator(mode="after")
    def _sums(self) -> Breakdown:
        parts = self.guaranteed_cash + self.performance + self.one_off + self.equity
        if self.total == 0:
            self.total = parts
        elif self.total != parts:
            raise ValueError(f"breakdown parts sum to {parts}, not {self.total}")
        return self

    @property
    def cash(self) -> int:
        return self.guaranteed_cash + self.performance + self.one_off


class Severity(StrEnum):
    GOOD = "good"  # a strength worth knowing (SSP level, talent programme)
    INFO = "info"
    WARNING = "warning"
    RISK = "risk"


class Flag(Explained):
    """One finding about an offer, with the rule that raised it and its source.

    The rules engine fills the messages in when they are first read (see ``Explained``).
    """

    model_config = ConfigDict(extra="forbid")
    LATER_FIELDS: ClassVar[tuple[str, ...]] = ("message", "message_zh")

    id: str
    severity: Severity
    message: str
    message_zh: str = ""
    source: Citation | None = None
    assumption: bool = Field(False, description="raised on an assumption, not a cited figure")


class TierVerdict(BaseModel):
    """Where the steady-state cash package falls among the campus tiers."""

    model_config = ConfigDict(extra="forbid")

    tier: Tier | None = Field(None, description="None on the experienced track")
    basis_cny: int = Field(description="steady-state annual cash package the tier is judged on")
    segment: str = Field(description="id of the band segment used")
    indicative: bool = Field(False, description="role family outside the cited segments")
    next_tier: Tier | None = None
    to_next_tier_cny: int | None = None
    hr_tier: Tier | None = None
    by_program: bool = Field(False, description="talent_program because the offer names one")


class Percentile(BaseModel):
    """Estimated position within the candidate's segment."""

    model_config = ConfigDict(extra="forbid")

    value: float | None = Field(None, ge=0, le=100)
    segment: str
    method: str
    assumptions: list[str] = Field(default_factory=list, description="ids of assumptions used")


class Evaluation(Explained):
    """The verdict on one offer for one candidate; ``computation`` says how it was made."""

    model_config = ConfigDict(extra="forbid")
    LATER_FIELDS: ClassVar[tuple[str, ...]] = ("computation",)

    offer_id: str
    company: str
    first_year: Breakdown
    steady_state: Breakdown
    tier: TierVerdict
    percentile: Percentile
    flags: list[Flag] = Field(default_factory=list)
    computation: list[ComputationLine] = Field(default_factory=list)
    months_high_note: str = ""
    raise_vs_current: float | None = Field(None, description="steady cash / current pay − 1")
    take_home: TakeHome | None = Field(None, description="after tax and 五险一金, by city")
