"""Human messages for pydantic validation errors, one line per error.

Used by the store (file errors), the CLI (stderr) and the UI (inline field errors), so that a
person reads ``offers[2].months: must be between 12 and 24`` instead of a pydantic dump.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, ValidationError

_MAX_INPUT_SHOWN = 40


@dataclass(frozen=True)
class FieldError:
    """One validation problem: where it is (``offers[2].months``) and what is wrong."""

    loc: tuple[str | int, ...]
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def field_path(loc: tuple[str | int, ...]) -> str:
    """``("offers", 2, "months")`` → ``offers[2].months``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def field_errors(err: ValidationError, model: type[BaseModel] | None = None) -> list[FieldError]:
    """Each error of ``err`` as a located human message.

    ``model`` is the model that was validated; it is used to state both bounds of a range
    ("between 12 and 24"). Without it the model is looked up by the error's title among the
    domain models.
    """
    model = model or _model_by_title(err.title)
    out: list[FieldError] = []
    for item in err.errors(include_url=False):
        loc = tuple(p for p in item.get("loc", ()) if not _is_internal_loc(p))
        out.append(FieldError(loc, field_path(loc), _message(item, model, loc)))
    return out


def format_validation_error(
    err: ValidationError, model: type[BaseModel] | None = None
) -> list[str]:
    """One clear line per error, such as ``offers[2].months: must be between 12 and 24``."""
    return [str(e) for e in field_errors(err, model)]


# -- internals -----------------------------------------------------------------------------


def _is_internal_loc(part: Any) -> bool:
    # pydantic adds tags such as "function-after[_finite(), float]" to locations of
    # annotated types; they mean nothing to a reader.
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _model_by_title(title: str) -> type[BaseModel] | None:
    from offerlens.domain import models

    candidate = getattr(models, title, None)
    if isinstance(candidate, type) and issubclass(candidate, BaseModel):
        return candidate
    return None


def _short(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value).lower()
    if isinstance(value, int | float):
        text = repr(value)
    elif isinstance(value, str):
        text = repr(value)
    else:
        return None
    if len(text) > _MAX_INPUT_SHOWN:
        text = text[: _MAX_INPUT_SHOWN - 1] + "…"
    return text


def _fmt_num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}"
    return str(value)


def _message(item: dict[str, Any], model: type[BaseModel] | None, loc: tuple) -> str:
    kind = item.get("type", "")
    ctx = item.get("ctx") or {}
    got = _short(item.get("input"))
    suffix = f" (got {got})" if got is not None else ""

    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        lo, hi = _bounds(model, loc)
        if lo is not None and hi is not None:
            return f"must be between {_fmt_num(lo[1])} and {_fmt_num(hi[1])}{suffix}"
        word = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        key = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt",
               "less_than": "lt"}[kind]
        return f"must be {word} {_fmt_num(ctx.get(key))}{suffix}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number{suffix}"
    if kind in ("float_parsing", "float_type"):
        return f"must be a number{suffix}"
    if kind == "finite_number":
        return "must be a finite number"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false{suffix}"
    if kind in ("string_type",):
        return f"must be text{suffix}"
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return "must not be empty"
        return f"must be at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} items (has {ctx.get('actual_length')})"
    if kind == "too_short":
        return f"must have at least {ctx.get('min_length')} items"
    if kind == "enum":
        return f"must be one of {ctx.get('expected')}{suffix}"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type",
                "date_from_datetime_inexact"):
        return f"must be a date such as 2024-09-01{suffix}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be an object ({…})"
    if kind == "list_type":
        return "must be a list ([…])"
    if kind in ("value_error", "assertion_error"):
        err = ctx.get("error")
        text = str(err) if err is not None else item.get("msg", "")
        for prefix in ("Value error, ", "Assertion failed, "):
            text = text.removeprefix(prefix)
        return text
    msg = str(item.get("msg", "invalid value"))
    return (msg[:1].lower() + msg[1:] if msg else "invalid value") + suffix


def _bounds(model: type[BaseModel] | None, loc: tuple) -> tuple[Any, Any]:
    """(lower, upper) bounds of the field at ``loc``, each ``(kind, value)`` or None."""
    metadata = _field_metadata(model, loc) if model is not None else []
    lo = hi = None
    for m in metadata:
        if isinstance(m, Ge):
            lo = ("ge", m.ge)
        elif isinstance(m, Gt):
            lo = ("gt", m.gt)
        elif isinstance(m, Le):
            hi = ("le", m.le)
        elif isinstance(m, Lt):
            hi = ("lt", m.lt)
    # "between" reads naturally only for inclusive bounds
    if lo and lo[0] != "ge" or hi and hi[0] != "le":
        return None, None
    return lo, hi


def _field_metadata(model: type[BaseModel], loc: tuple) -> list[Any]:
    """Constraint metadata of the field at ``loc`` (best effort; [] when unknown)."""
    current: Any = model
    metadata: list[Any] = []
    try:
        for part in loc:
            current, extra = _unwrap(current)
            if isinstance(part, int):
                args = typing.get_args(current)
                if typing.get_origin(current) is not list or not args:
                    return []
                current, metadata = args[0], extra
            elif isinstance(current, type) and issubclass(current, BaseModel):
                info = current.model_fields.get(part)
                if info is None:
                    return []
                current, metadata = info.annotation, list(info.metadata)
            elif typing.get_origin(current) is dict:
                current, metadata = typing.get_args(current)[1], []
            else:
                return []
        current, extra = _unwrap(current)
        return metadata + extra
    except (TypeError, IndexError, AttributeError):
        return []


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """Strip Optional/Annotated, collecting Annotated metadata (incl. FieldInfo constraints)."""
    extra: list[Any] = []
    for _ in range(10):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            tp = args[0]
            for meta in args[1:]:
                extra.extend(getattr(meta, "metadata", [meta]))
            continue
        if origin in (typing.Union, types.UnionType):
            non_none = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(non_none) == 1:
                tp = non_none[0]
                continue
        break
    return tp, [m for m in extra if isinstance(m, Ge | Gt | Le | Lt | MaxLen | MinLen)]
