"""The session file format (docs/session-format.md): a Session to TOML bytes and back.

Writing is stable: the same session always gives the same bytes (tables sorted by id, entries
in the order they were made), so session files diff well. Text is kept byte for byte. Reading
goes through `workshop.toml.io.read_toml` and checks everything (format name and version, types, the
protocol it was recorded on); any problem raises one `SessionFileError` naming the file, the
line and the key.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from workshop.errors import SessionFileError
from workshop.protocol.model import Protocol
from workshop.session.kinds import ENTRY_KINDS, INTRODUCTION, Mode, Step
from workshop.session.model import (
    MAX_ELAPSED_SECONDS,
    MAX_PARTICIPANTS,
    MAX_VOTES,
    RECOMMENDATIONS,
    Entry,
    Meta,
    Recommendation,
    Session,
    entry_number,
    protocol_steps,
)
from workshop.session.parts_format import (
    PARTS_KEYS,
    actions_to_dict,
    counts_key,
    read_actions,
    read_mode,
    read_scale,
    read_signatories,
    scale_to_dict,
    signatories_to_list,
)
from workshop.toml.io import dumps_toml_bytes, read_workshop_toml
from workshop.toml.lines import KeyPath
from workshop.toml.reader import Reader, type_name

FORMAT_NAME = "workshop-session"
FORMAT_VERSION = 1


# -- writing ------------------------------------------------------------------------------------


def _entry(entry: Entry) -> dict[str, Any]:
    out: dict[str, Any] = {"id": entry.id, "text": entry.text, "created": entry.created}
    if entry.edited is not None:
        out["edited"] = entry.edited
    return out


def session_to_dict(session: Session) -> dict[str, Any]:
    """The session as the plain data written to its file, in a fixed order."""
    meta = session.meta
    meta_out: dict[str, Any] = {
        "group": meta.group,
        "facilitator": meta.facilitator,
        "location": meta.location,
    }
    if meta.authority:  # optional: a file that names none reads as it always did
        meta_out["authority"] = meta.authority
    meta_out["date"] = meta.date
    if meta.participants is not None:
        meta_out["participants"] = meta.participants
    meta_out |= {"notes": meta.notes, "started": session.started, "updated": session.updated}

    progress: dict[str, Any] = {"step": str(session.step), "next_entry": session.next_entry}
    if session.completed is not None:
        progress["completed"] = session.completed
    progress["elapsed"] = dict(sorted(session.elapsed.items()))

    rec = session.recommendation
    rec_out: dict[str, Any] = {"choice": rec.choice, "reasons": rec.reasons, "comments": rec.comments}
    if rec.updated is not None:
        rec_out["updated"] = rec.updated

    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "id": session.id,
    }
    if session.mode is not Mode.CONSULT:  # a consultation's file reads as it always did
        data["mode"] = str(session.mode)
    data |= {
        "protocol": {
            "id": session.protocol_id,
            "version": session.protocol_version,
            "digest": session.protocol_digest,
        },
        "meta": meta_out,
        "progress": progress,
        "recommendation": rec_out,
    }
    if session.scale is not None:
        data["scale"] = scale_to_dict(session.scale)
    data[counts_key(session.mode)] = {
        cid: dict(sorted(counts.items()))
        for cid, counts in sorted(session.votes.items())
        if any(counts.values())
    }
    for kind in ENTRY_KINDS:
        table = getattr(session, kind)
        data[kind] = {target: [_entry(e) for e in entries] for target, entries in sorted(table.items()) if entries}
    if session.actions:
        data["actions"] = actions_to_dict(session.actions)
    if session.signatories:
        data["signatories"] = signatories_to_list(session.signatories)
    return data


def dumps_session(session: Session) -> bytes:
    """The bytes of the session's file."""
    return dumps_toml_bytes(session_to_dict(session))


# -- reading ------------------------------------------------------------------------------------


TOP_KEYS = ("format", "format_version", "id", "protocol", "meta", "progress", "recommendation",
            "votes", *ENTRY_KINDS, *PARTS_KEYS)


