"""The Markdown export of an assessment: how well a partnership lives each commitment, and what
it will do about the weakest (markdown.py dispatches here when the report has an assessment).

Title, the anonymised note where names are withheld; a summary (`31/37 commitments rated, mean
3.4 on 1–5; …`), the workshops and the scale; the weakest commitments (lowest mean first) and
those rated low with no action agreed yet; the action table (ref, action, owner, due date,
workshop); then per principle its profile: the principle's mean and spread, a table of its
commitments (counts per point of the scale, how many rated, mean, spread, rated low) and a text
chart of each commitment's mean on the scale (`███████████▏        2.8`, in a code block, so
it lines up in any renderer and holds no one's words), then under each commitment that has
them its rating in words, each workshop's own ratings (in a result of several), its evidence
with the workshop it came from, and its actions; the sign-up register last when anyone signed
(markdown_register.py).

Means and spreads are the assessment read model's (consultation/assessment.py: one decimal,
rounded half up). Every word people typed goes through safety.py, so it shows as typed and
cannot make a link, HTML or a table cell. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.assessment import (
    ActionView,
    Assessment,
    PrincipleProfile,
    Rating,
    one_decimal,
)
from workshop.consultation.report import Report
from workshop.export.markdown import LEFT, RIGHT, finish, head_lines, notes_lines, row
from workshop.export.markdown_register import register_section, workshop_lines
from workshop.export.safety import md_cell, md_heading, md_inline, md_paragraph, md_text

BAR_CELLS = 20
"""How many characters the chart's bar has for the top of the scale."""
EIGHTHS = " ▏▎▍▌▋▊▉"
"""A bar's last, partly filled character, by eighths."""


def assessment_markdown(report: Report) -> bytes:
    """An assessment's Markdown file (see the module docstring)."""
    a = report.assessment
    out = head_lines(report) + ["## Summary", "", md_inline(a.summary_line()), ""]
    unfinished = report.unfinished()
    if unfinished:
        out += [md_inline("Still in progress: " + "; ".join(w.name for w in unfinished) + "."),
                ""]
    total = len(a.ratings)
    out += workshop_lines(report, "Commitments rated", lambda w: f"{w.voted}/{total}")
    out += notes_lines(report) + _scale(a) + _weakest(a) + actions_lines(report, a)
    for p in a.principles:
        out += _principle(report, a, p)
    return finish(out + register_section(report))


def _scale(a: Assessment) -> list[str]:
    return ["### Scale", "", md_inline(f"Each commitment is rated {a.scale.describe()}."),
            "", f"A commitment is **rated low** when its mean is {a.scale.low} or below: it "
            "needs an agreed action, with an owner and a due date.", ""]


def _weakest(a: Assessment) -> list[str]:
    out = ["## Weakest commitments", ""]
    if not a.weakest:
        return out + ["No commitment has been rated yet.", ""]
    out += ["Lowest mean first.", "",
            row(["Ref", "Commitment", "Mean", "Spread", "Rated low"]),
            row([LEFT, LEFT, RIGHT, LEFT, LEFT])]
    out += [row([r.code, md_cell(r.text), r.spread.mean_text, _spread(r), _low(r)])
            for r in a.weakest]
    out += ["", "**Rated low with no action agreed yet:**", ""]
    out += [f"- {r.code} {md_text(r.text)} (mean {r.spread.mean_text})"
            for r in a.needing_action] or ["- None."]
    return out + [""]


def _spread(r: Rating) -> str:
    """`1–5, sd 1.3`; "" unrated."""
    return f"{r.spread.range_text}, sd {r.spread.sd_text}" if r.n else ""


def _low(r: Rating) -> str:
    return "Rated low" if r.low else ""


def actions_lines(report: Report, a: Assessment) -> list[str]:
    """The action table: every agreed action, by due date (undated last)."""
    out = ["## Actions", ""]
    if not a.actions:
        return out + ["No actions agreed yet.", ""]
    out += [row(["Ref", "Action", "Owner", "Due", "Workshop"]), row([LEFT] * 5)]
    out += [row([v.code, md_cell(v.text), md_cell(v.owner_text), v.due_text,
                 md_cell(v.workshop)]) for v in a.actions]
    return out + [""]


