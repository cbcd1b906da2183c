"""A session record as compact JSON, and back, exactly: for caches, never for interchange.

The merged TOML file is what workshop writes for people and other programs (docs/
merged-format.md). A cache needs something else: a record that was already read and checked,
kept so that reading it again costs a `json.loads` and no checks. `record_to_json` writes a
record as a JSON array of its fields in a fixed order (dates and times as ISO text, which keeps
their offset and microseconds); `record_from_json` gives back a record equal to the one written,
field for field. `CODEC_VERSION` changes whenever that layout does, so a cache written by
another version is rebuilt rather than misread. Nothing here imports Textual.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from workshop.consultation.records import ProtocolRef, SessionRecord
from workshop.protocol.model import RatingPoint, RatingScale
from workshop.session.kinds import Mode
from workshop.session.model import Action, Entry, Recommendation, Signatory

CODEC_VERSION = 1
"""The layout of `record_to_json`'s arrays; caches keyed by it are rebuilt when it changes."""

_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def record_to_json(record: SessionRecord) -> str:
    """The record as one line of JSON (text kept exactly, lone surrogates too)."""
    r = record
    rec = r.recommendation
    return _DUMPS([
        r.id, [r.protocol.id, r.protocol.version, r.protocol.digest], r.group, r.facilitator,
        r.location, r.date.isoformat(), r.participants, _iso(r.completed), r.updated.isoformat(),
        r.votes, _entries(r.comments), _entries(r.amendments), _entries(r.answers),
        [rec.choice, rec.reasons, rec.comments, _iso(rec.updated)], r.source, r.notes,
        str(r.mode), None if r.scale is None else [r.scale.low, [[p.value, p.label]
                                                                 for p in r.scale.points]],
        {cid: [[a.id, a.text, a.owner, _iso(a.due), a.created.isoformat(), _iso(a.edited)]
               for a in items] for cid, items in r.actions.items()},
        [[s.id, s.organisation, s.name, s.role, s.signed.isoformat(), s.reservations,
          s.created.isoformat(), _iso(s.edited)] for s in r.signatories],
    ])


def record_from_json(text: str) -> SessionRecord:
    """The record `record_to_json` wrote; ValueError (or KeyError, TypeError) if it is not one."""
    (sid, proto, group, facilitator, location, day, participants, completed, updated, votes,
     comments, amendments, answers, rec, source, notes, mode, scale, actions,
     signatories) = json.loads(text)
    return SessionRecord(
        id=sid, protocol=ProtocolRef(*proto), group=group, facilitator=facilitator,
        location=location, date=date.fromisoformat(day), participants=participants,
        completed=_time(completed), updated=datetime.fromisoformat(updated), votes=votes,
        comments=_read_entries(comments), amendments=_read_entries(amendments),
        answers=_read_entries(answers),
        recommendation=Recommendation(rec[0], rec[1], rec[2], _time(rec[3])), source=source,
        notes=notes, mode=Mode(mode), scale=_scale(scale),
        actions={cid: [Action(a[0], a[1], a[2], _day(a[3]), datetime.fromisoformat(a[4]),
                              _time(a[5])) for a in items] for cid, items in actions.items()},
        signatories=tuple(Signatory(s[0], s[1], s[2], s[3], date.fromisoformat(s[4]), s[5],
                                    datetime.fromisoformat(s[6]), _time(s[7]))
                          for s in signatories),
    )


def _entries(table: dict[str, list[Entry]]) -> dict[str, list[list[Any]]]:
    return {target: [[e.id, e.text, e.created.isoformat(), _iso(e.edited)] for e in items]
            for target, items in table.items()}


def _read_entries(table: dict[str, list[list[Any]]]) -> dict[str, list[Entry]]:
    fromiso = datetime.fromisoformat
    return {target: [Entry(e[0], e[1], fromiso(e[2]), None if e[3] is None else fromiso(e[3]))
                     for e in items] for target, items in table.items()}


def _scale(value: list[Any] | None) -> RatingScale | None:
    if value is None:
        return None
    low, points = value
    return RatingScale(tuple(RatingPoint(v, label) for v, label in points), low)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
