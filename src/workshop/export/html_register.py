"""The HTML export's sign-up register, and the workshops table the modes share (html_export.py
lays out the page).

- `register_sections(report)`: a sign-up's page: a summary (the register's summary line and
  the workshops where signatures were recorded), then the register.
- `register_section(report)`: the register (also at the end of a consultation's or an
  assessment's page when anyone signed): a table of the current entries, one per
  organisation (organisation, the person signing, role, date signed, reservations in their own
  words, the workshop), then a table of the earlier entries they superseded, each with its
  status. A name reads `Withheld` in an anonymised report (Register.name_text). Nothing
  without signatories.
- `workshops_table(report, counted, count)`: the workshops, with a column of the mode's own
  (`Commitments rated`, `Signatures`); the facilitator reads `Withheld` when anonymised.

Every word people typed is escaped (safety.html_text) and keeps its line breaks. Nothing here
imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop.consultation.register import WITHHELD, RegisterEntry
from workshop.consultation.report import Report, Workshop
from workshop.export.html_parts import section, table
from workshop.export.safety import html_text as h
from workshop.session.kinds import Mode

REGISTER_TOC = '<li><a href="#register">Sign-up register</a></li>'
"""The register's entry in a page's contents."""


def register_sections(report: Report) -> list[str]:
    """A sign-up's sections (see the module docstring)."""
    line = report.register.summary_line() if report.register else "Nobody has signed up yet."
    summary = section("summary", "Summary", [
        f"<p>{h(line)}</p>",
        workshops_table(report, "Signatures", lambda w: str(len(w.record.signatories)))])
    toc = ('<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ol>'
           '<li><a href="#summary">Summary</a></li>'
           + (REGISTER_TOC if report.register else "") + "</ol></nav>")
    return [toc, summary, *register_section(report)]


def register_section(report: Report) -> list[str]:
    """The register (see the module docstring); [] without signatories."""
    register = report.register
    if not register:
        return []
    columns = ("Organisation", "Name", "Role", "Signed", "Reservations")
    # a sign-up's summary already says it
    out = [] if report.mode is Mode.SIGN_UP else [f"<p>{h(register.summary_line())}</p>"]
    out += [table("Current entries", (*columns, "Workshop"),
                 [_row(report, e, e.workshop) for e in register.current], cls="register")]
    if register.superseded:
        out += ["<h3>Superseded entries</h3>",
                "<p>Earlier entries of organisations that signed again; the latest is kept "
                "above.</p>",
                table("Superseded entries", (*columns, "Status", "Workshop"),
                      [_row(report, e, e.status, e.workshop) for e in register.superseded],
                      cls="register")]
    return [section("register", "Sign-up register", out)]


def _row(report: Report, e: RegisterEntry, *more: str) -> str:
    name = report.register.name_text(e)
    cells = [f'<td class="user">{h(name)}</td>' if name.strip()
             else '<td class="none">Not given</td>',
             f'<td class="user">{h(e.role)}</td>', f'<td class="date">{h(e.signed_text)}</td>',
             f'<td class="user">{h(e.reservations)}</td>' if e.reservations.strip()
             else '<td class="none">None</td>']
    cells += [f'<td class="user">{h(text)}</td>' for text in more]
    return (f'<tr><th scope="row" class="user">{h(e.organisation)}</th>' + "".join(cells)
            + "</tr>")


def workshops_table(report: Report, counted: str, count: Callable[[Workshop], str]) -> str:
    """The workshops (see the module docstring)."""
    rows = []
    for w in report.workshops:
        r = w.record
        who = WITHHELD if report.anonymised else r.facilitator
        rows.append("<tr>" + "".join([
            f'<th scope="row" class="user">{h(w.name)}</th>', f'<td class="user">{h(who)}</td>',
            f'<td class="user">{h(r.location)}</td>',
            f'<td class="num">{"" if r.participants is None else r.participants}</td>',
            f'<td class="num">{h(count(w))}</td>',
            f"<td>{'finished' if r.complete else 'in progress'}</td>"]) + "</tr>")
    return table("Workshops", ("Workshop", "Facilitator", "Location", "Participants", counted,
                               "Status"), rows, cls="workshops",
                 numeric=("Participants", counted))
