"""The HTML export's principle sections: per principle its chart and the key to it, a table of
its commitments, then each commitment's block.

The table gives each commitment's number ("1.4"), text, counts with shares, total and Result
(the verdict and the leading option, `Majority — Agree, 58%`; `No votes` alone when nobody
voted). A commitment's block gives its result once in words and a bar; in a report of many
workshops, each workshop's own counts; with an analyst's theme file, the themes on its
comments and wordings (html_themes.py); its comments; and its proposed wordings in
near-identical groups (consultation/amendments.py): what the group proposes, the change against
the published text (`<del>` removed, `<ins>` added, the spaces exactly as
wording.readable_runs gives them: `<del>old</del> <ins>new</ins>`, never `oldnew`), then every
proposal as typed with its workshop. An unvoted commitment says "No votes" once: no
empty bar, no empty count table. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.amendments import AmendmentGroup
from workshop.consultation.report import CommitmentView, PrincipleView, Report
from workshop.consultation.wording import readable_runs
from workshop.export.html_charts import commitment_bar, describe, legend, principle_chart
from workshop.export.html_parts import code_cell, notes, result, section, table, verdict
from workshop.export.html_themes import counts_part
from workshop.export.safety import html_text as h

DIFF_TAGS = {"removed": "del", "added": "ins"}


def principle_section(report: Report, p: PrincipleView) -> str:
    """One principle: chart, key, table, then each commitment."""
    labels = [o.label for o in report.options]
    rows = [f"<tr>{code_cell(c)}<td>{h(c.text)}</td>"
            + "".join(_cell(c.totals[o.id], c.share(o.id), c.total) for o in report.options)
            + f'<td class="num">{c.total}</td><td class="result">{result(c)}</td></tr>'
            for c in p.commitments]
    rows.append('<tr class="all"><th scope="row" colspan="2">All commitments</th>'
                + "".join(_cell(p.totals[o.id], p.share(o.id), p.total) for o in report.options)
                + f'<td class="num">{p.total}</td><td class="result">–</td></tr>')
    body = [f'<p class="statement">{h(p.principle.statement)}</p>',
            principle_chart(report, p), legend(report),
            table(f"Votes on principle {p.number}", ("Ref", "Commitment", *labels, "Total",
                                                     "Result"), rows,
                  numeric=(*labels, "Total"), cls="votes")]
    body += [commitment_block(report, c) for c in p.commitments]
    return section(f"p-{p.id}", f"{p.number}. {h(p.principle.title)}", body, cls="principle")


def _cell(n: int, share: int, total: int) -> str:
    return f'<td class="num">{n} ({share}%)</td>' if total else f'<td class="num">{n}</td>'


def commitment_block(report: Report, c: CommitmentView) -> str:
    """One commitment: its result, bar, each workshop's counts, comments, proposed wordings."""
    out = [f'<div class="commitment" id="c-{h(c.id)}">',
           f'<h3><span class="code">{c.code}</span> {h(c.text)}</h3>']
    if c.total:
        voted = "" if report.single else _voted(c.workshops_voted)
        out += [f'<p class="result">{result(c)}. <span class="figures">'
                f"{h(describe(report, c.totals, report.no_votes_label))}{voted}.</span></p>",
                commitment_bar(report, c.totals, c.code)]
        if not report.single:
            out.append(_by_workshop(report, c))
    else:
        out.append(f'<p class="result">{verdict(c)}</p>')
    if c.themes:
        out.append(counts_part(c.themes))
    if c.comments:
        out.append("<h4>Comments</h4>" + notes(report, c.comments))
    if c.amendment_groups:
        out.append(f'<h4 id="w-{h(c.id)}">Proposed wordings</h4>')
        out += [_group(report, g) for g in c.amendment_groups]
    return "\n".join(out) + "</div>"


def _voted(n: int) -> str:
    return f"; {n} workshop{'' if n == 1 else 's'} voted"


def _by_workshop(report: Report, c: CommitmentView) -> str:
    """Each workshop's own counts for the commitment; "–" where it did not vote on it."""
    labels = [o.label for o in report.options]
    rows = []
    for wc in c.by_workshop:
        counts = wc.counts
        cells = ([str(counts.get(o.id, 0)) for o in report.options] + [str(sum(counts.values()))]
                 if counts is not None else ["–"] * (len(report.options) + 1))
        rows.append(f'<tr><th scope="row" class="user">{h(wc.workshop.name)}</th>'
                    + "".join(f'<td class="num">{n}</td>' for n in cells) + "</tr>")
    return table(f"Votes on {c.code} by workshop", ("Workshop", *labels, "Total"), rows,
                 numeric=(*labels, "Total"), cls="by-workshop", caption=True)


def _group(report: Report, g: AmendmentGroup) -> str:
    """A group of near-identical proposals: what it proposes, the change, every proposal."""
    change = "".join(f"<{DIFF_TAGS[kind]}>{h(text)}</{DIFF_TAGS[kind]}>" if kind in DIFF_TAGS
                     else h(text) for kind, text in readable_runs(list(g.diff)))
    return ('<div class="wording">'
            f'<p class="wording-summary">{h(g.summary)}</p>'
            f'<p class="diff"><span class="diff-label">Change:</span> '
            f'<span class="diff-text">{change}</span></p>'
            + notes(report, g.proposals) + "</div>")
