"""The result of many workshops: each session's record, and the totals derived from them.

A `SessionRecord` is what a session contributes to a consultation's result: who took part, the
vote counts, every comment, proposed wording and answer, and the recommendation (not where the
facilitator had got to, nor time per step). Its `content_key` is a hash of all of that, so the
same session reached twice (a copied file, or inside an earlier merged file) is recognised
whatever the file is called. A `Merged` result is a set of records, at most one per session id,
on one target protocol; totals are always derived from the records, never stored apart from them.
Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property

from workshop.protocol.model import Protocol, RatingScale
from workshop.session.kinds import COMMITMENT_KINDS, ENTRY_KINDS, Mode
from workshop.session.model import Action, Entry, Recommendation, Session, Signatory, entry_number


@dataclass(frozen=True, order=True)
class ProtocolRef:
    """Which protocol text a session was recorded on."""

    id: str
    version: str
    digest: str

    @classmethod
    def of(cls, protocol: Protocol) -> ProtocolRef:
        return cls(protocol.id, protocol.version, protocol.digest)

    def describe(self) -> str:
        return f"'{self.id}' version '{self.version}'"


@dataclass(frozen=True)
class SessionRecord:
    """One session's contribution to a merged result."""

    id: str
    protocol: ProtocolRef
    group: str
    facilitator: str
    location: str
    date: date
    participants: int | None
    completed: datetime | None
    updated: datetime
    """When the session was last changed; of two different copies of a session, the later wins."""
    votes: dict[str, dict[str, int]]
    """commitment id → option id → count; only commitments with at least one vote."""
    comments: dict[str, list[Entry]]
    amendments: dict[str, list[Entry]]
    answers: dict[str, list[Entry]]
    recommendation: Recommendation
    source: str = field(default="", compare=False)
    """The session file's name (not its folder: merged files travel). Not part of the content."""
    notes: str = ""
    """The facilitator's notes on the session, exactly as typed ("" for none, and in a merged
    file written before notes were carried)."""
    mode: Mode = Mode.CONSULT
    scale: RatingScale | None = None
    """An assessment's scale: its `votes` are counts per point (`"1"`...)."""
    actions: dict[str, list[Action]] = field(default_factory=dict)
    """commitment id → the actions an assessment agreed on it."""
    signatories: tuple[Signatory, ...] = ()
    """The organisations that signed up in the session, in the order recorded."""

    @classmethod
    def from_session(cls, session: Session, source: str) -> SessionRecord:
        m = session.meta
        return cls(
            id=session.id,
            protocol=ProtocolRef(session.protocol_id, session.protocol_version,
                                 session.protocol_digest),
            group=m.group, facilitator=m.facilitator, location=m.location, date=m.date,
            participants=m.participants, completed=session.completed, updated=session.updated,
            votes={cid: dict(counts) for cid, counts in session.votes.items() if any(counts.values())},
            comments=_entries(session.comments), amendments=_entries(session.amendments),
            answers=_entries(session.answers),
            recommendation=Recommendation(**vars(session.recommendation)),
            source=source, notes=m.notes, mode=session.mode, scale=session.scale,
            actions={cid: sorted((replace(a) for a in items), key=made_order)
                     for cid, items in session.actions.items() if items},
            signatories=tuple(sorted((replace(s) for s in session.signatories),
                                     key=made_order)),
        )

    @property
    def complete(self) -> bool:
        return self.completed is not None

    def entries(self, kind: str) -> dict[str, list[Entry]]:
        return getattr(self, kind)

    def canonical(self) -> dict:
        """Everything but the source, in a fixed form: what `content_key` hashes."""
        def entries(table: dict[str, list[Entry]]) -> dict:
            return {t: [[e.id, e.text, _iso(e.created), _iso(e.edited)]
                        for e in sorted(items, key=made_order)]
                    for t, items in sorted(table.items()) if items}

        rec = self.recommendation
        return {
            "id": self.id, "protocol": [self.protocol.id, self.protocol.version, self.protocol.digest],
            "group": self.group, "facilitator": self.facilitator, "location": self.location,
            "date": self.date.isoformat(), "participants": self.participants,
            "completed": _iso(self.completed), "updated": _iso(self.updated),
            "votes": {c: {o: n for o, n in sorted(v.items()) if n} for c, v in sorted(self.votes.items())
                      if any(v.values())},
            **{kind: entries(self.entries(kind)) for kind in ENTRY_KINDS},
            "recommendation": [rec.choice, rec.reasons, rec.comments, _iso(rec.updated)],
            # Only when there are notes, so a record without any keeps the key it had before
            # notes were carried into merged files.
            **({"notes": self.notes} if self.notes else {}),
            # The same for the other uses' parts: a consultation's key is unchanged.
            **self._parts(),
        }

    def _parts(self) -> dict:
        out: dict = {}
        if self.mode is not Mode.CONSULT:
            out["mode"] = str(self.mode)
        if self.scale is not None:
            out["scale"] = [self.scale.low, [[p.value, p.label] for p in self.scale.points]]
        if self.actions:
            out["actions"] = {c: [[a.id, a.text, a.owner, _iso(a.due), _iso(a.created),
                                   _iso(a.edited)] for a in sorted(items, key=made_order)]
                              for c, items in sorted(self.actions.items()) if items}
        if self.signatories:
            out["signatories"] = [[s.id, s.organisation, s.name, s.role, _iso(s.signed),
                                   s.reservations, _iso(s.created), _iso(s.edited)]
                                  for s in sorted(self.signatories, key=made_order)]
        return out

    @cached_property
    def content_key(self) -> str:
        """`sha256:…` of the canonical content: equal for two copies of the same session.
        Computed once per record (records are never changed: `dataclasses.replace` makes a new
        one, so a cached key cannot go stale)."""
        raw = json.dumps(self.canonical(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def made_order(entry: Entry | Action | Signatory) -> tuple:
    """Sort key for one session's entries: the order they were made, which their numbers keep
    (`e2` before `e10`) even when two share a second or the clock was put back."""
    key = entry.id
    found = _ORDERS.get(key)
    if found is None:
        number = entry_number(key)
        found = (1, 0, key) if number is None else (0, number, key)
        if len(_ORDERS) < _ORDERS_KEPT:
            _ORDERS[key] = found
    return found


_ORDERS: dict[str, tuple] = {}
"""made_order's keys by entry id: the same few hundred ids (`e1`, `e2`...) come up in every
session, and a merge of 1,000 sessions sorts by them half a million times."""
_ORDERS_KEPT = 100_000


def _entries(table: dict[str, list[Entry]]) -> dict[str, list[Entry]]:
    return {target: sorted((Entry(e.id, e.text, e.created, e.edited) for e in items),
                           key=made_order)
            for target, items in table.items() if items}


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True)
class Attributed:
    """A comment, proposed wording or answer, with the session it came from."""

    record: SessionRecord
    target: str
    """The commitment or question id."""
    entry: Entry


@dataclass
class Merged:
    """Sessions merged onto one target protocol: at most one record per session id."""

    protocol: ProtocolRef
    records: dict[str, SessionRecord] = field(default_factory=dict)

    @classmethod
    def of_session(cls, session: Session, source: str) -> Merged:
        """A single session seen as a result of one workshop (for results and exports)."""
        record = SessionRecord.from_session(session, source)
        return cls(record.protocol, {record.id: record})

    @property
    def mode(self) -> Mode:
        """What the sessions were for (a merge never mixes modes: merge_rules.mode_problems)."""
        return next(iter(self.records.values())).mode if self.records else Mode.CONSULT

    @property
    def scale(self) -> RatingScale | None:
        """An assessment's scale (every session of one result rates on the same)."""
        return next((r.scale for r in self.records.values() if r.scale is not None), None)

    @property
    def option_ids(self) -> tuple[str, ...] | None:
        """The ids its counts are kept against when they are not the protocol's vote options:
        an assessment's points; None for a consultation."""
        return self.scale.ids if self.mode is Mode.ASSESS and self.scale is not None else None

    def sessions(self) -> list[SessionRecord]:
        """The records in a stable order: by date, then group, then id."""
        return sorted(self.records.values(), key=lambda r: (r.date, r.group.casefold(), r.id))

    def totals(self, commitment_id: str, option_ids: tuple[str, ...]) -> dict[str, int]:
        out = dict.fromkeys(option_ids, 0)
        for record in self.records.values():
            for option, n in record.votes.get(commitment_id, {}).items():
                out[option] = out.get(option, 0) + n
        return out

    def by_session(self, commitment_id: str) -> dict[str, dict[str, int]]:
        """Each voting session's own counts for one commitment, by session id (sorted)."""
        return {sid: dict(self.records[sid].votes[commitment_id]) for sid in sorted(self.records)
                if any(self.records[sid].votes.get(commitment_id, {}).values())}

    def attributed(self, kind: str, target: str | None = None) -> list[Attributed]:
        """Every entry of one kind (on one target, if given), oldest first, with its session."""
        out = [Attributed(record, t, e) for record in self.records.values()
               for t, items in record.entries(kind).items() if target is None or t == target
               for e in items]
        out.sort(key=lambda a: (a.entry.created, a.record.id, made_order(a.entry)))
        return out

    def entry_count(self, kind: str, target: str) -> int:
        """How many entries of one kind are on one target, over every session (no list built)."""
        return sum(len(record.entries(kind).get(target, ())) for record in self.records.values())

    def participants(self) -> int:
        return sum(r.participants or 0 for r in self.records.values())

    def foreign_ids(self, protocol: Protocol) -> dict[str, list[str]]:
        """Commitment and question ids that records use but `protocol` does not have, by session."""
        commitments = {c.id for c in protocol.commitments}
        questions = {q.id for q in protocol.questions}
        out: dict[str, list[str]] = {}
        for sid, record in sorted(self.records.items()):
            unknown = {c for c in record.votes if c not in commitments}
            unknown |= {c for kind in COMMITMENT_KINDS for c in record.entries(kind)
                        if c not in commitments}
            unknown |= {q for q in record.answers if q not in questions}
            if unknown:
                out[sid] = sorted(unknown)
        return out
