"""DOCX export: a committee-report appendix, made with python-docx.

Every document starts the same: the title, the protocol's source, when the results are as of,
in an anonymised export the note that names are withheld (report.ANONYMISED_NOTE), and a table
of contents. An assessment then has its own layout (docx_assessment.py: findings, the scale,
the workshops, a profile chart and table per principle with the evidence, the actions), a
sign-up its register as a Word table and its workshops (docx_register.py, docx_workshops.py).

A consultation, in order: the title and a table of contents (a TOC field, and a line saying how
to fill it where a word processor shows it empty); the findings first (consultation/findings.py:
the headline, the workshops still in progress, the recommendations with the workshops behind
each, the contested commitments most contested first with the reason in words, the most amended
commitments with what most of their workshops propose); a summary of the workshops and what the
marks and the word diffs mean; each workshop's details with its facilitator's notes (line breaks
kept); per principle its chart, table and commitments (docx_principles.py); the answers per
question; the recommendations; with an analyst's theme file, the themes in the findings, under
each commitment and question, and a Themes chapter with each theme's quotes (docx_themes.py);
the sign-up register when organisations signed up (docx_register.py: without signatories the
document is what it always was); an appendix table of every comment and proposed wording with
its reference ("1.4"), kind and workshop (and its themes, with a theme file).

Heading levels nest without a gap (Title, then Heading 1 to 3). The layout is docx_layout.py's:
one table style ("Table Grid"), widths that never break a word inside a label or number cell,
header rows repeated and rows never split, headings and labels kept with what follows; A4
portrait, "Page N of M" in the footer, UK English. Only Word's own built-in styles are used, so
the content can be pasted into a report and take on its look. People's words are plain runs (a
line break typed is a line break; nothing is interpreted, and no field ever holds them), with
control characters XML cannot hold shown as control pictures. Workshops are named with their
date (`Workshop.name`, `Note.workshop`). The file's bytes are stable (stable_zip.py; the charts
are too). Nothing here imports Textual.
"""

from __future__ import annotations

import io

from docx.shared import Cm, Mm

from workshop.consultation.figures import utc, when
from workshop.consultation.findings import findings
from workshop.consultation.report import ANONYMISED_NOTE, Report, Workshop
from workshop.export.docx_assessment import assessment_body
from workshop.export.docx_layout import (
    FIT,
    TOC_INSTRUCTION,
    DocWriter,
    add_field,
    diff_runs,
    keep_with_next,
    page_numbers,
    uk_english,
    update_fields_on_open,
)
from workshop.export.docx_principles import bullet, principle, result
from workshop.export.docx_register import register_section
from workshop.export.docx_themes import (
    appendix_cell,
    appendix_header,
    appendix_widths,
    counts_part,
    findings_part,
    themes_section,
)
from workshop.export.docx_workshops import workshops_section
from workshop.export.safety import docx_text
from workshop.export.stable_zip import EARLIEST, stabilise
from workshop.session.kinds import EntryKind, Mode

TABLE_STYLE = "Table Grid"
"""The one table style of the document."""
TEXT_WIDTH_CM = 17.0
"""A4 less two 2 cm margins."""
UPDATE_FIELDS = ("If the contents list above is empty, update the document's fields: in Word, "
                 "right-click it and choose Update Field (or press F9); in LibreOffice, choose "
                 "Tools, Update, Update All.")


def render_docx(report: Report) -> bytes:
    doc = DocWriter(TABLE_STYLE, TEXT_WIDTH_CM)
    _page(doc.doc)
    doc.heading(report.title, level=0)
    src = report.protocol.source
    doc.paragraph(f"{src.document}, {src.authors}. Protocol version {report.protocol.version}.")
    if report.as_of is not None:
        doc.paragraph(f"Results as of {when(report.as_of)}.")
    if report.anonymised:
        doc.paragraph(ANONYMISED_NOTE, italic=True)
    _contents(doc)
    if report.mode is Mode.ASSESS and report.assessment is not None:
        assessment_body(doc, report)
    elif report.mode is Mode.SIGN_UP:
        register_section(doc, report)
        workshops_section(doc, report, _signatures)
    else:
        _consultation_body(doc, report)
    moment = utc(report.as_of) if report.as_of else EARLIEST  # never the clock
    props = doc.doc.core_properties
    props.title = report.title
    props.author = props.last_modified_by = "workshop"
    props.language = "en-GB"
    props.revision = 1
    props.created = props.modified = moment
    out = io.BytesIO()
    doc.doc.save(out)
    return stabilise(out.getvalue(), moment)


