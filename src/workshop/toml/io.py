"""The one place TOML is read and written.

Every reader of protocol and session files goes through `read_toml`, so a faster compatible
parser can serve everywhere at once: when the compiled `tomli` wheel is installed it is used,
otherwise the standard library's `tomllib` (the same parser in pure Python). Writing uses
`tomli-w`, whose output is stable: the same data gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli_w

from workshop.errors import Problem, SessionFileError, TomlFileError, display_path

try:  # the compiled wheel is several times faster than the pure-Python standard library copy
    import tomli as _parser
except ImportError:  # pragma: no cover - depends on what is installed
    import tomllib as _parser

PARSER_NAME: str = _parser.__name__
"""Which parser `read_toml` uses: `tomli` or `tomllib`."""

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a `TomlFileError` with line and column."""
    try:
        return _parser.loads(text)
    except _parser.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        match = _AT.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif match := _AT_END.search(message):
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
            message = message[: match.start()] + " at the end of the file"
        message = f"not valid TOML: {message[:1].lower()}{message[1:]}"
        raise TomlFileError(Problem(file, message, line=line, column=column)) from None


def read_text(path: Path | str) -> str:
    """A file's text; `TomlFileError` naming the file if it is missing, unreadable or not UTF-8."""
    name = display_path(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise TomlFileError(Problem(name, "no such file")) from None
    except IsADirectoryError:
        raise TomlFileError(Problem(name, "is a folder, not a file")) from None
    except OSError as exc:
        raise TomlFileError(Problem(name, f"cannot be read: {exc.strerror or exc}")) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TomlFileError(Problem(name, "is not UTF-8 text", line=line)) from None
    return text


def read_toml(path: Path | str) -> tuple[dict[str, Any], str]:
    """Read a TOML file; return its data and its text (the text lets errors find lines).

    Every reader of protocol and session files comes through here. Raises `TomlFileError`
    naming the file for a missing or unreadable file, text that is not UTF-8, or bad TOML.
    """
    text = read_text(path)
    return parse_toml(text, display_path(path)), text


def dumps_toml(data: dict[str, Any]) -> str:
    """Serialise to TOML text. Strings are written with escapes, so every byte round-trips."""
    return tomli_w.dumps(data)


def read_workshop_toml(path: Path | str, what: str) -> tuple[dict[str, Any], str, str]:
    """A workshop file's data, text and display name; any problem reading it (missing, not
    UTF-8, not TOML, empty) as a SessionFileError naming the file."""
    file = display_path(path)
    try:
        data, text = read_toml(path)
    except TomlFileError as exc:
        raise SessionFileError(exc.problems) from None
    if not data:
        raise SessionFileError(Problem(file, f"is empty: not {what}"))
    return data, text, file
