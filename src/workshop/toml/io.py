"""The one place TOML is read and written.

Every reader of protocol and session files goes through `read_toml`, so a faster compatible
parser can serve everywhere at once: `rtoml` (Rust) when it is installed, with its datetimes'
time zones turned into the standard library's `timezone` (so the data is exactly what `tomllib`
gives: tests/unit/test_toml_readers.py checks it on every file we have); then the compiled
`tomli` wheel, otherwise the standard library's `tomllib` (the same parser in pure Python). Any
text `rtoml` refuses is parsed again by tomli/tomllib, so an error keeps the message, line and
column it always had (and so is text starting with a byte-order mark, which rtoml alone skips;
rtoml and tomli 2.5 both read TOML 1.1). Writing goes through `writer.dumps` (bytes identical to
`tomli-w`, which it falls back to for anything it does not know): the same data, the same bytes.

Reading refuses, before opening, anything that is not a regular file (a FIFO or a device named
`*.toml` would block a read forever), a symbolic link that is dangling or loops, and a file over
`MAX_FILE_BYTES`; a UTF-8 byte-order mark is skipped; TOML nested deeper than the parser allows
is a clear error rather than a `RecursionError`. Every refusal names the file as it was given.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime, timezone
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from workshop.errors import Problem, SessionFileError, TomlFileError, display_path
from workshop.toml.writer import dumps as _dumps
from workshop.toml.writer import dumps_bytes as _dumps_bytes

try:  # the compiled wheel is several times faster than the pure-Python standard library copy
    import tomli as _parser
except ImportError:  # pragma: no cover - depends on what is installed
    import tomllib as _parser

_UNLOADED: Any = object()
_fast_loads: Any = _UNLOADED
"""rtoml's `loads`, several times faster again (any text it refuses goes to _parser for the
error message); imported at the first parse, not with this module: the first screen's start-up
does not wait for it. None when it is not installed (or a test turns it off)."""

PARSER_NAME: str = "rtoml" if find_spec("rtoml") is not None else _parser.__name__
"""Which parser `read_toml` uses: `rtoml`, `tomli` or `tomllib`."""

MAX_FILE_BYTES = 128 * 1024 * 1024
"""The largest file read (128 MiB). A merged file of 1,000 sessions is about 61 MB, so twice that
fits; a bigger file is refused before it is read rather than filling memory for minutes."""

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
"""O_NONBLOCK: should a FIFO be swapped in after the check, opening it must not wait."""

BOM = "\ufeff"
"""A UTF-8 byte-order mark, which some editors put at the start of a file: skipped on reading."""

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def parse_toml(text: str, file: str, standard_zones: bool = True) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a `TomlFileError` with line and column.
    `standard_zones=False` leaves rtoml's own tzinfo class on datetimes, for a caller that
    takes every value through `Reader.get`, which replaces it (a tenth of a merge's reading)."""
    fast = _fast_loads if _fast_loads is not _UNLOADED else _load_fast()
    if fast is not None and not text.startswith(BOM):  # rtoml skips a BOM; tomli refuses
        try:
            data = fast(text)
            return _standard_zones(data) if standard_zones else data
        except (ValueError, RecursionError):  # refused (or nested past our walk): ask _parser
            pass
    try:
        return _parser.loads(text)
    except RecursionError:
        # The parser recurses once per level of nesting and per part of a dotted key: past its
        # own limit (400 levels) or Python's, it raises RecursionError instead of a TOML error.
        raise TomlFileError(Problem(file, "not valid TOML: tables or lists are nested too "
                                    "deeply (more than 400 levels) or a key has too many dotted "
                                    "parts (more than 1,000)", line=_deep_line(text))) from None
    except _parser.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        match = _AT.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
            if _char_at(text, line, column) == BOM:
                message = "a byte-order mark (U+FEFF) where a key or value should be"
        elif match := _AT_END.search(message):
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
            message = message[: match.start()] + " at the end of the file"
        message = f"not valid TOML: {message[:1].lower()}{message[1:]}"
        raise TomlFileError(Problem(file, message, line=line, column=column)) from None


def _load_fast():
    global _fast_loads
    try:
        from rtoml import loads
    except ImportError:  # pragma: no cover - depends on what is installed
        loads = None
    _fast_loads = loads
    return loads


def _standard_zones(node: Any) -> Any:
    """`node` with each aware datetime's tzinfo made the standard library's `timezone` (rtoml
    gives its own class, which cannot be pickled and is not what tomllib gives), in place."""
    items = node.items() if type(node) is dict else enumerate(node)
    for key, value in items:
        kind = type(value)
        if kind is dict or kind is list:
            _standard_zones(value)
        elif kind is datetime and value.tzinfo is not None:
            node[key] = value.replace(tzinfo=timezone(value.utcoffset()))
    return node


