"""The rules a protocol file must follow, checked all at once so every problem is reported.

`validate(data, text, file)` returns a list of `Problem`s (empty when the file is good). Each
names the line (found from the text) and the key path, and says what is wrong in words an
officer editing the file can act on. The rules are documented in docs/protocol-format.md.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from typing import Any

from workshop.errors import MAX_PROBLEMS, Problem
from workshop.protocol.model import PLACEHOLDERS
from workshop.toml.lines import KeyPath, format_path
from workshop.toml.reader import Reader, type_name

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
KEY_PATTERN = re.compile(r"^[a-z]$")
PLACEHOLDER_PATTERN = re.compile(r"\{[^{}]*\}")
"""Anything in braces in a text that may hold placeholders (model.PLACEHOLDERS)."""
WITH_PLACEHOLDERS = ("recommendation_question",)
"""The top-level texts that may name the session's authority as `{authority}`."""
RESERVED_KEYS: tuple[str, ...] = ("b", "c", "e", "j", "k", "n", "p", "q", "r", "w")
"""Keys the app itself uses (projector blank, next, previous, up, down, comment, wording,
answer, edit, quit): a vote option may not take one, since its key and shift+key add and
remove votes."""
MAX_MINUTES = 24 * 60
"""The longest time budget a step may have, in minutes (a day): more is surely a slip, and `inf`
or 1e300 minutes cannot be turned into a time at all."""


@dataclass(frozen=True)
class Field:
    kind: str
    """`id`, `text`, `number`, `key`, `digit` (a whole number 0-9), `table` or `tables` (an
    array of tables)."""
    required: bool = True
    schema: dict[str, Field] | None = None
    """For `table` and `tables`: the fields inside."""
    empty: str = "must not be empty"
    """What to say when a `tables` field is an empty list."""


SOURCE = {
    "document": Field("text"),
    "authors": Field("text"),
    "reviewed_in": Field("text", required=False),
}
VOTE_OPTION = {"id": Field("id"), "label": Field("text"), "key": Field("key")}
COMMITMENT = {"id": Field("id"), "text": Field("text")}
PRINCIPLE = {
    "id": Field("id"),
    "title": Field("text"),
    "statement": Field("text"),
    "minutes": Field("number", required=False),
    "commitments": Field(
        "tables", schema=COMMITMENT, empty="a principle needs at least one commitment ([[principles.commitments]])"
    ),
}
RATING_POINT = {"value": Field("digit"), "label": Field("text")}
QUESTION = {"id": Field("id"), "text": Field("text"), "guidance": Field("text", required=False)}
PROTOCOL = {
    "id": Field("id"),
    "title": Field("text"),
    "version": Field("text"),
    "introduction": Field("text"),
    "questions_introduction": Field("text", required=False),
    "recommendation_question": Field("text", required=False),
    "questions_minutes": Field("number", required=False),
    "source": Field("table", schema=SOURCE),
    "vote_options": Field("tables", schema=VOTE_OPTION),
    "principles": Field("tables", schema=PRINCIPLE),
    "questions": Field("tables", required=False, schema=QUESTION),
    "rating_scale": Field("tables", required=False, schema=RATING_POINT,
                          empty="a rating scale needs at least two points"),
    "rating_low": Field("digit", required=False),
}


