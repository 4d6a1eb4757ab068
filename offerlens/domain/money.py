"""Formatting yuan for people: 416,000 / ¥416k (English) and 41.6万 (Chinese)."""

from __future__ import annotations


def group(amount: int) -> str:
    """Thousands separators: 416000 → '416,000'."""
    return f"{amount:,}"


def compact(amount: int, lang: str = "en") -> str:
    """Short form for tables and badges: ¥416k / 41.6万; millions as ¥1.5M / 150万."""
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    if lang.startswith("zh"):
        if value >= 10_000:
            return f"{sign}{_trim(value / 10_000)}万"
        return f"{sign}{value:,}元"
    if value >= 1_000_000:
        return f"{sign}¥{_trim(value / 1_000_000, 2)}M"
    if value >= 1_000:
        return f"{sign}¥{_trim(value / 1_000)}k"
    return f"{sign}¥{value}"


def _trim(number: float, digits: int = 1) -> str:
    text = f"{number:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
