"""The workshops behind an assessment or a sign-up in the Word export.

A "Workshops" chapter (Heading 1): a table of the workshops (name with its date, facilitator,
location, participants, how far it got: `24/37 rated` in an assessment, `3 signatures` in a
sign-up), then each workshop's facilitator's notes where it left any (line breaks kept). In an
anonymised export the facilitator is "Withheld". Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.consultation.register import WITHHELD
from workshop.consultation.report import Report, Workshop
from workshop.export.docx_layout import FIT, DocWriter


def workshops_section(doc: DocWriter, report: Report, progress: Callable[[Workshop], str]) -> None:
    """The chapter; `progress(workshop)` says how far each got."""
    doc.heading("Workshops", level=1)
    rows = []
    for w in report.workshops:
        r = w.record
        facilitator = WITHHELD if report.anonymised else r.facilitator
        people = "" if r.participants is None else str(r.participants)
        status = "Finished" if w.complete else "In progress"
        rows.append([w.name, facilitator, r.location, people, f"{status}: {progress(w)}"])
    doc.table(["Workshop", "Facilitator", "Location", "People", "Progress"], rows,
              [1.5, 0.9, 0.9, FIT, 1.2], numeric={3})
    for w in report.noted():
        doc.heading(f"Facilitator's notes: {w.name}", level=2)
        doc.paragraph(w.notes)
