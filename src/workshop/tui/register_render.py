"""Rich renderables of the sign-up register (consultation/register.py), for the review step and
the results view: the organisations signed up, then any earlier entries superseded.

Every word is the register's: organisations, names (or "Withheld" in an anonymised register),
roles and reservations go in as plain `Text`, exactly as typed, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.consultation.register import Register, RegisterEntry
from workshop.consultation.report import ANONYMISED_NOTE


def _table(register: Register, entries: tuple[RegisterEntry, ...], title: str,
           with_workshop: bool, status: bool) -> Table:
    """One row per entry: the organisation (and, from several workshops, the one it signed
    at), who signed and their role, the date, the reservations (and the status)."""
    table = Table(expand=True, title=title, title_justify="left", show_lines=True)
    # Folded, never cut with "…": every word of a register entry is read.
    table.add_column("Organisation", ratio=2, overflow="fold")
    table.add_column("Signed by", ratio=2, overflow="fold")
    table.add_column("Signed", no_wrap=True)
    table.add_column("Reservations", ratio=3, overflow="fold")
    if status:
        table.add_column("Status", ratio=2, overflow="fold")
    for e in entries:
        organisation = Text(e.organisation, style="bold")
        if with_workshop:
            organisation.append(f"\nat {e.workshop}", style="dim")
        who = Text(register.name_text(e) or "No name given",
                   style="" if register.name_text(e) else "dim")
        if e.role:
            who.append(f"\n{e.role}", style="italic")
        cells: list[RenderableType] = [
            organisation, who, e.signed.isoformat(),
            Text(e.reservations_text, style="" if e.reservations.strip() else "dim")]
        if status:
            cells.append(Text(e.status, style="italic"))
        table.add_row(*cells)
    return table


def register_view(register: Register, workshops: int = 1,
                  anonymised: bool = False) -> RenderableType:
    """The register: a summary line, the current entries, then the superseded ones with their
    status. `workshops`: how many workshops the result has (more than one names each entry's)."""
    parts: list[RenderableType] = []
    head = Text()
    head.append("Sign-up register\n", style="bold underline")
    if not register:
        head.append("No organisation has signed up yet.", style="dim")
        return head
    head.append(register.summary_line())
    if anonymised:
        head.append("\n" + ANONYMISED_NOTE, style="italic")
    parts.append(head)
    several = workshops > 1
    parts.append(_table(register, register.current, "Signed up", several, status=False))
    if register.superseded:
        parts.append(_table(register, register.superseded,
                            "Earlier entries, superseded by a later signature", several,
                            status=True))
    return Group(*parts)
