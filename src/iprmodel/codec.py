# SPDX-License-Identifier: MIT
"""The fast paths of loading and writing: one generated Python function per model class.

:func:`iprmodel.serialization.structure` reads every document with a :class:`Decoder`
first, and :func:`~iprmodel.serialization.unstructure` writes with an :class:`Encoder`.

Decoder
-------

For each class the decoder writes and compiles one function that takes the plain
dict, checks every key's type with the converter's rules, runs the class's own
validators (inline where :data:`~iprmodel.model._fields.FAST_CHECKS` has an expression
for them, otherwise by calling them), builds the object the way the attrs ``__init__``
does, and checks every reference against the ids of its kind (a council's own bodies,
meetings... for references inside that council). Lists of objects get one function
for the whole list; dates and times are parsed once per distinct text.

It only *accepts*. On any problem it gives up (:class:`Rejected` or whatever a
validator raised) and the caller reads the document again with the cattrs converter,
which finds and names every problem. So a document it accepts must be one the
converter accepts, giving an equal register; ``tests/test_codec.py`` checks that over
generated registers and over random breakage of them.

Why: the converter calls a hook for every field and attrs a validator for every field;
fused into one function per class, a valid document loads about three times faster.

Encoder
-------

For each class the encoder writes the function the converter's own (cattrs) code
would be, with the default comparisons (``omit_if_default``) and the per-type hooks
inlined: plain values as they are, enums as their value, lists and sorted sets as
comprehensions. The tests check it gives exactly what the converter gives.

Both use the converter's own hooks for every type they have no inline form for
(dates, amounts, fractions...), so the converter stays the one definition of the
plain-data shape.
"""

from __future__ import annotations

import enum
import itertools
import linecache
import threading
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs
import cattrs

from iprmodel.model._fields import (
    FAST_CHECKS,
    FAST_NAMES,
    REF,
    RESOLVED_CHECKS,
    to_frozenset,
    to_oslo,
    to_oslo_or_none,
    to_tuple,
)

__all__ = ["Decoder", "Encoder", "Rejected"]

#: Ids of one kind found in a document, by reference kind (``"person"``, ``"body"``...).
Index = Mapping[str, frozenset[str]]


class Rejected(Exception):
    """The document is not one the fast path accepts; read it with the converter."""


# Converters that do nothing to what the structure hooks already produce: lists become
# tuples or frozensets here, and the datetime hook already returns to_oslo(...).
_NO_OP_CONVERTERS: Final[dict[Any, tuple[Any, ...]]] = {
    to_tuple: (tuple,),
    to_frozenset: (frozenset,),
    to_oslo: (datetime,),
    to_oslo_or_none: (datetime,),
}
_PLAIN: Final = (str, int, bool)
# attrs' validator classes, to read what they check.
_INSTANCE_OF: Final[Any] = type(attrs.validators.instance_of(int))
_OPTIONAL: Final[Any] = type(attrs.validators.optional(attrs.validators.instance_of(int)))
_DEEP_ITERABLE: Final[Any] = type(attrs.validators.deep_iterable(attrs.validators.instance_of(int)))
_MEMO_TYPES: Final = (date, datetime)


