"""Escaping user text for the formats OfferLens writes (Markdown, CSV)."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def markdown_escape(text: str) -> str:
    """Backslash-escape Markdown and HTML-significant characters; flatten newlines."""
    text = text.replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def csv_safe(text: str) -> str:
    """Neutralise spreadsheet formulas (=, +, -, @ …) by prefixing a quote."""
    if text.startswith(_CSV_FORMULA_START) or text.lstrip().startswith(_CSV_FORMULA_START[:4]):
        return "'" + text
    return text