class _Checker(Reader):
    """Checks a protocol against the schema; problems are noted (and capped) as `Reader` does."""

    def __init__(self, text: str, file: str, reserved_keys: tuple[str, ...]) -> None:
        super().__init__(text, file)
        self.reserved_keys = reserved_keys

    def table(self, value: dict[str, Any], schema: dict[str, Field], path: KeyPath) -> None:
        for key in value:
            if key not in schema:
                if len(self.problems) >= MAX_PROBLEMS:  # the suggestion is slow: skip it
                    self.dropped += 1
                    continue
                hint = difflib.get_close_matches(key, list(schema), n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                allowed = ", ".join(schema)
                if path and key in PROTOCOL:
                    suggestion = (f" here: '{key}' belongs at the top level: move it above the "
                                  "first [table] header")
                    allowed = ""
                self.report((*path, key), f"unknown key '{key}'{suggestion}"
                            + (f"; allowed here: {allowed}" if allowed else ""))
        for key, field in schema.items():
            if key not in value:
                if field.required:
                    where = format_path(path) or "the top level"
                    self.report((*path, key), f"missing required key '{key}' in {where}")
                continue
            self.field(value[key], field, (*path, key))

    def field(self, value: Any, field: Field, path: KeyPath) -> None:
        kind = field.kind
        if kind in ("text", "id", "key"):
            if not isinstance(value, str):
                self.report(path, f"must be text (in quotes), not {type_name(value)}")
            elif not value.strip():
                self.report(path, "must not be empty")
            elif kind == "id" and not ID_PATTERN.match(value):
                self.report(
                    path,
                    f"id '{value}' may hold only lower-case letters, digits, '-' and '_', "
                    "starting with a letter or digit",
                )
            elif kind == "key":
                self.vote_key(value, path)
        elif kind == "digit":
            if isinstance(value, bool) or not isinstance(value, int):
                self.report(path, f"must be a whole number from 0 to 9, not {type_name(value)}")
            elif not 0 <= value <= 9:
                self.report(path, f"must be a whole number from 0 to 9 (its digit is the key "
                            f"that adds a rating), not {value}")
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.report(path, f"must be a number of minutes, not {type_name(value)}")
            elif isinstance(value, float) and not math.isfinite(value):
                self.report(path, f"must be a finite number of minutes, not {value}")
            elif not value > 0:
                self.report(path, f"must be more than 0 minutes, not {value}")
            elif value > MAX_MINUTES:
                self.report(path, f"must be at most {MAX_MINUTES:,} minutes (a day), not {value}")
        elif kind == "table":
            if not isinstance(value, dict):
                self.report(path, f"must be a table ([{format_path(path)}]), not {type_name(value)}")
            else:
                self.table(value, field.schema or {}, path)
        elif kind == "tables":
            self.tables(value, field, path)

    def tables(self, value: Any, field: Field, path: KeyPath) -> None:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.report(path, f"must be a list of tables ([[{format_path(path)}]]), not {type_name(value)}")
            return
        if not value:
            self.report(path, field.empty)
        for index, item in enumerate(value):
            self.table(item, field.schema or {}, (*path, index))

    def vote_key(self, key: str, path: KeyPath) -> None:
        if not KEY_PATTERN.match(key):
            self.report(path, f"key '{key}' must be a single lower-case letter (a to z)")
        elif key in self.reserved_keys:
            reserved = " ".join(self.reserved_keys)
            self.report(path, f"key '{key}' is one of the app's own keys ({reserved}); choose another")


def _ids(items: Any) -> list[tuple[int, Any]]:
    if not isinstance(items, list):
        return []
    return [(i, item.get("id")) for i, item in enumerate(items) if isinstance(item, dict)]


def _cross_checks(data: dict[str, Any], checker: _Checker) -> None:
    """Rules that span several tables: unique ids, unique vote keys, commitments present."""
    seen: dict[str, str] = {}

    def unique(item_id: Any, path: KeyPath, namespace: dict[str, str]) -> None:
        if not isinstance(item_id, str) or not item_id:
            return
        if item_id in namespace:
            checker.report(path, f"duplicate id '{item_id}': already used at {namespace[item_id]}")
        else:
            namespace[item_id] = format_path(path)

    principles = data.get("principles")
    for i, pid in _ids(principles):
        unique(pid, ("principles", i, "id"), seen)
        commitments = principles[i].get("commitments")
        if "commitments" not in principles[i]:
            continue  # already reported as missing
        for j, cid in _ids(commitments):
            unique(cid, ("principles", i, "commitments", j, "id"), seen)
    for i, qid in _ids(data.get("questions")):
        unique(qid, ("questions", i, "id"), seen)

    option_ids: dict[str, str] = {}
    keys: dict[str, str] = {}
    options = data.get("vote_options")
    for i, oid in _ids(options):
        unique(oid, ("vote_options", i, "id"), option_ids)
        key = options[i].get("key")
        if isinstance(key, str) and key:
            path = ("vote_options", i, "key")
            if key in keys:
                checker.report(path, f"key '{key}' is already used by {keys[key]}")
            else:
                keys[key] = f"vote option '{oid}'"


def _scale(data: dict[str, Any], checker: _Checker) -> None:
    """The rating scale's points rise one by one from the lowest (each digit is a key), there are
    at least two, and `rating_low` is one of them below the highest."""
    points = data.get("rating_scale")
    values = [p.get("value") for p in points or () if isinstance(p, dict)]
    if not isinstance(points, list) or not all(isinstance(v, int) and not isinstance(v, bool)
                                               and 0 <= v <= 9 for v in values):
        values = []  # already reported, or no scale: the default
    if values:
        if len(values) < 2:
            checker.report(("rating_scale",), "a rating scale needs at least two points")
        for index, (before, value) in enumerate(zip(values, values[1:], strict=False), start=1):
            if value != before + 1:
                checker.report(("rating_scale", index, "value"), f"the points must rise by one "
                               f"from the lowest (after {before} comes {before + 1}), not {value}")
    low = data.get("rating_low")
    if isinstance(low, int) and not isinstance(low, bool) and 0 <= low <= 9:
        scale = values or list(range(1, 6))
        if not scale[0] <= low < scale[-1]:
            checker.report(("rating_low",), f"must be a point of the scale below its highest "
                           f"({scale[0]} to {scale[-1] - 1}), not {low}")


def _placeholders(data: dict[str, Any], checker: _Checker) -> None:
    """A text that may hold placeholders holds only known ones: `{athority}` read out as typed
    would put a typing slip in front of a committee."""
    for key in WITH_PLACEHOLDERS:
        text = data.get(key)
        if not isinstance(text, str):
            continue
        for found in PLACEHOLDER_PATTERN.findall(text):
            if found not in PLACEHOLDERS:
                known = " ".join(PLACEHOLDERS)
                checker.report((key,), f"unknown placeholder '{found}'; the only one is {known} "
                               "(the authority the session names)")


def check(
    data: dict[str, Any], text: str, file: str, reserved_keys: tuple[str, ...] = RESERVED_KEYS
) -> tuple[list[Problem], int]:
    """The problems with a parsed protocol, in file order (at most MAX_PROBLEMS), and how many
    more were found."""
    checker = _Checker(text, file, reserved_keys)
    checker.table(data, PROTOCOL, ())
    _cross_checks(data, checker)
    _scale(data, checker)
    _placeholders(data, checker)
    return sorted(checker.problems, key=lambda p: (p.line is None, p.line or 0)), checker.dropped


def validate(
    data: dict[str, Any], text: str, file: str, reserved_keys: tuple[str, ...] = RESERVED_KEYS
) -> list[Problem]:
    """Every problem with a parsed protocol, in file order (at most MAX_PROBLEMS of them)."""
    return check(data, text, file, reserved_keys)[0]
