"""Builders for the assessment and sign-up tests: sessions made through the domain's own
operations, with hostile text where people type, their files, and their merged result.

- `assessment(protocol, group, ...)`: an assessment session with ratings on every commitment of
  the first `principles` principles (a fixed, varied pattern: some commitments rated low), evidence
  notes, and actions (one without an owner or a date).
- `sign_up(protocol, group, signatories)`: a sign-up session recording the given signatories.
- `merged_of(*sessions)`: the merged result of sessions, as `workshop merge` makes it.
- `write(folder, session)`: the session's file, as the app saves it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import FixedClock
from workshop.consultation.merge_rules import Found, merge_records
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.protocol.model import Protocol
from workshop.session.file_format import dumps_session
from workshop.session.kinds import Mode
from workshop.session.model import Session
from workshop.toml.atomic import atomic_write

EVIDENCE = ["Minutes of the March board show the data behind the decision.",
            "[bold]No[/bold] evidence <script>alert(1)</script> =SUM(A1) 🎉"]
ACTIONS = [("Publish the board's decision log each quarter", "Partnership manager",
            date(2027, 3, 31)),
           ("=HYPERLINK(\"x\") [red]agree[/red] <b>training</b>", "", None)]


def ratings_for(index: int, shift: int = 0) -> dict[str, int]:
    """A varied spread of 10 ratings for the commitment at `index`: every third one low."""
    if (index + shift) % 3 == 0:
        return {"1": 4, "2": 5, "3": 1}
    if (index + shift) % 3 == 1:
        return {"3": 3, "4": 5, "5": 2}
    return {"2": 2, "3": 4, "4": 4}


def assessment(protocol: Protocol, group: str = "Manchester Partnership Board",
               on: date = date(2026, 11, 22), principles: int | None = None, shift: int = 0,
               facilitator: str = "Fay Facilitator", session_id: str | None = None) -> Session:
    """An assessment session rated on the first `principles` principles (all when None)."""
    session = Session.new(protocol, group, facilitator, "Town Hall", on=on, participants=10,
                          clock=FixedClock(), mode=Mode.ASSESS, session_id=session_id)
    chosen = protocol.principles[:principles] if principles is not None else protocol.principles
    commitments = [c for p in chosen for c in p.commitments]
    for index, c in enumerate(commitments):
        session.set_votes(c.id, ratings_for(index, shift))
    first, second = commitments[0], commitments[min(3, len(commitments) - 1)]
    session.add_comment(first.id, EVIDENCE[0])
    session.add_comment(second.id, EVIDENCE[1])
    session.add_action(first.id, *ACTIONS[0])
    session.add_action(second.id, *ACTIONS[1])
    return session


def sign_up(protocol: Protocol, group: str = "Greater Manchester partners",
            signatories: list[dict] | None = None, on: date = date(2026, 11, 22),
            facilitator: str = "Fay Facilitator", session_id: str | None = None) -> Session:
    """A sign-up session with `signatories` (keyword dicts for Session.add_signatory)."""
    session = Session.new(protocol, group, facilitator, "Town Hall", on=on, clock=FixedClock(),
                          mode=Mode.SIGN_UP, session_id=session_id)
    for details in signatories if signatories is not None else SIGNATORIES:
        session.add_signatory(**details)
    return session


SIGNATORIES = [
    {"organisation": "Manchester City Council", "name": "Alex Chief", "role": "Chief Executive",
     "signed": date(2026, 11, 22), "reservations": ""},
    {"organisation": "NHS Manchester", "name": "Sam <b>Lead</b>", "role": "Director",
     "signed": date(2026, 11, 22),
     "reservations": "We do not accept 5.3 [bold]as written[/bold]: =SUM(A1) 🎉"},
    {"organisation": "Greater Manchester Police", "name": "Jo Officer", "role": "Superintendent",
     "signed": date(2026, 11, 20), "reservations": ""},
]


def merged_of(*sessions: Session) -> Merged:
    """The merged result of `sessions` (files named after their groups)."""
    found = [Found(SessionRecord.from_session(s, f"{s.meta.group}.toml"), f"{s.meta.group}.toml")
             for s in sessions]
    ref = ProtocolRef(sessions[0].protocol_id, sessions[0].protocol_version,
                      sessions[0].protocol_digest)
    return merge_records(found, ref).merged


def write(folder: Path, session: Session, name: str | None = None) -> Path:
    """The session's file in `folder`, as the app saves it."""
    path = folder / (name or f"{session.id}.toml")
    atomic_write(path, dumps_session(session))
    return path
