"""The merged file's rows for the protocol's other uses (docs/merged-format.md): every agreed
action and every signatory, each naming its session, and the summary's counts of them. Written
only when a result has some, so a consultation's merged file is as it was. The fields are those
of a session file's (session/parts_format.py). Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop.consultation.records import SessionRecord, made_order
from workshop.session.parts_format import (
    action_to_dict,
    read_action,
    read_signatory,
    signatory_to_dict,
)
from workshop.toml.lines import KeyPath
from workshop.toml.reader import Reader


def parts_rows(records: list[SessionRecord], order: Callable[[str], Any]) -> dict[str, Any]:
    """`[[actions]]` (by commitment in protocol order, `order`, then session, then as made) and
    `[[signatories]]` (by session, as recorded); a key only when it has rows."""
    out: dict[str, Any] = {}
    actions = sorted(((order(cid), r.id, made_order(a), cid, a) for r in records
                      for cid, items in r.actions.items() for a in items), key=lambda t: t[:3])
    if actions:
        out["actions"] = [{"session": sid, "commitment": cid, **action_to_dict(a)}
                          for _, sid, _, cid, a in actions]
    signatories = [(r.id, s) for r in records for s in r.signatories]
    if signatories:
        out["signatories"] = [{"session": sid, **signatory_to_dict(s)} for sid, s in signatories]
    return out


PARTS_SUMMARY = ("actions", "signatories")
"""The summary's counts of the other uses' parts: written only when there are some."""


def parts_summary(records: list[SessionRecord]) -> dict[str, int]:
    actions = sum(len(items) for r in records for items in r.actions.values())
    signatories = sum(len(r.signatories) for r in records)
    return {key: n for key, n in (("actions", actions), ("signatories", signatories)) if n}


def read_actions(r: Reader, data: dict[str, Any], records: dict[str, SessionRecord]):
    """[[actions]] rows → {session id: {commitment id: [Action]}}, each kept as made."""
    out: dict[str, dict[str, list]] = {}
    for index, row in enumerate(r.get(data, ("actions",), list, required=False) or []):
        p: KeyPath = ("actions", index)
        action = read_action(r, row, p, extra=("session", "commitment"))
        sid = r.get(row, (*p, "session"), str) if isinstance(row, dict) else None
        cid = r.get(row, (*p, "commitment"), str) if isinstance(row, dict) else None
        if sid is not None and sid not in records:
            r.report((*p, "session"), f"session '{sid}' is not in [[sessions]]")
        if action is not None and sid is not None and cid is not None:
            out.setdefault(sid, {}).setdefault(cid, []).append(action)
    for targets in out.values():
        for items in targets.values():
            items.sort(key=made_order)
    return out


def read_signatories(r: Reader, data: dict[str, Any], records: dict[str, SessionRecord]):
    """[[signatories]] rows → {session id: [Signatory]}."""
    out: dict[str, list] = {}
    for index, row in enumerate(r.get(data, ("signatories",), list, required=False) or []):
        p: KeyPath = ("signatories", index)
        signatory = read_signatory(r, row, p, extra=("session",))
        sid = r.get(row, (*p, "session"), str) if isinstance(row, dict) else None
        if sid is not None and sid not in records:
            r.report((*p, "session"), f"session '{sid}' is not in [[sessions]]")
        if signatory is not None and sid is not None:
            out.setdefault(sid, []).append(signatory)
    return out
