"""Typed access to parsed TOML for the file readers: every problem noted with its line and key.

The session and merged-file readers pull each value through `Reader.get`, which checks its type
and, when something is wrong, records a `Problem` naming the file, the line and the key path, so
one read reports every problem at once rather than stopping at the first (up to MAX_PROBLEMS;
past that they are only counted, in `dropped`). `number` also refuses `inf`, `nan` and values
past a documented bound. Nothing here imports Textual.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timezone
from typing import Any

from workshop.errors import MAX_PROBLEMS, Problem
from workshop.toml.lines import KeyPath, format_path, key_lines, line_of


class Reader:
    """Pulls typed values out of parsed TOML, noting each problem with its line and key."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.text = text
        self._lines: dict[KeyPath, int] | None = None
        self.problems: list[Problem] = []
        self.dropped = 0
        """Problems found after MAX_PROBLEMS were kept: counted, not located or listed."""

    def report(self, path: KeyPath, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        if self._lines is None:  # only scan the text when there is something to report
            self._lines = key_lines(self.text)
        line = line_of(self._lines, path)
        self.problems.append(Problem(self.file, message, path=format_path(path), line=line))

    def get(self, table: Any, path: KeyPath, kind: type | tuple[type, ...], required: bool = True) -> Any:
        key = path[-1]
        if not isinstance(table, dict) or key not in table:
            if required and isinstance(table, dict):
                self.report(path, f"missing required key '{key}'")
            return None
        value = table[key]
        wrong_bool = isinstance(value, bool) and kind is not bool
        if wrong_bool or not isinstance(value, kind):
            self.report(path, f"must be {describe(kind)}, not {type_name(value)}")
            return None
        if isinstance(value, datetime):
            zone = value.tzinfo
            if zone is None:
                self.report(path, "must be a date and time with a time zone (…Z or …+00:00)")
                return None
            if type(zone) is not timezone:  # rtoml's own class (io.read_workshop_toml)
                return value.replace(tzinfo=timezone(value.utcoffset()))
        return value

    def number(self, table: Any, path: KeyPath, kind: type | tuple[type, ...], limit: int,
               what: str = "", required: bool = True) -> Any:
        """A number from 0 to `limit`: finite (TOML allows `inf` and `nan`, which no count or
        time can be), not negative, and not so big that it must be a mistake. `what` begins
        the message about a negative value ("a vote count ")."""
        value = self.get(table, path, kind, required)
        if value is None:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.report(path, f"must be a finite number, not {value}")
        elif value < 0:
            self.report(path, f"{what}cannot be negative ({value})")
        elif value > limit:
            self.report(path, f"is {value}, more than the most allowed ({limit:,})")
        else:
            return value
        return None

    def unknown(self, table: Any, path: KeyPath, allowed: tuple[str, ...]) -> None:
        if isinstance(table, dict):
            for key in table:
                if key not in allowed:
                    self.report((*path, key), f"unknown key '{key}'")


def describe(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", float: "a number", dict: "a table",
             list: "a list", datetime: "a date and time", date: "a date"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def type_name(value: Any) -> str:
    """How a TOML value's type is described to a person."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (datetime, date, time)):
        return "a date or time"
    return type(value).__name__
