"""The UI's door to the domain engine: evaluation, take-home and the user's city table.

Nothing here computes a number; it only calls the domain functions the CLI calls, passing the
city table with the user's edits when the engine accepts one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offerlens.domain.models import Candidate, Offer
    from offerlens.domain.results import Evaluation

def city_overrides_path() -> Path:
    """Where the user's city-table edits live."""
    from offerlens.store.paths import city_overrides_path as store_path

    return store_path()


def load_city_table():
    """The shipped city table with the user's edits merged over it (domain loader)."""
    from offerlens.domain.social import load_cities

    return load_cities(city_overrides_path())


def save_city_overrides(rows: list) -> None:
    """Write the user-edited rows atomically (the shipped file is never touched)."""
    from offerlens.domain.social import overrides_payload
    from offerlens.store.atomic import atomic_write_bytes

    path = city_overrides_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(overrides_payload(rows), ensure_ascii=False, indent=2).encode("utf-8")
    atomic_write_bytes(path, data + b"\n")


def evaluate_offer(
    offer: Offer, candidate: Candidate, cities: Any = None, today: date | None = None
) -> Evaluation:
    """The engine's verdict on one offer, with the user's city table, as of ``today``."""
    from offerlens.domain.evaluate import evaluate

    return evaluate(offer, candidate, today=today, cities=cities)


def take_home_of(evaluation: Evaluation | None) -> Any:
    """The evaluation's take-home result (None without an evaluation)."""
    return evaluation.take_home if evaluation is not None else None
