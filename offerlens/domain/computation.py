"""One line of "how this was computed", shared by the evaluation and the take-home modules."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ComputationLine(BaseModel):
    """One line of "how this was computed"."""

    model_config = ConfigDict(extra="forbid")

    label: str
    amount: int | None = None
    detail: str = ""
