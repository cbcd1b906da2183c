"""`workshop export FILE --format md|csv|xlsx|html|docx|data [-o PATH] [--table ...] [--raw-text]
[--anonymise]`.

Reads a session file or a merged file (consultation.inputs.read_result), renders it
(workshop.export) and writes it: beside FILE with the format's extension by default, to PATH
with `-o` (into it, under the default name, if PATH is a folder), or to standard output with
`-o -` for the text formats. A file is replaced atomically (toml.atomic.atomic_write), never left
half-written, and never written over FILE itself. `--raw-text` (CSV and data) drops the
formula guard for analysts, with a warning in --help (export/csv_export.py). `--format data`
writes the open data package, a folder (FILE-data beside FILE, or the one `-o` names, created if
missing) of CSV and Parquet tables with a datapackage.json (export/data_package.py); it has no
standard output and no --table. The analyst's theme file beside FILE (`FILE.themes.toml`), or
the one `--themes` names, puts its themes in the export. `--anonymise` leaves out facilitators'
and signatories' names, for publication (consultation/report_build.py).
Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workshop.analysis import theme_file
from workshop.analysis.book import ThemeBook
from workshop.cli.options import load
from workshop.consultation.inputs import read_result
from workshop.errors import Problem, WorkshopError, display_path
from workshop.export import (
    DATA_PACKAGE,
    DEFAULT_TABLE,
    FORMATS,
    TABLES,
    default_data_folder,
    default_output_path,
    export_bytes,
    export_data_package,
)
from workshop.protocol.model import Protocol
from workshop.toml.atomic import atomic_write

STDOUT = "-"


def add_parser(commands, shared: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[shared], help="export a session or merged result for a report",
        description="Export a session file or a merged file as Markdown, CSV, an Excel "
        "workbook, an HTML page with charts, a Word document, or an open data package. "
        "Without -o the file is written beside FILE, named after it with the format's "
        "extension (a CSV of another table than votes adds the table's name: "
        "FILE-comments.csv; the data package is the folder FILE-data). An existing file is "
        "replaced whole.",
    )
    export.add_argument("file", type=Path, metavar="FILE", help="a session file or a merged file")
    export.add_argument("--format", "-f", required=True, dest="fmt",
                        choices=[*FORMATS, DATA_PACKAGE.id],
                        help="md: a readable summary; csv: one tidy table (see --table); xlsx: "
                        "a workbook with the sheets Summary (findings and charts), Votes, "
                        "Comments, Amendments, Answers, Themes (with a theme file), Sessions; "
                        "html: "
                        "one self-contained page with charts; docx: a committee-report "
                        "appendix; data: a folder of tidy tables (sessions, options, "
                        "commitments, questions, votes in long format, comments, answers, "
                        "themes, entry_themes) as CSV, and as Parquet with the parquet extra, "
                        "with a datapackage.json (Frictionless) for pandas, R and DuckDB")
    export.add_argument("-o", "--output", metavar="PATH",
                        help="where to write (a file, or a folder for the default name); '-' "
                        "writes a text format (md, csv, html) to standard output. For data: "
                        "the package's folder, created if missing (default: FILE-data beside "
                        "FILE); files in it that are not the package's are left alone")
    export.add_argument("--table", choices=list(TABLES), default=None,
                        help=f"the CSV table: one row per commitment and session (votes, the "
                        f"default), per comment or proposed wording, per answer, per "
                        f"session, the per-commitment summary, one row per proposed "
                        f"wording in its group of near-identical ones, the findings, or one "
                        f"row per theme of the theme file (default: {DEFAULT_TABLE})")
    export.add_argument("--themes", type=Path, metavar="THEMES", default=None,
                        help="the analyst's theme file to count and quote themes from "
                        "(default: FILE's own, FILE.themes.toml beside it, if there is one)")
    export.add_argument("--anonymise", "--anonymize", action="store_true",
                        help="for publication: leave out the facilitators' and signatories' "
                        "names (organisations and roles are kept); the export says so")
    export.add_argument("--raw-text", action="store_true",
                        help="CSV and data only, for analysis in pandas, R and the like: write "
                        "every text cell exactly as typed, without the leading ' that stops a "
                        "spreadsheet from running text as a formula (a data package's Parquet "
                        "files are always exact). WARNING: never open such a file in Excel or "
                        "LibreOffice: a comment like =HYPERLINK(...) becomes a live formula "
                        "there")


def output_path(args: argparse.Namespace, table: str) -> Path | None:
    """Where to write; None for standard output."""
    if args.output == STDOUT:
        return None
    default = default_output_path(args.file, args.fmt, table)
    if args.output is None:
        return default
    path = Path(args.output)
    return path / default.name if path.is_dir() else path


def run(args: argparse.Namespace) -> int:
    return cmd_export(args, load(args))


def cmd_export(args: argparse.Namespace, protocol: Protocol) -> int:
    if args.fmt == DATA_PACKAGE.id:
        return export_data(args, protocol)
    fmt = FORMATS[args.fmt]
    if args.table is not None and args.fmt != "csv":
        raise WorkshopError(f"--table chooses the CSV table; the {fmt.label} export holds "
                            + ("every table" if args.fmt == "xlsx" else "the whole result"))
    if args.raw_text and args.fmt != "csv":
        raise WorkshopError(f"--raw-text is for CSV only; the {fmt.label} export keeps people's "
                            "words exactly as typed already")
    table = args.table or DEFAULT_TABLE
    path = output_path(args, table)
    if path is None and not fmt.text:
        raise WorkshopError(f"{fmt.label} is not text and cannot be written to standard output; "
                            f"give a file name with -o")
    if path is not None and path.exists() and args.file.exists() and path.samefile(args.file):
        raise WorkshopError(Problem(display_path(path), "is the file being exported; choose "
                                    "another output with -o"))
    merged = read_result(args.file, protocol)
    book = _book(args)
    data = export_bytes(merged, protocol, args.fmt, table, raw_text=args.raw_text, book=book,
                        anonymise=args.anonymise)
    if path is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    atomic_write(path, data)
    n = len(merged.records)
    what = f" ({table} table{', text as typed' if args.raw_text else ''})" \
        if args.fmt == "csv" else ""
    print(f"Wrote {display_path(path)}: {fmt.label}{what} of {n} session{'' if n == 1 else 's'}"
          f"{_with_themes(args, book)}{_anonymised(args)}.")
    return 0


def _book(args: argparse.Namespace) -> ThemeBook:
    """The theme file `--themes` names, or FILE's own beside it (an empty book if none)."""
    return theme_file.load(args.themes) if args.themes else theme_file.load_sidecar(args.file)


