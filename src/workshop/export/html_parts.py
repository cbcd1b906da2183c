"""Pieces the HTML export's sections share: tables in their own scroll box, section landmarks,
verdict labels, lists of people's words.

Every table sits in a box that scrolls sideways on its own (`overflow-x: auto` in
html_style.py) so a wide table never makes the page wider than a phone's screen; the box is a
named region that the keyboard can reach (`tabindex="0"`), as WCAG asks of anything that
scrolls. Column headers carry `scope="col"`, a commitment's number `scope="row"`. Every section
is a `<section aria-labelledby=...>` region named by its heading. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES
from workshop.consultation.report import CommitmentView, Note, Report
from workshop.export.safety import html_text as h

MARK_CLASSES = {CONTESTED: "contested", CONSENSUS: "consensus", NO_VOTES: "none"}


def section(section_id: str, title: str, body: Iterable[str], cls: str = "") -> str:
    """`<section id=... aria-labelledby=...>` with its heading (`title` is HTML) and body."""
    klass = f' class="{cls}"' if cls else ""
    return (f'<section id="{h(section_id)}"{klass} aria-labelledby="{h(section_id)}-h">'
            f'<h2 id="{h(section_id)}-h">{title}</h2>\n' + "\n".join(body) + "</section>")


def scroll(label: str, table: str) -> str:
    """`table` in a box of its own that scrolls sideways, named `label` and reachable by Tab."""
    return (f'<div class="scroll" role="region" aria-label="{h(label)}" tabindex="0">{table}'
            "</div>")


def head(labels: Iterable[str], numeric: Iterable[str] = ()) -> str:
    """A table's header row: plain column labels; those in `numeric` right-aligned."""
    numeric = set(numeric)
    right = ' class="num"'
    return "<thead><tr>" + "".join(
        f'<th scope="col"{right if label in numeric else ""}>{h(label)}</th>'
        for label in labels) + "</tr></thead>"


def table(label: str, columns: Iterable[str], rows: Iterable[str], numeric: Iterable[str] = (),
          cls: str = "", caption: bool = False) -> str:
    """A whole table in its scroll box named `label` (also the table's caption if `caption`):
    `rows` are `<tr>` elements."""
    klass = f' class="{cls}"' if cls else ""
    shown = f"<caption>{h(label)}</caption>" if caption else ""
    return scroll(label, f"<table{klass}>{shown}{head(columns, numeric)}<tbody>{''.join(rows)}"
                  "</tbody></table>")


def code_cell(c: CommitmentView) -> str:
    """A commitment's number as its row's header, linking to the commitment."""
    return f'<th scope="row" class="code"><a href="#c-{h(c.id)}">{c.code}</a></th>'


def mark(report: Report, mark_id: str) -> str:
    """A mark's label (Contested, Consensus, No votes), or "" for none."""
    label = report.mark_label(mark_id)
    if not label:
        return ""
    return f'<span class="mark mark-{MARK_CLASSES.get(mark_id, "none")}">{h(label)}</span>'


def verdict(c: CommitmentView) -> str:
    """The verdict as a label: Contested, Consensus, Majority, No votes (yet)."""
    return f'<span class="mark mark-{MARK_CLASSES.get(c.mark, "majority")}">{h(c.verdict)}</span>'


def result(c: CommitmentView) -> str:
    """`Majority — Agree, 58%`: the verdict and the leading option; `No votes` unvoted."""
    return verdict(c) + (f" — {h(c.leading_text)}" if c.leading_text else "")


@lru_cache(maxsize=4096)
def _who(workshop: str) -> str:
    """The workshop's name before its entry, escaped once per workshop, not once per entry."""
    return f'<span class="who">{h(workshop)}:</span> '


def notes(report: Report, items: Iterable[Note]) -> str:
    """People's words as a list, each with its workshop's name in a report of many."""
    out = []
    for note in items:
        who = "" if report.single else _who(note.workshop)
        out.append(f'<li>{who}<span class="user">{h(note.text)}</span></li>')
    return '<ul class="notes">' + "".join(out) + "</ul>"
