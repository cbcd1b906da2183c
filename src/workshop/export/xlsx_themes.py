"""The workbook's themes on its Summary sheet, with an analyst's theme file (xlsx_summary.py).

Below the findings' most amended commitments: the themes most raised and how many entries are
tagged (or that none is yet), then each question's themes with how many workshops raised each
(`Q2. …: Resources 3 (2 workshops); …`), and where the rest is: the Themes sheet (one row per
theme, rows.themes_table) and the Theme column of the Comments, Amendments and Answers sheets.
The commitments' themes are the Themes column of the Summary's own table (rows.summary_table).
Without a theme file there is nothing here, so the workbook is what it always was. The text is
people's words (theme names, questions): xlsx_summary writes it through the quote-prefix guard.
Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.findings import Findings
from workshop.consultation.report import Report
from workshop.export.themes_text import counts_text, findings_text, themed

BOLD = {"bold": True}
WHERE = ("Every theme, with its figures, is in the Themes sheet; the Comments, Amendments and "
         "Answers sheets give each entry's themes in their Theme column, and the table below "
         "each commitment's.")


def themes_lines(report: Report, f: Findings) -> list[tuple[str, dict]]:
    """The Summary's paragraphs about themes: (text, format properties); [] without any."""
    if not themed(report):
        return []
    out = [(findings_text(report, f), {})]
    asked = [q for q in report.questions if q.themes]
    if asked:
        out.append(("Themes in the answers to each question:", BOLD))
        out += [(f"Q{q.number}. {q.question.text}: {counts_text(q.themes)}.", {}) for q in asked]
    return out + [(WHERE, {})]