def _signatures(w: Workshop) -> str:
    n = len(w.record.signatories)
    return f"{n} signature{'' if n == 1 else 's'}"


def _consultation_body(doc: DocWriter, report: Report) -> None:
    """A consultation's findings, summary, principles, answers, recommendations, themes and
    appendix; the sign-up register before the themes and appendix when anyone signed."""
    _findings(doc, report)
    _summary(doc, report)
    _workshop_details(doc, report)
    for p in report.principles:
        principle(doc, report, p)
    _questions(doc, report)
    _recommendations(doc, report)
    if report.foreign:
        doc.heading("Entries on ids this protocol does not have", level=1)
        for note in report.foreign:
            bullet(doc, report, note, prefix=f"{note.target} ({EntryKind(note.kind).singular}): ")
    if report.register:
        register_section(doc, report)
    themes_section(doc, report)
    _appendix(doc, report)


def _page(document) -> None:
    """A4 portrait, 2 cm margins, "Page N of M" in the footer, UK English, fields updated when
    the file is opened."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    section.header_distance = section.footer_distance = Cm(1)
    page_numbers(section)
    uk_english(document)
    update_fields_on_open(document)


def _contents(doc) -> None:
    keep_with_next(doc.paragraph("Contents", "TOC Heading"))
    add_field(doc.paragraph(), TOC_INSTRUCTION,
              "The contents list appears here when the document's fields are updated.")
    doc.paragraph(UPDATE_FIELDS, italic=True)


def _findings(doc, report: Report) -> None:
    """What the committee decides on, read off findings(report) only."""
    f = findings(report)
    doc.heading("Findings", level=1)
    doc.paragraph(bold_prefix=f.headline())
    if f.unfinished_line():
        doc.paragraph(f.unfinished_line())
    if report.single:
        doc.paragraph(report.workshops[0].recommendation, bold_prefix="Recommendation: ")
    else:
        doc.heading("Recommendations", level=2)
        for t in f.recommendations:
            names = "; ".join(w.name for w in t.workshops)
            doc.paragraph(f" — {names}" if names else "", style="List Bullet",
                          bold_prefix=f"{t.label}: {t.count}")
    _listed(doc, "Contested commitments, most contested first", [
        (c.code, f"{c.text} — {c.verdict}: {c.reason}", "") for c in f.contested_commitments])
    _listed(doc, "Most amended commitments", [
        (c.code, f"{c.text} — {len(c.amendments)} proposed "
                 f"wording{'' if len(c.amendments) == 1 else 's'}; {result(c)}",
         c.amendment_groups[0].summary if c.amendment_groups else "")
        for c in f.most_amended])
    findings_part(doc, report, f)


def _listed(doc, heading: str, items: list[tuple[str, str, str]]) -> None:
    """A findings list, each item led by the commitment's number, with an optional second line;
    "None." where it is empty."""
    doc.heading(heading, level=2)
    if not items:
        doc.paragraph("None.", italic=True)
    for code, text, second in items:
        p = doc.paragraph(text, style="List Bullet", bold_prefix=f"{code} ")
        if second:
            p.add_run().add_break()
            p.add_run(docx_text(second)).italic = True


def _summary(doc, report: Report) -> None:
    doc.heading("Summary", level=1)
    doc.paragraph(report.summary_line())
    if report.single:
        r = report.workshops[0].record
        status = f"Finished {when(r.completed)}" if r.complete else "In progress"
        rows = [["Workshop", report.workshops[0].name], ["Facilitator", r.facilitator],
                ["Location", r.location],
                ["Participants", "" if r.participants is None else str(r.participants)],
                ["Status", f"{status}; last changed {when(r.updated)}"], ["Session id", r.id]]
        doc.table(["Detail", "Value"], rows, [FIT, 1.0])
    else:
        rows = [[w.name, w.record.facilitator, w.record.location,
                 "" if w.record.participants is None else str(w.record.participants),
                 f"{'Finished' if w.complete else 'In progress'}: "
                 f"{w.voted}/{len(report.commitments)} voted, "
                 f"{w.answered}/{len(report.questions)} answered", w.recommendation]
                for w in report.workshops]
        doc.table(["Workshop", "Facilitator", "Location", "People", "Progress",
                   "Recommendation"], rows, [1.5, 0.9, 0.9, FIT, 1.5, FIT], numeric={3})
    if report.in_progress:
        _in_progress(doc, report)
    _legend(doc)


def _in_progress(doc, report: Report) -> None:
    doc.paragraph(bold_prefix="This session is still in progress: the results below are "
                              "incomplete.")
    if report.unvoted():
        doc.paragraph(f"{report.no_votes_label}:")
        for c in report.unvoted():
            doc.paragraph(f"{c.code} {c.text}", style="List Bullet")
    if report.unanswered():
        doc.paragraph(f"{report.not_answered_label}:")
        for q in report.unanswered():
            doc.paragraph(f"Q{q.number}. {q.question.text}", style="List Bullet")


def _legend(doc) -> None:
    """What the marks mean, and how a proposed wording is shown."""
    doc.paragraph("one option has at least two thirds of the votes and the workshops agree "
                  "about it.", bold_prefix="Consensus: ")
    doc.paragraph("no option has more than half of the votes, or the workshops disagree widely.",
                  bold_prefix="Contested: ")
    p = doc.paragraph("each is shown against the published text: ",
                      bold_prefix="Proposed wordings: ")
    diff_runs(p, (("removed", "struck-through words"), ("same", " are removed, "),
                   ("added", "bold underlined words"), ("same", " are added.")))


def _workshop_details(doc, report: Report) -> None:
    """Each workshop's details and its facilitator's notes, line breaks kept."""
    if report.single:
        doc.heading("Facilitator's notes", level=2)
        _notes(doc, report.workshops[0].notes)
        return
    doc.heading("Workshop details", level=2)
    for w in report.workshops:
        doc.heading(w.name, level=3)
        r = w.record
        people = "not counted" if r.participants is None else str(r.participants)
        status = (f"Finished {when(r.completed)}" if w.complete
                  else f"Still in progress, last changed {when(r.updated)}")
        doc.paragraph(f"Facilitator: {r.facilitator}. Location: {r.location}. Participants: "
                      f"{people}. {status}.")
        doc.label("Facilitator's notes")
        _notes(doc, w.notes)


def _notes(doc, text: str) -> None:
    if text.strip():
        doc.paragraph(text)
    else:
        doc.paragraph("None.", italic=True)


def _questions(doc, report: Report) -> None:
    doc.heading("Your thoughts", level=1)
    for q in report.questions:
        doc.heading(f"Q{q.number}. {q.question.text}", level=2)
        counts_part(doc, q.themes)
        if q.answers:
            for note in q.answers:
                bullet(doc, report, note)
        else:
            doc.paragraph(f"{report.not_answered_label}.", italic=True)


def _reasons(doc, rec) -> None:
    for label, text in (("Reasons", rec.reasons), ("General comments", rec.comments)):
        if text:
            doc.paragraph(text, bold_prefix=f"{label}: ")


def _recommendations(doc, report: Report) -> None:
    if report.single:
        w = report.workshops[0]
        doc.heading("Recommendation", level=1)
        doc.paragraph(bold_prefix=w.recommendation)
        _reasons(doc, w.record.recommendation)
        return
    doc.heading("Recommendations", level=1)
    rows = [[label, str(n)] for label, n in report.recommendation_counts().items()]
    doc.table(["Recommendation", "Workshops"], rows, [1.0, FIT], numeric={1}, width_cm=9.0)
    for w in report.workshops:
        doc.heading(f"{w.name}: {w.recommendation}", level=2)
        _reasons(doc, w.record.recommendation)


def _appendix(doc, report: Report) -> None:
    """Every comment and proposed wording in one table: reference, kind, workshop, text."""
    doc.heading("Appendix: every comment and proposed wording", level=1)
    notes = [(c, note) for c in report.commitments for note in (*c.comments, *c.amendments)]
    if not notes:
        doc.paragraph("None.", italic=True)
        return
    keep_with_next(doc.paragraph("In the protocol's order, comments before proposed wordings."))
    rows = [[c.code, EntryKind(note.kind).heading, note.workshop, note.text,
             *appendix_cell(report, note.themes)] for c, note in notes]
    doc.table(["Ref", "Kind", "Workshop", "Text", *appendix_header(report)], rows,
              [FIT, FIT, 1.0, 2.2, *appendix_widths(report)])
    kinds = [note.kind for _, note in notes]
    comments, wordings = kinds.count(EntryKind.COMMENTS), kinds.count(EntryKind.AMENDMENTS)
    doc.paragraph(f"{comments} comment{'' if comments == 1 else 's'}, {wordings} proposed "
                  f"wording{'' if wordings == 1 else 's'}.", italic=True)