def session_from_dict(data: dict[str, Any], text: str, file: str, protocol: Protocol | None) -> Session:
    """Build a Session from parsed TOML, or raise one SessionFileError listing the problems."""
    r = Reader(text, file)
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        found = f"format = {fmt!r}" if "format" in data else "no 'format' key"
        r.report(("format",), f"not a workshop session file ({found}; expected '{FORMAT_NAME}')")
        raise SessionFileError(r.problems, more=r.dropped)
    version = r.get(data, ("format_version",), int)
    if version is not None and version != FORMAT_VERSION:
        newer = "a newer" if version > FORMAT_VERSION else "an unknown"
        r.report(("format_version",), f"format version {version} is from {newer} version of workshop; "
                 f"this one reads version {FORMAT_VERSION}")
    if r.problems:
        raise SessionFileError(r.problems, more=r.dropped)
    r.unknown(data, (), TOP_KEYS)

    session_id = r.get(data, ("id",), str)
    if session_id is not None and not session_id.strip():
        r.report(("id",), "must not be empty")
    proto = r.get(data, ("protocol",), dict) or {}
    p_id = r.get(proto, ("protocol", "id"), str)
    p_version = r.get(proto, ("protocol", "version"), str)
    p_digest = r.get(proto, ("protocol", "digest"), str)
    r.unknown(proto, ("protocol",), ("id", "version", "digest"))
    if protocol is not None and p_id is not None and p_version is not None:
        if (p_id, p_version) != (protocol.id, protocol.version):
            key = "id" if p_id != protocol.id else "version"
            r.report(("protocol", key), f"recorded on protocol '{p_id}' version '{p_version}', but the "
                     f"protocol in use is '{protocol.id}' version '{protocol.version}'")
        elif p_digest is not None and p_digest != protocol.digest:
            r.report(("protocol", "digest"), f"the text of protocol '{p_id}' version '{p_version}' has "
                     "changed since this session was recorded; restore the published text, or give "
                     "the changed text a new version")

    read = read_mode(r, data)
    scale = read_scale(r, data, read)
    mode = read or Mode.CONSULT
    meta, started, updated = _read_meta(r, data)
    step, completed, next_entry, elapsed = _read_progress(r, data, protocol, mode)
    recommendation = _read_recommendation(r, data)
    option_ids = scale.ids if scale is not None else protocol.option_ids if protocol else None
    votes = _read_votes(r, data, protocol, counts_key(mode), option_ids)
    entries = {kind: _read_entries(r, data, kind, protocol) for kind in ENTRY_KINDS}
    actions = read_actions(r, data, protocol is not None and set(protocol.commitment_ids))
    signatories = read_signatories(r, data)
    ids = dict(entries, actions=actions, signatories={"": signatories})
    _check_entry_ids(r, ids, next_entry)
    if r.problems:
        raise SessionFileError(sorted(r.problems, key=lambda p: (p.line is None, p.line or 0)),
                               more=r.dropped)
    return Session(
        id=session_id, protocol_id=p_id, protocol_version=p_version, protocol_digest=p_digest,
        meta=meta, started=started, updated=updated, votes=votes,
        comments=entries["comments"], amendments=entries["amendments"], answers=entries["answers"],
        recommendation=recommendation, step=step, completed=completed, elapsed=elapsed,
        next_entry=next_entry, protocol=protocol, mode=mode, scale=scale, actions=actions,
        signatories=signatories,
    )


def _read_meta(r: Reader, data: dict[str, Any]) -> tuple[Meta, datetime, datetime]:
    meta = r.get(data, ("meta",), dict) or {}
    p: KeyPath = ("meta",)
    r.unknown(meta, p, ("group", "facilitator", "location", "authority", "date", "participants",
                        "notes", "started", "updated"))
    group = r.get(meta, (*p, "group"), str)
    if group is not None and not group.strip():
        r.report((*p, "group"), "must not be empty")
    on = r.get(meta, (*p, "date"), date)
    if isinstance(on, datetime):
        r.report((*p, "date"), "must be a date (YYYY-MM-DD), not a date and time")
    participants = r.number(meta, (*p, "participants"), int, MAX_PARTICIPANTS, required=False)
    result = Meta(
        group=group or "",
        facilitator=r.get(meta, (*p, "facilitator"), str) or "",
        location=r.get(meta, (*p, "location"), str) or "",
        date=on if isinstance(on, date) else date(1970, 1, 1),
        participants=participants,
        notes=r.get(meta, (*p, "notes"), str) or "",
        authority=r.get(meta, (*p, "authority"), str, required=False) or "",
    )
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    started = r.get(meta, (*p, "started"), datetime) or epoch
    updated = r.get(meta, (*p, "updated"), datetime) or epoch
    return result, started, updated


def _read_progress(r: Reader, data: dict[str, Any], protocol: Protocol | None, mode: Mode):
    progress = r.get(data, ("progress",), dict) or {}
    p: KeyPath = ("progress",)
    r.unknown(progress, p, ("step", "next_entry", "completed", "elapsed"))
    text = r.get(progress, (*p, "step"), str) or INTRODUCTION
    try:
        step = Step(text)
    except ValueError as exc:
        if protocol is not None:  # merging reads sessions without one, and needs no step
            r.report((*p, "step"), str(exc))
        step = INTRODUCTION
    if protocol is not None and step not in protocol_steps(protocol, mode):
        r.report((*p, "step"), f"unknown step '{step}'" + (
            f" in a{'n' if mode.label[0] in 'AEIOU' else ''} {mode.label.lower()} session"
            if mode is not Mode.CONSULT else ""))
    next_entry = r.get(progress, (*p, "next_entry"), int) or 1
    completed = r.get(progress, (*p, "completed"), datetime, required=False)
    elapsed_in = r.get(progress, (*p, "elapsed"), dict, required=False) or {}
    elapsed: dict[str, float] = {}
    for step_name in elapsed_in:
        seconds = r.number(elapsed_in, (*p, "elapsed", step_name), (int, float),
                           MAX_ELAPSED_SECONDS)
        if seconds is not None:
            elapsed[step_name] = float(seconds)
    return step, completed, next_entry, elapsed


