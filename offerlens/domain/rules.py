"""Declarative flag rules: data in ``offerlens/data/rules.json``, matched against facts.

A rule is a list of ``[fact, op, value]`` conditions and a message template; nothing is
evaluated as code. Templates name facts in braces and are filled from a prepared mapping.

Rules are compiled once per dataset (:func:`compiled_rules`): value references resolved,
templates split, citations looked up, so that judging an offer only compares facts.
"""

from __future__ import annotations

import json
import operator
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from offerlens.domain.bands import Dataset, Segment
from offerlens.domain.computation import LATER, maker
from offerlens.domain.results import Citation, Flag, Severity

_new_flag = maker(Flag, later=True)

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


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "in": lambda fact, target: fact in target,
}


def _holds(fact: Any, op: Op, target: Any) -> bool:
    if op == "set":
        return fact is not None
    if op == "true":
        return fact is True
    if op == "false":
        return fact is False
    if fact is None:
        return False
    return _COMPARE[op](fact, target)


def matches(rule: Rule, facts: dict[str, Any], dataset: Dataset) -> bool:
    for cond in rule.when:
        name, op, *rest = cond
        target = _resolve(rest[0], dataset) if rest else None
        if not _holds(facts.get(name), op, target):
            return False
    return True


Template = tuple[tuple[str, str | None], ...]


def split_template(template: str) -> Template:
    """``"a {x} b"`` → ``(("a ", "x"), (" b", None))``; fields that are not plain names drop."""
    parts = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        if field is not None and not field.isidentifier():
            field = ""
        parts.append((literal, field))
    return tuple(parts)


def fill_parts(parts: Template, texts: Mapping[str, str]) -> str:
    """Fill split template parts; a name ``texts`` lacks stays as ``{name}``."""
    out = []
    for literal, field in parts:
        out.append(literal)
        if field:
            try:
                text = texts[field]
            except KeyError:
                text = "{" + field + "}"
            out.append(text if type(text) is str else str(text))
    return "".join(out)


def format_string(parts: Template) -> str:
    """Split parts as one ``str.format_map`` string holding only plain ``{name}`` fields.

    ``format_string(parts).format_map(texts)`` equals ``fill_parts(parts, texts)`` whenever
    ``texts`` has every name (texts are strings); on a KeyError fall back to ``fill_parts``.
    """
    out = []
    for literal, field in parts:
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if field:
            out.append("{" + field + "}")
    return "".join(out)


def fill(template: str, texts: Mapping[str, str]) -> str:
    """Fill ``{name}`` placeholders only; no attribute access or indexing."""
    return fill_parts(split_template(template), texts)


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


Test = Callable[[Mapping[str, Any]], bool]