def _deep_line(text: str) -> int | None:
    """The first line that nests or dots deeply enough to be the one the parser gave up on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.count("[") + line.count("{") > 400 or line.count(".") > 1000:
            return number
    return None


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line)
    return lines[line - 1][column - 1: column] if len(lines) >= line else ""


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: Path | str, name: str | None = None) -> os.stat_result:
    """The file's status, if `path` is a regular file (or a link to one) that may be read;
    otherwise `TomlFileError` naming `path` as given (or as `name`, its display_path, when the
    caller has it), never a link's target. Nothing is opened, so a FIFO or a device cannot
    block."""
    name = display_path(path) if name is None else name
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:  # removed in the meantime
                target = "?"
            raise TomlFileError(Problem(name, f"is a symbolic link to '{target}', which does not "
                                        "exist")) from None
        raise TomlFileError(Problem(name, "no such file")) from None
    except OSError as exc:
        if os.path.islink(path):  # ELOOP: a link that leads back to itself
            raise TomlFileError(Problem(name, "is a symbolic link that leads round in a loop "
                                        "and never reaches a file")) from None
        raise TomlFileError(Problem(name, f"cannot be read: {exc.strerror or exc}")) from None
    except ValueError:  # a NUL byte in the name
        raise TomlFileError(Problem(name, "is not a usable file name")) from None
    if stat.S_ISDIR(info.st_mode):
        raise TomlFileError(Problem(name, "is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise TomlFileError(Problem(name, f"is {_kind(info.st_mode)}, not a file; it is not read"))
    if info.st_size > MAX_FILE_BYTES:
        raise TomlFileError(Problem(name, f"is {_megabytes(info.st_size)}; files over "
                                    f"{_megabytes(MAX_FILE_BYTES)} are not read"))
    return info


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MiB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _read_bytes(path: Path | str, name: str) -> bytes:
    """The bytes of a file `check_regular` passed. Opened without blocking and checked again,
    in case it was swapped for a FIFO in between; never more than MAX_FILE_BYTES read."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise TomlFileError(Problem(name, f"cannot be read: {exc.strerror or exc}")) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise TomlFileError(Problem(name, "is not a regular file; it is not read"))
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TomlFileError(Problem(name, f"cannot be read: {exc.strerror or exc}")) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:  # it grew after it was checked
        raise TomlFileError(Problem(name, f"is over {_megabytes(MAX_FILE_BYTES)}; not read"))
    return raw


def read_bytes(path: Path | str) -> bytes:
    """A file's bytes, checked and read as `read_text` reads them (not decoded); `TomlFileError`
    naming the file if it is missing, not a regular file, too big or unreadable."""
    check_regular(path)
    return _read_bytes(path, display_path(path))


def read_text(path: Path | str, name: str | None = None) -> str:
    """A file's text; `TomlFileError` naming the file if it is missing, not a regular file, too
    big, unreadable or not UTF-8. A byte-order mark at the start is dropped. (`name`: the
    file's display_path, when the caller has it: each costs a walk of the folder's path.)"""
    name = display_path(path) if name is None else name
    check_regular(path, name)
    raw = _read_bytes(path, name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TomlFileError(Problem(name, "is not UTF-8 text", line=line)) from None
    return text[1:] if text.startswith(BOM) else text


def read_toml(path: Path | str, name: str | None = None, standard_zones: bool = True
              ) -> tuple[dict[str, Any], str]:
    """Read a TOML file; return its data and its text (the text lets errors find lines).

    Every reader of protocol and session files comes through here. Raises `TomlFileError`
    naming the file for a missing or unreadable file, text that is not UTF-8, or bad TOML.
    """
    name = display_path(path) if name is None else name
    text = read_text(path, name)
    return parse_toml(text, name, standard_zones), text


def dumps_toml(data: dict[str, Any]) -> str:
    """Serialise to TOML text. Strings are written with escapes, so every byte round-trips."""
    return _dumps(data)


def dumps_toml_bytes(data: dict[str, Any]) -> bytes:
    """`dumps_toml(data).encode("utf-8")`, without the whole text as one string (the big
    merged file's peak memory)."""
    return _dumps_bytes(data)


def read_workshop_toml(path: Path | str, what: str) -> tuple[dict[str, Any], str, str]:
    """A workshop file's data, text and display name; any problem reading it (missing, not
    UTF-8, not TOML, empty) as a SessionFileError naming the file. The data is for the session
    and merged file readers only: its datetimes may carry rtoml's tzinfo class until
    `Reader.get` hands them out with the standard library's."""
    file = display_path(path)
    try:
        data, text = read_toml(path, file, standard_zones=False)
    except TomlFileError as exc:
        raise SessionFileError(exc.problems) from None
    if not data:
        raise SessionFileError(Problem(file, f"is empty: not {what}"))
    return data, text, file
