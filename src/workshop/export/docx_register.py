"""The sign-up register in the Word export: a table a standards committee can keep.

`register_section` writes a "Sign-up register" chapter (Heading 1): the register's summary
(`5 organisations signed up, 2 with reservations; …`), then one Word table of the organisations
signed up, by name, each with the person who signed (`Withheld` in an anonymised export), their
role, the date signed, any reservations in the organisation's own words ("None" for none) and
its status; the earlier entries of organisations that signed again follow, marked "Superseded by
the entry of …". In a merged result a Workshop column says where each was recorded.

A sign-up's document is this chapter and the workshops behind it (docx_workshops.py); a
consultation or an assessment gets the chapter only when someone signed (so a consultation
without signatories is the document it always was). Every word is a plain run (DocWriter).
Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.register import Register, RegisterEntry
from workshop.consultation.report import Report
from workshop.export.docx_layout import FIT, WHOLE, DocWriter, keep_with_next

HEADER = ("Organisation", "Person", "Role", "Signed", "Reservations", "Status")
NOBODY = "No organisation has signed up yet."


def register_rows(report: Report) -> list[list[str]]:
    """The table's rows: the current entries, then the superseded ones."""
    register: Register = report.register
    return [_row(report, register, e) for e in (*register.current, *register.superseded)]


def _row(report: Report, register: Register, e: RegisterEntry) -> list[str]:
    row = [e.organisation, register.name_text(e), e.role, e.signed_text, e.reservations_text,
           e.status]
    return row if report.single else [*row, e.workshop]


def register_section(doc: DocWriter, report: Report) -> None:
    """The "Sign-up register" chapter (see the module docstring)."""
    doc.heading("Sign-up register", level=1)
    register = report.register
    if not register:
        doc.paragraph(NOBODY, italic=True)
        return
    keep_with_next(doc.paragraph(register.summary_line()))
    header = [*HEADER] if report.single else [*HEADER, "Workshop"]
    # a date on one line where there is room; beside a Workshop column it may wrap
    kinds: list = [1.0, FIT, FIT, WHOLE if report.single else FIT, 1.4, FIT]
    if not report.single:
        kinds.append(0.9)
    doc.table(header, register_rows(report), kinds)
    if register.superseded:
        n = len(register.superseded)
        doc.paragraph(f"The last {n} entr{'y is' if n == 1 else 'ies are'} earlier signatures of "
                      "organisations that signed again; each counts once, its latest entry "
                      "kept.", italic=True)
