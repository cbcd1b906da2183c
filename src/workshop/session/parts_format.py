"""The session file's parts for the protocol's other uses (docs/session-format.md): the mode, an
assessment's scale and actions, and the sign-up's signatories, to TOML data and back.

A consultation's file has none of these keys, so it reads and writes exactly as before. The
readers note every problem on the `Reader` (file, line, key) as the rest of file_format.py does;
the merged file reads its rows of actions and signatories with the same field readers. Nothing
here imports Textual.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from workshop.protocol.model import RatingPoint, RatingScale
from workshop.session.kinds import Mode
from workshop.session.model import Action, Signatory
from workshop.toml.lines import KeyPath
from workshop.toml.reader import Reader, type_name

PARTS_KEYS = ("mode", "scale", "ratings", "actions", "signatories")
"""The top-level keys this module reads and writes."""
ACTION_KEYS = ("id", "text", "owner", "due", "created", "edited")
SIGNATORY_KEYS = ("id", "organisation", "name", "role", "date", "reservations", "created",
                  "edited")


def counts_key(mode: Mode) -> str:
    """The table the room's counts are kept in: `votes`, or `ratings` in an assessment."""
    return "ratings" if mode is Mode.ASSESS else "votes"


# -- writing ------------------------------------------------------------------------------------


def scale_to_dict(scale: RatingScale) -> dict[str, Any]:
    return {"low": scale.low,
            "points": [{"value": p.value, "label": p.label} for p in scale.points]}


def action_to_dict(action: Action) -> dict[str, Any]:
    out: dict[str, Any] = {"id": action.id, "text": action.text, "owner": action.owner}
    if action.due is not None:
        out["due"] = action.due
    out["created"] = action.created
    if action.edited is not None:
        out["edited"] = action.edited
    return out


def actions_to_dict(actions: dict[str, list[Action]]) -> dict[str, list[dict[str, Any]]]:
    return {cid: [action_to_dict(a) for a in items] for cid, items in sorted(actions.items())
            if items}


def signatory_to_dict(s: Signatory) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "organisation": s.organisation, "name": s.name,
                           "role": s.role, "date": s.signed, "reservations": s.reservations,
                           "created": s.created}
    if s.edited is not None:
        out["edited"] = s.edited
    return out


def signatories_to_list(signatories: list[Signatory]) -> list[dict[str, Any]]:
    return [signatory_to_dict(s) for s in signatories]


# -- reading ------------------------------------------------------------------------------------


def read_mode(r: Reader, data: dict[str, Any]) -> Mode:
    """The file's mode (a consultation when it names none). An unknown one is reported, and read
    as None (the rest is then checked as a consultation's, without more noise about it)."""
    text = r.get(data, ("mode",), str, required=False)
    if text is None:
        return Mode.CONSULT
    try:
        return Mode(text)
    except ValueError:
        r.report(("mode",), f"unknown mode '{text}'; expected one of " + ", ".join(Mode))
        return None  # type: ignore[return-value]


def _table_path(data: dict[str, Any], key: str) -> KeyPath:
    """Where a table is written: its first sub-table's header (`[ratings.c1]`) when it has only
    sub-tables, which gives the problem a line."""
    table = data.get(key)
    if isinstance(table, dict) and table and all(isinstance(v, dict) for v in table.values()):
        return (key, next(iter(table)))
    return (key,)


