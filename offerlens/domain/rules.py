"""Declarative flag rules: data in ``offerlens/data/rules.json``, matched against facts.

A rule is a list of ``[fact, op, value]`` conditions and a message template; nothing is
evaluated as code. Templates name facts in braces and are filled from a prepared dict.
"""

from __future__ import annotations

import json
import string
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from offerlens.domain.bands import Dataset, Segment
from offerlens.domain.results import Citation, Flag, Severity

Op = Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "true", "false", "set"]


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    severity: Severity
    when: list[tuple[str, Op] | tuple[str, Op, Any]]
    message: str
    message_zh: str
    cite: str | dict[str, str]


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str
    note: str = ""
    rules: list[Rule]


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    text = resources.files("offerlens.data").joinpath("rules.json").read_text(encoding="utf-8")
    return RuleSet.model_validate(json.loads(text))


def _resolve(value: Any, dataset: Dataset) -> Any:
    if not isinstance(value, dict):
        return value
    if "assumption" in value:
        return dataset.assumption(value["assumption"]).value
    if "figure" in value:
        number = getattr(dataset.figure(value["figure"]), value.get("field", "value"))
        if "margin" in value:
            number *= 1 + (dataset.assumption(value["margin"]).value or 0) / 100
        return number
    raise ValueError(f"unknown value reference {value}")


def _holds(fact: Any, op: Op, target: Any) -> bool:
    if op == "set":
        return fact is not None
    if op == "true":
        return fact is True
    if op == "false":
        return fact is False
    if fact is None:
        return False
    if op == "eq":
        return fact == target
    if op == "ne":
        return fact != target
    if op == "in":
        return fact in target
    return {"lt": fact < target, "le": fact <= target, "gt": fact > target, "ge": fact >= target}[
        op
    ]


def matches(rule: Rule, facts: dict[str, Any], dataset: Dataset) -> bool:
    for cond in rule.when:
        name, op, *rest = cond
        target = _resolve(rest[0], dataset) if rest else None
        if not _holds(facts.get(name), op, target):
            return False
    return True


def fill(template: str, texts: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders only; no attribute access or indexing."""
    out = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            out.append(str(texts.get(field, "{" + field + "}")) if field.isidentifier() else "")
    return "".join(out)


def citation_for(
    rule: Rule, dataset: Dataset, segment: Segment | None
) -> tuple[Citation | None, bool]:
    """The citation behind a rule and whether it rests on an assumption instead."""
    cite = rule.cite
    if isinstance(cite, dict):
        if segment is None:
            return None, True
        anchor = segment.anchors[cite["anchor"]]  # type: ignore[index]
        if anchor.figure:
            return dataset.figure(anchor.figure).citations[0], False
        return None, True
    for lookup in (dataset.figure, dataset.risk):
        try:
            return lookup(cite).citations[0], False
        except KeyError:
            continue
    dataset.assumption(cite)  # must exist
    return None, True


def run_rules(
    facts: dict[str, Any], texts: dict[str, str], dataset: Dataset, segment: Segment | None
) -> list[Flag]:
    """All flags whose conditions hold, in rule order."""
    flags = []
    for rule in load_rules().rules:
        if matches(rule, facts, dataset):
            source, assumption = citation_for(rule, dataset, segment)
            flags.append(
                Flag(
                    id=rule.id,
                    severity=rule.severity,
                    message=fill(rule.message, texts),
                    message_zh=fill(rule.message_zh, texts),
                    source=source,
                    assumption=assumption,
                )
            )
    return flags
