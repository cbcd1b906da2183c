"""The merged file format (docs/merged-format.md): a Merged result to TOML bytes and back.

Writing is byte-stable: the same set of sessions always gives the same bytes (sessions sorted by
id, commitments and questions in protocol order, entries by time). Totals and the summary are
written for people and other programs to read; on reading they are checked against the
per-session counts they are derived from, so a damaged or hand-edited file is caught, named,
and never merged silently. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from workshop.consultation.merged_parts import (
    PARTS_SUMMARY,
    parts_rows,
    parts_summary,
    read_actions,
    read_signatories,
)
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord, made_order
from workshop.errors import SessionFileError
from workshop.protocol.model import Protocol
from workshop.session.file_format import ODD_ENTRY_NUMBER, odd_entry_number
from workshop.session.kinds import ENTRY_KINDS, Mode
from workshop.session.model import (
    MAX_PARTICIPANTS,
    MAX_VOTES,
    RECOMMENDATIONS,
    Entry,
    Recommendation,
)
from workshop.session.parts_format import counts_key, read_mode, read_scale, scale_to_dict
from workshop.toml.io import dumps_toml_bytes
from workshop.toml.lines import KeyPath
from workshop.toml.reader import Reader

FORMAT_NAME = "workshop-merged"
FORMAT_VERSION = 1
TARGET_KEY = {"comments": "commitment", "amendments": "commitment", "answers": "question"}
"""Each entry kind's key for what it is about."""


# -- writing ------------------------------------------------------------------------------------


def _order(protocol: Protocol | None, kind: str):
    """Sort key for commitment or question ids: protocol order, unknown ids after, by id."""
    items = [] if protocol is None else (
        protocol.questions if TARGET_KEY.get(kind) == "question" else protocol.commitments)
    position = {item.id: n for n, item in enumerate(items)}
    return lambda target: (position.get(target, len(position)), target)


def merged_to_dict(merged: Merged, protocol: Protocol | None = None) -> dict[str, Any]:
    """The merged result as the plain data written to its file, in a fixed order. With the
    protocol, commitments and questions follow its order and totals have every vote option."""
    records = [merged.records[sid] for sid in sorted(merged.records)]
    option_ids = merged.option_ids or (protocol.option_ids if protocol is not None else ())
    data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    if merged.mode is not Mode.CONSULT:  # a consultation's file reads as it always did
        data["mode"] = str(merged.mode)
    data |= {
        "protocol": {"id": merged.protocol.id, "version": merged.protocol.version,
                     "digest": merged.protocol.digest},
        "summary": {
            "sessions": len(records),
            "complete": sum(r.complete for r in records),
            "participants": merged.participants(),
            "votes": sum(n for r in records for counts in r.votes.values() for n in counts.values()),
            **{kind: sum(len(v) for r in records for v in r.entries(kind).values())
               for kind in ENTRY_KINDS},
            **parts_summary(records),
        },
    }
    if merged.scale is not None:
        data["scale"] = scale_to_dict(merged.scale)
    data["sessions"] = [_session(r, merged.protocol) for r in records]
    votes: dict[str, Any] = {}
    voted = {cid for r in records for cid, counts in r.votes.items() if any(counts.values())}
    for cid in sorted(voted, key=_order(protocol, "votes")):
        by_session = merged.by_session(cid)
        extra = sorted({o for counts in by_session.values() for o in counts} - set(option_ids))
        totals = merged.totals(cid, (*option_ids, *extra))
        votes[cid] = {"sessions": len(by_session), "totals": totals,
                      "by_session": {sid: dict(sorted(c.items())) for sid, c in by_session.items()}}
    data[counts_key(merged.mode)] = votes
    for kind in ENTRY_KINDS:
        order = _order(protocol, kind)
        # by target in protocol order, then time, session and as made (Merged.attributed's
        # order within one target; built here without its objects or its own sort)
        rows = [(order(target), e.created, r.id, made_order(e), target, e) for r in records
                for target, items in r.entries(kind).items() for e in items]
        if rows:  # an empty list is left out rather than written as `kind = []`
            rows.sort(key=_first_four)
            key = TARGET_KEY[kind]
            data[kind] = [_entry(sid, key, target, e) for _, _, sid, _, target, e in rows]
    data |= parts_rows(records, _order(protocol, "votes"))
    return data


def _first_four(row: tuple) -> tuple:
    return row[:4]