def read_scale(r: Reader, data: dict[str, Any], mode: Mode | None) -> RatingScale | None:
    """An assessment's `[scale]` (required there, refused elsewhere), checked as the protocol's
    `[[rating_scale]]` is: points rising by one, digits 0-9, `low` below the highest."""
    if mode is None:
        return None
    if mode is not Mode.ASSESS:
        if "scale" in data:
            r.report(("scale",), f"only an assessment session has a scale (this one's mode is "
                     f"'{mode}')")
        if "ratings" in data:
            r.report(_table_path(data, "ratings"), "only an assessment session has ratings "
                     f"(this one's mode is '{mode}'); a consultation's counts are in [votes]")
        return None
    if "votes" in data:
        r.report(_table_path(data, "votes"),
                 "an assessment session records [ratings], not [votes]")
    table = r.get(data, ("scale",), dict)
    if table is None:
        return None
    r.unknown(table, ("scale",), ("low", "points"))
    items = r.get(table, ("scale", "points"), list) or []
    points: list[RatingPoint] = []
    for index, item in enumerate(items):
        p: KeyPath = ("scale", "points", index)
        if not isinstance(item, dict):
            r.report(p, f"must be a table, not {type_name(item)}")
            continue
        r.unknown(item, p, ("value", "label"))
        value = r.number(item, (*p, "value"), int, 9)
        label = r.get(item, (*p, "label"), str)
        if label is not None and not label.strip():
            r.report((*p, "label"), "must not be empty")
        if value is not None and label is not None:
            if points and value != points[-1].value + 1:
                r.report((*p, "value"), f"the points must rise by one from the lowest (after "
                         f"{points[-1].value} comes {points[-1].value + 1}), not {value}")
            points.append(RatingPoint(value, label))
    if len(points) < 2 and len(points) == len(items):
        r.report(("scale", "points"), "a rating scale needs at least two points")
    low = r.number(table, ("scale", "low"), int, 9)
    if len(points) < 2 or low is None:
        return None
    if not points[0].value <= low < points[-1].value:
        r.report(("scale", "low"), f"must be a point of the scale below its highest "
                 f"({points[0].value} to {points[-1].value - 1}), not {low}")
        return None
    return RatingScale(tuple(points), low)


def read_day(r: Reader, table: Any, path: KeyPath, required: bool = True) -> date | None:
    """A date (YYYY-MM-DD), not a date and time."""
    value = r.get(table, path, date, required)
    if isinstance(value, datetime):
        r.report(path, "must be a date (YYYY-MM-DD), not a date and time")
        return None
    return value


def read_action(r: Reader, item: Any, p: KeyPath, extra: tuple[str, ...] = ()) -> Action | None:
    """One action's table (`extra`: the merged file's keys naming its session and commitment)."""
    if not isinstance(item, dict):
        r.report(p, f"must be a table, not {type_name(item)}")
        return None
    r.unknown(item, p, (*extra, *ACTION_KEYS))
    action_id = r.get(item, (*p, "id"), str)
    text = r.get(item, (*p, "text"), str)
    owner = r.get(item, (*p, "owner"), str) or ""
    due = read_day(r, item, (*p, "due"), required=False)
    created = r.get(item, (*p, "created"), datetime)
    edited = r.get(item, (*p, "edited"), datetime, required=False)
    if text is not None and not text.strip():
        r.report((*p, "text"), "an empty action is not recorded")
    if None in (action_id, text, created):
        return None
    return Action(action_id, text, owner, due, created, edited)


def read_actions(r: Reader, data: dict[str, Any], commitments: set[str] | bool
                 ) -> dict[str, list[Action]]:
    """`[[actions.<commitment id>]]`; with a protocol, each commitment id is one of its own."""
    table = r.get(data, ("actions",), dict, required=False) or {}
    out: dict[str, list[Action]] = {}
    for cid in table:
        path: KeyPath = ("actions", cid)
        if isinstance(commitments, set) and cid not in commitments:
            r.report(path, f"unknown commitment id '{cid}'")
        items = r.get(table, path, list)
        actions = [a for index, item in enumerate(items or ())
                   if (a := read_action(r, item, (*path, index))) is not None]
        if actions:
            out[cid] = actions
    return out


def read_signatory(r: Reader, item: Any, p: KeyPath, extra: tuple[str, ...] = ()
                   ) -> Signatory | None:
    if not isinstance(item, dict):
        r.report(p, f"must be a table, not {type_name(item)}")
        return None
    r.unknown(item, p, (*extra, *SIGNATORY_KEYS))
    signatory_id = r.get(item, (*p, "id"), str)
    organisation = r.get(item, (*p, "organisation"), str)
    if organisation is not None and not organisation.strip():
        r.report((*p, "organisation"), "must not be empty")
        organisation = None
    signed = read_day(r, item, (*p, "date"))
    created = r.get(item, (*p, "created"), datetime)
    edited = r.get(item, (*p, "edited"), datetime, required=False)
    texts = {key: r.get(item, (*p, key), str) or "" for key in ("name", "role", "reservations")}
    if None in (signatory_id, organisation, signed, created):
        return None
    return Signatory(signatory_id, organisation, texts["name"], texts["role"], signed,
                     texts["reservations"], created, edited)


def read_signatories(r: Reader, data: dict[str, Any]) -> list[Signatory]:
    items = r.get(data, ("signatories",), list, required=False) or []
    return [s for index, item in enumerate(items)
            if (s := read_signatory(r, item, ("signatories", index))) is not None]
