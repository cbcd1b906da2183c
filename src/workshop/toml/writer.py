"""TOML text from plain data, byte for byte what `tomli_w.dumps` gives, several times faster.

`tomli_w` escapes strings one character at a time in Python, which was half of `workshop merge`
at 1,000 sessions. This writer follows its layout rules exactly (tables, arrays of tables, the
inline form for short tables, the same indentation and blank lines) and escapes each string with
a few C-level `str.replace` calls: backslash and quote first, then the control characters, each
as `tomli_w` writes it (`\\n`, `\\r`, `\\b`, `\\f`, else `\\u00XX`; a tab is kept as it is).

It knows the types workshop writes: `str` (and its subclasses, such as a `StrEnum`), `int`,
`float`, `bool`, `date`, `datetime`, `list`, `tuple` and `dict` with `str` keys. Anything else (a
`time`, a `Decimal`, an `int` subclass, another mapping, a non-string key) makes the whole
call go to `tomli_w.dumps`, so output and errors stay its own. tests/unit/test_toml_writer.py
compares the two on arbitrary data and on real files.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

MAX_LINE_LENGTH = 100
"""`tomli_w`'s limit for writing an array of tables inline (indent + table + comma)."""
INDENT = "    "

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_SCALAR_TYPES = frozenset((int, float, date, datetime))
"""Written as `str()` writes them, as tomli_w does (exact types: a subclass goes to tomli_w)."""


class _Unknown(Exception):
    """A value this writer does not handle: the caller hands the data to tomli_w."""


def dumps(data: dict[str, Any]) -> str:
    """TOML text for `data`, identical to `tomli_w.dumps(data)`."""
    try:
        out: list[str] = []
        _table(data, "", False, out, _Context())
        return "".join(out)
    except (_Unknown, RecursionError):
        import tomli_w

        return tomli_w.dumps(data)


def dumps_bytes(data: dict[str, Any]) -> bytes:
    """`dumps(data).encode("utf-8")`, byte for byte, without ever holding the whole text as one
    string: one emoji makes a Python string four bytes a character, so the text of a 60 MB
    merged file would take 240 MB. Encoded a few thousand lines at a time instead."""
    try:
        out: list[str] = []
        _table(data, "", False, out, _Context())
    except (_Unknown, RecursionError):
        import tomli_w

        return tomli_w.dumps(data).encode("utf-8")
    try:
        return b"".join("".join(out[i: i + _LINES]).encode("utf-8")
                        for i in range(0, len(out), _LINES))
    except UnicodeEncodeError:  # a lone surrogate: raise what encoding the whole text raises
        return "".join(out).encode("utf-8")


_LINES = 4096
"""Pieces of text joined and encoded at a time by dumps_bytes."""


def _escape(char: re.Match) -> str:
    c = char.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04x}"


def string(s: str) -> str:
    """A basic (one-line, double-quoted) TOML string, escaped as tomli_w escapes it."""
    if "\\" in s:
        s = s.replace("\\", "\\\\")
    if '"' in s:
        s = s.replace('"', '\\"')
    if not s.isprintable():  # a control character, or only something harmless like U+2028
        if "\n" in s:
            s = s.replace("\n", "\\n")
        if "\r" in s:
            s = s.replace("\r", "\\r")
        s = _CONTROL.sub(_escape, s)
    return f'"{s}"'


def key(part: str) -> str:
    """A key, bare when it can be, as tomli_w writes it (a `StrEnum` key by its value)."""
    if not isinstance(part, str):
        raise _Unknown
    if _BARE_KEY.fullmatch(part):
        return part
    return string(str.__str__(part))


class _Context:
    """What one call keeps: rendered inline tables by identity (as tomli_w caches them: the data
    outlives the call, so an id is never reused meanwhile) and rendered keys."""

    def __init__(self) -> None:
        self.inline: dict[int, str] = {}
        self.keys: dict[str, str] = {}

    def key(self, part: str) -> str:
        found = self.keys.get(part)
        if found is None:
            found = self.keys[part] = key(part)
        return found


def _table(table: dict, name: str, inside_aot: bool, out: list[str], ctx: _Context) -> None:
    """Port of tomli_w's gen_table_chunks: header, literals, then sub-tables."""
    literals = []
    tables = []
    for k, v in table.items():
        kind = type(v)
        if kind is dict:
            tables.append((k, v, False))
        elif (kind is list or kind is tuple) and v and type(v[0]) is dict \
                and all(type(t) is dict for t in v) and not all(_inline_fits(t, ctx) for t in v):
            tables.extend((k, t, True) for t in v)
        else:
            literals.append((k, v))
    yielded = False
    if inside_aot or name and (literals or not tables):
        yielded = True
        out.append(f"[[{name}]]\n" if inside_aot else f"[{name}]\n")
    if literals:
        yielded = True
        keys = ctx.keys
        for k, v in literals:
            text = _scalar(v)
            if text is None:
                text = _literal(v, 0, ctx)
            out.append(f"{keys.get(k) or ctx.key(k)} = {text}\n")
    for k, v, in_aot in tables:
        if yielded:
            out.append("\n")
        else:
            yielded = True
        part = ctx.key(k)
        full = f"{name}.{part}" if name else part
        if not (in_aot and _flat_row(v, full, out, ctx)):
            _table(v, full, in_aot, out, ctx)


def _flat_row(row: dict, name: str, out: list[str], ctx: _Context) -> bool:
    """One table of an array of tables whose values are all scalars (a merged file's comment,
    say: most of what is written), as `_table` writes it but in one pass; False, having written
    nothing, for any other."""
    lines = [f"[[{name}]]\n"]
    keys = ctx.keys
    for k, v in row.items():
        text = _scalar(v)
        if text is None:
            return False
        lines.append(f"{keys.get(k) or ctx.key(k)} = {text}\n")
    out.append("".join(lines))
    return True


def _scalar(value: Any) -> str | None:
    """A string, bool, number, date or time as tomli-w writes it; None for anything else."""
    kind = type(value)
    if kind is str:
        return string(value)
    if kind is bool:
        return "true" if value else "false"
    if kind in _SCALAR_TYPES:
        return str(value)
    return None


def _literal(v: Any, level: int, ctx: _Context) -> str:
    text = _scalar(v)
    if text is not None:
        return text
    kind = type(v)
    if kind is list or kind is tuple:  # (another Mapping or sequence type goes to tomli_w)
        if not v:
            return "[]"
        inner = INDENT * (level + 1)
        items = ",\n".join(inner + _literal(item, level + 1, ctx) for item in v)
        return f"[\n{items},\n{INDENT * level}]"
    if kind is dict:
        return _inline(v, ctx)
    if isinstance(v, str):  # a StrEnum: tomli_w writes its characters
        return string(str.__str__(v))
    raise _Unknown


def _inline(table: dict, ctx: _Context) -> str:
    """An inline table, cached by identity as tomli_w caches it."""
    cache = ctx.inline
    found = cache.get(id(table))
    if found is not None:
        return found
    if not table:
        rendered = "{}"
    else:
        rendered = "{ " + ", ".join(f"{ctx.key(k)} = {_literal(v, 0, ctx)}"
                                    for k, v in table.items()) + " }"
    cache[id(table)] = rendered
    return rendered


def _inline_fits(table: dict, ctx: _Context) -> bool:
    rendered = f"{INDENT}{_inline(table, ctx)},"
    return len(rendered) <= MAX_LINE_LENGTH and "\n" not in rendered
