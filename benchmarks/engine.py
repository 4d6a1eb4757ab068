"""Engine throughput: parse and evaluate 100, 10,000 and 100,000 offers; evaluate 10,000.

In-process. Offers are read from JSON text the way a portfolio file is (quick-entry strings
included, so the pay parser runs), in chunks of 1,000 so that memory stays flat; each
evaluation is dropped after it is made. The dataset and rules are loaded before timing.
"""

from __future__ import annotations

import gc
import json
import time
from datetime import date

from benchmarks.data import offer_dicts
from benchmarks.harness import Figure

CHUNK = 1000
TODAY = date(2024, 9, 1)


def _chunks(count: int) -> list[str]:
    offers = offer_dicts(count)
    return [json.dumps(offers[i : i + CHUNK], ensure_ascii=False) for i in range(0, count, CHUNK)]


def parse_and_evaluate(count: int, runs: int) -> list[float]:
    """Seconds per run to read ``count`` offers from JSON text and evaluate each."""
    from offerlens.domain.bands import load_dataset
    from offerlens.domain.evaluate import evaluate
    from offerlens.domain.models import Candidate, Offer

    dataset = load_dataset()
    candidate = Candidate()
    chunks = _chunks(count)
    evaluate(Offer.model_validate(json.loads(chunks[0])[0]), candidate, dataset, TODAY)  # warm
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        for text in chunks:
            for raw in json.loads(text):
                evaluate(Offer.model_validate(raw), candidate, dataset, TODAY)
        times.append(time.perf_counter() - start)
    return times


def evaluate_only(count: int, runs: int) -> list[float]:
    """Seconds per run to evaluate ``count`` already-validated offers."""
    from offerlens.domain.bands import load_dataset
    from offerlens.domain.evaluate import evaluate
    from offerlens.domain.models import Candidate, Offer

    dataset = load_dataset()
    candidate = Candidate()
    offers = [Offer.model_validate(raw) for raw in offer_dicts(count)]
    evaluate(offers[0], candidate, dataset, TODAY)
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        for offer in offers:
            evaluate(offer, candidate, dataset, TODAY)
        times.append(time.perf_counter() - start)
    return times


def run(quick: bool) -> list[Figure]:
    sizes = [(20, 3), (200, 2), (2000, 1)] if quick else [(100, 9), (10_000, 5), (100_000, 3)]
    per_offer: dict[int, list[float]] = {}
    figures = []
    for count, runs in sizes:
        times = parse_and_evaluate(count, runs)
        per_offer[count] = [t / count * 1e6 for t in times]
        figures.append(
            Figure(
                f"engine.parse_evaluate_{count}",
                f"engine: parse + evaluate {count:,} offers, per offer",
                "µs",
                per_offer[count],
                notes=f"total median {sorted(times)[len(times) // 2]:.3g} s",
            )
        )
    small, large = sizes[0][0], sizes[-1][0]
    base = sorted(per_offer[small])[len(per_offer[small]) // 2]
    figures.append(
        Figure(
            "engine.flatness",
            f"engine: cost per offer, {large:,} ÷ {small:,}",
            "×",
            [x / base for x in per_offer[large]],
            target=1.3,
            notes="flat = stays near 1 as the count grows",
        )
    )
    count = 200 if quick else 10_000
    target = 0.5 * count / 10_000
    figures.append(
        Figure(
            "engine.evaluate_10000",
            f"engine: evaluate {count:,} offers",
            "s",
            evaluate_only(count, 2 if quick else 5),
            target=target,
            notes="verdict, flags, percentile and take-home; offers pre-validated",
        )
    )
    return figures
