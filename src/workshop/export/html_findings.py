"""The HTML export's first section: the findings a committee decides on.

Read off consultation/findings.py only: the headline, the workshops still in progress (whose
figures may yet change), the recommendations with the workshops behind each, the contested
commitments most contested first with the reason in words, and the most amended commitments
with what most of their workshops propose (the top group's summary); with an analyst's theme
file, the themes most raised (html_themes.py). Each commitment is named
by its number (a link to it) and its text; an empty list says "None." plainly. Nothing here
imports Textual.
"""

from __future__ import annotations

from workshop.consultation.findings import findings
from workshop.consultation.report import CommitmentView, Report
from workshop.export.html_charts import describe
from workshop.export.html_parts import code_cell, result, section, table
from workshop.export.html_themes import findings_part
from workshop.export.safety import html_text as h


def findings_section(report: Report) -> str:
    """What the committee decides on (see the module docstring)."""
    f = findings(report)
    out = [f'<p class="headline">{h(f.headline())}</p>']
    if f.unfinished_line():
        out.append(f'<p class="unfinished">{h(f.unfinished_line())}</p>')
    if report.single:
        out.append(f"<p><strong>Recommendation:</strong> {h(report.workshops[0].recommendation)}"
                   "</p>")
    else:
        out.append('<h3>Recommendations</h3><ul class="tally">' + "".join(
            f"<li><strong>{h(t.label)}</strong>: {t.count}"
            + (f' — <span class="user">{h("; ".join(w.name for w in t.workshops))}</span>'
               if t.workshops else "") + "</li>" for t in f.recommendations) + "</ul>")
    out.append("<h3>Contested commitments, most contested first</h3>")
    out.append(_table(report, "Contested commitments", ("Why", "Votes"), [
        (c, [f"{h(c.verdict)}: {h(c.reason)}", _figures(report, c)])
        for c in f.contested_commitments]))
    out.append("<h3>Most amended commitments</h3>")
    out.append(_table(report, "Most amended commitments",
                      ("Proposed wordings", "Most proposed", "Result", "Votes"), [
        (c, [str(len(c.amendments)), _top_group(c), result(c), _figures(report, c)])
        for c in f.most_amended]))
    out += findings_part(report, f)
    return section("findings", "Findings", out)


def _top_group(c: CommitmentView) -> str:
    """What most of the commitment's workshops propose, with a link to its wordings."""
    if not c.amendment_groups:
        return ""
    return f'<a href="#w-{h(c.id)}">{h(c.amendment_groups[0].summary)}</a>'


def _figures(report: Report, c: CommitmentView) -> str:
    return h(describe(report, c.totals, report.no_votes_label))


def _table(report: Report, label: str, columns: tuple[str, ...],
           rows: list[tuple[CommitmentView, list[str]]]) -> str:
    """One commitment a row: its number (a link to it), its text, then the given cells."""
    if not rows:
        return '<p class="none">None.</p>'
    body = [f"<tr>{code_cell(c)}<td>{h(c.text)}</td>"
            + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>" for c, cells in rows]
    return table(label, ("Ref", "Commitment", *columns), body, cls="findings")