def _read_recommendation(r: Reader, data: dict[str, Any]) -> Recommendation:
    rec = r.get(data, ("recommendation",), dict) or {}
    p: KeyPath = ("recommendation",)
    r.unknown(rec, p, ("choice", "reasons", "comments", "updated"))
    choice = r.get(rec, (*p, "choice"), str) or ""
    if choice and choice not in RECOMMENDATIONS:
        r.report((*p, "choice"), f"unknown recommendation '{choice}'; expected one of "
                 + ", ".join(RECOMMENDATIONS))
    return Recommendation(
        choice=choice,
        reasons=r.get(rec, (*p, "reasons"), str) or "",
        comments=r.get(rec, (*p, "comments"), str) or "",
        updated=r.get(rec, (*p, "updated"), datetime, required=False),
    )


def _read_votes(r: Reader, data: dict[str, Any], protocol: Protocol | None, key: str,
                option_ids: tuple[str, ...] | None) -> dict[str, dict[str, int]]:
    """The counts table (`votes`, or `ratings` in an assessment: per point of its scale)."""
    table = r.get(data, (key,), dict, required=False) or {}
    votes: dict[str, dict[str, int]] = {}
    for cid in table:
        path: KeyPath = (key, cid)
        _check_target(r, path, cid, "commitment", protocol)
        counts_in = r.get(table, path, dict)
        if counts_in is None:
            continue
        counts: dict[str, int] = {}
        for option in counts_in:
            opath = (*path, option)
            if option_ids is not None and option not in option_ids:
                what = ("rating", "scale's points") if key != "votes" else (
                    "vote option", "protocol's options")
                r.report(opath, f"unknown {what[0]} '{option}'; the {what[1]} are "
                         + ", ".join(option_ids))
            value = r.number(counts_in, opath, int, MAX_VOTES, what="a vote count ")
            if value is not None:
                counts[option] = value
        if option_ids is not None:
            counts = {o: counts.get(o, 0) for o in option_ids} | counts
        votes[cid] = counts
    return votes


def _check_target(r: Reader, path: KeyPath, target: str, what: str, protocol: Protocol | None) -> None:
    if protocol is None:
        return
    known = protocol.commitment_ids if what == "commitment" else protocol.question_ids
    if target not in known:
        r.report(path, f"unknown {what} id '{target}' (not in protocol '{protocol.id}')")


def _read_entries(r: Reader, data: dict[str, Any], kind: str, protocol: Protocol | None) -> dict[str, list[Entry]]:
    table = r.get(data, (kind,), dict, required=False) or {}
    out: dict[str, list[Entry]] = {}
    what = "question" if kind == "answers" else "commitment"
    for target in table:
        path: KeyPath = (kind, target)
        _check_target(r, path, target, what, protocol)
        items = r.get(table, path, list)
        if items is None:
            continue
        entries = []
        for index, item in enumerate(items):
            ipath = (*path, index)
            if not isinstance(item, dict):
                r.report(ipath, f"must be a table, not {type_name(item)}")
                continue
            r.unknown(item, ipath, ("id", "text", "created", "edited"))
            entry_id = r.get(item, (*ipath, "id"), str)
            text = r.get(item, (*ipath, "text"), str)
            created = r.get(item, (*ipath, "created"), datetime)
            edited = r.get(item, (*ipath, "edited"), datetime, required=False)
            if entry_id is not None and text is not None and created is not None:
                entries.append(Entry(entry_id, text, created, edited))
        out[target] = entries
    return out


def odd_entry_number(entry_id: str) -> bool:
    """An id like `e²` or `e①`: an entry number written in digits other than 0-9. The app never
    makes one, `int()` cannot read one, and "²".isdigit() is true, so it is refused by name."""
    number = entry_id[1:]
    return entry_id.startswith("e") and number.isdigit() and not number.isascii()


ODD_ENTRY_NUMBER = "an entry id 'e<N>' must write N in the digits 0-9"


def _check_entry_ids(r: Reader, entries: dict[str, dict[str, list[Any]]], next_entry: int) -> None:
    """Entries, actions and signatories share one numbering: each id once, each below
    `next_entry`. (Signatories are a list, passed as one table under "".)"""
    seen: set[str] = set()
    for kind, table in entries.items():
        for target, items in table.items():
            for index, entry in enumerate(items):
                path = (kind, target, index, "id") if target else (kind, index, "id")
                if entry.id in seen:
                    r.report(path, f"duplicate entry id '{entry.id}'")
                seen.add(entry.id)
                if odd_entry_number(entry.id):
                    r.report(path, f"{ODD_ENTRY_NUMBER}, not '{entry.id}'")
                number = entry_number(entry.id)
                if number is not None and number >= next_entry:
                    r.report(("progress", "next_entry"), f"must be more than every entry number "
                             f"(entry '{entry.id}' exists)")


def read_session(path: Path | str, protocol: Protocol | None = None) -> Session:
    """Read and check a session file. With a protocol, ids are checked against it and the
    session must have been recorded on the same protocol id, version and text."""
    data, text, file = read_workshop_toml(path, "a workshop session file")
    return session_from_dict(data, text, file, protocol)
