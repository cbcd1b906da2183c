"""The HTML export of an assessment (html_export.py lays out the page around these sections).

Findings first: the summary (`31/37 commitments rated, mean 3.4 on 1–5; …`), the workshops
still in progress, the weakest commitments (lowest mean first, with mean and spread), and those
rated low with no action agreed yet. Then the contents; a summary with the workshops, the
facilitators' notes and the scale; the action table (ref, commitment, action, owner, due date,
workshop); a section per principle: its profile in figures, the profile chart (html_charts.py:
per commitment a bar of its ratings in the scale's tones and patterns, its mean marked on the
scale; a text alternative with every figure) and its key, a table of its commitments (counts per
point, how many rated, mean, spread, rated low), then each commitment's block: its rating in
words, each workshop's own ratings (in a result of several), its evidence with its workshop, and
its actions. The register last when anyone signed (html_register.py).

Every word people typed is escaped (safety.html_text). Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.assessment import Assessment, PrincipleProfile, Rating
from workshop.consultation.report import Report
from workshop.export.html_charts import legend, profile_chart, ratings_text
from workshop.export.html_parts import notes, section, table
from workshop.export.html_register import REGISTER_TOC, register_section, workshops_table
from workshop.export.safety import html_text as h

LOW = '<span class="mark mark-low">Rated low</span>'


def assessment_sections(report: Report) -> list[str]:
    """The page's sections, in order (see the module docstring)."""
    a = report.assessment
    out = [_findings(report, a), _toc(report, a), _summary(report, a), _actions(a)]
    out += [_principle(report, a, p) for p in a.principles]
    return out + register_section(report)


def _code(r: Rating) -> str:
    return f'<th scope="row" class="code"><a href="#c-{h(r.id)}">{r.code}</a></th>'


def _spread(r: Rating) -> str:
    return f"{r.spread.range_text}, sd {r.spread.sd_text}" if r.n else ""


def _findings(report: Report, a: Assessment) -> str:
    out = [f'<p class="headline">{h(a.summary_line())}</p>']
    unfinished = report.unfinished()
    if unfinished:
        names = "; ".join(w.name for w in unfinished)
        out.append(f'<p class="unfinished">{h(f"Still in progress: {names}.")}</p>')
    out.append("<h3>Weakest commitments, lowest mean first</h3>")
    rows = [f"<tr>{_code(r)}<td>{h(r.text)}</td><td class=\"num\">{r.spread.mean_text}</td>"
            f'<td class="spread">{_spread(r)}</td><td>{LOW if r.low else ""}</td></tr>'
            for r in a.weakest]
    out.append(table("Weakest commitments", ("Ref", "Commitment", "Mean", "Spread",
                                             "Rated low"), rows, numeric=("Mean",),
                     cls="findings") if rows else '<p class="none">None rated yet.</p>')
    out.append("<h3>Rated low with no action agreed yet</h3>")
    out.append("<ul>" + "".join(f'<li><a href="#c-{h(r.id)}">{r.code}</a> {h(r.text)} (mean '
                                f"{r.spread.mean_text})</li>" for r in a.needing_action)
               + "</ul>" if a.needing_action else '<p class="none">None.</p>')
    return section("findings", "Findings", out)


def _toc(report: Report, a: Assessment) -> str:
    items = ['<li><a href="#findings">Findings</a></li>',
             '<li><a href="#summary">Summary</a></li>', '<li><a href="#actions">Actions</a></li>']
    items += [f'<li><a href="#p-{h(p.id)}">{p.number}. {h(p.principle.title)}</a></li>'
              for p in a.principles]
    if report.register:
        items.append(REGISTER_TOC)
    return ('<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ol>'
            + "".join(items) + "</ol></nav>")


def _summary(report: Report, a: Assessment) -> str:
    total = len(a.ratings)
    out = [workshops_table(report, "Commitments rated", lambda w: f"{w.voted}/{total}")]
    noted = report.noted()
    if noted:
        out.append("<h3>Facilitator's notes</h3><dl class=\"session-notes\">" + "".join(
            f'<dt class="who">{h(w.name)}</dt><dd class="user session-notes">{h(w.notes)}</dd>'
            for w in noted) + "</dl>")
    out += ["<h3>Scale</h3>", f"<p>Each commitment is rated {h(a.scale.describe())}. A "
            f"commitment is {LOW} when its mean is {a.scale.low} or below: it needs an agreed "
            "action, with an owner and a due date.</p>", legend(report)]
    return section("summary", "Summary", out)


