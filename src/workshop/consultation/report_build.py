"""Building the report model (report.py) from a merged result, or from one session.

`build_report(merged, protocol)` is the only way a view gets its figures; `session_report` does
the same for the session being run (the review step, an export mid-session), and
`workshop_progress` is the one count of "commitments voted, questions answered" (the start
screen and the report's workshops). Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import replace

from workshop.analysis.book import ThemeBook
from workshop.consultation.amendments import group_amendments
from workshop.consultation.assessment_build import build_assessment
from workshop.consultation.figures import long_date
from workshop.consultation.marks import commitment_results
from workshop.consultation.records import Merged, SessionRecord
from workshop.consultation.register import build_register
from workshop.consultation.report import (
    CommitmentView,
    Note,
    PrincipleView,
    QuestionView,
    Report,
    Workshop,
    WorkshopCounts,
    mark_label,
)
from workshop.consultation.report_themes import tag_check, theme_counts, theme_views
from workshop.protocol.model import Protocol, VoteOption
from workshop.session.kinds import ENTRY_KINDS, EntryKind, Mode
from workshop.session.model import Session


def session_report(session: Session, protocol: Protocol, source: str = "") -> Report:
    """The report of one session: what the review step shows and a mid-session export holds."""
    return build_report(Merged.of_session(session, source), protocol)


def workshop_progress(record: SessionRecord | Session, protocol: Protocol) -> tuple[int, int]:
    """(commitments of the protocol with a vote, questions with an answer)."""
    voted = sum(1 for c in protocol.commitments if any(record.votes.get(c.id, {}).values()))
    answered = sum(1 for q in protocol.questions if record.answers.get(q.id))
    return voted, answered


NOT_ASKED = "–"
"""A figure a mode does not ask for (questions in an assessment, votes in a sign-up)."""


def progress_figures(record: SessionRecord | Session, protocol: Protocol) -> tuple[str, str]:
    """(`23/37`, `4/6`): commitments with votes (an assessment's: rated), questions with
    answers; `–` for what the session's mode does not ask."""
    voted, answered = workshop_progress(record, protocol)
    commitments = f"{voted}/{len(protocol.commitments)}"
    if record.mode is Mode.SIGN_UP:
        return NOT_ASKED, NOT_ASKED
    if record.mode is Mode.ASSESS:
        return commitments, NOT_ASKED
    return commitments, f"{answered}/{len(protocol.questions)}"


def progress_text(record: SessionRecord | Session, protocol: Protocol) -> str:
    """`23/37 commitments voted, 4/6 questions`; an assessment's `23/37 commitments rated, 2
    actions`; a sign-up's `3 organisations signed`."""
    voted, answered = progress_figures(record, protocol)
    if record.mode is Mode.SIGN_UP:
        n = len(record.signatories)
        return f"{n} organisation{'' if n == 1 else 's'} signed"
    if record.mode is Mode.ASSESS:
        n = sum(len(items) for items in record.actions.values())
        return f"{voted} commitments rated, {n} action{'' if n == 1 else 's'}"
    return f"{voted} commitments voted, {answered} questions"


def workshop_names(records: list[SessionRecord]) -> dict[str, str]:
    """session id → `Group, 22 November 2026`, unique: where two workshops share the group and
    the date, the start of the session id is added."""
    def base(r: SessionRecord) -> str:
        return f"{r.group}, {long_date(r.date)}"

    seen: dict[str, int] = {}
    for r in records:
        seen[base(r)] = seen.get(base(r), 0) + 1
    return {r.id: base(r) if seen[base(r)] == 1 else f"{base(r)} ({r.id[:8]})" for r in records}


def build_report(merged: Merged, protocol: Protocol, book: ThemeBook | None = None,
                 anonymise: bool = False) -> Report:
    """The report of `merged` on `protocol` (see report.py), with the themes of `book` (the
    analyst's theme file, analysis/book.py) on its entries when one is given. An assessment's
    counts are read against its scale, and its profile built (assessment_build.py); any
    signatories make the register (register.py). With `anonymise`, facilitators' and
    signatories' names are left out, for publication."""
    if anonymise:
        merged = Merged(merged.protocol, {sid: replace(r, facilitator="")
                                          for sid, r in merged.records.items()})
    options = merged.scale.options if merged.option_ids else protocol.vote_options
    records = merged.sessions()
    names = workshop_names(records)
    workshops = tuple(_workshop(r, names[r.id], protocol) for r in records)
    notes = {kind: [_note(a.record, kind, a.target, a.entry, names, book)
                    for a in merged.attributed(kind)]
             for kind in ENTRY_KINDS}
    in_progress = len(records) == 1 and not records[0].complete
    principles = _principles(merged, protocol, workshops, notes, in_progress, options)
    questions = []
    for n, q in enumerate(protocol.questions, start=1):
        answers = tuple(a for a in notes[EntryKind.ANSWERS] if a.target == q.id)
        questions.append(QuestionView(q, n, answers, theme_counts(answers)))
    known = {c.id for c in protocol.commitments} | {q.id for q in protocol.questions}
    foreign = tuple(n for kind in ENTRY_KINDS for n in notes[kind] if n.target not in known)
    every = [n for kind in ENTRY_KINDS for n in notes[kind]]
    assessment = None
    if merged.mode is Mode.ASSESS and merged.scale is not None:
        assessment = build_assessment(merged, protocol, merged.scale, names,
                                      notes[EntryKind.COMMENTS])
    return Report(
        protocol=protocol, options=options, workshops=workshops,
        principles=principles, questions=tuple(questions), foreign=foreign,
        as_of=max((r.updated for r in records), default=None),
        themes=theme_views(book, every), tag_check=tag_check(book, merged),
        mode=merged.mode, assessment=assessment,
        register=build_register(merged, names, anonymise), anonymised=anonymise,
    )


def _principles(merged: Merged, protocol: Protocol, workshops: tuple[Workshop, ...],
                notes: dict[EntryKind, list[Note]], in_progress: bool,
                options: tuple[VoteOption, ...]) -> tuple[PrincipleView, ...]:
    option_ids = tuple(o.id for o in options)
    by_target: dict[tuple[EntryKind, str], list[Note]] = {}
    for kind in (EntryKind.COMMENTS, EntryKind.AMENDMENTS):
        for note in notes[kind]:
            by_target.setdefault((kind, note.target), []).append(note)
    results = commitment_results(merged, protocol)
    principles = []
    for number, principle in enumerate(protocol.principles, start=1):
        views = []
        for r in results:
            if r.principle.id != principle.id:
                continue
            cid = r.commitment.id
            own = {w.id: w.record.votes.get(cid) for w in workshops}
            amendments = tuple(by_target.get((EntryKind.AMENDMENTS, cid), ()))
            comments = tuple(by_target.get((EntryKind.COMMENTS, cid), ()))
            views.append(CommitmentView(
                result=r, code=f"{number}.{r.number}",
                comments=comments,
                amendments=amendments,
                amendment_groups=group_amendments(r.commitment.text, amendments, len(workshops)),
                options=options,
                by_workshop=tuple(WorkshopCounts(w, _counts(own[w.id], option_ids))
                                  for w in workshops),
                mark_label=mark_label(r.mark, in_progress),
                themes=theme_counts((*comments, *amendments)),
            ))
        totals = {o: sum(v.totals[o] for v in views) for o in option_ids}
        principles.append(PrincipleView(principle, number, tuple(views), totals))
    return tuple(principles)


def _counts(recorded: dict[str, int] | None, option_ids: tuple[str, ...]) -> dict[str, int] | None:
    if not recorded or not any(recorded.values()):
        return None
    return {o: recorded.get(o, 0) for o in option_ids}


def _note(record: SessionRecord, kind: EntryKind, target: str, entry, names: dict[str, str],
          book: ThemeBook | None) -> Note:
    themes = book.themes_of(record.id, entry.id) if book is not None else ()
    return Note(kind, target, entry.id, entry.text, entry.created, entry.edited, record.id,
                record.group, record.date, names[record.id], themes)


def _workshop(record: SessionRecord, name: str, protocol: Protocol) -> Workshop:
    commitments = {c.id for c in protocol.commitments}
    voted, answered = workshop_progress(record, protocol)
    return Workshop(
        record=record, name=name, voted=voted, answered=answered,
        votes=sum(n for c, counts in record.votes.items() if c in commitments
                  for n in counts.values()),
        comments=sum(len(v) for v in record.comments.values()),
        amendments=sum(len(v) for v in record.amendments.values()),
        answers=sum(len(v) for v in record.answers.values()),
    )
