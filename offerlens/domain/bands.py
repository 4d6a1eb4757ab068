"""The cited benchmark dataset: schema, loader and the tier-boundary rule.

The dataset (``offerlens/data/bands.json``) holds figures quoted from the source articles,
campus segments with cited tier anchors, assumptions (marked as such) and risk statements.
Tier boundaries are derived from the anchors by one rule (:func:`derive_tiers`) and stored in
the file as assumptions; a test checks the stored boundaries against the rule.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from offerlens.domain.models import Degree, RoleFamily, Tier, Track
from offerlens.domain.results import Citation

ROUND_TO = 1000  # derived boundaries are rounded to the nearest thousand yuan


class Figure(BaseModel):
    """A number (or range) read from the articles, with its citations."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    label_zh: str = ""
    kind: Literal["annual", "monthly", "percent", "ratio", "count"]
    value: float | None = None
    low: float | None = None
    mid: float | None = None
    high: float | None = None
    track: Track | None = None
    degrees: list[Degree] = Field(default_factory=list)
    role_families: list[RoleFamily] = Field(default_factory=list)
    context: bool = Field(False, description="market context for display, not a pay band")
    note: str = ""
    note_zh: str = ""
    citations: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_number(self) -> Figure:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError(f"figure {self.id}: needs value or low and high")
        return self

    def numbers(self) -> list[float]:
        return [v for v in (self.value, self.low, self.mid, self.high) if v is not None]


class Anchor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: int
    figure: str | None = None
    assumption: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Anchor:
        if (self.figure is None) == (self.assumption is None):
            raise ValueError("an anchor cites exactly one figure or one assumption")
        return self


class TierBand(BaseModel):
    """One tier's annual range within a segment; derived, hence an assumption."""

    model_config = ConfigDict(extra="forbid")

    tier: Tier
    low: int
    high: int | None = Field(None, description="None: open-ended (talent programme)")
    assumption: bool = True


