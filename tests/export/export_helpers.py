"""Data and helpers shared by the export tests: the injection corpus, sessions full of it, the
figures expected (worked out from the `Session` objects, independently of the export code), and
how text is expected to look once an export has made it safe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from helpers import FixedClock
from workshop.consultation.merged_file import dumps_merged
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.protocol.model import Protocol
from workshop.session.model import Session
from workshop.session.store import SessionStore

CORPUS = [
    "=SUM(A1)",
    "+1",
    "-1+2",
    "@cmd",
    "\t=1",
    "\r=1",
    "\x00x",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "a | b",
    "line1\nline2",
    "**bold** _x_ `code`",
    "<img src=x onerror=alert(1)>",
    "\"quoted\", commas",
    "[bold]rich markup[/bold]",
    "🎉",
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "line1\r\nline2\r\n\r\n# heading\n===",
    "    indented, like code",
    "- a list\n1. numbered\n> quote\n---\n```\nfence",
    "&lt;entity&gt; &amp; &#60;",
    "<http://example.com> and javascript:alert(1)",
    "![img](javascript:alert(1)) [ref]: javascript:alert(1)",
    "ends with a backslash \\",
    "<a href=\"javascript:alert(1)\">x</a>",
    "\x07bell and \x1bescape",
]
"""Hostile comments, each of which must come out of every export as inert text."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def share(n: int, total: int) -> int:
    """Whole-percent share, rounded half up, worked out independently of the export code."""
    if not total:
        return 0
    return int((Decimal(100) * n / total).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def visible(text: str) -> str:
    """The text as the exports show it: NUL and other control characters as control pictures."""
    return "".join(chr(0x2400 + ord(ch)) if (ord(ch) < 32 and ch not in "\t\n\r")
                   else "\u2421" if ch == "\x7f" else ch for ch in text)


def one_break(text: str) -> str:
    """CRLF and CR as LF: what HTML and Word keep of a line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def full_session(protocol: Protocol, group: str, start: datetime, seed: int,
                 session_id: str) -> Session:
    """Votes on every commitment, the corpus as comments, wordings and answers; finished."""
    location = "Room | 2" + ("\nfloor [3](javascript:x)" if seed else "")
    s = Session.new(protocol, group, facilitator="Tonya <b>Meers</b>", location=location,
                    participants=12 + seed, clock=FixedClock(start), session_id=session_id,
                    on=start.date())
    options = protocol.option_ids
    for n, c in enumerate(protocol.commitments):
        counts = {o: (n * (i + 1) + seed * (i + 2)) % 9 for i, o in enumerate(options)}
        if n % 11 == 5:  # a few commitments nobody voted on
            counts = dict.fromkeys(options, 0)
        s.set_votes(c.id, counts)
    for n, text in enumerate(CORPUS):
        c = protocol.commitments[(n * 5 + seed) % len(protocol.commitments)]
        s.add_comment(c.id, text)
    for n, text in enumerate(CORPUS[::3]):
        s.add_amendment(protocol.commitments[(n * 7 + seed) % len(protocol.commitments)].id, text)
    for n, q in enumerate(protocol.questions):
        s.add_answer(q.id, CORPUS[(n * 4 + seed) % len(CORPUS)])
    s.add_answer(protocol.questions[0].id, f"Plain answer from {group}")
    s.set_recommendation("adopt-with-changes" if seed % 2 else "adopt",
                         reasons=CORPUS[seed % len(CORPUS)], comments="General | *comments*")
    s.mark_complete()
    return s


def partial_session(protocol: Protocol) -> Session:
    """Mid-session: two commitments voted, one question answered, not finished."""
    s = Session.new(protocol, "Half-way Group", facilitator="A. Officer",
                    clock=FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)),
                    session_id="5a5a5a5a-0000-4000-8000-000000000001", on=date(2026, 11, 23))
    first, second = protocol.commitments[:2]
    s.set_votes(first.id, {protocol.option_ids[0]: 4})
    s.set_votes(second.id, {protocol.option_ids[-1]: 1})
    s.add_comment(first.id, "=SUM(A1) so far")
    s.add_answer(protocol.questions[0].id, "<script>alert(1)</script>")
    return s


@dataclass
class Source:
    """An export input on disk, the result read back from it, and the sessions behind it."""

    kind: str
    path: Path
    merged: Merged
    sessions: list[Session]

    def record_ids(self) -> list[str]:
        return [s.id for s in self.sessions]

    def totals(self, protocol: Protocol, commitment_id: str) -> dict[str, int]:
        return {o: sum(s.votes.get(commitment_id, {}).get(o, 0) for s in self.sessions)
                for o in protocol.option_ids}

    def entries(self, kind: str) -> list[tuple[Session, str, str]]:
        """(session, target id, text) of every comment, wording or answer."""
        return [(s, t, e.text) for s in self.sessions for t, items in getattr(s, kind).items()
                for e in items]


def save_session(folder: Path, session: Session, protocol: Protocol) -> Path:
    store = SessionStore(folder, protocol)
    return store.create(session)


def save_merged(path: Path, sessions: list[Session], protocol: Protocol) -> Path:
    records = {s.id: SessionRecord.from_session(s, f"{s.id[:8]}.toml") for s in sessions}
    path.write_bytes(dumps_merged(Merged(ProtocolRef.of(protocol), records), protocol))
    return path


AMENDED = 0
"""Index of the commitment that every workshop of `council_sessions` proposes to amend."""
NOTES = "Room was cold; [bold]two[/bold] left at 11:00.\n=SUM(A1) <b>late</b> & 🎉"
"""The first workshop's facilitator's notes (hostile, on purpose)."""


def council_sessions(protocol: Protocol) -> list[Session]:
    """Four workshops, as a council officer merges them: three finished, one in progress; three
    propose near-identical wordings of one commitment (`adding 'independently verified'`, case
    and punctuation aside) and one another wording; the first has facilitator's notes; the
    workshops disagree on the second commitment (contested), agree on the third (consensus)."""
    target = protocol.commitments[AMENDED]
    base = target.text.rstrip(".")
    proposals = [f"{base}, independently verified.", f"{base} Independently Verified",
                 f"{base}, independently verified!", f"{base} where possible."]
    groups = ["Leeds Board", "Bristol Forum", "Taunton Panel", "Salford Circle"]
    options = protocol.option_ids
    out = []
    for n, group in enumerate(groups):
        s = Session.new(protocol, group, facilitator="F. Acilitator", location="Town Hall",
                        participants=10 + n, notes=NOTES if n == 0 else "",
                        clock=FixedClock(datetime(2026, 11, 2 + n, 10, 0, tzinfo=timezone.utc)),
                        session_id=f"{n + 1}" * 8 + "-0000-4000-8000-000000000000",
                        on=date(2026, 11, 2 + n))
        s.set_votes(protocol.commitments[0].id, {options[0]: 6, options[1]: 3})
        s.set_votes(protocol.commitments[1].id,
                    {options[0]: 9, options[-1]: 1} if n % 2 else {options[0]: 1, options[-1]: 9})
        s.set_votes(protocol.commitments[2].id, {options[0]: 10})
        s.add_amendment(target.id, proposals[n])
        s.add_comment(protocol.commitments[1].id, f"Comment from {group}")
        s.set_recommendation(["adopt", "adopt-with-changes", "adopt-with-changes", ""][n])
        if n < 3:
            s.mark_complete()
        out.append(s)
    return out
