"""The HTML export's style sheet, inlined in the page: readable on screen and on a phone, tidy
on paper.

System fonts only (nothing to download). Every table sits in its own box that scrolls sideways
(`.scroll`, with a visible focus ring, since the keyboard reaches it), so the page is never
wider than the screen; wide tables keep a minimum width there rather than squeezing their text
to a word a line. Charts (html_charts.py, whose `tone_css()` adds each option's colour and
pattern) are bars of flexible width: a segment's label shows its count and share where it fits,
its count alone where only that fits (container queries). Verdict labels (contested,
consensus, majority, no votes) are coloured and also printed (print-color-adjust). A proposed
wording's change reads without colour: removed words struck through, added words underlined and
bold, each announced to screen readers ("removed:", "added:") by hidden generated text.
People's words keep their spaces and line breaks (`white-space: break-spaces`: a space at the
end of a line wraps rather than hanging past the page's edge).
On paper: no navigation colours, tables at full width (no scroll boxes), each principle on a
new page with its chart and key, and no commitment's block broken across pages where it fits on
one. `MODES_CSS` is added only to the pages that need it (an assessment, a sign-up, or a
consultation with a register: html_export.py), so a consultation's page is what it always was:
an assessment's profile chart (a bar per commitment with its mean on a track of the scale), the
anonymised note, and the register's tables. Nothing here imports Textual.
"""

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f5f5f5; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  overflow-wrap: break-word; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; color: var(--accent); }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: .8rem 0 .3rem; color: var(--muted); }
p { margin: .4rem 0; }
.subtitle, .as-of { color: var(--muted); }
.statement { font-style: italic; }
.user, .diff-text { white-space: break-spaces; overflow-wrap: anywhere; }
nav.toc { background: var(--band); padding: .6rem 1rem; border-radius: 6px; margin-top: 1.5rem; }
nav.toc h2 { border: 0; margin: .2rem 0; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 0; list-style: none; }
a { color: var(--accent); }
a:focus-visible, .scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.scroll { overflow-x: auto; margin: .6rem 0 1rem;
  background: linear-gradient(to right, #fff 40%, rgba(255, 255, 255, 0)) left / 1.5rem 100%
      no-repeat local,
    linear-gradient(to left, #fff 40%, rgba(255, 255, 255, 0)) right / 1.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, .25), transparent) left / .7rem 100%
      no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .25), transparent) right / .7rem 100%
      no-repeat scroll; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .2rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
thead th { background: var(--band); }
thead th.num { white-space: normal; }
tbody th { font-weight: normal; }
th.code { white-space: nowrap; font-weight: bold; font-variant-numeric: tabular-nums; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.all th, tr.all td { font-weight: bold; background: var(--band); }
table.votes, table.findings { min-width: 38rem; }
table.workshops { min-width: 44rem; }
table.by-workshop, table.narrow { width: auto; font-size: .85rem; }
td.result { min-width: 9rem; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; }
dl.session-notes dt { margin-top: .4rem; }
dl.session-notes dd { margin: 0 0 .4rem 1rem; }
.mark { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .8rem;
  font-weight: bold; white-space: nowrap; }
.mark-contested { background: #f2b705; color: #1a1a1a; }
.mark-consensus { background: #2e7d32; color: #fff; }
.mark-majority { background: #dbe7f3; color: #1f4e79; }
.mark-none { background: #e0e0e0; color: #333; }
#findings { border-left: 4px solid var(--accent); padding: 0 0 0 1rem; }
#findings h2 { margin-top: 1.2rem; }
#findings .headline { font-weight: bold; }
ul.tally { padding-left: 1.2rem; margin: .2rem 0 .6rem; }
.none, .missing { color: var(--muted); font-style: italic; }
.progress { border-left: 4px solid #f2b705; background: #fff8e1; padding: .5rem 1rem; }
.commitment { margin: 1rem 0 1.6rem; break-inside: avoid; page-break-inside: avoid; }
.commitment h3 .code { margin-right: .3rem; font-variant-numeric: tabular-nums; }
.figures { color: var(--muted); font-size: .9rem; }
ul.notes { padding-left: 1.2rem; margin: .2rem 0 .6rem; }
ul.notes li { margin: .25rem 0; }
.who { color: var(--muted); font-size: .88rem; }
.wording { border-left: 3px solid var(--rule); padding-left: .8rem; margin: .5rem 0 1rem; }
.wording-summary { font-weight: bold; }
.diff-label { color: var(--muted); font-size: .88rem; }
del { text-decoration: line-through; text-decoration-thickness: 2px; background: #fde3df;
  color: inherit; }
ins { text-decoration: underline; text-decoration-thickness: 2px; font-weight: bold;
  background: #dcf1de; color: inherit; }
del::before, del::after, ins::before, ins::after { position: absolute; width: 1px; height: 1px;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
del::before { content: " [removed: "; }
ins::before { content: " [added: "; }
del::after, ins::after { content: "] "; }
.chart { margin: .6rem 0 .3rem; }
.chart.one { margin: .3rem 0 .6rem; max-width: 36rem; }
.chart-row { display: grid; grid-template-columns: 2.6rem 1fr; gap: .5rem; align-items: center;
  margin: .2rem 0; }
.chart-row.all { margin-top: .5rem; font-weight: bold; }
.chart-code { font-size: .85rem; font-variant-numeric: tabular-nums; }
.bar { display: flex; height: 1.6rem; border: 1px solid #444; background: #fff; }
.bar.empty { background: #eee; align-items: center; padding: 0 .5rem; font-size: .8rem;
  color: #333; }
.seg { flex: none; display: flex; align-items: center; justify-content: center;
  overflow: hidden; container-type: inline-size; border-right: 1px solid #fff; }
.seg:last-child { border-right: 0; }
.seg-label { background: rgba(255, 255, 255, .93); color: #1a1a1a; font-size: .75rem;
  font-weight: bold; line-height: 1.25; padding: 0 .25rem; border-radius: 3px;
  white-space: nowrap; font-variant-numeric: tabular-nums; }
@container (max-width: 4.6rem) { .seg-share { display: none; } }
@container (max-width: 1.9rem) { .seg-label { display: none; } }
ul.legend { list-style: none; padding: 0; margin: .3rem 0 1rem; display: flex; flex-wrap: wrap;
  gap: .3rem 1.4rem; font-size: .9rem; }
ul.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 2.2rem; height: 1.1rem; border: 1px solid #444; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem;
  border-top: 1px solid var(--rule); padding-top: .5rem; }
@media (max-width: 40rem) {
  body { padding: 1rem .8rem 2rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  #findings { padding-left: .6rem; }
  .chart-row { grid-template-columns: 2.2rem 1fr; gap: .35rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  @page { size: A4; margin: 16mm 14mm; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; margin: .4rem 0 .6rem; background: none; }
  table { font-size: 8.5pt; }
  table.votes, table.findings, table.workshops { min-width: 0; }
  th, td { padding: .2rem .3rem; }
  td.result { min-width: 0; }
  section.principle { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, .chart, .legend, .wording { break-inside: avoid; page-break-inside: avoid; }
  nav.toc { background: none; border: 1px solid var(--rule); }
}
"""

MODES_CSS = """
.anonymised { border-left: 4px solid var(--accent); background: var(--band);
  padding: .4rem .8rem; }
.rating-row { grid-template-columns: 2.6rem 1fr 7.5rem; }
.chart-head { font-size: .8rem; color: var(--muted); margin-bottom: 0; }
.mean { display: flex; align-items: center; gap: .4rem; font-variant-numeric: tabular-nums; }
.mean-track { position: relative; flex: 1; height: .5rem; border: 1px solid #444;
  border-radius: 3px; background: var(--band); }
.mean-dot { position: absolute; top: 50%; width: .8rem; height: .8rem; margin: -.4rem 0 0 -.4rem;
  border-radius: 50%; background: var(--ink); border: 2px solid #fff;
  outline: 1px solid var(--ink); }
.mean-text { min-width: 3.2rem; font-size: .85rem; font-weight: bold; }
.mean-text.low { color: #b71c1c; }
.mark-low { background: #c62828; color: #fff; }
table.profile { min-width: 44rem; }
table.profile td:nth-child(2) { min-width: 14rem; }
table.register, table.actions { min-width: 40rem; }
table.register .user, table.actions .user, table.workshops .user { overflow-wrap: break-word; }
td.spread, td.date { white-space: nowrap; }
@media (max-width: 40rem) {
  .rating-row { grid-template-columns: 2.2rem 1fr 5.2rem; }
  .mean-track { display: none; }
}
"""
