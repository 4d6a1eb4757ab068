"""The benchmark dataset: schema, citations that can be found again, the tier rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from offerlens.domain.bands import derive_tiers, load_dataset
from offerlens.domain.models import Degree, RoleFamily, Tier

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

GERMAN_WORDS = {"eine": 1, "einer": 1}


def german_numbers(text: str) -> list[float]:
    """Read a numeral as the articles write it: 400.000, 1,5 Millionen, 321,7 %, 21k, 30%."""
    text = text.strip()
    m = re.fullmatch(r"(\d+) und (\d+) Millionen", text)
    if m:  # "2 und 3 Millionen"
        return [float(m.group(1)) * 1_000_000, float(m.group(2)) * 1_000_000]
    return [german_number(text)]


def german_number(text: str) -> float:
    m = re.fullmatch(r"(eine|einer|\d+(?:,\d+)?) Million(?:en)?", text)
    if m:
        word = m.group(1)
        base = GERMAN_WORDS.get(word) or float(word.replace(",", "."))
        return base * 1_000_000
    m = re.fullmatch(r"(\d+)k", text)
    if m:
        return float(m.group(1)) * 1000
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s?%?", text)
    if m:
        return float(m.group(1).replace(".", "").replace(",", "."))
    raise ValueError(f"cannot read numeral {text!r}")


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("400.000", 400000),
        ("1,5 Millionen", 1_500_000),
        ("eine Million", 1_000_000),
        ("0,17", 0.17),
        ("321,7 %", 321.7),
        ("21k", 21000),
        ("30%", 30),
    ],
)
def test_german_numerals_are_read(numeral: str, value: float) -> None:
    assert german_number(numeral) == pytest.approx(value)


def test_a_range_of_millions_supports_both_ends() -> None:
    assert german_numbers("2 und 3 Millionen") == [2_000_000, 3_000_000]


def test_dataset_validates_and_is_versioned() -> None:
    ds = load_dataset()
    assert ds.version and ds.date
    assert {s.id for s in ds.segments} == {"campus_master_algorithm", "campus_phd_algorithm"}


def _cited_items():
    ds = load_dataset()
    for fig in ds.figures:
        for cit in fig.citations:
            yield fig, cit
    for risk in ds.risks:
        for cit in risk.citations:
            yield risk, cit


def test_every_quote_is_verbatim_and_supports_its_figure() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"source articles not found at {SEEDS}; citations cannot be checked")
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    checked = 0
    for item, cit in _cited_items():
        assert cit.source in texts, f"{item.id}: no source file {cit.source}"
        assert cit.quote in texts[cit.source], f"{item.id}: quote not found in {cit.source}"
        for numeral in cit.supports:
            assert numeral in cit.quote, f"{item.id}: {numeral!r} not in its quote"
        if hasattr(item, "numbers"):
            supported = {v for n in cit.supports for v in german_numbers(n)}
            assert any(
                number == pytest.approx(s) for s in supported for number in item.numbers()
            ), f"{item.id}: quote supports none of its numbers"
        checked += 1
    assert checked >= 30


def test_every_figure_number_is_backed_by_some_citation() -> None:
    for fig in load_dataset().figures:
        supported = {v for c in fig.citations for n in c.supports for v in german_numbers(n)}
        for number in fig.numbers():
            assert any(number == pytest.approx(s) for s in supported), (fig.id, number)


def test_stored_tier_bands_follow_the_stated_rule() -> None:
    for seg in load_dataset().segments:
        floor, tiers = derive_tiers(seg)
        assert seg.floor == floor
        assert [(t.tier, t.low, t.high) for t in seg.tiers] == [
            (t.tier, t.low, t.high) for t in tiers
        ]
        assert all(t.assumption for t in seg.tiers)


def test_tier_bands_are_contiguous_and_ordered() -> None:
    for seg in load_dataset().segments:
        tiers = seg.tiers
        assert [t.tier for t in tiers] == list(Tier)
        for lower, upper in zip(tiers, tiers[1:], strict=False):
            assert lower.high == upper.low
            assert lower.low < lower.high


def test_anchors_cite_figures_or_named_assumptions() -> None:
    ds = load_dataset()
    for seg in ds.segments:
        for anchor in seg.anchors.values():
            if anchor.figure:
                assert anchor.value in [round(n) for n in ds.figure(anchor.figure).numbers()]
            else:
                assert ds.assumption(anchor.assumption).value == anchor.value


def test_segment_lookup_marks_indicative_use() -> None:
    ds = load_dataset()
    seg, used = ds.segment_for(Degree.PHD, RoleFamily.RESEARCH)
    assert seg.id == "campus_phd_algorithm" and used == []
    seg, used = ds.segment_for(Degree.BACHELOR, RoleFamily.PRODUCT)
    assert seg.id == "campus_master_algorithm"
    assert set(used) == {"bachelor_uses_master", "indicative_other_roles"}


def test_ambiguous_degree_readings_are_explained() -> None:
    ds = load_dataset()
    for fig_id in ("campus_master_entry_400_550k", "campus_master_high_700k"):
        assert "Doktorand" in ds.figure(fig_id).note