class _Generated:
    """Functions compiled from generated source, sharing one namespace."""

    def __init__(self, converter: cattrs.Converter, what: str, prefix: str) -> None:
        self._converter = converter
        self._what = what
        self._prefix = prefix
        self._names: dict[Any, str] = {}
        self._namespace: dict[str, Any] = {}
        self._counter = itertools.count()
        self._roots: dict[type, Callable[..., Any]] = {}
        # Generation writes to shared state: one thread at a time (loading is free).
        self._lock = threading.RLock()

    def _root(self, cls: type) -> Callable[..., Any]:
        """The compiled function for ``cls``, generated on first use."""
        function = self._roots.get(cls)
        if function is None:
            with self._lock:
                function = self._namespace[self._function(cls, tagged=False)]
            self._roots[cls] = function
        return function

    def _function(self, cls: Any, *, tagged: bool) -> str:
        """The name of the compiled function for ``cls`` (as a tagged-union member)."""
        key = (cls, tagged)
        if key not in self._names:
            name = f"{self._prefix}_{cls.__name__}{'_tagged' if tagged else ''}"
            self._generate(key, name, lambda: self._class_source(name, cls, tagged=tagged))
        return self._names[key]

    def _class_source(self, name: str, cls: Any, *, tagged: bool) -> str:  # pragma: no cover
        raise NotImplementedError  # each kind of function writes its own

    def _name(self, prefix: str, value: Any) -> str:
        """Bind ``value`` in the generated code's namespace under a fresh name."""
        name = f"_{prefix}{next(self._counter)}"
        self._namespace[name] = value
        return name

    def _generate(self, key: Any, name: str, source: Callable[[], str]) -> None:
        """Compile ``source()`` as ``name``; the name is known before, for recursive types."""
        self._names[key] = name
        try:
            self._compile(name, source())
        except BaseException:
            del self._names[key]  # not half-made: the next call tries again
            raise

    def _compile(self, name: str, source: str) -> None:
        filename = f"<iprmodel {self._what} {name}>"
        # In the line cache, a traceback through generated code shows the code.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self._namespace)


