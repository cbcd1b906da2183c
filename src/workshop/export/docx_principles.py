"""The Word export's part per principle: heading, statement, chart, table, and each commitment.

Per principle: its statement; its chart (docx_chart.py), whose alt text gives the figures in
words; a table of counts and shares with the commitments' references ("1.4") and a Result
column naming the verdict and the leading option ("Majority — Agree, 58%"; never blank). Then
per commitment (in a single session's report, only those with comments or wordings): its result
in words (verdict, leading option and the reason), with an analyst's theme file the themes on
its comments and wordings (docx_themes.py), for a merged result each workshop's own counts
("–" where it did not vote), its comments, and its proposed wordings in near-identical
groups (consultation/amendments.py): the group's summary, its first proposal's word diff
against the published text, then every proposal as typed with its workshop. Laid out only:
every figure and word comes from the report model. Nothing here imports Textual.
"""

from __future__ import annotations

import io

from docx.shared import Cm

from workshop.consultation.amendments import AmendmentGroup
from workshop.consultation.report import CommitmentView, Note, PrincipleView, Report
from workshop.consultation.wording import readable_runs
from workshop.export.docx_chart import WIDTH_CM, chart_png, describe
from workshop.export.docx_layout import (
    FIT,
    WHOLE,
    DocWriter,
    diff_runs,
    fit_at_least,
    keep_with_next,
)
from workshop.export.docx_themes import counts_part


def result(c: CommitmentView) -> str:
    """`Majority — Agree, 58%`: the verdict and the leading option; `No votes` unvoted."""
    return f"{c.verdict} — {c.leading_text}" if c.leading_text else c.verdict


def bullet(doc: DocWriter, report: Report, note: Note, prefix: str = "") -> None:
    """A comment or answer as a bullet, led by its workshop in a merged result."""
    who = prefix + ("" if report.single else f"{note.workshop}: ")
    doc.paragraph(note.text, style="List Bullet", bold_prefix=who)


def _count(n: int, share: int, total: int) -> str:
    return f"{n} ({share}%)" if total else str(n)


def principle(doc: DocWriter, report: Report, p: PrincipleView) -> None:
    doc.heading(f"{p.number}. {p.principle.title}", level=1)
    keep_with_next(doc.paragraph(p.principle.statement, italic=True))
    _chart(doc, report, p)
    options = len(report.options)
    header = ["Ref", "Commitment", *(o.label for o in report.options), "Total", "Result"]
    rows = [[c.code, c.text, *(_count(c.totals[o.id], c.share(o.id), c.total)
                               for o in report.options), str(c.total),
             result(c)] for c in p.commitments]
    rows.append(["", "All commitments", *(_count(p.totals[o.id], p.share(o.id), p.total)
                                          for o in report.options), str(p.total), "–"])
    kinds = [FIT, 1.0, *([WHOLE] * options), WHOLE, fit_at_least(report.no_votes_label)]
    table = doc.table(header, rows, kinds,
                      numeric=range(2, 3 + options))
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for c in p.commitments:
        if report.single and not (c.comments or c.amendments):
            continue
        _commitment(doc, report, c)


def _chart(doc: DocWriter, report: Report, p: PrincipleView) -> None:
    """The principle's chart, its figures in words as the picture's alt text (`descr`)."""
    paragraph = keep_with_next(doc.paragraph())
    png = chart_png(p, report.no_votes_label)
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(WIDTH_CM))
    docpr = shape._inline.docPr
    docpr.set("name", f"Chart of principle {p.number}")
    docpr.set("descr", describe(p, report.no_votes_label))


def _commitment(doc: DocWriter, report: Report, c: CommitmentView) -> None:
    """A commitment's result in words, each workshop's counts, comments, proposed wordings."""
    doc.heading(f"{c.code} {c.text}", level=2)
    reason = f" {c.reason}." if c.reason else ""
    keep_with_next(doc.paragraph(f"{result(c)}.{reason}", bold_prefix="Result: "))
    counts_part(doc, c.themes)
    if not report.single and c.total:  # nobody voted: the result said so; no table of dashes
        _by_workshop(doc, report, c)
    if c.comments:
        doc.label("Comments:")
        for note in c.comments:
            bullet(doc, report, note)
    if c.amendment_groups:
        doc.label("Proposed wordings:")
        for group in c.amendment_groups:
            _group(doc, group)


def _group(doc: DocWriter, group: AmendmentGroup) -> None:
    """A group of near-identical proposals: what it proposes, its first proposal's word diff,
    then every proposal as typed with its workshop."""
    keep_with_next(doc.paragraph(group.summary, italic=True))
    diff = keep_with_next(doc.paragraph())
    diff.paragraph_format.left_indent = Cm(0.6)
    diff_runs(diff, readable_runs(list(group.diff)))
    for note in group.proposals:
        doc.paragraph(note.text, style="List Bullet", bold_prefix=f"{note.workshop}: ")


def _by_workshop(doc: DocWriter, report: Report, c: CommitmentView) -> None:
    """Each workshop's own counts for the commitment; "–" where it did not vote on it."""
    n = len(report.options)
    rows = [[c.code, wc.workshop.name,
             *([str(wc.counts.get(o.id, 0)) for o in report.options]
               + [str(sum(wc.counts.values()))] if wc.counts is not None else ["–"] * (n + 1))]
            for wc in c.by_workshop]
    doc.table(["Ref", "Workshop", *(o.label for o in report.options), "Total"], rows,
              [FIT, 1.0, *([WHOLE] * n), WHOLE], numeric=range(2, n + 3))