class Segment(BaseModel):
    """A campus market segment (degree × role families) with its tier anchors."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    label_zh: str = ""
    track: Track
    degrees: list[Degree]
    role_families: list[RoleFamily]
    anchors: dict[Literal["standard", "ssp", "talent_program"], Anchor]
    top: Anchor
    note: str = ""
    note_zh: str = ""
    floor: int = Field(0, description="lowest package on the percentile scale (assumption)")
    tiers: list[TierBand] = Field(default_factory=list)

    def band(self, tier: Tier) -> TierBand:
        for band in self.tiers:
            if band.tier is tier:
                return band
        raise KeyError(tier)


class Assumption(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    label_zh: str = ""
    value: float | None = None
    shares: dict[Tier, float] | None = None
    hours: dict[str, float] | None = None
    weeks_per_year: int | None = None
    cities: list[str] | None = None
    note: str = ""
    note_zh: str = ""


class Risk(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    text_zh: str = ""
    citations: list[Citation] = Field(min_length=1)


class TierRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    text_zh: str = ""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outlet: str
    published: str


class Dataset(BaseModel):
    """The whole benchmark file."""

    model_config = ConfigDict(extra="forbid")

    dataset: Literal["offerlens-bands"]
    version: str
    date: str
    currency: Literal["CNY"]
    vintage: str
    vintage_zh: str = ""
    disclaimer: str
    disclaimer_zh: str = ""
    sources: dict[str, Source]
    tier_rule: TierRule
    figures: list[Figure]
    segments: list[Segment]
    assumptions: list[Assumption]
    risks: list[Risk]

    @model_validator(mode="after")
    def _references_resolve(self) -> Dataset:
        figure_ids = {f.id for f in self.figures}
        assumption_ids = {a.id for a in self.assumptions}
        for seg in self.segments:
            for anchor in [*seg.anchors.values(), seg.top]:
                if anchor.figure and anchor.figure not in figure_ids:
                    raise ValueError(f"segment {seg.id}: unknown figure {anchor.figure}")
                if anchor.assumption and anchor.assumption not in assumption_ids:
                    raise ValueError(f"segment {seg.id}: unknown assumption {anchor.assumption}")
        for item in [*self.figures, *self.risks]:
            for cit in item.citations:
                if cit.source not in self.sources:
                    raise ValueError(f"{item.id}: unknown source {cit.source}")
        return self

    def figure(self, figure_id: str) -> Figure:
        for fig in self.figures:
            if fig.id == figure_id:
                return fig
        raise KeyError(figure_id)

    def assumption(self, assumption_id: str) -> Assumption:
        for item in self.assumptions:
            if item.id == assumption_id:
                return item
        raise KeyError(assumption_id)

    def risk(self, risk_id: str) -> Risk:
        for item in self.risks:
            if item.id == risk_id:
                return item
        raise KeyError(risk_id)

    def segment_for(self, degree: Degree, role: RoleFamily) -> tuple[Segment, list[str]]:
        """The campus segment to judge a candidate against, and the assumptions that took.

        Bachelor's graduates use the master's bands and roles outside research/algorithm
        use the algorithm bands, both indicatively.
        """
        used: list[str] = []
        if degree is Degree.BACHELOR:
            degree = Degree.MASTER
            used.append("bachelor_uses_master")
        if role not in (RoleFamily.RESEARCH, RoleFamily.ALGORITHM):
            role = RoleFamily.ALGORITHM
            used.append("indicative_other_roles")
        for seg in self.segments:
            if degree in seg.degrees and role in seg.role_families:
                return seg, used
        raise LookupError(f"no segment for {degree}/{role}")


def _round(value: float) -> int:
    return int(math.floor(value / ROUND_TO + 0.5)) * ROUND_TO


def derive_tiers(seg: Segment) -> tuple[int, list[TierBand]]:
    """Apply the tier rule: geometric midpoints between neighbouring anchors.

    Returns the percentile floor and the five tier bands, rounded to whole thousands.
    """
    std = seg.anchors["standard"].value
    ssp = seg.anchors["ssp"].value
    talent = seg.anchors["talent_program"].value
    sp = math.sqrt(std * ssp)
    b_std_sp = math.sqrt(std * sp)
    b_sp_ssp = math.sqrt(sp * ssp)
    b_ssp_talent = math.sqrt(ssp * talent)
    std_low = std * std / b_std_sp
    floor = std_low / 2
    edges = [_round(v) for v in (floor, std_low, b_std_sp, b_sp_ssp, b_ssp_talent)]
    bands = [
        TierBand(tier=Tier.BELOW_STANDARD, low=edges[0], high=edges[1]),
        TierBand(tier=Tier.STANDARD, low=edges[1], high=edges[2]),
        TierBand(tier=Tier.SP, low=edges[2], high=edges[3]),
        TierBand(tier=Tier.SSP, low=edges[3], high=edges[4]),
        TierBand(tier=Tier.TALENT_PROGRAM, low=edges[4], high=None),
    ]
    return edges[0], bands


def parse_dataset(text: str) -> Dataset:
    """Validate a dataset document (JSON text)."""
    return Dataset.model_validate(json.loads(text))


#: Hours a week for a schedule the working-time assumption does not list (custom, no hours)
DEFAULT_HOURS_PER_WEEK = 50.0


def work_time(dataset: Dataset) -> tuple[dict[str, float], int]:
    """Hours a week by schedule value and working weeks a year: the dataset's working-time
    assumption (``hours_per_week_by_schedule``), read by the evaluation and take-home."""
    schedule = dataset.assumption("hours_per_week_by_schedule")
    return schedule.hours or {}, schedule.weeks_per_year or 48


@lru_cache(maxsize=1)
def load_dataset() -> Dataset:
    """The dataset shipped inside the package."""
    text = resources.files("offerlens.data").joinpath("bands.json").read_text(encoding="utf-8")
    return parse_dataset(text)
