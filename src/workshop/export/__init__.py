"""Exports a council can use: Markdown, CSV, Excel, HTML with charts, Word, and open data.

One entry point for the CLI and the app: `export_bytes(merged, protocol, fmt, table=...)`
renders a result (a merged file, or a single session as `Merged.of_session`) in one format (for
CSV, one of the tables in rows.TABLES, and optionally with text exactly as typed), and
`default_output_path(source, fmt, table)` names the file beside its input. The open data
package (`DATA_PACKAGE`: a folder of CSV and Parquet tables with a datapackage.json) is many
files, not bytes, so it is not one of FORMATS: `export_data_package(merged, protocol, folder)`
writes it, by default into `default_data_folder(source)` (data_package.py).

Every format is drawn from the same report model (consultation/report.py), so they agree figure
for figure; each lives in its own module (markdown.py, csv_export.py, xlsx.py, html_export.py,
docx_export.py, data_package.py) and makes people's words inert its own way (safety.py). The
same input always gives the same bytes. Nothing here imports Textual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.analysis.book import ThemeBook
from workshop.consultation.records import Merged
from workshop.consultation.report import Report
from workshop.consultation.report_build import build_report
from workshop.errors import WorkshopError
from workshop.export.rows import TABLES
from workshop.protocol.model import Protocol

if TYPE_CHECKING:
    from workshop.export.data_package import PackageWritten

__all__ = ["DATA_PACKAGE", "DEFAULT_TABLE", "FORMATS", "TABLES", "ExportFormat", "build_report",
           "default_data_folder", "default_output_path", "export_bytes",
           "export_data_package", "render"]


@dataclass(frozen=True)
class ExportFormat:
    id: str
    label: str
    extension: str
    text: bool
    """A text format, which can be written to standard output."""


FORMATS: dict[str, ExportFormat] = {f.id: f for f in (
    ExportFormat("md", "Markdown", ".md", True),
    ExportFormat("csv", "CSV", ".csv", True),
    ExportFormat("xlsx", "Excel workbook", ".xlsx", False),
    ExportFormat("html", "HTML page", ".html", True),
    ExportFormat("docx", "Word document", ".docx", False),
)}
"""Every export format that is one file, by the id `--format` takes (the app's export menu
offers each of them)."""

DATA_PACKAGE = ExportFormat("data", "Data package", "-data", False)
"""`--format data`: a folder, not a file (`export_data_package`), so not in FORMATS: neither
`export_bytes` nor the app's export menu, which write one file, can make it."""

DEFAULT_TABLE = "votes"


def render(report: Report, fmt: str, table: str = DEFAULT_TABLE, raw_text: bool = False) -> bytes:
    """The bytes of `report` in format `fmt` (`table` picks the CSV table; `raw_text` writes a
    CSV's text exactly as typed, without the formula guard: csv_export.py)."""
    if fmt not in FORMATS:
        raise WorkshopError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise WorkshopError(f"unknown table '{table}'; choose one of {', '.join(TABLES)}")
    if raw_text and fmt != "csv":
        raise WorkshopError(f"raw text is a CSV option; the {FORMATS[fmt].label} export already "
                            "keeps people's words exactly as typed")
    # Each format's library is imported only when asked for, so a Markdown export never loads
    # XlsxWriter or python-docx.
    if fmt == "md":
        from workshop.export.markdown import render_markdown
        return render_markdown(report)
    if fmt == "csv":
        from workshop.export.csv_export import render_csv
        from workshop.export.rows import table as build_table
        return render_csv(build_table(report, table), raw=raw_text)
    if fmt == "xlsx":
        from workshop.export.xlsx import render_xlsx
        return render_xlsx(report)
    if fmt == "html":
        from workshop.export.html_export import render_html
        return render_html(report)
    from workshop.export.docx_export import render_docx
    return render_docx(report)


def export_bytes(merged: Merged, protocol: Protocol, fmt: str, table: str = DEFAULT_TABLE,
                 raw_text: bool = False, book: ThemeBook | None = None,
                 anonymise: bool = False) -> bytes:
    """`merged` on `protocol`, exported in format `fmt` (see FORMATS); for CSV, `table` is one of
    TABLES and `raw_text` drops the formula guard (csv_export.py). With `book` (an analyst's
    theme file, analysis/theme_file.py), every format counts and quotes its themes; with
    `anonymise`, facilitators' and signatories' names are left out (for publication). An
    assessment or a sign-up gets its own layout (report.mode). Raises WorkshopError for an
    unknown format or table, or `raw_text` outside CSV."""
    with no_cycle_collection():
        return render(build_report(merged, protocol, book, anonymise), fmt, table, raw_text)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while an export is built: a report of a thousand
    workshops makes millions of small objects, and each collection walked all of them, which
    took half of `build_report`'s time. The collector runs again as before once the export is
    done, and collects then whatever cycles the export left."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_output_path(source: Path | str, fmt: str, table: str = DEFAULT_TABLE) -> Path:
    """Beside `source`, with its stem and the format's extension: `s.toml` → `s.md`. A CSV of
    another table than votes adds the table's name: `s-comments.csv`."""
    source = Path(source)
    stem = source.stem
    if fmt == "csv" and table != DEFAULT_TABLE:
        stem = f"{stem}-{table}"
    return source.with_name(stem + FORMATS[fmt].extension)


def export_data_package(merged: Merged, protocol: Protocol, folder: Path | str,
                        raw_text: bool = False, book: ThemeBook | None = None,
                        anonymise: bool = False) -> PackageWritten:
    """Write the open data package of `merged` into `folder` (data_package.py): the tidy tables
    as CSV (guarded for spreadsheets unless `raw_text`), as Parquet where pyarrow is installed,
    and a datapackage.json describing them; with `book`, the themes and the tags on entries."""
    from workshop.export.data_package import write_data_package
    with no_cycle_collection():
        return write_data_package(build_report(merged, protocol, book, anonymise), folder,
                                  raw_text)


def default_data_folder(source: Path | str) -> Path:
    """The data package's folder beside `source`: `council.toml` → `council-data/`."""
    source = Path(source)
    return source.with_name(source.stem + DATA_PACKAGE.extension)
