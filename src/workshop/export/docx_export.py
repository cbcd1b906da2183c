"""DOCX export: a committee-report appendix, made with python-docx.

Title; the findings first (consultation/findings.py: the headline, the recommendations with the
workshops behind each, the contested commitments most contested first with the reason in words,
the most amended commitments; "None." where a list is empty); a summary of the workshops; per
principle a table of counts and shares whose Result column names the verdict and the leading
option ("Majority — Agree, 58%"), then per commitment, for a merged result, each workshop's own
counts ("–" where it did not vote), and its comments and proposed wordings; the answers per
question; the recommendations.
Only Word's own built-in styles are used ("Title", "Heading 1"–"Heading 3", "Table Grid",
"Light Grid Accent 1", "List Bullet"), so the content can be pasted into a report and take on
its look. A4 pages; table header rows repeat on each page. Text is set as plain runs (a line
break typed by a participant is a line break; nothing is interpreted), with control characters
XML cannot hold shown as control pictures. The file's bytes are stable (stable_zip.py).
Nothing here imports Textual.
"""

from __future__ import annotations

import io
from collections.abc import Collection

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from workshop.consultation.figures import long_date, utc, when
from workshop.consultation.findings import findings
from workshop.consultation.report import CommitmentView, Note, PrincipleView, Report
from workshop.export.safety import docx_text
from workshop.export.stable_zip import EARLIEST, stabilise
from workshop.session.kinds import EntryKind

GRID = "Table Grid"
RESULTS = "Light Grid Accent 1"
TEXT_WIDTH_CM = 17.0
"""A4 less two 2 cm margins."""


class _Doc:
    """The document being written, each style looked up once: python-docx scans every style
    (hundreds in its template) to set one, which made an appendix of many workshops slow."""

    def __init__(self) -> None:
        self.doc = Document()
        self._styles: dict[str, object] = {}

    def style(self, name: str):
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name]
        return self._styles[name]

    def add_paragraph(self, text: str = "", style: str | None = None):
        paragraph = self.doc.add_paragraph(text)
        if style is not None:
            # What `paragraph.style = ...` sets, without its scan of every style for the default.
            paragraph._p.style = self.style(style).style_id
        return paragraph

    def add_heading(self, text: str, level: int):
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def add_table(self, rows: int, cols: int, style: str):
        return self.doc.add_table(rows=rows, cols=cols, style=self.style(style))


def _para(doc, text: str = "", style: str | None = None, bold_prefix: str = "",
          italic: bool = False):
    p = doc.add_paragraph(style=style)
    if bold_prefix:
        p.add_run(docx_text(bold_prefix)).bold = True
    if text:
        run = p.add_run(docx_text(text))
        if italic:
            run.italic = True
    return p


def _row_flag(row, name: str) -> None:
    """Set a row property: `w:tblHeader` (repeat on each page), `w:cantSplit` (keep whole)."""
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _table(doc, header: list[str], rows: list[list[str]], style: str,
           widths: list[float] | None = None, numeric: Collection[int] = ()):
    table = doc.add_table(rows=1 + len(rows), cols=len(header), style=style)
    table.autofit = widths is None
    if widths is not None:  # Word reads the cells' widths, LibreOffice the grid's: set both
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
    for r, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.text = docx_text(value)
            if widths is not None:
                cell.width = Cm(widths[c])
            if c in numeric and r > 0:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows:
        _row_flag(row, "w:cantSplit")
    _row_flag(table.rows[0], "w:tblHeader")
    doc.add_paragraph()
    return table


