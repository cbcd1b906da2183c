"""`workshop compare`'s outputs: the comparison of two assessments as text for the terminal,
as Markdown for a committee report, or as a CSV table.

All three read one `Comparison` (consultation/compare.py), so they agree figure for figure:
what slipped first, then what improved (each biggest change first), then every commitment in
protocol order with its mean then and now, the change and the verdict, and a line per principle.
Workshop names are people's words: inert in Markdown, formula-guarded in the CSV. Nothing here
imports Textual.
"""

from __future__ import annotations

from workshop.consultation.compare import IMPROVED, SLIPPED, Change, Comparison
from workshop.export.csv_export import render_csv
from workshop.export.rows import Column, Ref, Table
from workshop.export.safety import md_cell, md_inline

COMPARE_FORMATS = {".md": "md", ".csv": "csv", ".txt": "text"}
"""An output file's extension → the format written to it."""


def _row(c: Change) -> tuple[str, str, str, str, str, str]:
    return (c.code, c.title, c.old.mean_text or "–", c.new.mean_text or "–",
            c.delta_text or "–", c.verdict)


def render_text(comparison: Comparison) -> str:
    """Plain text for the terminal (no colour, so it can be piped)."""
    out = [f"Before: {comparison.old_label}", f"After:  {comparison.new_label}",
           comparison.summary_line(), ""]
    for verdict, changes in ((SLIPPED, comparison.slipped), (IMPROVED, comparison.improved)):
        if changes:
            out.append(f"{verdict}:")
            out += [f"  {c.code:>5}  {c.old.mean_text} → {c.new.mean_text} ({c.delta_text})  "
                    f"{_short(c.title)}" for c in changes]
            out.append("")
    out.append("By principle:")
    out += [f"  {c.code:>5}  {c.old.mean_text or '–':>3} → {c.new.mean_text or '–':<3} "
            f"{c.delta_text or '':>5}  {c.verdict:<15} {c.title}" for c in comparison.principles]
    return "\n".join(out) + "\n"


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_md(comparison: Comparison) -> str:
    """A Markdown section a council officer can drop into a committee report."""
    out = ["# Assessment compared", "",
           f"- **Before:** {md_inline(comparison.old_label)}",
           f"- **After:** {md_inline(comparison.new_label)}", "",
           md_inline(comparison.summary_line()), ""]
    for verdict, changes in ((SLIPPED, comparison.slipped), (IMPROVED, comparison.improved)):
        out += [f"## {verdict}", ""]
        out += _md_table(changes) if changes else ["None.", ""]
    out += ["## By principle", ""] + _md_table(comparison.principles, "Principle")
    out += ["## Every commitment", ""] + _md_table(comparison.commitments)
    return "\n".join(out)


def _md_table(changes: tuple[Change, ...], what: str = "Commitment") -> list[str]:
    rows = ["| Ref | " + what + " | Before | After | Change | Verdict |",
            "| --- | --- | ---: | ---: | ---: | --- |"]
    rows += ["| " + " | ".join(md_cell(cell) for cell in _row(c)) + " |" for c in changes]
    return rows + [""]


def compare_table(comparison: Comparison) -> Table:
    """One row per commitment, then one per principle (Level says which)."""
    columns = (Column("Level", 10), Column("Ref", 6), Column("Title", 60, wrap=True),
               Column("Before mean", 8), Column("After mean", 8), Column("Change", 8),
               Column("Verdict", 16), Column("Rated before", 8), Column("Rated after", 8),
               Column("Before", 40, wrap=True), Column("After", 40, wrap=True))
    rows = []
    for level, changes in (("Commitment", comparison.commitments),
                           ("Principle", comparison.principles)):
        for c in changes:
            rows.append([level, Ref(c.code), c.title, c.old.mean_text or None,
                         c.new.mean_text or None, c.delta_text or None, c.verdict, c.old.n,
                         c.new.n, comparison.old_label, comparison.new_label])
    return Table("compare", "Compare", columns, rows)


def render(comparison: Comparison, fmt: str) -> bytes:
    """The comparison in `fmt`: `text`, `md` or `csv`."""
    if fmt == "csv":
        return render_csv(compare_table(comparison))
    text = render_md(comparison) if fmt == "md" else render_text(comparison)
    return text.encode("utf-8")