class Decoder(_Generated):
    """Functions generated from the model's attrs classes, built on first use.

    ``tags`` maps each member of a tagged union to its tag (under ``tag_key``);
    ``scopes`` maps a class to the reference kinds it defines for everything inside
    it and a function giving their ids from its plain dict (a council's bodies,
    meetings...); ``root_index`` gives the ids of the other kinds from the whole
    document. A ``clean`` decoder is for documents the caller has seen hold no
    control character anywhere: it does not look for them text by text.
    """

    def __init__(
        self,
        converter: cattrs.Converter,
        *,
        tags: Mapping[type, str],
        tag_key: str,
        scopes: Mapping[type, tuple[tuple[str, ...], Callable[[dict[str, Any]], Index]]],
        root_index: Callable[[dict[str, Any]], Index],
        clean: bool = False,
    ) -> None:
        super().__init__(converter, "clean decoder" if clean else "decoder", "structure")
        self._clean = clean
        self._tags = dict(tags)
        self._tag_key = tag_key
        self._scopes = dict(scopes)
        self._root_index = root_index
        self._namespace.update(FAST_NAMES)
        self._namespace.update(Rejected=Rejected, _new=object.__new__, _set=object.__setattr__)
        self._kinds: set[str] = set()
        for kinds, _ in self._scopes.values():
            self._kinds.update(kinds)

    def structure(self, data: dict[str, Any], cls: type[Any]) -> Any:
        """Build ``cls`` from ``data`` with every reference resolved, or raise."""
        function = self._root(cls)
        # The ids each kind of reference may name; a scope (a council) adds its own.
        index = self._root_index(data)
        context: dict[Any, Any] = {kind: index.get(kind, frozenset()) for kind in self._kinds}
        context.update({type_: {} for type_ in _MEMO_TYPES})
        return function(data, context)

    # -- code generation ------------------------------------------------------------

    def _class_source(self, name: str, cls: Any, *, tagged: bool) -> str:
        body = self._class_body(cls, tagged=tagged)
        return "\n".join([f"def {name}(d, r):", *body, "    return inst"]) + "\n"

    def _list_function(self, cls: Any) -> str:
        """A function building a tuple of ``cls`` from a list, the class's code in a loop.

        Lists of small objects are most of a document (agenda items, attendance, votes);
        one call for the list instead of one per item saves a tenth of their time.
        """
        key = (cls, "list")
        if key not in self._names:
            name = f"structure_list_{cls.__name__}"

            def source() -> str:
                body = ["    " + line for line in self._class_body(cls, tagged=False)]
                lines = [f"def {name}(items, r):", "    out = []", "    append = out.append"]
                lines += ["    for d in items:", *body, "        append(inst)"]
                return "\n".join([*lines, "    return tuple(out)"]) + "\n"

            self._generate(key, name, source)
        return self._names[key]

    def _class_body(self, cls: Any, *, tagged: bool) -> list[str]:
        """Statements that build ``inst`` from the dict ``d``, or raise."""
        if not attrs.has(cls):  # pragma: no cover - only attrs classes reach here
            raise TypeError(cls)
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        if tagged and self._tag_key in {field.name for field in fields}:  # pragma: no cover
            raise TypeError(f"{cls.__name__} has a field named like the tag")
        required = sum(field.default is attrs.NOTHING for field in fields) + tagged
        lines = [
            "    if type(d) is not dict: raise Rejected()",
            # Keys not read below: what is left after counting off every field's key.
            f"    n = len(d) - {required}",
        ]
        scope = self._scopes.get(cls)
        if scope is not None:
            _, index = scope
            # References inside this object may name ids defined in it.
            lines.append(f"    r = {{**r, **{self._name('index', index)}(d)}}")
        lines.append(f"    inst = _new({self._name('cls', cls)})")
        checks: list[str] = []
        for i, field in enumerate(fields):
            var = f"f{i}"
            lines.extend(self._field_lines(field, hints[field.name], var, checks))
            lines.append(f"    {self._setter(cls, field.name)}(inst, {var})")
        lines.append("    if n: raise Rejected()  # a key that names no field")
        lines.extend(checks)
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            lines.append(f"    {self._name('post', post_init)}(inst)")
        return lines

    def _setter(self, cls: type, name: str) -> str:
        """What the attrs ``__init__`` does to set a field, minus a bound method per object."""
        slot = cls.__dict__.get(name)
        if isinstance(slot, types.MemberDescriptorType):
            # A slot's own setter skips the frozen class's __setattr__, as attrs does.
            return self._name("set", slot.__set__)
        return f"(lambda inst, value: _set(inst, {name!r}, value))"

    def _field_lines(
        self, field: attrs.Attribute[Any], type_: Any, var: str, checks: list[str]
    ) -> list[str]:
        lines: list[str] = []
        default = field.default
        converter = field.converter
        if converter is not None and _type_origin_in(type_, _NO_OP_CONVERTERS.get(converter, ())):
            converter = None
        if default is attrs.NOTHING:
            lines.append(f"    {var} = d[{field.name!r}]")
            lines.extend("    " + line for line in self._convert(type_, var))
            if converter is not None:
                lines.append(f"    {var} = {self._name('conv', converter)}({var})")
            checks.extend(self._validate(field, type_, var, skip_if=None))
        else:
            default_name, trusted = self._default(field)
            # Absent keys are common (defaults are left out): test before reading.
            lines.append(f"    if {field.name!r} in d:")
            lines.append(f"        {var} = d[{field.name!r}]")
            lines.append("        n -= 1")
            lines.extend("        " + line for line in self._convert(type_, var))
            if converter is not None:
                lines.append(f"        {var} = {self._name('conv', converter)}({var})")
            lines.append("    else:")
            lines.append(f"        {var} = {default_name}")
            # A default the validator accepted once needs no check; a value read from
            # the data always gets one.
            checks.extend(
                self._validate(field, type_, var, skip_if=default_name if trusted else None)
            )
        kind = field.metadata.get(REF)
        if kind is not None:
            self._kinds.add(kind)
            if typing.get_origin(type_) in (tuple, frozenset):
                checks.append(
                    f"    if {var} and not r[{kind!r}].issuperset({var}): raise Rejected()"
                )
            else:
                checks.append(
                    f"    if {var} is not None and {var} not in r[{kind!r}]: raise Rejected()"
                )
        return lines

    def _default(self, field: attrs.Attribute[Any]) -> tuple[str, bool]:
        """A name for the default value (or call) and whether the validator accepted it."""
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory: Any = default
            if factory.factory not in (tuple, frozenset) or factory.takes_self:
                call = self._name("factory", factory.factory)
                expression = f"{call}(inst)" if factory.takes_self else f"{call}()"
                if field.converter is not None:
                    expression = f"{self._name('conv', field.converter)}({expression})"
                return expression, False
            value = factory.factory()
        else:
            value = default
        converter: Any = field.converter
        if converter is not None:
            value = converter(value)
        trusted = True
        if field.validator is not None:
            try:
                field.validator(None, field, value)
            except Exception:
                trusted = False
        return self._name("default", value), trusted

    # -- types ----------------------------------------------------------------------

    def _convert(self, type_: Any, var: str) -> list[str]:
        """Statements that turn the plain value in ``var`` into ``type_`` or reject it."""
        if type_ in _PLAIN:
            return [f"if type({var}) is not {type_.__name__}: raise Rejected()"]
        union = _union_args(type_)
        if union is not None:
            inner = [arg for arg in union if arg is not types.NoneType]
            optional = len(inner) < len(union)
            if len(inner) == 1:
                body = self._convert(inner[0], var)
            elif all(arg in self._tags for arg in inner):
                body = [f"{var} = {self._union_function(tuple(inner))}({var}, r)"]
            else:
                body = self._hook(type_, var)
                optional = False
            if optional:
                return [f"if {var} is not None:", *("    " + line for line in body)]
            return body
        if attrs.has(type_):
            return [f"{var} = {self._function(type_, tagged=False)}({var}, r)"]
        origin = typing.get_origin(type_)
        args = typing.get_args(type_)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._items(args[0], var, "tuple")
        if origin is frozenset and len(args) == 1:
            return [
                *self._items(args[0], var, "frozenset"),
                f"if len({var}) != len(d_{var}): raise Rejected()",
            ]
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            by_value = {member.value: member for member in type_}
            if all(type(value) is str for value in by_value):
                # Exactly str, as the converter's hook wants: a str subclass is refused.
                return [
                    f"if type({var}) is not str: raise Rejected()",
                    f"{var} = {self._name('enum', by_value)}[{var}]",
                ]
        if type_ in _MEMO_TYPES:
            # One document names the same dates and times again and again: parse each
            # text once per document (the values are immutable).
            memo = f"{var}_memo"
            type_name = self._name("type", type_)
            return [
                f"{memo} = r[{type_name}]",
                f"if type({var}) is str and {var} in {memo}: {var} = {memo}[{var}]",
                # Targets are assigned left to right: the text is the key.
                f"else: {memo}[{var}] = {var} = {self._hook_name(type_)}({var}, {type_name})",
            ]
        return self._hook(type_, var)

    def _hook_name(self, type_: Any) -> str:
        return self._name("hook", self._converter.get_structure_hook(type_))

    def _hook(self, type_: Any, var: str) -> list[str]:
        hook = self._name("hook", self._converter.get_structure_hook(type_))
        return [f"{var} = {hook}({var}, {self._name('type', type_)})"]

    def _items(self, item_type: Any, var: str, container: str) -> list[str]:
        lines = [f"if type({var}) is not list: raise Rejected()"]
        if container == "frozenset":
            lines.append(f"d_{var} = {var}")  # to compare lengths: no item twice
        if item_type in _PLAIN:
            lines += [
                f"for x in {var}:",
                f"    if type(x) is not {item_type.__name__}: raise Rejected()",
                f"{var} = {container}({var})",
            ]
        elif attrs.has(item_type) and item_type not in self._scopes and container == "tuple":
            lines.append(f"{var} = {self._list_function(item_type)}({var}, r)")
        elif attrs.has(item_type):
            function = self._function(item_type, tagged=False)
            lines.append(f"{var} = {container}([{function}(x, r) for x in {var}])")
        else:
            item = f"{var}_item"
            lines += [
                f"{var}_items = []",
                f"for {item} in {var}:",
                *("    " + line for line in self._convert(item_type, item)),
                f"    {var}_items.append({item})",
                f"{var} = {container}({var}_items)",
            ]
        return lines

    def _union_function(self, members: tuple[type, ...]) -> str:
        key = (members, True)
        if key not in self._names:
            name = f"structure_union{next(self._counter)}"

            def source() -> str:
                functions = {
                    self._tags[cls]: self._namespace[self._function(cls, tagged=True)]
                    for cls in members
                }
                table = self._name("tags", functions)
                return (
                    f"def {name}(d, r):\n"
                    f"    if type(d) is not dict: raise Rejected()\n"
                    f"    return {table}[d[{self._tag_key!r}]](d, r)\n"
                )

            self._generate(key, name, source)
        return self._names[key]

    # -- validators -----------------------------------------------------------------

    def _validate(
        self, field: attrs.Attribute[Any], type_: Any, var: str, *, skip_if: str | None
    ) -> list[str]:
        """The statement that runs ``field``'s validator on ``var`` (after every field is set)."""
        validator = field.validator
        if validator is None:
            return []
        call = f"{self._name('validator', validator)}(inst, {self._name('field', field)}, {var})"
        conditions = [] if skip_if is None else [f"{var} is not {skip_if}"]
        resolved = RESOLVED_CHECKS.get(validator) if REF in field.metadata else None
        if resolved is not None and typing.get_origin(_inner(type_)) in (None, tuple):
            # Every reference is checked against the ids (in structure and in scopes).
            fast: str | None = resolved.format(v=var, controls="")
        else:
            fast = self._fast(validator, var, type_)
        if fast == "True":
            return []
        if fast is not None:
            conditions.append(f"not {fast}")
        if not conditions:
            return [f"    {call}"]
        return [f"    if {' and '.join(conditions)}: {call}"]

    def _exact(self, type_: Any) -> bool:
        """Whether a converted value is always of exactly ``type_``."""
        return (
            type_ in _PLAIN
            or attrs.has(type_)
            or (isinstance(type_, type) and issubclass(type_, enum.Enum))
        )

    def _fast(self, validator: Any, var: str, type_: Any) -> str | None:
        """An expression true only when ``validator`` accepts ``var``, if one is known."""
        template = FAST_CHECKS.get(validator) if _hashable(validator) else None
        declared = _inner(type_)
        if template is not None and (self._exact(declared) or typing.get_origin(declared) is tuple):
            # The conversion made exactly the declared type, as the expressions assume.
            controls = "" if self._clean else f" and _control({var}) is None"
            return template.format(v=var, controls=controls)
        if isinstance(validator, _INSTANCE_OF):
            if validator.type is _inner(type_) and self._exact(validator.type):
                return "True"  # the conversion made exactly this type
            return f"isinstance({var}, {self._name('type', validator.type)})"
        if isinstance(validator, _OPTIONAL):
            inner = self._fast(validator.validator, var, type_)
            if inner in (None, "True"):
                return inner
            return f"({var} is None or {inner})"
        if isinstance(validator, _DEEP_ITERABLE):
            if validator.iterable_validator is not None:
                return None
            args = typing.get_args(_inner(type_))
            member = self._fast(validator.member_validator, "x", args[0] if args else Any)
            if member in (None, "True"):
                return member
            return f"all({member} for x in {var})"
        return None


