"""The Word export of an assessment: how well a partnership lives each commitment, and what it
will do about the weakest.

After the title and contents (docx_export.py), in order:

- **Findings**: the assessment's summary (`31/37 commitments rated, mean 3.4 on 1–5; …`), the
  **weakest commitments** as a table (lowest mean first: reference, commitment, mean, range, sd,
  rated low, actions agreed), the commitments rated low with no action agreed yet, and any not
  rated.
- **The scale**: each point with its label, and when a commitment counts as rated low.
- **Workshops** (docx_workshops.py).
- Per principle: its statement, its **profile chart** (docx_profile_chart.py, the figures in
  words as the picture's alt text), a table of its commitments (reference, commitment, the count
  per point, how many rated, the mean, the range and the sd) with a bold row for the whole
  principle, in a merged result each workshop's own ratings of the principle (how many, mean,
  range, sd), then each commitment with evidence or actions: its figures in words, its
  **evidence quoted with its workshop**, and its actions.
- **Actions**: the **action table** (reference, action, owner, due date, and the workshop in a
  merged result), dated actions by due date first; "No owner yet" / "No date yet" where none
  was agreed.
- The sign-up register when anyone signed (docx_register.py).

Every figure is the assessment model's (consultation/assessment.py); people's words are plain
runs. Nothing here imports Textual.
"""

from __future__ import annotations

import io

from docx.shared import Cm

from workshop.consultation.assessment import (
    Assessment,
    PrincipleProfile,
    Rating,
    Spread,
    combined,
)
from workshop.consultation.report import Report
from workshop.export.docx_layout import FIT, WHOLE, DocWriter, fit_at_least, keep_with_next
from workshop.export.docx_principles import bullet
from workshop.export.docx_profile_chart import WIDTH_CM, describe_profile, profile_png
from workshop.export.docx_register import register_section
from workshop.export.docx_workshops import workshops_section

NOT_RATED = "Not rated"


def assessment_body(doc: DocWriter, report: Report) -> None:
    """Everything after the contents (see the module docstring)."""
    a = report.assessment
    assert a is not None
    _findings(doc, report, a)
    _scale(doc, a)
    total = len(a.ratings)
    workshops_section(doc, report, lambda w: f"{w.voted}/{total} rated")
    for p in a.principles:
        _principle(doc, report, a, p)
    _actions(doc, report, a)
    if report.register:
        register_section(doc, report)


def figures_text(r: Rating) -> str:
    """`mean 3.2 from 10 ratings (ratings 2–5, sd 1.1)`, or `not rated`."""
    if not r.n:
        return "not rated"
    return f"mean {r.spread.mean_text} from {r.n} rating{'' if r.n == 1 else 's'} " \
           f"({r.spread.spread_text})"


def _findings(doc: DocWriter, report: Report, a: Assessment) -> None:
    doc.heading("Findings", level=1)
    doc.paragraph(bold_prefix=a.summary_line())
    doc.heading("Weakest commitments", level=2)
    if not a.weakest:
        doc.paragraph("None rated yet.", italic=True)
    else:
        keep_with_next(doc.paragraph("Lowest mean rating first; a commitment whose mean is at "
                                     f"or below {a.scale.low} is rated low."))
        rows = [[r.code, r.text, r.spread.mean_text, r.spread.range_text, r.spread.sd_text,
                 "Yes" if r.low else "No", str(len(r.actions))] for r in a.weakest]
        doc.table(["Ref", "Commitment", "Mean", "Range", "SD", "Rated low", "Actions"], rows,
                  [FIT, 1.0, WHOLE, WHOLE, WHOLE, FIT, WHOLE], numeric={2, 3, 4, 6})
    doc.heading("Rated low with no action agreed", level=2)
    if not a.needing_action:
        doc.paragraph("None.", italic=True)
    for r in a.needing_action:
        doc.paragraph(f"{r.text} — {figures_text(r)}", style="List Bullet",
                      bold_prefix=f"{r.code} ")
    if a.unrated:
        doc.paragraph(", ".join(r.code for r in a.unrated), bold_prefix=f"{NOT_RATED}: ")


def _scale(doc: DocWriter, a: Assessment) -> None:
    doc.heading("The scale", level=1)
    keep_with_next(doc.paragraph("Each workshop rated how well the partnership lives each "
                                 "commitment today, each person giving one point of the scale:"))
    rows = [[str(p.value), p.label] for p in a.scale.points]
    doc.table(["Point", "Meaning"], rows, [WHOLE, 1.0], numeric={0}, width_cm=8.0)
    doc.paragraph(f"A commitment whose mean rating is {a.scale.low} or lower is rated low and "
                  "needs an agreed action. The range is the lowest and highest point given, the "
                  "sd (standard deviation) how far the ratings spread.")