def render_docx(report: Report) -> bytes:
    doc = _Doc()
    section = doc.doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    doc.add_heading(docx_text(report.title), level=0)
    src = report.protocol.source
    _para(doc, f"{src.document}, {src.authors}. Protocol version {report.protocol.version}.")
    if report.as_of is not None:
        _para(doc, f"Results as of {when(report.as_of)}.")
    _findings(doc, report)
    _summary(doc, report)
    for principle in report.principles:
        _principle(doc, report, principle)
    _questions(doc, report)
    _recommendations(doc, report)
    if report.foreign:
        doc.add_heading("Entries on ids this protocol does not have", level=1)
        for note in report.foreign:
            _bullet(doc, report, note, prefix=f"{note.target} ({EntryKind(note.kind).singular}): ")
    moment = utc(report.as_of) if report.as_of else EARLIEST  # never the clock
    props = doc.doc.core_properties
    props.title = report.title
    props.author = props.last_modified_by = "workshop"
    props.revision = 1
    props.created = props.modified = moment
    out = io.BytesIO()
    doc.doc.save(out)
    return stabilise(out.getvalue(), moment)


def _findings(doc, report: Report) -> None:
    """What the committee decides on, read off findings(report) only."""
    f = findings(report)
    doc.add_heading("Findings", level=1)
    _para(doc, bold_prefix=f.headline())
    if report.single:
        _para(doc, report.workshops[0].recommendation, bold_prefix="Recommendation: ")
    else:
        doc.add_heading("Recommendations", level=2)
        for t in f.recommendations:
            names = "; ".join(w.name for w in t.workshops)
            _para(doc, f" — {names}" if names else "", style="List Bullet",
                  bold_prefix=f"{t.label}: {t.count}")
    _listed(doc, "Contested commitments, most contested first", [
        (c.code, f"{c.text} — {c.verdict}: {c.reason}") for c in f.contested_commitments])
    _listed(doc, "Most amended commitments", [
        (c.code, f"{c.text} — {len(c.amendments)} proposed "
                 f"wording{'' if len(c.amendments) == 1 else 's'}; {_result(c)}")
        for c in f.most_amended])


def _listed(doc, heading: str, items: list[tuple[str, str]]) -> None:
    """A findings list, each item led by the commitment's number; "None." where it is empty."""
    doc.add_heading(heading, level=2)
    if not items:
        _para(doc, "None.", italic=True)
    for code, text in items:
        _para(doc, text, style="List Bullet", bold_prefix=f"{code} ")


def _result(c: CommitmentView) -> str:
    """`Majority — Agree, 58%`: the verdict and the leading option; `No votes` unvoted."""
    return f"{c.verdict} — {c.leading_text}" if c.leading_text else c.verdict


def _summary(doc, report: Report) -> None:
    doc.add_heading("Summary", level=1)
    _para(doc, report.summary_line())
    if report.single:
        r = report.workshops[0].record
        status = f"Finished {when(r.completed)}" if r.complete else "In progress"
        rows = [["Group", r.group], ["Facilitator", r.facilitator], ["Location", r.location],
                ["Date", long_date(r.date)],
                ["Participants", "" if r.participants is None else str(r.participants)],
                ["Status", f"{status}; last changed {when(r.updated)}"], ["Session id", r.id]]
        _table(doc, ["Detail", "Value"], rows, GRID, widths=[4.0, TEXT_WIDTH_CM - 4.0])
    else:
        rows = [[w.record.group, long_date(w.record.date), w.record.facilitator,
                 w.record.location,
                 "" if w.record.participants is None else str(w.record.participants),
                 f"{w.voted}/{len(report.commitments)} voted, "
                 f"{w.answered}/{len(report.questions)} answered", w.recommendation]
                for w in report.workshops]
        _table(doc, ["Workshop", "Date", "Facilitator", "Location", "People", "Progress",
                     "Recommendation"], rows, GRID, widths=[3.0, 2.4, 2.6, 2.2, 1.9, 2.5, 2.4],
               numeric={4})
    if report.in_progress:
        _para(doc, bold_prefix="This session is still in progress: the results below are "
              "incomplete.")
        if report.unvoted():
            _para(doc, f"{report.no_votes_label}:")
            for c in report.unvoted():
                _para(doc, f"{c.code} {c.text}", style="List Bullet")
        if report.unanswered():
            _para(doc, f"{report.not_answered_label}:")
            for q in report.unanswered():
                _para(doc, f"Q{q.number}. {q.question.text}", style="List Bullet")
    _para(doc, "one option has at least two thirds of the votes and the workshops agree about "
          "it. ", bold_prefix="Consensus: ")
    _para(doc, "no option has more than half of the votes, or the workshops disagree widely.",
          bold_prefix="Contested: ")


