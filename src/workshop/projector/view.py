"""What the projector shows: one read of a session and its projector state, for the room.

`build_view(protocol, session, state)` gives a `ProjectorView`: plain data that the web page
(as JSON, server.py) and the terminal view (`workshop follow`, tui/projector) lay out the same
way. On a principle's step it holds the highlighted commitment and, unless the facilitator has
blanked them, its counts: one bar per vote option with its label, count and share (shares
rounded half up, consultation/figures.py, as everywhere else). Every option has a pattern as
well as a colour (`TONE_FILLS`; the page's CSS), so the bars read on a monochrome projector.

In an assessment the bars are the scale's points (`1 Not at all` … `5 Consistently`, coloured
and patterned by the scale's tones, `Session.tones`), and the summary gives the room's mean to one
decimal (`9 of 12 rated · mean 3.2`). On a sign-up step the view lists the organisations that
have signed so far, each with its signatory's role, never the person's name (`signed`).

Blanked means the counts are not in the view at all (nor in the JSON a browser fetches), so
nobody can read them early. Text is data: group names and the like are handed on as typed and
each view shows them literally. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from workshop.consultation.assessment import spread_of
from workshop.consultation.figures import long_date, scaled
from workshop.consultation.report import CommitmentView
from workshop.consultation.report_build import session_report
from workshop.protocol.model import Protocol, RatingScale
from workshop.session.kinds import STEP_TITLES, Step, StepKind
from workshop.session.model import Session
from workshop.session.projector_state import ProjectorState

TONE_FILLS: dict[str, str] = {
    "support": "█",
    "qualified": "╱",
    "alternative": "▀",
    "neutral": "▌",
    "oppose": "╳",
}
"""The character a terminal repeats to draw an option's bar, by what the option means
(protocol/model.py TONES): solid, diagonal stripes, horizontal and vertical stripes,
cross-hatching, as the web page's patterns (and the HTML export's), so no two bars look alike
without colour."""

GROUP_CHARS = 200
"""Most characters of a group's name the top bar carries (a pasted page ends with "…")."""

BLANKED_NOTE = "Counts hidden until the facilitator shows them"
"""What the room sees instead of the counts while they are blanked."""


@dataclass(frozen=True)
class OptionBar:
    """One vote option's bar."""

    id: str
    label: str
    key: str
    tone: str
    """`support`, `qualified`, ..., `oppose`: what colours and patterns it."""
    fill: str
    """The character a terminal repeats to draw the bar."""
    count: int
    share: int | None
    """Percent of the votes cast, rounded half up; None when nobody has voted."""
    width: int
    """The bar's length in percent of the scale: the head count, or the votes when more."""


@dataclass(frozen=True)
class Votes:
    """The counts of the highlighted commitment."""

    bars: tuple[OptionBar, ...]
    total: int
    participants: int | None
    summary: str
    """`7 of 12 voted`, `12 votes (head count not given)`, ..."""
    over: bool
    """More votes than the head count: a slip the room can point out."""


@dataclass(frozen=True)
class SignedUp:
    """An organisation that has signed up, as the room sees it (no person's name)."""

    organisation: str
    role: str


@dataclass(frozen=True)
class ProjectorView:
    """Everything one projector frame shows."""

    group: str
    date: str
    kind: str
    """The step's kind: `introduction`, `principle`, `questions`, `recommendation`, `sign-up`,
    `review`."""
    position: str
    """`3/10`: where the step is in the session."""
    step_title: str
    heading: str = ""
    """`Commitment 2 of 6`, `Question 1 of 6`, or "" on a step without rows."""
    text: str = ""
    """The large words: the highlighted commitment or question, or the step's own."""
    detail: str = ""
    """Smaller words under them: a principle's statement, a question's guidance."""
    blanked: bool = False
    note: str = ""
    """What the room sees instead of the counts while they are blanked (else "")."""
    votes: Votes | None = None
    """The counts; None when blanked or on a step without them."""
    complete: bool = False
    mode: str = "consult"
    """The session's mode (`consult`, `assess`, `sign-up`): what the counts are."""
    signed: tuple[SignedUp, ...] = ()
    """On a sign-up step: the organisations signed so far, in the order they signed."""

    def to_json(self) -> dict[str, Any]:
        """Plain data for the web page (json.dumps-able)."""
        return asdict(self)


