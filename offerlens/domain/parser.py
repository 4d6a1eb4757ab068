"""Quick-entry parser for offer shorthand such as ``35k*16 + 签字费10w``.

Interface only; the grammar is being written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ParseError(ValueError):
    """A quick-entry string could not be read; names the token and its position."""

    def __init__(self, message: str, token: str, position: int) -> None:
        super().__init__(f"{message}: '{token}' at position {position}")
        self.token = token
        self.position = position
        self.reason = message


@dataclass
class ParseResult:
    """What a quick-entry string said, as Offer field values."""

    fields: dict[str, Any]
    understood: list[str] = field(default_factory=list)  # human lines: "monthly base 35,000 × 16"
    ambiguities: list[str] = field(default_factory=list)  # "13*20 read as 20k × 13; could be …"


def parse_pay(text: str) -> ParseResult:
    raise ParseError("parser not written yet", text, 0)
