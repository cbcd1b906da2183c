"""What the results view lays out differently by mode (the report's `mode`): the title's
figures, the Findings tab, and in an assessment the Commitments tab's rows and detail.

- a consultation: exactly as before (results_render.py), and the register under the findings
  when organisations signed up;
- an assessment: the Findings tab gives the assessment's summary, the profile per principle,
  the commitments rated low with no action yet, the weakest commitments and every action with
  the workshop that agreed it; each commitment shows its counts per point of the scale, its
  mean and spread (assessment_render.py); its comments are its evidence;
- a sign-up: the register (current entries, then superseded ones with their status).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.consultation.findings import Findings, findings
from workshop.consultation.report import ANONYMISED_NOTE, CommitmentView, Report, Workshop
from workshop.session.kinds import Mode
from workshop.tui.assessment_render import (
    actions_table,
    needing_action_text,
    profile_table,
    rating_detail,
    rating_legend,
    rating_row,
    weakest_table,
)
from workshop.tui.register_render import register_view
from workshop.tui.render import Colours
from workshop.tui.results_render import (
    commitment_detail,
    commitment_row,
    figures_legend,
    findings_text,
)

FINDINGS_TAB = {Mode.CONSULT: "4 Findings", Mode.ASSESS: "4 Findings", Mode.SIGN_UP: "4 Register"}
"""The fourth tab's label: a sign-up's findings are its register."""


def first_tab(report: Report) -> str:
    """The tab the view opens on: a sign-up has no ratings or votes, so its register."""
    return "tab-findings" if report.mode is Mode.SIGN_UP else "tab-commitments"


def title_figures(report: Report) -> str:
    """What the title line counts: the workshops and (but at a sign-up, where nobody counts
    heads) the participants, then the marks, the assessment or the register."""
    n = len(report.workshops)
    head = f"{n} workshop{'s' if n != 1 else ''}"
    if report.mode is Mode.SIGN_UP:
        signed = len(report.register)
        return f"{head} · {signed} organisation{'' if signed == 1 else 's'} signed up"
    head += f", {report.participants()} participants · "
    if report.assessment is not None:
        a = report.assessment
        return f"{head}{len(a.rated)}/{len(a.ratings)} rated, {len(a.low)} rated low"
    marks = report.mark_counts()
    return f"{head}{marks['contested']} contested, {marks['consensus']} consensus"


def workshop_outcome(report: Report) -> tuple[str, Callable[[Workshop], str]]:
    """The Workshops tab's second column: a consultation's recommendation, how many
    commitments an assessment's workshop rated, how many organisations signed at a sign-up."""
    # Counted once for every workshop: counting for each one scanned them all, every time.
    if report.assessment is not None:
        rated = Counter(x.session_id for r in report.assessment.ratings for x in r.by_workshop)
        return "Rated", lambda w: str(rated[w.id])
    if report.mode is Mode.SIGN_UP:
        signed = Counter(e.session_id for e in (*report.register.current,
                                                *report.register.superseded))
        return "Signed", lambda w: str(signed[w.id])
    return "Recommendation", lambda w: w.recommendation


def legend(report: Report) -> Text:
    if report.assessment is not None:
        return rating_legend(report.assessment.scale)
    return figures_legend(report)


def row(report: Report, view: CommitmentView, show_principle: bool, colours: Colours,
        header: bool) -> Table:
    if report.assessment is not None:
        return rating_row(report.assessment.rating(view.id), colours, header=header,
                          show_principle=show_principle)
    return commitment_row(view, show_principle=show_principle, colours=colours, header=header)


def detail(report: Report, view: CommitmentView, colours: Colours) -> RenderableType:
    if report.assessment is not None:
        return rating_detail(report.assessment.rating(view.id), report.assessment.scale,
                             colours, len(report.workshops))
    return commitment_detail(view, report, colours)


def no_entries(report: Report) -> str:
    """What an empty list of a commitment's entries says."""
    if report.assessment is not None:
        return "No evidence notes"
    return "No comments or proposed wordings"


def findings_view(report: Report, colours: Colours,
                  found: Findings | None = None) -> RenderableType:
    """The Findings tab: what the committee decides on, in the report's mode (`found`: the
    report's findings, if the caller has them already)."""
    several = len(report.workshops)
    if report.mode is Mode.SIGN_UP:
        return register_view(report.register, several, report.anonymised)
    if report.assessment is None:
        parts: list[RenderableType] = [findings_text(found or findings(report))]
    else:
        parts = assessment_findings(report, colours)
    if report.register:
        parts += [Text(""), register_view(report.register, several, report.anonymised)]
    return parts[0] if len(parts) == 1 else Group(*parts)


def assessment_findings(report: Report, colours: Colours) -> list[RenderableType]:
    a = report.assessment
    assert a is not None
    head = Text()
    head.append("Findings\n", style="bold underline")
    head.append(a.summary_line())
    if report.anonymised:
        head.append("\n" + ANONYMISED_NOTE, style="italic")
    return [head, Text(""), profile_table(a, colours), Text(""), needing_action_text(a),
            Text(""), weakest_table(a), Text(""),
            actions_table(a.actions, with_workshop=len(report.workshops) > 1)]