@dataclass(frozen=True)
class Frame:
    """What a projector shows now: a view, or why there is none, and what went wrong since."""

    view: ProjectorView | None = None
    waiting: str = ""
    """Why there is nothing to show yet (no session in the folder)."""
    problem: str = ""
    """Why the latest change could not be read (the last good view is kept)."""
    source: str = ""
    """The session file being followed, as the user would name it (the page gets its name
    only: where the facilitator keeps files is no business of the network)."""
    version: int = 0
    """Goes up by one each time anything in the frame changes (the page redraws then)."""

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "waiting": self.waiting, "problem": self.problem,
                "source": self.source.replace("\\", "/").rsplit("/", 1)[-1],
                "view": self.view.to_json() if self.view is not None else None}


def head_count_line(total: int, participants: int | None, rating: bool = False) -> str:
    """`8 of 12 voted`; in an assessment `8 of 12 rated`."""
    verb, noun = ("rated", "rating") if rating else ("voted", "vote")
    if participants is None:
        return f"{total} {noun}{'' if total == 1 else 's'} (head count not given)"
    if total > participants:
        return f"{total} of {participants} {verb}: more than the head count"
    return f"{total} of {participants} {verb}"


def votes_of(view: CommitmentView, tones: dict[str, str], participants: int | None,
             rating_scale: RatingScale | None = None) -> Votes:
    """The bars of one commitment, read off the report model (its counts and its shares,
    rounded as every view rounds them), scaled against the head count; with an assessment's
    `rating_scale`, each bar is labelled with its point (`1 Not at all`) and the summary gives the
    mean rating."""
    total = view.total
    scale = max(total, participants or 0, 1)
    bars = []
    for option in view.options:
        n = view.totals.get(option.id, 0)
        tone = tones[option.id]
        label = f"{option.key} {option.label}" if rating_scale is not None else option.label
        bars.append(OptionBar(option.id, label, option.key, tone, TONE_FILLS[tone], n,
                              view.share(option.id) if total else None, scaled(n, scale, 100)))
    summary = head_count_line(total, participants, rating=rating_scale is not None)
    if rating_scale is not None and total:
        summary += f" · mean {spread_of(rating_scale, view.totals).mean_text}"
    return Votes(tuple(bars), total, participants, summary,
                 participants is not None and total > participants)


def _pick(ids: list[str], state: ProjectorState, step: Step) -> int:
    """The index of the highlighted row: the state's, if it belongs to this step; else 0."""
    if state.step == step and state.item in ids:
        return ids.index(state.item)
    return 0


def build_view(protocol: Protocol, session: Session, state: ProjectorState) -> ProjectorView:
    """The frame for the session's current step."""
    step = Step(session.step)
    steps = session.steps()
    position = f"{steps.index(step) + 1}/{len(steps)}" if step in steps else ""
    group = session.meta.group
    group = group if len(group) <= GROUP_CHARS else group[:GROUP_CHARS] + "…"
    common = dict(group=group, date=long_date(session.meta.date), kind=step.kind.value,
                  position=position, blanked=state.blanked,
                  complete=session.completed is not None, mode=session.mode.value)
    if step.is_principle:
        principle = protocol.principle(step.principle_id)
        ids = [c.id for c in principle.commitments]
        index = _pick(ids, state, step)
        commitment = principle.commitments[index]
        return ProjectorView(
            step_title=principle.title, heading=f"Commitment {index + 1} of {len(ids)}",
            text=commitment.text, detail=principle.statement,
            votes=None if state.blanked else votes_of(
                session_report(session, protocol).commitment(commitment.id), session.tones,
                session.meta.participants, session.scale),
            note=BLANKED_NOTE if state.blanked else "",
            **common)
    title = STEP_TITLES[step.kind]
    if step.kind is StepKind.QUESTIONS:
        ids = [q.id for q in protocol.questions]
        index = _pick(ids, state, step)
        question = protocol.questions[index]
        return ProjectorView(step_title=title, heading=f"Question {index + 1} of {len(ids)}",
                             text=question.text, detail=question.guidance, **common)
    if step.kind is StepKind.RECOMMENDATION:
        return ProjectorView(step_title=title, text=protocol.question_for(session.meta.authority),
                             **common)
    if step.kind is StepKind.SIGN_UP:
        signed = tuple(SignedUp(s.organisation, s.role) for s in session.signatories)
        count = len(signed)
        return ProjectorView(step_title=title, text=protocol.title,
                             heading=f"{count} organisation{'' if count == 1 else 's'} signed",
                             detail=session.meta.group, signed=signed, **common)
    if step.kind is StepKind.INTRODUCTION:
        return ProjectorView(step_title=title, text=protocol.title,
                             detail=f"{session.meta.group}, {long_date(session.meta.date)}",
                             **common)
    return ProjectorView(step_title=title, text=title, detail=session.meta.group, **common)