def _count(n: int, share: int, total: int) -> str:
    return f"{n} ({share}%)" if total else str(n)


def _principle(doc, report: Report, p: PrincipleView) -> None:
    doc.add_heading(docx_text(f"{p.number}. {p.principle.title}"), level=1)
    _para(doc, p.principle.statement, italic=True)
    options = len(report.options)
    widths = [1.2, 0.0, *([2.1] * options), 1.4, 3.2]
    widths[1] = max(4.0, TEXT_WIDTH_CM - sum(widths))
    header = ["No.", "Commitment", *(o.label for o in report.options), "Total", "Result"]
    rows = [[c.code, c.text, *(_count(c.totals[o.id], c.share(o.id), c.total)
                               for o in report.options), str(c.total),
             _result(c)] for c in p.commitments]
    rows.append(["", "All commitments", *(_count(p.totals[o.id], p.share(o.id), p.total)
                                          for o in report.options), str(p.total), "–"])
    table = _table(doc, header, rows, RESULTS, widths=widths,
                   numeric=set(range(2, 3 + options)))
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for c in p.commitments:
        if report.single and not (c.comments or c.amendments):
            continue
        doc.add_heading(docx_text(f"{c.code} {c.text}"), level=3)
        if not report.single:
            _by_workshop(doc, report, c)
        for label, notes in (("Comments", c.comments), ("Proposed wordings", c.amendments)):
            if notes:
                _para(doc, bold_prefix=f"{label}:")
                for note in notes:
                    _bullet(doc, report, note)


def _by_workshop(doc, report: Report, c: CommitmentView) -> None:
    """Each workshop's own counts for the commitment; "–" where it did not vote on it."""
    n = len(report.options)
    rows = [[wc.workshop.name,
             *([str(wc.counts.get(o.id, 0)) for o in report.options]
               + [str(sum(wc.counts.values()))] if wc.counts is not None else ["–"] * (n + 1))]
            for wc in c.by_workshop]
    _table(doc, ["Workshop", *(o.label for o in report.options), "Total"], rows, GRID,
           widths=[6.0, *([2.1] * n), 1.4], numeric=set(range(1, n + 2)))


def _bullet(doc, report: Report, note: Note, prefix: str = "") -> None:
    who = prefix + ("" if report.single else f"{note.workshop}: ")
    _para(doc, note.text, style="List Bullet", bold_prefix=who)


def _questions(doc, report: Report) -> None:
    doc.add_heading("Your thoughts", level=1)
    for q in report.questions:
        doc.add_heading(docx_text(f"Q{q.number}. {q.question.text}"), level=2)
        if q.answers:
            for note in q.answers:
                _bullet(doc, report, note)
        else:
            _para(doc, f"{report.not_answered_label}.", italic=True)


def _reasons(doc, rec) -> None:
    for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
        if text:
            _para(doc, text, bold_prefix=f"{label}: ")


def _recommendations(doc, report: Report) -> None:
    if report.single:
        w = report.workshops[0]
        doc.add_heading("Recommendation", level=1)
        _para(doc, bold_prefix=w.recommendation)
        _reasons(doc, w.record.recommendation)
        return
    doc.add_heading("Recommendations", level=1)
    rows = [[label, str(n)] for label, n in report.recommendation_counts().items()]
    _table(doc, ["Recommendation", "Workshops"], rows, GRID, widths=[8.0, 3.0], numeric={1})
    for w in report.workshops:
        doc.add_heading(docx_text(f"{w.record.group}, {long_date(w.record.date)}: "
                                  f"{w.recommendation}"), level=2)
        _reasons(doc, w.record.recommendation)
