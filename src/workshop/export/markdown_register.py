"""The Markdown export's sign-up register (markdown.py lays out the rest).

- A sign-up's whole file (`register_markdown`): the title, the anonymised note where names are
  withheld, the register's summary (`5 organisations signed up, 2 with reservations; …`), the
  workshops where signatures were recorded, then the register.
- The register (`register_section`, also at the end of a consultation or an assessment in
  which anyone signed): a table of the current entries, one per organisation (organisation,
  the person signing, role, date signed, reservations in their own words, the workshop), and
  a table of the earlier entries they superseded, each with its status. A name reads
  `Withheld` in an anonymised report (Register.name_text). Nothing without signatories, so a
  consultation without any is the file it always was.

Every word people typed goes through safety.py (md_cell), so a reservation with `|`, `<b>` or
`[link](x)` stays text in its cell. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.consultation.register import WITHHELD, RegisterEntry
from workshop.consultation.report import Report, Workshop
from workshop.export.markdown import LEFT, RIGHT, finish, head_lines, row
from workshop.export.safety import md_cell, md_inline
from workshop.session.kinds import Mode


def register_markdown(report: Report) -> bytes:
    """A sign-up's Markdown file (see the module docstring)."""
    out = head_lines(report) + ["## Summary", "", md_inline(report.register.summary_line()
                                                             if report.register else
                                                             "Nobody has signed up yet."), ""]
    out += workshop_lines(report, "Signatures", lambda w: str(len(w.record.signatories)))
    return finish(out + register_section(report))


def register_section(report: Report) -> list[str]:
    """The register's tables (see the module docstring); [] without signatories."""
    register = report.register
    if not register:
        return []
    head = ["Organisation", "Name", "Role", "Signed", "Reservations"]
    out = ["## Sign-up register", ""]
    if report.mode is not Mode.SIGN_UP:  # a sign-up's summary already says it
        out += [md_inline(register.summary_line()), ""]
    out += [row([*head, "Workshop"]), row([LEFT] * 6)]
    out += [row([*_cells(report, e), md_cell(e.workshop)]) for e in register.current]
    out.append("")
    if register.superseded:
        out += ["### Superseded entries", "",
                "Earlier entries of organisations that signed again; the latest is kept above.",
                "", row([*head, "Status", "Workshop"]), row([LEFT] * 7)]
        out += [row([*_cells(report, e), md_cell(e.status), md_cell(e.workshop)])
                for e in register.superseded]
        out.append("")
    return out


def _cells(report: Report, e: RegisterEntry) -> list[str]:
    name = report.register.name_text(e)
    return [md_cell(e.organisation), md_cell(name) if name.strip() else "(not given)",
            md_cell(e.role), e.signed_text, md_cell(e.reservations_text)]


def workshop_lines(report: Report, counted: str, count: Callable[[Workshop], str]) -> list[str]:
    """The workshops as a table: name, facilitator (`Withheld` when anonymised), location,
    participants, status, and the column `counted` (`count` of each workshop)."""
    title = "Workshop" if report.single else "Workshops"
    out = [f"### {title}", "",
           row(["Workshop", "Facilitator", "Location", "Participants", counted, "Status"]),
           row([LEFT] * 3 + [RIGHT] * 2 + [LEFT])]
    for w in report.workshops:
        r = w.record
        out.append(row([md_cell(w.name), facilitator(report, r.facilitator), md_cell(r.location),
                        "" if r.participants is None else str(r.participants), count(w),
                        "finished" if r.complete else "in progress"]))
    return out + [""]


def facilitator(report: Report, name: str) -> str:
    """The facilitator's name for a table cell: `Withheld` in an anonymised report."""
    return WITHHELD if report.anonymised else md_cell(name)
