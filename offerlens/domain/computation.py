"""One line of "how this was computed", shared by the evaluation and the take-home modules.

Also the two pieces that keep the engine fast without changing what it returns:
:func:`trusted` builds a result model from values the engine computed itself, and
:class:`Explained` writes a model's computation lines (or other texts made from its
numbers) only when they are first read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer
from pydantic_core import PydanticUndefined


class ComputationLine(BaseModel):
    """One line of "how this was computed"."""

    model_config = ConfigDict(extra="forbid")

    label: str
    amount: int | None = None
    detail: str = ""


M = TypeVar("M", bound=BaseModel)

class _Shape:
    """What :func:`trusted` needs to know about a model class, read once per class."""

    __slots__ = ("count", "factories", "later_count", "later_names", "names", "order", "plain")

    def __init__(self, cls: type[BaseModel]) -> None:
        self.plain: dict[str, Any] = {}
        self.factories: dict[str, Callable[[], Any]] = {}
        for name, field in cls.model_fields.items():
            if field.default_factory is not None:
                self.factories[name] = field.default_factory  # type: ignore[assignment]
            elif field.default is not PydanticUndefined:
                self.plain[name] = field.default
        self.order = tuple(cls.model_fields)
        self.count = len(self.order)
        # an Explained model given LATER instead of its later fields
        later = getattr(cls, "LATER_FIELDS", ())
        self.later_count = self.count - len(later) + 1
        # the keys of a complete ``values``, with and without the later fields
        self.names = frozenset(self.order)
        self.later_names = self.names.difference(later) | {LATER}


_shapes: dict[type, _Shape] = {}


def _shape(cls: type[BaseModel]) -> _Shape:
    shape = _shapes.get(cls)
    if shape is None:
        shape = _shapes[cls] = _Shape(cls)
    return shape


def _in_order(values: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """``values`` with the fields in declaration order (dumps follow it), other keys last."""
    ordered = {name: values[name] for name in order if name in values}
    for name, value in values.items():
        if name not in ordered:
            ordered[name] = value
    return ordered


_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__  # the slots every model instance has
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values``, which the engine computed itself.

    The same object as ``cls.model_construct(**values)`` (no validation; fields not given
    take their defaults), built directly: pydantic's ``model_construct`` walks every field in
    Python and is slower than validating a small model. Only for values already known to be
    valid — the engine's own integers and labels, never user input. ``values`` becomes the
    instance's ``__dict__``; give every field, in declaration order, for the fast path. When
    it holds :data:`LATER`, the later fields are left out (see :class:`Explained`).
    """
    try:
        shape = _shapes[cls]
    except KeyError:
        shape = _shape(cls)
    size = len(values)
    if LATER in values:
        if size == shape.later_count:
            names = shape.later_names
        else:
            values = _with_defaults(cls, shape, values)
            names = values.keys()
    elif size == shape.count:
        names = shape.names
    else:
        values = _with_defaults(cls, shape, values)
        names = values.keys()
    obj = _new(cls)
    _set_dict(obj, values)
    _set_fields_set(obj, set(names))  # a set of a frozenset copies its table
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


def maker(cls: type[M], *, later: bool = False) -> Callable[[dict[str, Any]], M]:
    """:func:`trusted` for one class on a hot path, without its checks.

    The values given to the returned function must hold every field of ``cls`` in
    declaration order (with :data:`LATER` instead of the later fields when ``later``); the
    engine's dump-and-validate round trip test (tests/test_engine_exactness.py) holds each
    use to that.
    """
    shape = _shape(cls)
    names = shape.later_names if later else shape.names

    def make(values: dict[str, Any]) -> M:
        obj = _new(cls)
        _set_dict(obj, values)
        _set_fields_set(obj, set(names))
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    return make


def _with_defaults(cls: type[BaseModel], shape: _Shape, values: dict[str, Any]) -> dict[str, Any]:
    given: Any = values.keys()
    if LATER in values:  # an Explained model whose later fields are written when first read
        given = given | set(cls.LATER_FIELDS)  # type: ignore[attr-defined]
    for name, default in shape.plain.items():
        if name not in given:
            values[name] = default
    for name, factory in shape.factories.items():
        if name not in given:
            values[name] = factory()
    return _in_order(values, shape.order)


#: key in an :class:`Explained` instance's ``__dict__`` holding how to write its later fields
LATER = "_later"


class Explained(BaseModel):
    """A model whose explanatory text fields (``LATER_FIELDS``) may be written on first read.

    The engine leaves those fields out and puts ``(function, args)`` under :data:`LATER` in
    the instance's ``__dict__``; ``function(*args, model)`` returns their values, in the
    order of ``LATER_FIELDS``. Reading one of them, dumping, comparing or iterating the model
    writes them once and keeps them. A model validated the usual way (from JSON, say) holds
    them like any other field.
    """

    LATER_FIELDS: ClassVar[tuple[str, ...]] = ("lines",)

    def _write_later(self) -> None:
        state = self.__dict__
        later = state.pop(LATER, None)
        if later is None:
            return
        function, args = later
        values = function(*args, self)
        fields = self.LATER_FIELDS
        if len(fields) == 1:
            state[fields[0]] = values
        else:
            state.update(zip(fields, values, strict=True))
        # in declaration order again, as dumps follow the order of __dict__
        ordered = _in_order(state, _shape(type(self)).order)
        state.clear()
        state.update(ordered)

    def __getattr__(self, name: str) -> Any:
        if name in self.LATER_FIELDS and LATER in self.__dict__:
            self._write_later()
            return self.__dict__[name]
        return super().__getattr__(name)  # type: ignore[misc]

    @model_serializer(mode="wrap")
    def _serialize_written(self, handler: SerializerFunctionWrapHandler) -> Any:
        self._write_later()
        return handler(self)

    def __eq__(self, other: object) -> bool:
        self._write_later()
        if isinstance(other, Explained):
            other._write_later()
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # mutable models are not hashable

    def __iter__(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        self._write_later()
        return super().__iter__()

    def __repr_args__(self) -> Any:
        self._write_later()
        return super().__repr_args__()