def _session(r: SessionRecord, merged_protocol: ProtocolRef) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "source": r.source, "group": r.group,
                           "facilitator": r.facilitator, "location": r.location, "date": r.date}
    if r.participants is not None:
        out["participants"] = r.participants
    out["complete"] = r.complete
    if r.completed is not None:
        out["completed"] = r.completed
    out["updated"] = r.updated
    if r.protocol != merged_protocol:
        out["protocol"] = {"id": r.protocol.id, "version": r.protocol.version,
                           "digest": r.protocol.digest}
    if r.notes:
        out["notes"] = r.notes
    rec = r.recommendation
    out["recommendation"] = {"choice": rec.choice, "reasons": rec.reasons, "comments": rec.comments}
    if rec.updated is not None:
        out["recommendation"]["updated"] = rec.updated
    return out


def _entry(session_id: str, target_key: str, target: str, e: Entry) -> dict[str, Any]:
    out: dict[str, Any] = {"session": session_id, target_key: target, "id": e.id, "text": e.text,
                           "created": e.created}
    if e.edited is not None:
        out["edited"] = e.edited
    return out


def dumps_merged(merged: Merged, protocol: Protocol | None = None) -> bytes:
    """The bytes of the merged file."""
    return dumps_toml_bytes(merged_to_dict(merged, protocol))


# -- reading ------------------------------------------------------------------------------------

TOP_KEYS = ("format", "format_version", "mode", "protocol", "summary", "scale", "sessions",
            "votes", "ratings", *ENTRY_KINDS, "actions", "signatories")
SESSION_KEYS = ("id", "source", "group", "facilitator", "location", "date", "participants",
                "complete", "completed", "updated", "protocol", "notes", "recommendation")


def merged_from_dict(data: dict[str, Any], text: str, file: str,
                     protocol: Protocol | None = None) -> Merged:
    """Build a Merged result from a parsed merged file, or raise one SessionFileError listing
    every problem. With `protocol`, the ids of records on that protocol are checked against it."""
    r = Reader(text, file)
    version = r.get(data, ("format_version",), int)
    if version is not None and version != FORMAT_VERSION:
        newer = "a newer" if version > FORMAT_VERSION else "an unknown"
        r.report(("format_version",), f"merged format version {version} is from {newer} version "
                 f"of workshop; this one reads version {FORMAT_VERSION}")
        raise SessionFileError(r.problems, more=r.dropped)
    r.unknown(data, (), TOP_KEYS)
    read = read_mode(r, data)
    scale = read_scale(r, data, read)
    mode = read or Mode.CONSULT
    own = _protocol_ref(r, data, ("protocol",)) or ProtocolRef("", "", "")
    records: dict[str, SessionRecord] = {}
    sessions = r.get(data, ("sessions",), list) or []
    for index, item in enumerate(sessions):
        record = _read_session(r, item, ("sessions", index), own)
        if record is None:
            continue
        if record.id in records:
            r.report(("sessions", index, "id"), f"session '{record.id}' is listed twice")
        records[record.id] = record
    key = counts_key(mode)
    votes = _read_votes(r, data, records, key)
    entries = {kind: _read_entries(r, data, kind, records, protocol) for kind in ENTRY_KINDS}
    actions = read_actions(r, data, records)
    signatories = read_signatories(r, data, records)
    _check_summary(r, data, records, votes, entries, actions, signatories)
    if protocol is not None:
        option_ids = scale.ids if scale is not None else protocol.option_ids
        _check_ids(r, records, votes, protocol, key, option_ids)
    if r.problems:
        raise SessionFileError(sorted(r.problems, key=lambda p: (p.line is None, p.line or 0)),
                               more=r.dropped)
    out = {}
    for sid, record in records.items():
        out[sid] = replace(record, votes=votes.get(sid, {}), mode=mode, scale=scale,
                           actions=actions.get(sid, {}),
                           signatories=tuple(sorted(signatories.get(sid, ()), key=made_order)),
                           **{kind: entries[kind].get(sid, {}) for kind in ENTRY_KINDS})
    return Merged(own, out)


def _protocol_ref(r: Reader, table: Any, path: KeyPath, required: bool = True) -> ProtocolRef | None:
    proto = r.get(table, path, dict, required=required)
    if proto is None:
        return None
    r.unknown(proto, path, ("id", "version", "digest"))
    values = [r.get(proto, (*path, key), str) for key in ("id", "version", "digest")]
    return None if None in values else ProtocolRef(*values)