class Encoder(_Generated):
    """Plain data from model objects, as the converter gives it, one function per class.

    ``tags`` maps each member of a tagged union to its tag, written under ``tag_key``.
    Values of the ``native`` types are left as they are, for a writer that writes them
    exactly as the converter would (orjson writes dates and times in ISO 8601 itself).
    """

    def __init__(
        self,
        converter: cattrs.Converter,
        *,
        tags: Mapping[type, str],
        tag_key: str,
        native: tuple[type, ...] = (),
    ) -> None:
        super().__init__(converter, "encoder", "unstructure")
        self._tags = dict(tags)
        self._tag_key = tag_key
        self._native = native
        self._depth = itertools.count()

    def unstructure(self, obj: Any, cls: type[Any]) -> Any:
        """The plain data of ``obj``, an instance of the attrs class ``cls``."""
        return self._root(cls)(obj)

    def _class_source(self, name: str, cls: Any, *, tagged: bool) -> str:
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        # The order cattrs writes: required fields, then the others, then the tag.
        required = ", ".join(
            f"{field.name!r}: {self._value(hints[field.name], f'o.{field.name}')}"
            for field in fields
            if field.default is attrs.NOTHING
        )
        lines = [f"def {name}(o):", f"    res = {{{required}}}"]
        for field in fields:
            if field.default is attrs.NOTHING:
                continue
            lines.append(f"    v = o.{field.name}")
            lines.append(
                f"    if {self._differs('v', field)}:"
                f" res[{field.name!r}] = {self._value(hints[field.name], 'v')}"
            )
        if tagged:
            lines.append(f"    res[{self._tag_key!r}] = {self._tags[cls]!r}")
        lines.append("    return res")
        return "\n".join(lines) + "\n"

    def _differs(self, var: str, field: attrs.Attribute[Any]) -> str:
        """Whether ``var`` differs from the field's default (``omit_if_default``), as cattrs
        tests it (``!=``); for None and enum members, whose equality is identity, with
        ``is not``, which skips the ``__ne__`` of an attrs class compared with None.
        """
        default: Any = field.default
        if default is None or isinstance(default, enum.Enum):
            return f"{var} is not {self._name('default', default)}"
        return f"{var} != {self._default(field)}"

    def _default(self, field: attrs.Attribute[Any]) -> str:
        """The default a value is compared with (``omit_if_default``), as cattrs does."""
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self or default.factory not in (tuple, frozenset):
                call = self._name("factory", default.factory)
                expression = f"{call}(o)" if default.takes_self else f"{call}()"
                if field.converter is not None:
                    expression = f"{self._name('conv', field.converter)}({expression})"
                return expression
            default = default.factory()
        converter: Any = field.converter
        if converter is not None:
            default = converter(default)
        return self._name("default", default)

    def _value(self, type_: Any, expr: str) -> str:
        """An expression for the plain data of ``expr``, a value of ``type_``."""
        if type_ in _PLAIN or type_ in self._native:
            return expr
        union = _union_args(type_)
        if union is not None:
            inner = [arg for arg in union if arg is not types.NoneType]
            if len(inner) == 1:
                value = self._value(inner[0], expr)
            elif all(arg in self._tags for arg in inner):
                table = {arg: self._namespace[self._function(arg, tagged=True)] for arg in inner}
                value = f"{self._name('tags', table)}[type({expr})]({expr})"
            else:
                return f"{self._name('hook', self._converter.get_unstructure_hook(type_))}({expr})"
            if len(inner) == len(union) or value == expr:
                return value
            return f"(None if {expr} is None else {value})"
        if attrs.has(type_):
            return f"{self._function(type_, tagged=False)}({expr})"
        origin = typing.get_origin(type_)
        args = typing.get_args(type_)
        if origin in (tuple, frozenset) and args:
            item = f"x{next(self._depth)}"
            value = self._value(args[0], item)
            items = f"list({expr})" if value == item else f"[{value} for {item} in {expr}]"
            # Sets are written sorted, so the same register always gives the same bytes.
            return f"sorted({items})" if origin is frozenset else items
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return f"{expr}._value_"
        return f"{self._name('hook', self._converter.get_unstructure_hook(type_))}({expr})"


def _type_origin_in(type_: Any, classes: tuple[Any, ...]) -> bool:
    """Whether ``type_`` (or its origin, or its non-None member) is one of ``classes``."""
    union = _union_args(type_)
    if union is not None:
        inner = [arg for arg in union if arg is not types.NoneType]
        return len(inner) == 1 and _type_origin_in(inner[0], classes)
    return type_ in classes or typing.get_origin(type_) in classes


def _inner(type_: Any) -> Any:
    """``X`` for ``X | None``, else ``type_``."""
    union = _union_args(type_)
    if union is not None:
        inner = [arg for arg in union if arg is not types.NoneType]
        if len(inner) == 1:
            return inner[0]
    return type_


def _union_args(type_: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        return typing.get_args(type_)
    return None


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
