"""The start-up cache of the offers table: the engine's last rows for the default portfolio.

At start-up the window paints the offers table from this cache (plain ``json``, no pydantic, no
engine) and then loads the portfolio and evaluates it, replacing the rows with the engine's
own. The cache is only used when it was written for exactly the same inputs: the same
portfolio file bytes (size and BLAKE2 hash), the same city-table edits, the same OfferLens version
and the same engine and data files (size and modification time). Anything else — a missing,
stale or corrupt cache — is ignored, and the table is filled by the engine before it is shown.

The app writes the cache after it has loaded the portfolio cleanly and after every save, from
the rows the table shows (:func:`offerlens.ui.offers_model.row_from_evaluation`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from offerlens.ui.offers_model import RowView
from offerlens.ui.settings import CITY_OVERRIDES_FILENAME, data_dir, default_portfolio_path

CACHE_FILENAME = "table-cache.json"
# larger files are left to the store's loader, which refuses them with a message (same limit)
MAX_READ_BYTES = 5 * 1024 * 1024
# what reading a damaged or hostile file can raise here (deep nesting: RecursionError)
_UNREADABLE = (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError)
FORMAT = 2
_PACKAGE = Path(__file__).resolve().parents[1]  # offerlens/


def cache_path() -> Path:
    return data_dir() / CACHE_FILENAME


def _digest(data: bytes) -> str:
    try:  # BLAKE2 without hashlib, which loads OpenSSL (≈4 ms, ≈4 MiB) at start-up
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()


def _file_key(path: Path) -> dict | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return {"size": len(data), "blake2b": _digest(data)}


def engine_fingerprint() -> str:
    """Size and mtime of every file the rows depend on: engine, data, this table's code."""
    from offerlens import __version__

    parts = [__version__]
    files: list[Path] = []
    for folder in (_PACKAGE / "domain", _PACKAGE / "data"):
        try:
            files += [Path(e.path) for e in os.scandir(folder) if e.is_file()]
        except OSError:
            continue
    files += [_PACKAGE / "ui" / "offers_model.py", Path(__file__)]
    for path in sorted(files):
        try:
            st = path.stat()
        except OSError:
            continue
        parts.append(f"{path.relative_to(_PACKAGE)}:{st.st_size}:{st.st_mtime_ns}")
    return _digest("\n".join(parts).encode("utf-8"))


def cache_key(portfolio: Path) -> dict | None:
    """What the cached rows were computed from; None when the portfolio cannot be read."""
    file_key = _file_key(portfolio)
    if file_key is None:
        return None
    return {
        "format": FORMAT,
        "portfolio": str(portfolio.resolve()),
        "file": file_key,
        "cities": _file_key(data_dir() / CITY_OVERRIDES_FILENAME),
        "engine": engine_fingerprint(),
    }


def _is_default(portfolio: Path) -> bool:
    try:
        return portfolio.resolve() == default_portfolio_path().resolve()
    except OSError:
        return False


def write(portfolio: Path, rows: Iterable[RowView], example: bool) -> bool:
    """Record ``rows`` (the engine's, for the file as it is on disk now) for the next start.

    Only for the default portfolio (the one opened at start-up). Returns True when written;
    failures are silent: the cache is an optimisation, and a missing one means recomputing.
    """
    portfolio = Path(portfolio)
    if not _is_default(portfolio):
        return False
    key = cache_key(portfolio)
    if key is None:
        return False
    payload = {"key": key, "example": bool(example),
               "rows": [_row_to_json(r) for r in rows]}
    target = cache_path()
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def discard() -> None:
    """Remove the cache (e.g. when the rows it holds can no longer be trusted)."""
    try:
        cache_path().unlink(missing_ok=True)
    except OSError:
        pass


class CachedTable:
    """Rows read back from a cache that matches the portfolio file."""

    def __init__(self, portfolio: Path, rows: list[RowView], example: bool) -> None:
        self.portfolio = portfolio
        self.rows = rows
        self.example = example


def read(portfolio: Path | None = None) -> CachedTable | None:
    """The cached rows for ``portfolio`` (default: the default portfolio), or None.

    None when there is no cache, when it is corrupt or of another format, or when anything it
    was computed from has changed since.
    """
    portfolio = Path(portfolio) if portfolio is not None else default_portfolio_path()
    try:
        payload = json.loads(_small_text(cache_path()))
        rows = [_row_from_json(r) for r in payload["rows"]]
        example = payload["example"]
        stored_key = payload["key"]
    except _UNREADABLE:
        return None
    if not isinstance(example, bool) or not isinstance(stored_key, dict):
        return None
    if stored_key.get("format") != FORMAT or stored_key != cache_key(portfolio):
        return None
    return CachedTable(portfolio, rows, example)


