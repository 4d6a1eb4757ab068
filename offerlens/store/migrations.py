"""Forward migrations of portfolio files, one explicit step per schema version.

A step takes the JSON object of a file at version ``n`` and returns it at version ``n + 1``.
Steps are pure functions of plain JSON data (never of the current models, which change).

To add a step when the schema changes from 1 to 2:

1. raise ``SCHEMA_VERSION`` in ``offerlens/domain/models.py`` to 2;
2. here, register the step::

       @migration(1)
       def _v1_to_v2(data: dict) -> dict:
           data["offers"] = [{**o, "new_field": o.get("old_field", "")} for o in data["offers"]]
           return data

3. add ``tests/fixtures/portfolio_v2.offerlens.json`` and keep the v1 fixture: the test that
   loads every fixture must keep passing forever.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from offerlens.domain.models import SCHEMA_VERSION
from offerlens.store.errors import StoreMigrationError

Step = Callable[[dict[str, Any]], dict[str, Any]]

# from_version -> step producing from_version + 1
MIGRATIONS: dict[int, Step] = {}

FIRST_VERSION = 1


def migration(from_version: int, registry: dict[int, Step] | None = None) -> Callable[[Step], Step]:
    """Register ``fn`` as the step from ``from_version`` to ``from_version + 1``."""
    target = MIGRATIONS if registry is None else registry

    def register(fn: Step) -> Step:
        if from_version in target:
            raise ValueError(f"a migration from schema {from_version} is already registered")
        target[from_version] = fn
        return fn

    return register


def file_version(data: dict[str, Any]) -> int:
    """The schema version a file declares; files without one are version 1."""
    version = data.get("schema_version", FIRST_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise StoreMigrationError(None, f"schema_version must be a whole number (got {version!r})")
    if version < FIRST_VERSION:
        raise StoreMigrationError(None, f"schema_version {version} is not a known version")
    return version


def migrate(
    data: dict[str, Any],
    *,
    target: int = SCHEMA_VERSION,
    registry: dict[int, Step] | None = None,
) -> tuple[dict[str, Any], list[int]]:
    """Bring ``data`` up to ``target``; return the new data and the versions passed through.

    The input is not modified. A file already at ``target`` comes back unchanged with ``[]``.
    Versions above ``target`` are the caller's business (they are not corrupt, just newer).
    """
    steps = MIGRATIONS if registry is None else registry
    version = file_version(data)
    if version >= target:
        return data, []
    out = copy.deepcopy(data)
    passed: list[int] = []
    while version < target:
        step = steps.get(version)
        if step is None:
            raise StoreMigrationError(
                None, f"no migration from schema version {version} to {version + 1}"
            )
        try:
            out = step(out)
        except Exception as exc:  # a step is code working on arbitrary old data
            raise StoreMigrationError(
                None, f"migration from schema version {version} failed: {exc}"
            ) from exc
        if not isinstance(out, dict):
            raise StoreMigrationError(
                None, f"migration from schema version {version} did not return an object"
            )
        passed.append(version)
        version += 1
        out["schema_version"] = version
    return out, passed