def _principle(report: Report, a: Assessment, p: PrincipleProfile) -> list[str]:
    """One principle's profile: figures, table, chart, then each commitment's block."""
    s = p.spread
    figures = (f"mean {s.mean_text} on {a.scale.lowest}–{a.scale.highest} ({s.spread_text}); "
               if s.n else "")
    out = [f"## {p.number}. {md_heading(p.principle.title)}", "",
           f"*{md_text(p.principle.statement)}*", "",
           f"**Profile:** {figures}{p.rated} of {len(p.ratings)} commitments rated, "
           f"{p.low} rated low.", ""]
    points = a.scale.points
    out += [row(["Ref", "Commitment", *(md_cell(f"{pt.value} {pt.label}") for pt in points),
                 "Rated", "Mean", "Spread", "Rated low"]),
            row([LEFT, LEFT] + [RIGHT] * (len(points) + 2) + [LEFT, LEFT])]
    for r in p.ratings:
        out.append(row([r.code, md_cell(r.text),
                        *(str(r.spread.counts[pt.value]) for pt in points), str(r.n),
                        r.spread.mean_text or "–", _spread(r), _low(r)]))
    out += ["", f"Mean rating of each commitment, on {a.scale.lowest}–{a.scale.highest}:", "",
            "```text"]
    out += [chart_line(r.code, r.spread.mean, a.scale.highest, r.low) for r in p.ratings]
    out += [chart_line("All", s.mean, a.scale.highest, False), "```", ""]
    for r in p.ratings:
        out += _commitment(report, r)
    return out


def chart_line(label: str, mean: float | None, highest: int, low: bool) -> str:
    """`1.4  ███████████▏         2.8  rated low`: the mean as a bar of eighths on the
    scale's width (BAR_CELLS for the highest point); `not rated` without ratings."""
    if mean is None:
        return f"{label:<5}{'':<{BAR_CELLS}}  not rated"
    eighths = round(8 * BAR_CELLS * mean / highest)
    bar = "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")
    return f"{label:<5}{bar:<{BAR_CELLS}}  {one_decimal(mean):>3}" + ("  rated low" if low else "")


def _commitment(report: Report, r: Rating) -> list[str]:
    """A commitment's block: its rating in words, each workshop's ratings (in a result of
    several), its evidence and its actions; [] when it has none of these."""
    several = len(report.workshops) > 1 and r.n > 0
    if not (r.evidence or r.actions or several):
        return []
    rating = (f"mean {r.spread.mean_text}, {r.spread.spread_text}, from {r.n} rating"
              f"{'' if r.n == 1 else 's'}" + ("; rated low" if r.low else "") if r.n
              else "not rated")
    out = [f"### {r.code} {md_heading(r.text)}", "", f"**Rating:** {rating}.", ""]
    if several:
        out += _by_workshop(report, r)
    if r.evidence:
        out += ["Evidence:", ""]
        for note in r.evidence:
            who = "" if report.single else f"**{md_text(note.workshop)}:** "
            out.append(f"- {who}{md_paragraph(note.text, indent='  ', start=not who)}")
        out.append("")
    if r.actions:
        out += ["Actions:", ""] + [_action(report, v) for v in r.actions] + [""]
    return out


def _by_workshop(report: Report, r: Rating) -> list[str]:
    """Each workshop's own ratings of the commitment; "–" where it did not rate it."""
    points = report.assessment.scale.points
    out = [row(["Workshop", *(str(pt.value) for pt in points), "Rated", "Mean"]),
           row([LEFT] + [RIGHT] * (len(points) + 2))]
    rated = {w.session_id: w.spread for w in r.by_workshop}
    for w in report.workshops:
        s = rated.get(w.id)
        cells = ([str(s.counts[pt.value]) for pt in points] + [str(s.n), s.mean_text]
                 if s is not None and s.n else ["–"] * (len(points) + 2))
        out.append(row([md_cell(w.name), *cells]))
    return out + [""]


def _action(report: Report, v: ActionView) -> str:
    who = "" if report.single else f" ({md_text(v.workshop)})"
    return (f"- {md_paragraph(v.text, indent='  ')}: **Owner:** {md_text(v.owner_text)}; "
            f"**Due:** {v.due_text}{who}")
