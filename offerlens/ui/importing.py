"""Import offers from another portfolio file or from a CSV file with a header row.

CSV columns are Offer field names (``company``, ``role``, ``city``, ``pay``, ``monthly_base``,
``months``, ``sign_on``, ``deadline`` …; case and spaces do not matter), plus ``equity_grant``,
``equity_years`` and ``equity_kind`` for a simple grant. A row that does not validate is skipped
and reported with its line number and field; the valid rows are imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

MAX_CSV_BYTES = 2 * 1024 * 1024
EQUITY_COLUMNS = {"equity_grant": "grant_value", "equity_years": "years",
                  "equity_kind": "kind", "equity_cliff_months": "cliff_months"}


@dataclass
class ImportResult:
    offers: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_csv_offers(path: Path) -> ImportResult:
    from pydantic import ValidationError

    from offerlens.domain.errors import field_errors
    from offerlens.domain.models import Offer

    result = ImportResult()
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        result.problems.append(f"{path}: {exc.strerror or exc}")
        return result
    if len(raw) > MAX_CSV_BYTES:
        result.problems.append(f"{path}: file is larger than {MAX_CSV_BYTES:,} bytes")
        return result
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            result.problems.append(f"{path}: not UTF-8 or GB18030 text")
            return result
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        result.problems.append(f"{path}: the file is empty")
        return result
    except csv.Error as exc:
        result.problems.append(f"{path}: {exc}")
        return result
    columns = [_key(h) for h in header]
    known = set(Offer.model_fields) | set(EQUITY_COLUMNS)
    unknown = [h for h, c in zip(header, columns, strict=True) if c and c not in known]
    if unknown:
        result.problems.append(
            f"{path}: unknown column(s) {', '.join(unknown)}; use Offer field names such as "
            "company, role, city, pay, monthly_base, months, sign_on"
        )
        return result
    if "company" not in columns:
        result.problems.append(f"{path}: the header row has no 'company' column")
        return result
    try:
        for line_no, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            data: dict = {}
            equity: dict = {}
            for column, cell in zip(columns, cells, strict=False):
                value = cell.strip()
                if not column or not value:
                    continue
                if column in EQUITY_COLUMNS:
                    equity[EQUITY_COLUMNS[column]] = value
                elif column in ("non_compete", "annual_bonus_guaranteed", "hukou"):
                    data[column] = value.lower() in ("1", "true", "yes", "y", "是")
                else:
                    data[column] = value.replace(",", "") if column != "pay" and \
                        column not in ("company", "role", "city", "notes", "talent_program") \
                        else value
            if equity:
                data["equity"] = equity
            data.pop("id", None)
            try:
                result.offers.append(Offer.model_validate(data))
            except ValidationError as err:
                for item in field_errors(err, Offer):
                    result.problems.append(f"line {line_no}: {item}")
    except csv.Error as exc:
        result.problems.append(f"{path}: {exc}")
    return result


def read_portfolio_offers(path: Path) -> ImportResult:
    from offerlens.store import StoreError, read_portfolio

    result = ImportResult()
    try:
        result.offers = list(read_portfolio(path).offers)
    except StoreError as exc:
        result.problems.append(str(exc))
    return result


def read_offers(path: Path) -> ImportResult:
    """Offers from ``path``: a CSV file by its extension, otherwise a portfolio file."""
    if Path(path).suffix.lower() == ".csv":
        return read_csv_offers(path)
    return read_portfolio_offers(path)
