"""The HTML export's style sheet, inlined in the page: readable on screen, tidy on paper.

System fonts only (nothing to download), tables that fit the page width (and scroll inside their
own box where they cannot), the findings section set apart, verdict labels (contested,
consensus, majority, no votes) coloured and also printed (print-color-adjust), the small
per-workshop count tables, no navigation colours on paper, and page breaks kept out of a
commitment's block and before each principle. Nothing here imports Textual.
"""

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f5f5f5; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; color: var(--accent); }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: .8rem 0 .3rem; color: var(--muted); }
p { margin: .4rem 0; }
.subtitle, .as-of { color: var(--muted); }
.statement { font-style: italic; }
.user { white-space: pre-wrap; overflow-wrap: break-word; }
nav.toc { background: var(--band); padding: .6rem 1rem; border-radius: 6px; }
nav.toc h2 { border: 0; margin: .2rem 0; font-size: 1.1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 0; list-style: none; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: var(--band); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.all td { font-weight: bold; background: var(--band); }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; }
.mark { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .8rem;
  font-weight: bold; white-space: nowrap; }
.mark-contested { background: #f2b705; color: #1a1a1a; }
.mark-consensus { background: #2e7d32; color: #fff; }
.mark-majority { background: #dbe7f3; color: #1f4e79; }
.mark-none { background: #e0e0e0; color: #333; }
td.result { min-width: 9rem; }
#findings { border-left: 4px solid var(--accent); padding: 0 0 0 1rem; }
#findings h2 { margin-top: 1.2rem; }
#findings .headline { font-weight: bold; }
ul.tally { padding-left: 1.2rem; margin: .2rem 0 .6rem; }
.none { color: var(--muted); font-style: italic; }
.scroll { overflow-x: auto; }
table.by-workshop { width: auto; font-size: .85rem; margin: .3rem 0 .6rem; }
table.by-workshop caption { text-align: left; color: var(--muted); font-size: .85rem; }
.progress { border-left: 4px solid #f2b705; background: #fff8e1; padding: .5rem 1rem; }
.commitment { margin: 1rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
.commitment .figures { color: var(--muted); font-size: .9rem; }
ul.notes { padding-left: 1.2rem; margin: .2rem 0 .6rem; }
ul.notes li { margin: .25rem 0; }
.who { color: var(--muted); font-size: .88rem; }
.missing { color: var(--muted); font-style: italic; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
ul.legend li { display: flex; align-items: center; gap: .35rem; }
svg { max-width: 100%; height: auto; display: block; margin: .3rem 0; }
ul.legend svg { display: inline; margin: 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem;
  border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  table { font-size: 9pt; }
  @page { margin: 18mm 16mm; }
  a { color: inherit; text-decoration: none; }
  section.principle { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  nav.toc { background: none; border: 1px solid var(--rule); }
}
"""