def _with_themes(args: argparse.Namespace, book: ThemeBook) -> str:
    """`, with the 4 themes of consultation.themes.toml`: which theme file the export used."""
    if not book.themes:
        return ""
    n = len(book.themes)
    path = args.themes or theme_file.sidecar_path(args.file)
    return f", with the {n} theme{'' if n == 1 else 's'} of {display_path(path)}"


def _tables(written) -> int:
    """How many tables the package holds (an assessment's and a register's add their own)."""
    return sum(name.endswith(".csv") for name in written.files)


def _anonymised(args: argparse.Namespace) -> str:
    return ", anonymised (no facilitator or signatory names)" if args.anonymise else ""


def export_data(args: argparse.Namespace, protocol: Protocol) -> int:
    """`--format data`: the open data package into a folder (export/data_package.py)."""
    if args.table is not None:
        raise WorkshopError("--table chooses the CSV table; the data package holds every table")
    default = default_data_folder(args.file)
    if args.output == STDOUT:
        raise WorkshopError("a data package is a folder of files and cannot be written to "
                            "standard output; give a folder with -o, or leave -o out for "
                            f"{display_path(default)}")
    folder = Path(args.output) if args.output is not None else default
    merged = read_result(args.file, protocol)
    book = _book(args)
    written = export_data_package(merged, protocol, folder, args.raw_text, book, args.anonymise)
    n = len(merged.records)
    kinds = "CSV and Parquet" if written.parquet else "CSV"
    raw = ", text as typed" if args.raw_text else ""
    print(f"Wrote {display_path(folder)}{os.sep}: a data package of {n} "
          f"session{'' if n == 1 else 's'} ({_tables(written)} tables as {kinds}{raw}, "
          f"described in datapackage.json){_with_themes(args, book)}{_anonymised(args)}.")
    if not written.parquet:
        print("CSV only: pyarrow is not installed, so no Parquet files (pip install "
              "'workshop[parquet]' adds them).")
    if written.stale:
        k = len(written.stale)
        print(f"Out of date: {k} Parquet file{'' if k == 1 else 's'} from an earlier export, "
              f"left in {display_path(folder)}{os.sep} (this export wrote none).")
    return 0
