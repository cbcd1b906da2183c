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
    table = Table(expand=True, title=title, title_justify="left", show_lines=True)
    # Folded, never cut with "…": every word of a register entry is read.
    table.add_column("Organisation", ratio=2, overflow="fold")
    table.add_column("Person", max_width=18, overflow="fold")
    table.add_column("Role", max_width=18, overflow="fold")
    table.add_column("Signed", no_wrap=True)
    table.add_column("Reservations", ratio=3, overflow="fold")
    if with_workshop:
        table.add_column("Workshop", ratio=2, overflow="fold")
    if status:
        table.add_column("Status", ratio=2, overflow="fold")
    for e in entries:
        cells: list[RenderableType] = [
            Text(e.organisation, style="bold"), Text(register.name_text(e)), Text(e.role),
            e.signed.isoformat(),
            Text(e.reservations_text, style="" if e.reservations.strip() else "dim")]
        if with_workshop:
            cells.append(Text(e.workshop))
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
