"""Builders for the merge tests: sessions with hostile text, their files, and merging them.

`sessions(protocol)` draws a session made through the app's own operations (votes added and
taken away, comments, proposed wordings and answers typed, edited and deleted, a recommendation,
sometimes finished), on a clock that may stand still or step back, with an id from a small pool
so that the same session id turns up more than once with different content.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import strategies as st

from helpers import REPO
from workshop.cli.merge import read_all
from workshop.consultation.merge_rules import Found, MergeOutcome, merge_records
from workshop.consultation.merged_file import dumps_merged, merged_from_dict
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.protocol.load import load_protocol
from workshop.protocol.model import Protocol
from workshop.session.file_format import dumps_session
from workshop.session.model import RECOMMENDATIONS, Session
from workshop.toml.atomic import atomic_write
from workshop.toml.io import parse_toml

HOSTILE = [
    "[bold]loud[/bold]", "[@click=app.quit]bye[/]", "<script>alert(1)</script>", "=SUM(A1)",
    "+cmd|' /C calc'!A0", '"""', "'''", 'say "hi"', "back\\slash \\n", "line one\r\nline two\n",
    "tab\there", "🎉👩‍👩‍👧 emoji", "\x00nul \x1b[31mred", "# not a comment", "key = value",
    "[votes.share-resources]", "[[comments]]", "ünïcödé", "\u202eright-to-left",
]
# Any text a keyboard or a paste can give (no lone surrogates), kept short so tests stay quick.
any_text = st.one_of(st.sampled_from(HOSTILE),
                     st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))
entry_text = any_text.filter(lambda s: s.strip())

SESSION_IDS = ["0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "a", "b.c", "[bold]", "ü 🎉", 'q"uote\\']
FILE_NAMES = ["a.toml", "b.toml", "z.toml", "2026-11-22_x_1.toml", "ü.toml", "A.toml"]
BASE = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


class StepClock:
    """A clock that moves by the given steps in turn: 0 (the same second) and back included."""

    def __init__(self, start: datetime, steps: list[int]) -> None:
        self.now, self.steps, self.turn = start, steps, 0

    def __call__(self) -> datetime:
        current = self.now
        self.now += timedelta(seconds=self.steps[self.turn % len(self.steps)])
        self.turn += 1
        return current


@st.composite
def sessions(draw, protocol: Protocol, ids: list[str] = SESSION_IDS) -> Session:
    clock = StepClock(BASE + timedelta(seconds=draw(st.integers(0, 10**6))),
                      draw(st.lists(st.sampled_from([0, 1, 1, 60, 3600, -30]), min_size=1,
                                    max_size=4)))
    s = Session.new(
        protocol, group=draw(entry_text), facilitator=draw(any_text), location=draw(any_text),
        on=draw(st.dates(date(2020, 1, 1), date(2030, 12, 31))),
        participants=draw(st.none() | st.integers(0, 200)), notes=draw(any_text), clock=clock,
        session_id=draw(st.sampled_from(ids)))
    commitments = [c.id for c in protocol.commitments[:6]]  # few, so sessions overlap
    questions = [q.id for q in protocol.questions]
    options = st.sampled_from(protocol.option_ids)
    for _ in range(draw(st.integers(0, 6))):
        cid = draw(st.sampled_from(commitments))
        if draw(st.booleans()):
            s.set_votes(cid, draw(st.fixed_dictionaries({o: st.integers(0, 60)
                                                         for o in protocol.option_ids})))
        else:
            option = draw(options)
            s.add_vote(cid, option, draw(st.integers(0, 9)))
            if draw(st.booleans()) and s.total_votes(cid):
                s.remove_vote(cid, option, min(1, s.counts(cid)[option]))
    for _ in range(draw(st.integers(0, 12))):  # up to e12, so e10 sorts before e9 as text
        kind = draw(st.sampled_from(["comment", "amendment", "answer"]))
        if kind == "answer":
            s.add_answer(draw(st.sampled_from(questions)), draw(entry_text))
        else:
            getattr(s, f"add_{kind}")(draw(st.sampled_from(commitments)), draw(entry_text))
    entry_ids = [e.id for kind in ("comments", "amendments", "answers")
                 for items in getattr(s, kind).values() for e in items]
    if entry_ids and draw(st.booleans()):
        s.edit(draw(st.sampled_from(entry_ids)), draw(entry_text))
    if entry_ids and draw(st.booleans()):
        s.delete(draw(st.sampled_from(entry_ids)))
    if draw(st.booleans()):
        s.set_recommendation(draw(st.sampled_from(["", *RECOMMENDATIONS])), draw(any_text),
                             draw(any_text))
    if draw(st.booleans()):
        s.mark_complete()
    return s


def record(session: Session, source: str) -> SessionRecord:
    return SessionRecord.from_session(session, source)


@st.composite
def found_lists(draw, protocol: Protocol, max_sessions: int = 6) -> list[Found]:
    """Records as a merge finds them: some ids twice with other content, some exact copies
    under other file names, in any order."""
    base = [record(s, draw(st.sampled_from(FILE_NAMES)))
            for s in draw(st.lists(sessions(protocol), min_size=1, max_size=max_sessions))]
    copies = [replace(base[i], source=draw(st.sampled_from(FILE_NAMES)))
              for i in draw(st.lists(st.integers(0, len(base) - 1), max_size=3))]
    return draw(st.permutations([Found(r, r.source) for r in base + copies]))


def merge(found: list[Found], protocol: Protocol) -> MergeOutcome:
    return merge_records(found, ProtocolRef.of(protocol))


def as_found(merged: Merged, file: str) -> list[Found]:
    """A merged result's records, as if read back from its file."""
    return [Found(r, file) for r in merged.records.values()]


def snapshot(merged: Merged) -> tuple:
    """Everything in a Merged result, the records' `source` included (equality leaves it out)."""
    return merged.protocol, {sid: (r, r.source) for sid, r in sorted(merged.records.items())}


def reread(raw: bytes, protocol: Protocol | None = None, file: str = "merged.toml") -> Merged:
    """Bytes of a merged file → Merged, through the real parser and reader."""
    text = raw.decode("utf-8")
    return merged_from_dict(parse_toml(text, file), text, file, protocol)


def write_session(path: Path, session: Session) -> Path:
    atomic_write(path, dumps_session(session))
    return path


def merge_files(paths: list[Path], protocol: Protocol) -> tuple[MergeOutcome, bytes]:
    """Read, merge and serialise as `workshop merge` does; any bad file fails the test."""
    found, problems = read_all(paths, protocol, show_progress=False)
    assert not problems, [str(p) for p in problems]
    outcome = merge(found, protocol)
    return outcome, dumps_merged(outcome.merged, protocol)


def other_protocol(folder: Path, version: str = "2011-revised", protocol_id: str | None = None,
                   renames: dict[str, str] | None = None) -> tuple[Path, Protocol]:
    """A copy of the shipped protocol with another version (or id), some commitments renamed."""
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    text = text.replace('version = "2010-consultation"', f'version = "{version}"', 1)
    if protocol_id:
        text = text.replace('id = "partnership-behaviour-protocol"', f'id = "{protocol_id}"', 1)
    for old, new in (renames or {}).items():
        text = text.replace(f'id = "{old}"', f'id = "{new}"', 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"protocol-{version}.toml"
    path.write_text(text, encoding="utf-8")
    return path, load_protocol(path)


def copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst
