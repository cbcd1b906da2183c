"""Merging many sessions into one result: idempotent, order-free, and honest about what it dropped.

The rule, per session id, over every copy of that session found in the inputs:

- copies with the same content (`SessionRecord.content_key`) are one session: it counts once,
  and the others are reported as duplicates skipped;
- copies with different content conflict: the one updated last wins (ties broken by the content
  key, so every merge picks the same one), and each dropped copy is reported with its file and
  the reason;
- the kept copy's `source` is the smallest file name among its identical copies;
- a copy that differs only in having no notes (a merged file written before notes were carried)
  is the same session: the copy with the notes is kept, and the other reported as a duplicate.

Each choice is a maximum or a minimum, so merging is commutative, associative and idempotent:
A+B = B+A, (A+B)+C = A+(B+C), A+A = A, and merging a merged file with more sessions gives the
same as merging all the sessions at once. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.errors import Problem
from workshop.session.kinds import Mode


@dataclass(frozen=True)
class Found:
    """A session record, and the input file it was read from."""

    record: SessionRecord
    file: str


@dataclass(frozen=True)
class Skipped:
    """A copy of a session that was not used, and why."""

    session_id: str
    group: str
    file: str
    """The file the unused copy was read from."""
    kept_file: str
    """The file the copy that was used came from."""
    reason: str

    def __str__(self) -> str:
        return (f"{self.file}: session {self.session_id[:8]} ({self.group}) {self.reason}; "
                f"kept the copy from {self.kept_file}")


@dataclass
class MergeOutcome:
    merged: Merged
    duplicates: list[Skipped] = field(default_factory=list)
    """Identical copies of a session already counted."""
    conflicts: list[Skipped] = field(default_factory=list)
    """Different copies of a session that lost to a later one."""


def _rank(record: SessionRecord) -> tuple:
    return (record.updated, bool(record.notes), record.content_key)


def _notes_dropped(copy: SessionRecord, winner: SessionRecord) -> bool:
    """`copy` is `winner` as an older merged file kept it: the same but for the notes."""
    return (not copy.notes and bool(winner.notes) and copy.updated == winner.updated
            and replace(copy, notes=winner.notes).content_key == winner.content_key)


def merge_records(found: Iterable[Found], protocol: ProtocolRef) -> MergeOutcome:
    """Merge every record found onto `protocol` (the target; checking that the records' protocols
    fit it is the caller's policy, see `protocol_groups`)."""
    by_id: dict[str, list[Found]] = {}
    for item in found:
        by_id.setdefault(item.record.id, []).append(item)
    outcome = MergeOutcome(Merged(protocol))
    for sid in sorted(by_id):
        copies = by_id[sid]
        if len(copies) == 1:  # the usual case: nothing to compare, no content key to compute
            outcome.merged.records[sid] = copies[0].record
            continue
        winner = max(copies, key=lambda f: _rank(f.record)).record
        key = winner.content_key
        same = [f for f in copies if f.record.content_key == key]
        source = min(f.record.source for f in same)
        kept = min((f for f in same if f.record.source == source), key=lambda f: f.file)
        outcome.merged.records[sid] = _with_source(winner, source)
        for f in sorted(copies, key=lambda f: (f.file, f.record.source)):
            if f is kept:
                continue
            if f.record.content_key == key:
                outcome.duplicates.append(Skipped(sid, winner.group, f.file, kept.file,
                                                  "is the same session, already counted"))
            elif _notes_dropped(f.record, winner):
                outcome.duplicates.append(Skipped(
                    sid, winner.group, f.file, kept.file,
                    "is the same session without its notes (a merged file from before notes "
                    "were kept), already counted"))
            else:
                outcome.conflicts.append(Skipped(sid, winner.group, f.file, kept.file,
                                                 _why_dropped(f.record, winner)))
    return outcome


def _with_source(record: SessionRecord, source: str) -> SessionRecord:
    if record.source == source:
        return record
    return replace(record, source=source)


def _why_dropped(loser: SessionRecord, winner: SessionRecord) -> str:
    if loser.updated < winner.updated:
        return (f"differs from another copy that was updated later ({_when(winner)} against "
                f"{_when(loser)})")
    return (f"differs from another copy updated at the same moment ({_when(winner)}); the copy "
            "whose content sorts last is kept, so every merge keeps the same one")


def _when(record: SessionRecord) -> str:
    return record.updated.isoformat().replace("+00:00", "Z")


def protocol_groups(found: Iterable[Found]) -> dict[ProtocolRef, list[str]]:
    """Which input files hold sessions on which protocol (files listed once, sorted)."""
    groups: dict[ProtocolRef, set[str]] = {}
    for item in found:
        groups.setdefault(item.record.protocol, set()).add(item.file)
    return {ref: sorted(files) for ref, files in sorted(groups.items())}


def mode_problems(found: Iterable[Found]) -> list[Problem]:
    """A merge is of one kind of session: consultations, assessments or sign-ups, never a mix
    (their counts mean different things), and assessments on one scale. One problem naming the
    files of each kind when they are mixed; none when they are not."""
    found = list(found)
    modes: dict[Mode, set[str]] = {}
    scales: dict[object, set[str]] = {}
    for item in found:
        modes.setdefault(item.record.mode, set()).add(item.file)
        if item.record.mode is Mode.ASSESS:
            scales.setdefault(item.record.scale, set()).add(item.file)
    if len(modes) > 1:
        parts = "; ".join(f"{mode.label.lower()}: {_some(files)}"
                          for mode, files in sorted(modes.items()))
        return [Problem(_some(set().union(*modes.values())), "not merged: the inputs mix "
                        f"sessions of different kinds ({parts}); merge each kind on its own, "
                        "or pick one with --mode consult, assess or sign-up")]
    if len(scales) > 1:
        parts = "; ".join(f"{scale.describe() if scale else 'no scale'}: {_some(files)}"
                          for scale, files in scales.items())
        return [Problem(_some(set().union(*scales.values())), "not merged: the assessments "
                        f"rate on different scales ({parts}); merge those on one scale together")]
    return []


def _some(files: set[str], shown: int = 3) -> str:
    names = sorted(files)
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def of_one_kind(found: Iterable[Found], mode: Mode) -> tuple[list[Found], list[Found]]:
    """(the records of `mode`, the others): picking one kind out of a folder that holds several.
    Assessments are kept only when on the scale of the first one found (records in the order
    given), so what is kept can always be merged."""
    kept: list[Found] = []
    others: list[Found] = []
    for item in found:
        same = item.record.mode is mode and (
            mode is not Mode.ASSESS or not kept or item.record.scale == kept[0].record.scale)
        (kept if same else others).append(item)
    return kept, others


def kinds_text(found: Iterable[Found]) -> str:
    """`2 assessments, 1 sign-up` (what a selection left out), by kind in Mode's order."""
    counts: dict[Mode, int] = {}
    for item in found:
        counts[item.record.mode] = counts.get(item.record.mode, 0) + 1
    words = {Mode.CONSULT: ("consultation", "consultations"),
             Mode.ASSESS: ("assessment", "assessments"), Mode.SIGN_UP: ("sign-up", "sign-ups")}
    return ", ".join(f"{n} {words[m][n != 1]}" for m in Mode if (n := counts.get(m)))