def _read_session(r: Reader, item: Any, p: KeyPath, own: ProtocolRef) -> SessionRecord | None:
    if not isinstance(item, dict):
        r.report(p, "must be a table ([[sessions]])")
        return None
    r.unknown(item, p, SESSION_KEYS)
    sid = r.get(item, (*p, "id"), str)
    if sid is not None and not sid.strip():
        r.report((*p, "id"), "must not be empty")
    group = r.get(item, (*p, "group"), str)
    if group is not None and not group.strip():
        r.report((*p, "group"), "must not be empty")
    on = r.get(item, (*p, "date"), date)
    if isinstance(on, datetime):
        r.report((*p, "date"), "must be a date (YYYY-MM-DD), not a date and time")
        on = None
    participants = r.number(item, (*p, "participants"), int, MAX_PARTICIPANTS, required=False)
    complete = r.get(item, (*p, "complete"), bool)
    completed = r.get(item, (*p, "completed"), datetime, required=False)
    if complete is not None and complete != (completed is not None):
        r.report((*p, "complete"), "must be true exactly when 'completed' gives a time")
    updated = r.get(item, (*p, "updated"), datetime)
    protocol = _protocol_ref(r, item, (*p, "protocol"), required=False) or own
    rec_in = r.get(item, (*p, "recommendation"), dict) or {}
    rp = (*p, "recommendation")
    r.unknown(rec_in, rp, ("choice", "reasons", "comments", "updated"))
    choice = r.get(rec_in, (*rp, "choice"), str) or ""
    if choice and choice not in RECOMMENDATIONS:
        r.report((*rp, "choice"), f"unknown recommendation '{choice}'; expected one of "
                 + ", ".join(RECOMMENDATIONS))
    recommendation = Recommendation(choice, r.get(rec_in, (*rp, "reasons"), str) or "",
                                    r.get(rec_in, (*rp, "comments"), str) or "",
                                    r.get(rec_in, (*rp, "updated"), datetime, required=False))
    source = r.get(item, (*p, "source"), str)
    if None in (sid, group, on, updated, source):
        return None
    return SessionRecord(
        id=sid, protocol=protocol, group=group, date=on, updated=updated, completed=completed,
        facilitator=r.get(item, (*p, "facilitator"), str) or "",
        location=r.get(item, (*p, "location"), str) or "", participants=participants,
        votes={}, comments={}, amendments={}, answers={}, recommendation=recommendation,
        source=source, notes=r.get(item, (*p, "notes"), str, required=False) or "")


def _count(r: Reader, table: Any, path: KeyPath, limit: int = MAX_VOTES) -> int | None:
    """One session's count (at most MAX_VOTES), or a total (`limit`: the sessions' bound)."""
    return r.number(table, path, int, limit, what="a vote count ")


def _read_votes(r: Reader, data: dict[str, Any], records: dict[str, SessionRecord],
                key: str = "votes"):
    """commitment tables → {session id: {commitment id: counts}}; totals checked against them.
    (`key`: `votes`, or `ratings` in an assessment.)"""
    out: dict[str, dict[str, dict[str, int]]] = {}
    table = r.get(data, (key,), dict, required=False) or {}
    for cid in table:
        p: KeyPath = (key, cid)
        item = r.get(table, p, dict)
        if item is None:
            continue
        r.unknown(item, p, ("sessions", "totals", "by_session"))
        by_session = r.get(item, (*p, "by_session"), dict) or {}
        sums: dict[str, int] = {}
        for sid in by_session:
            sp = (*p, "by_session", sid)
            if sid not in records:
                r.report(sp, f"session '{sid}' is not in [[sessions]]")
            counts_in = r.get(by_session, sp, dict) or {}
            counts = {}
            for option in counts_in:
                n = _count(r, counts_in, (*sp, option))
                if n is not None:
                    counts[option] = n
                    sums[option] = sums.get(option, 0) + n
            if any(counts.values()):
                out.setdefault(sid, {})[cid] = counts
        totals = r.get(item, (*p, "totals"), dict) or {}
        for option in sorted(set(totals) | set(sums)):
            limit = MAX_VOTES * max(1, len(by_session))  # a total adds up sessions' counts
            stated = _count(r, totals, (*p, "totals", option), limit) if option in totals else 0
            if stated is not None and stated != sums.get(option, 0):
                r.report((*p, "totals", option) if option in totals else (*p, "totals"),
                         f"total for '{option}' is {stated} but the sessions' counts add up to "
                         f"{sums.get(option, 0)}: the file was changed by hand or is damaged")
        voting = sum(1 for counts in by_session.values() if isinstance(counts, dict)
                     and any(isinstance(n, int) and n for n in counts.values()))
        stated = r.get(item, (*p, "sessions"), int)
        if stated is not None and stated != voting:
            r.report((*p, "sessions"), f"says {stated} sessions voted but by_session has {voting}")
    return out


def _read_entries(r: Reader, data: dict[str, Any], kind: str, records: dict[str, SessionRecord],
                  protocol: Protocol | None):
    """[[kind]] rows → {session id: {target: [Entry]}}. With `protocol`, the rows of records on
    it may only name its commitments (or questions), each problem reported on its row."""
    out: dict[str, dict[str, list[Entry]]] = {}
    ref = ProtocolRef.of(protocol) if protocol is not None else None
    known = frozenset() if protocol is None else (
        protocol.question_ids if TARGET_KEY[kind] == "question" else protocol.commitment_ids)
    rows = r.get(data, (kind,), list, required=False) or []
    seen: set[tuple[str, str]] = set()
    target_key = TARGET_KEY[kind]
    for index, row in enumerate(rows):
        p: KeyPath = (kind, index)
        if not isinstance(row, dict):
            r.report(p, f"must be a table ([[{kind}]])")
            continue
        r.unknown(row, p, ("session", target_key, "id", "text", "created", "edited"))
        values = [r.get(row, (*p, key), str) for key in ("session", target_key, "id", "text")]
        created = r.get(row, (*p, "created"), datetime)
        edited = r.get(row, (*p, "edited"), datetime, required=False)
        if None in values or created is None:
            continue
        sid, target, entry_id, text = values
        if sid not in records:
            r.report((*p, "session"), f"session '{sid}' is not in [[sessions]]")
        elif records[sid].protocol == ref and target not in known:
            r.report((*p, target_key), f"unknown {target_key} id '{target}' (session '{sid}', "
                     f"not in protocol '{protocol.id}')")
        if odd_entry_number(entry_id):
            r.report((*p, "id"), f"{ODD_ENTRY_NUMBER}, not '{entry_id}'")
        if (sid, entry_id) in seen:
            r.report((*p, "id"), f"entry '{entry_id}' of session '{sid}' is listed twice")
        seen.add((sid, entry_id))
        out.setdefault(sid, {}).setdefault(target, []).append(Entry(entry_id, text, created, edited))
    for targets in out.values():  # the file lists entries by time; a session keeps them as made
        for items in targets.values():
            items.sort(key=made_order)
    return out


SUMMARY_KEYS = ("sessions", "complete", "participants", "votes", *ENTRY_KINDS, *PARTS_SUMMARY)


def _check_summary(r: Reader, data: dict[str, Any], records: dict[str, SessionRecord], votes,
                   entries, actions, signatories) -> None:
    """[summary] is derived from the sessions; a stated figure that differs is refused. Checked
    only when the rest of the file read cleanly, so one damaged line gives one problem."""
    summary = r.get(data, ("summary",), dict, required=False)
    if summary is None:
        return
    r.unknown(summary, ("summary",), SUMMARY_KEYS)
    stated = {key: r.get(summary, ("summary", key), int, required=False) for key in SUMMARY_KEYS}
    if r.problems:
        return
    actual = {
        "sessions": len(records), "complete": sum(rec.complete for rec in records.values()),
        "participants": sum(rec.participants or 0 for rec in records.values()),
        "votes": sum(n for by_cid in votes.values() for counts in by_cid.values()
                     for n in counts.values()),
        **{kind: sum(len(items) for targets in entries[kind].values()
                     for items in targets.values()) for kind in ENTRY_KINDS},
        "actions": sum(len(items) for targets in actions.values() for items in targets.values()),
        "signatories": sum(len(items) for items in signatories.values()),
    }
    for key in SUMMARY_KEYS:
        if stated[key] is not None and stated[key] != actual[key]:
            r.report(("summary", key), f"says {stated[key]} but the file's sessions give "
                     f"{actual[key]}: the file was changed by hand or is damaged")


def _check_ids(r: Reader, records, votes, protocol: Protocol, key: str,
               option_ids: tuple[str, ...]) -> None:
    """Records on the target protocol may only use its commitment ids and the option ids
    (`option_ids`: the protocol's, or an assessment's points) in [votes] or [ratings] (the
    entries' ids are checked row by row, as they are read)."""
    ref = ProtocolRef.of(protocol)
    commitments = protocol.commitment_ids
    for sid, record in records.items():
        if record.protocol != ref:
            continue
        for cid, counts in votes.get(sid, {}).items():
            if cid not in commitments:
                r.report((key, cid), f"unknown commitment id '{cid}' (not in protocol "
                         f"'{protocol.id}')")
            for option in counts:
                if option not in option_ids:
                    what = (("rating", "scale's points") if key == "ratings"
                            else ("vote option", "protocol's options"))
                    r.report((key, cid, "by_session", sid, option), f"unknown {what[0]} "
                             f"'{option}'; the {what[1]} are " + ", ".join(option_ids))