def _principle(doc: DocWriter, report: Report, a: Assessment, p: PrincipleProfile) -> None:
    doc.heading(f"{p.number}. {p.principle.title}", level=1)
    keep_with_next(doc.paragraph(p.principle.statement, italic=True))
    keep_with_next(doc.paragraph(f"{p.rated}/{len(p.ratings)} commitments rated, "
                                 + (f"mean {p.spread.mean_text} ({p.spread.spread_text}); "
                                    if p.spread.n else "")
                                 + f"{p.low} rated low."))
    _chart(doc, a, p)
    points = a.scale.points
    rows = [[r.code, r.text, *_figures(a, r.spread)] for r in p.ratings]
    rows.append(["", "All commitments", *_figures(a, p.spread)])
    n = len(points)
    table = doc.table(["Ref", "Commitment", *(str(q.value) for q in points), "Rated", "Mean",
                       "Range", "SD"], rows, [FIT, 1.0, *([WHOLE] * (n + 4))],
                      numeric=range(2, n + 6))
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    if not report.single:
        _by_workshop(doc, report, a, p)
    for r in p.ratings:
        if r.evidence or r.actions:
            _commitment(doc, report, r)


def _figures(a: Assessment, s: Spread) -> list[str]:
    """The counts per point, how many rated, the mean, range and sd ("–" unrated)."""
    return [*(str(s.counts.get(q.value, 0)) for q in a.scale.points), str(s.n),
            s.mean_text or "–", s.range_text or "–", s.sd_text or "–"]


def _by_workshop(doc: DocWriter, report: Report, a: Assessment, p: PrincipleProfile) -> None:
    """Each workshop's own ratings of the principle's commitments together (a merged result)."""
    rows = []
    for w in report.workshops:
        own = combined(a.scale, [x.spread for r in p.ratings for x in r.by_workshop
                                 if x.session_id == w.id])
        rows.append([w.name, str(own.n), own.mean_text or "–", own.range_text or "–",
                     own.sd_text or "–"])
    keep_with_next(doc.paragraph("Each workshop's ratings of this principle's commitments:"))
    doc.table(["Workshop", "Rated", "Mean", "Range", "SD"], rows,
              [1.0, WHOLE, WHOLE, WHOLE, WHOLE], numeric={1, 2, 3, 4}, width_cm=12.0)


def _chart(doc: DocWriter, a: Assessment, p: PrincipleProfile) -> None:
    """The principle's profile chart, its figures in words as the picture's alt text."""
    paragraph = keep_with_next(doc.paragraph())
    png = profile_png(p, a.scale)
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(WIDTH_CM))
    docpr = shape._inline.docPr
    docpr.set("name", f"Profile of principle {p.number}")
    docpr.set("descr", describe_profile(p, a.scale))


def _commitment(doc: DocWriter, report: Report, r: Rating) -> None:
    """A commitment's figures in words, its evidence with its workshop, and its actions."""
    doc.heading(f"{r.code} {r.text}", level=2)
    low = " Rated low." if r.low else ""
    figures = figures_text(r)
    keep_with_next(doc.paragraph(f"{figures[0].upper()}{figures[1:]}.{low}",
                                 bold_prefix="Rating: "))
    if r.evidence:
        doc.label("Evidence:")
        for note in r.evidence:
            bullet(doc, report, note)
    if r.actions:
        doc.label("Actions:")
        for action in r.actions:
            doc.paragraph(f" — {action.owner_text}, {action.due_phrase}", style="List Bullet",
                          bold_prefix=action.text)


def _actions(doc: DocWriter, report: Report, a: Assessment) -> None:
    """The action table (see the module docstring)."""
    doc.heading("Actions", level=1)
    if not a.actions:
        doc.paragraph("No actions agreed.", italic=True)
        return
    keep_with_next(doc.paragraph("Dated actions by due date, then those without a date."))
    rows = [[x.code, x.text, x.owner_text, x.due_text, *([] if report.single else [x.workshop])]
            for x in a.actions]
    header = ["Ref", "Action", "Owner", "Due", *([] if report.single else ["Workshop"])]
    kinds = [FIT, 1.6, 0.8, fit_at_least("No date yet"), *([] if report.single else [0.9])]
    doc.table(header, rows, kinds)