def _small_text(path: Path) -> str:
    """The file's text; ValueError when it is larger than :data:`MAX_READ_BYTES`."""
    with path.open("rb") as f:
        data = f.read(MAX_READ_BYTES + 1)
    if len(data) > MAX_READ_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_READ_BYTES} bytes")
    return data.decode("utf-8")


def preview(portfolio: Path | None = None) -> CachedTable | None:
    """Rows that name the portfolio's offers, read from the file with plain ``json``.

    For a start without a usable cache: the table shows the offers (company, role, city, pay)
    at once and the engine's figures when the portfolio has loaded. Before the first start has
    written the default portfolio, the example it will be seeded with is read. None when the
    file is not a portfolio this simple reading understands (the engine's load decides).
    """
    portfolio = Path(portfolio) if portfolio is not None else default_portfolio_path()
    source = portfolio
    if not portfolio.exists() and _is_default(portfolio):
        from offerlens.ui.resources import example_portfolio_path

        source = example_portfolio_path()
    try:
        data = json.loads(_small_text(source))
        offers = data["offers"]
        example = data.get("example", False)
        if not isinstance(offers, list) or not isinstance(example, bool):
            return None
        rows = [
            RowView(
                id=_str(o["id"]), company=_str(o["company"]), role=_str(o.get("role", "")),
                city=_str(o.get("city", "")), pay=_str(o.get("pay") or ""), pending=True,
            )
            for o in offers
        ]
    except _UNREADABLE:
        return None
    return CachedTable(portfolio, rows, example)


# -- (de)serialising rows, strictly: a cache that does not have exactly this shape is unused ---


def _row_to_json(row: RowView) -> dict:
    return {
        "id": row.id, "company": row.company, "role": row.role, "city": row.city,
        "pay": row.pay, "error": row.error, "evaluated": row.evaluated,
        "first_year": row.first_year, "steady": row.steady, "tier": row.tier,
        "tier_rank": row.tier_rank,
        "tier_label": list(row.tier_label) if row.tier_label else None,
        "next_tier_label": list(row.next_tier_label) if row.next_tier_label else None,
        "to_next": row.to_next, "percentile": row.percentile,
        "flags": [list(f) for f in row.flags], "risky": row.risky,
    }


def _str(value, optional: bool = False):
    if isinstance(value, str) or (optional and value is None):
        return value
    raise TypeError("not a string")


def _int(value, optional: bool = False):
    if (isinstance(value, int) and not isinstance(value, bool)) or (optional and value is None):
        return value
    raise TypeError("not an integer")


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError("not a boolean")


def _pair(value):
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 2:
        return (_str(value[0]), _str(value[1]))
    raise TypeError("not a label pair")


def _row_from_json(data) -> RowView:
    if not isinstance(data, dict):
        raise TypeError("not a row")
    percentile = data["percentile"]
    if percentile is not None:
        if isinstance(percentile, bool) or not isinstance(percentile, (int, float)):
            raise TypeError("percentile")
        if not 0 <= percentile <= 100:
            raise ValueError("percentile")
        percentile = float(percentile)
    flags = data["flags"]
    if not isinstance(flags, list):
        raise TypeError("flags")
    parsed_flags = []
    for flag in flags:
        if not isinstance(flag, list) or len(flag) != 3:
            raise TypeError("flag")
        parsed_flags.append((_str(flag[0]), _str(flag[1]), _str(flag[2])))
    return RowView(
        id=_str(data["id"]), company=_str(data["company"]), role=_str(data["role"]),
        city=_str(data["city"]), pay=_str(data["pay"]), error=_str(data["error"], True),
        evaluated=_bool(data["evaluated"]), first_year=_int(data["first_year"]),
        steady=_int(data["steady"]), tier=_str(data["tier"], True),
        tier_rank=_int(data["tier_rank"]), tier_label=_pair(data["tier_label"]),
        next_tier_label=_pair(data["next_tier_label"]), to_next=_int(data["to_next"], True),
        percentile=percentile, flags=tuple(parsed_flags), risky=_bool(data["risky"]),
    )
