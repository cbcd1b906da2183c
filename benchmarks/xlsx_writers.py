"""XlsxWriter or openpyxl for `workshop export --format xlsx`: which writes the workbook faster.

Run: python benchmarks/xlsx_writers.py [N ...]   (default: 30 and 300 workshops)
Builds a merged result of N long workshops in memory (benchmarks/merge.py's `make_session`: every
commitment voted, 25 comments, 4 proposed wordings, 6 answers each; every 25th workshop also has
a 3,000-character comment), so 300 workshops give 11,100 vote rows and 10,500 comments, wordings
and answers. Then it times:

- **xlsxwriter**: the export itself (`xlsx.render_xlsx`: Summary with findings and six native
  charts, the five tidy sheets, the hidden chart data, stable zip);
- **openpyxl**: the same sheets written with openpyxl the way the export used to be (text cells,
  quote-prefix style, wrap, row heights, frozen header, filter, print set-up, six bar charts;
  the findings paragraphs aside) and the same stable zip.

Prints one row per N: seconds to build the report and the tables, seconds for each writer (best
of 3), how many times faster XlsxWriter is, and each file's size. Figures depend on the machine:
compare the rows of one run. No assertions: figures only.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).parent))
from merge import make_session  # noqa: E402  (the sibling benchmark's realistic workshop)

from workshop.consultation.figures import utc  # noqa: E402
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord  # noqa: E402
from workshop.consultation.report import Report  # noqa: E402
from workshop.consultation.report_build import build_report  # noqa: E402
from workshop.export.rows import Ref, Table, tables  # noqa: E402
from workshop.export.stable_zip import EARLIEST, stabilise  # noqa: E402
from workshop.export.xlsx import render_xlsx  # noqa: E402
from workshop.export.xlsx_cells import cell_text, fit_row  # noqa: E402
from workshop.protocol.load import bundled_protocol_path, load_protocol  # noqa: E402

SIZES = (30, 300)
LONG = ("A long comment pasted from the minutes, about pooled budgets and named officers. " * 40)
"""About 3,000 characters."""


def merged_result(protocol, count: int) -> Merged:
    sessions = []
    for n in range(count):
        s = make_session(protocol, n)
        if n % 25 == 0:
            s.add_comment(protocol.commitments[n % len(protocol.commitments)].id, LONG[:3000])
        sessions.append(s)
    records = {s.id: SessionRecord.from_session(s, f"{s.id[:8]}.toml") for s in sessions}
    return Merged(ProtocolRef.of(protocol), records)


def openpyxl_sheet(wb: Workbook, table: Table) -> None:
    """One table laid out as the XLSX export lays it out, with openpyxl."""
    ws = wb.create_sheet(table.sheet)
    wrap, top, bold = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top"), \
        Font(bold=True)
    for col, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=col, value=column.title)
        cell.font, cell.alignment = bold, wrap
        ws.column_dimensions[get_column_letter(col)].width = column.width
    for r, row in enumerate(table.rows, start=2):
        fit = fit_row(row, table.columns)
        if fit.height is not None:
            ws.row_dimensions[r].height = fit.height
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            cell = ws.cell(row=r, column=col)
            if isinstance(value, str):
                text, quote = (value, False) if isinstance(value, Ref) else cell_text(value)
                cell.value, cell.data_type = text, "s"
                cell.quotePrefix = quote
            else:
                cell.value = value
            cell.alignment = wrap if column.wrap else top
    ws.freeze_panes = "A2"
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"


def openpyxl_charts(wb: Workbook, report: Report) -> None:
    ws = wb["Summary"]
    first = 2
    for i, p in enumerate(report.principles):
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
        n = len(p.commitments)
        data = Reference(ws, min_col=4, max_col=3 + len(report.options), min_row=1,
                         max_row=first + n - 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=first + n - 1))
        chart.title = p.principle.title
        ws.add_chart(chart, f"A{len(report.commitments) + 3 + 16 * i}")
        first += n


def openpyxl_workbook(report: Report) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for t in tables(report):
        openpyxl_sheet(wb, t)
    openpyxl_charts(wb, report)
    moment = utc(report.as_of) if report.as_of else EARLIEST
    wb.properties.created = wb.properties.modified = moment
    out = io.BytesIO()
    wb.save(out)
    return stabilise(out.getvalue(), moment)


def best(fn, *args, tries: int = 3) -> tuple[float, bytes]:
    times, data = [], b""
    for _ in range(tries):
        start = time.perf_counter()
        data = fn(*args)
        times.append(time.perf_counter() - start)
    return min(times), data


def main(sizes: tuple[int, ...] = SIZES) -> None:
    protocol = load_protocol(bundled_protocol_path())
    print(f"Python {sys.version.split()[0]}; best of 3 per writer")
    head = (f"{'workshops':>9} {'rows':>7} {'report s':>9} {'tables s':>9} {'xlsxwriter s':>13} "
            f"{'openpyxl s':>11} {'faster':>7} {'xlsxwriter bytes':>17} {'openpyxl bytes':>15}")
    print(head)
    print("-" * len(head))
    for count in sizes:
        merged = merged_result(protocol, count)
        start = time.perf_counter()
        report = build_report(merged, protocol)
        built = time.perf_counter()
        rows = sum(len(t.rows) for t in tables(report))
        tabled = time.perf_counter()
        fast, fast_data = best(render_xlsx, report)
        slow, slow_data = best(openpyxl_workbook, report)
        print(f"{count:>9} {rows:>7,} {built - start:>9.2f} {tabled - built:>9.2f} "
              f"{fast:>13.2f} {slow:>11.2f} {slow / fast:>6.1f}x {len(fast_data):>17,} "
              f"{len(slow_data):>15,}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