def _actions(a: Assessment) -> str:
    if not a.actions:
        return section("actions", "Actions", ['<p class="none">No actions agreed yet.</p>'])
    rows = [f'<tr><th scope="row" class="code"><a href="#c-{h(v.commitment.id)}">{v.code}</a>'
            f'</th><td>{h(v.commitment.text)}</td><td class="user">{h(v.text)}</td>'
            + (f'<td class="user">{h(v.owner)}</td>' if v.owner
               else '<td class="none">No owner yet</td>')
            + (f'<td class="date">{h(v.due_text)}</td>' if v.due
               else '<td class="none">No date yet</td>')
            + f'<td class="user">{h(v.workshop)}</td></tr>' for v in a.actions]
    return section("actions", "Actions", [
        "<p>Every agreed action, by due date (those without a date last).</p>",
        table("Agreed actions", ("Ref", "Commitment", "Action", "Owner", "Due", "Workshop"), rows,
              cls="actions")])


def _principle(report: Report, a: Assessment, p: PrincipleProfile) -> str:
    s = p.spread
    figures = (f"Mean {s.mean_text} on {a.scale.lowest}–{a.scale.highest} ({s.spread_text}); "
               if s.n else "")
    points = a.scale.points
    labels = [str(pt.value) for pt in points]  # the key above names each point
    rows = [f"<tr>{_code(r)}<td>{h(r.text)}</td>"
            + "".join(f'<td class="num">{r.spread.counts[pt.value]}</td>' for pt in points)
            + f'<td class="num">{r.n}</td><td class="num">{r.spread.mean_text or "–"}</td>'
            f'<td class="spread">{_spread(r)}</td><td>{LOW if r.low else ""}</td></tr>'
            for r in p.ratings]
    body = [f'<p class="statement">{h(p.principle.statement)}</p>',
            f"<p><strong>Profile:</strong> {h(figures)}{p.rated} of {len(p.ratings)} "
            f"commitments rated, {p.low} rated low.</p>",
            profile_chart(report, p), legend(report),
            table(f"Ratings on principle {p.number}", ("Ref", "Commitment", *labels, "Rated",
                                                       "Mean", "Spread", "Rated low"), rows,
                  numeric=(*labels, "Rated", "Mean"), cls="profile")]
    body += [_commitment(report, r) for r in p.ratings]
    return section(f"p-{p.id}", f"{p.number}. {h(p.principle.title)}", body, cls="principle")


def _commitment(report: Report, r: Rating) -> str:
    """One commitment: its rating, each workshop's, its evidence and its actions."""
    out = [f'<div class="commitment" id="c-{h(r.id)}">',
           f'<h3><span class="code">{r.code}</span> {h(r.text)}</h3>',
           f'<p class="result">{LOW + " " if r.low else ""}<span class="figures">'
           f"{h(ratings_text(report, r.spread))}"
           + (f"; spread {h(_spread(r))}" if r.n else "") + ".</span></p>"]
    if r.n and len(report.workshops) > 1:
        out.append(_by_workshop(report, r))
    if r.evidence:
        out.append("<h4>Evidence</h4>" + notes(report, r.evidence))
    if r.actions:
        out.append("<h4>Actions</h4><ul class=\"notes\">" + "".join(
            f'<li><span class="user">{h(v.text)}</span> — <strong>Owner:</strong> '
            f"{h(v.owner_text)}; <strong>Due:</strong> {h(v.due_text)}"
            + ("" if report.single else f' <span class="who">({h(v.workshop)})</span>')
            + "</li>" for v in r.actions) + "</ul>")
    return "\n".join(out) + "</div>"


def _by_workshop(report: Report, r: Rating) -> str:
    """Each workshop's own ratings of the commitment; "–" where it did not rate it."""
    points = report.assessment.scale.points
    rated = {w.session_id: w.spread for w in r.by_workshop}
    rows = []
    for w in report.workshops:
        s = rated.get(w.id)
        cells = ([str(s.counts[pt.value]) for pt in points] + [str(s.n), s.mean_text]
                 if s is not None and s.n else ["–"] * (len(points) + 2))
        rows.append(f'<tr><th scope="row" class="user">{h(w.name)}</th>'
                    + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
    labels = [str(pt.value) for pt in points]
    return table(f"Ratings of {r.code} by workshop", ("Workshop", *labels, "Rated", "Mean"),
                 rows, numeric=(*labels, "Rated", "Mean"), cls="by-workshop", caption=True)