def condition_test(name: str, op: Op, target: Any) -> Test:
    """One condition as a function of the facts; the same outcome as :func:`_holds`."""
    if op == "set":
        return lambda facts: facts.get(name) is not None
    if op == "true":
        return lambda facts: facts.get(name) is True
    if op == "false":
        return lambda facts: facts.get(name) is False
    compare = _COMPARE[op]

    def test(facts: Mapping[str, Any]) -> bool:
        fact = facts.get(name)
        return fact is not None and compare(fact, target)

    return test


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule with its value references resolved against one dataset."""

    rule: Rule
    conditions: tuple[tuple[str, Op, Any], ...]
    tests: tuple[Test, ...]
    message: Template
    message_zh: Template
    citation: tuple[Citation | None, bool] | None  # None: depends on the segment (anchor)
    message_format: str = ""  # format_string(message)
    message_zh_format: str = ""
    # the first condition as (fact, value, by identity) when it is eq/true/false, and the
    # tests of the other conditions: run_rules checks the gate inline, without a call
    gate: tuple[str, Any, bool] | None = None
    rest: tuple[Test, ...] = ()

    def holds(self, facts: Mapping[str, Any]) -> bool:
        for test in self.tests:
            if not test(facts):
                return False
        return True


def compile_rules(rules: RuleSet, dataset: Dataset) -> tuple[CompiledRule, ...]:
    compiled = []
    for rule in rules.rules:
        conditions = tuple(
            (name, op, _resolve(rest[0], dataset) if rest else None)
            for name, op, *rest in rule.when
        )
        by_anchor = isinstance(rule.cite, dict)
        message, message_zh = split_template(rule.message), split_template(rule.message_zh)
        compiled.append(
            CompiledRule(
                rule=rule,
                conditions=conditions,
                tests=tuple(condition_test(*cond) for cond in conditions),
                message=message,
                message_zh=message_zh,
                citation=None if by_anchor else citation_for(rule, dataset, None),
                message_format=format_string(message),
                message_zh_format=format_string(message_zh),
                **_gate(conditions),
            )
        )
    return tuple(compiled)


def _gate(conditions: tuple[tuple[str, Op, Any], ...]) -> dict[str, Any]:
    """``gate`` and ``rest`` for :class:`CompiledRule`; the same outcome as its ``tests``."""
    tests = tuple(condition_test(*cond) for cond in conditions)
    if conditions:
        name, op, target = conditions[0]
        if op in ("true", "false"):  # fact is True / fact is False
            return {"gate": (name, op == "true", True), "rest": tests[1:]}
        if op == "eq" and isinstance(target, str | int | float):
            # fact is not None and fact == target ⇔ fact == target, the target being a value
            return {"gate": (name, target, False), "rest": tests[1:]}
    return {"gate": None, "rest": tests}


@dataclass(frozen=True, slots=True)
class RulePlan:
    """Compiled rules arranged so that an offer is only tested against rules that can fire.

    ``gates`` holds, for each fact that opens some rules with an ``eq``/``true``/``false``
    first condition, a table from the fact's value to ``(positions, gate)`` of those rules
    (``gate``: the gate's index when it is an identity gate, else -1); ``tables`` are those
    tables in the same order and ``gate_facts`` reads their facts from a mapping in one call.
    Identity gates (``true``/``false``) have the keys True and False and open only for a
    fact that is a bool. ``presence`` lists ``(fact, positions)`` of rules whose first
    condition is ``set``; ``ungated`` the positions of the other rules. ``rests[position]``
    are the tests left once a rule's gate has opened (all of them for an ungated rule). A
    rule's position is its place in the rule file, which keeps the flags in rule order.
    """

    rules: tuple[CompiledRule, ...]
    gates: tuple[tuple[str, dict[Any, tuple[tuple[int, ...], int]]], ...]
    tables: tuple[dict[Any, tuple[tuple[int, ...], int]], ...]
    gate_facts: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    presence: tuple[tuple[str, tuple[int, ...]], ...]
    ungated: tuple[int, ...]
    rests: tuple[tuple[Test, ...], ...]


def plan_rules(compiled: tuple[CompiledRule, ...]) -> RulePlan:
    tables: dict[tuple[str, bool], dict[Any, list[int]]] = {}
    presence: dict[str, list[int]] = {}
    ungated = []
    rests: list[tuple[Test, ...]] = []
    for position, rule in enumerate(compiled):
        rests.append(rule.rest)
        if rule.gate is not None:
            name, value, by_identity = rule.gate
            tables.setdefault((name, by_identity), {}).setdefault(value, []).append(position)
        elif rule.conditions and rule.conditions[0][1] == "set":
            presence.setdefault(rule.conditions[0][0], []).append(position)
            rests[position] = rule.tests[1:]
        else:
            ungated.append(position)
    gates = tuple(
        (name, {value: (tuple(at), index if by_identity else -1) for value, at in table.items()})
        for index, ((name, by_identity), table) in enumerate(tables.items())
    )
    return RulePlan(
        rules=compiled,
        gates=gates,
        tables=tuple(table for _, table in gates),
        gate_facts=_getter([name for name, _ in gates]),
        presence=tuple((name, tuple(at)) for name, at in presence.items()),
        ungated=tuple(ungated),
        rests=tuple(rests),
    )


def _getter(names: list[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """``lambda facts: tuple(facts[n] for n in names)``, in one call."""
    if len(names) == 1:  # itemgetter of one name returns the value, not a tuple
        only = names[0]
        return lambda facts: (facts[only],)
    if not names:
        return lambda facts: ()
    return operator.itemgetter(*names)


# id(dataset) -> (dataset, rule set, plan); the dataset is held so its id stays unique
_compiled: dict[int, tuple[Dataset, RuleSet, RulePlan]] = {}


def compiled_rules(dataset: Dataset) -> tuple[CompiledRule, ...]:
    """The shipped rules compiled against ``dataset`` (cached per dataset object)."""
    return rule_plan(dataset).rules


def rule_plan(dataset: Dataset) -> RulePlan:
    """:func:`compiled_rules` arranged by their first condition (cached per dataset object)."""
    rules = load_rules()
    hit = _compiled.get(id(dataset))
    if hit is not None and hit[0] is dataset and hit[1] is rules:
        return hit[2]
    if len(_compiled) >= 8:
        _compiled.clear()
    _anchor_citations.clear()  # ids of datasets no longer held may be reused
    plan = plan_rules(compile_rules(rules, dataset))
    _compiled[id(dataset)] = (dataset, rules, plan)
    return plan


def messages(compiled: CompiledRule, texts: Mapping[str, str], _flag: Flag) -> tuple[str, str]:
    """The English and Chinese messages of a rule that fired, filled from ``texts``."""
    try:
        return (
            compiled.message_format.format_map(texts),
            compiled.message_zh_format.format_map(texts),
        )
    except KeyError:  # a name without a text stays as {name}
        return fill_parts(compiled.message, texts), fill_parts(compiled.message_zh, texts)


# (id(dataset), rule id, id(segment)) -> citation of a rule cited by the segment's anchor; the
# compiled-rules cache holds the dataset (and so its segments) while an entry is in use
_anchor_citations: dict[tuple[int, str, int], tuple[Citation | None, bool]] = {}


def _anchor_citation(
    compiled: CompiledRule, dataset: Dataset, segment: Segment | None
) -> tuple[Citation | None, bool]:
    key = (id(dataset), compiled.rule.id, id(segment))
    found = _anchor_citations.get(key)
    if found is None:
        found = citation_for(compiled.rule, dataset, segment)
        if len(_anchor_citations) >= 512:
            _anchor_citations.clear()
        _anchor_citations[key] = found
    return found


def _gated(plan: RulePlan, facts: Mapping[str, Any]) -> list[int]:
    """The positions :func:`run_rules` finds by its gates, for facts lacking some names."""
    found: list[int] = []
    for name, table in plan.gates:
        fact = facts.get(name)
        try:
            hit = table.get(fact)
        except TypeError:  # an unhashable fact equals none of the values
            continue
        if hit is not None and (hit[1] < 0 or type(fact) is bool):
            found += hit[0]
    for name, at in plan.presence:
        if facts.get(name) is not None:
            found += at
    return found


def run_rules(
    facts: Mapping[str, Any],
    texts: Mapping[str, str],
    dataset: Dataset,
    segment: Segment | None,
) -> list[Flag]:
    """All flags whose conditions hold, in rule order.

    ``texts`` is only read for the placeholders of rules that fire, when a flag's message is
    first read, so it may compute its values lazily; it must not change afterwards.
    """
    plan = rule_plan(dataset)
    # the rules whose first condition holds (tables looked up in C), then the ungated ones
    try:
        values = plan.gate_facts(facts)
        candidates: list[int] = []
        for at, gate in filter(None, map(dict.get, plan.tables, values)):
            if gate < 0 or type(values[gate]) is bool:
                candidates += at
        for name, at in plan.presence:
            if facts[name] is not None:
                candidates += at
    except (KeyError, TypeError):  # facts without some names (None) or an unhashable fact
        candidates = _gated(plan, facts)
    candidates += plan.ungated
    candidates.sort()
    rules, rests = plan.rules, plan.rests
    flags = []
    for position in candidates:
        for test in rests[position]:
            if not test(facts):
                break
        else:
            compiled = rules[position]
            rule = compiled.rule
            source, assumption = compiled.citation or _anchor_citation(compiled, dataset, segment)
            # the rule's own id and severity, a citation from the validated dataset and the
            # messages, filled in when first read
            flags.append(
                _new_flag(
                    {
                        "id": rule.id,
                        "severity": rule.severity,
                        "source": source,
                        "assumption": assumption,
                        LATER: (messages, (compiled, texts)),
                    },
                )
            )
    return flags
