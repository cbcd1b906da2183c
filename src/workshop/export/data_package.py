"""The open data package: `workshop export FILE --format data -o DIR` (docs/data-package.md).

`write_data_package(report, folder, raw_text)` writes the tidy tables of data_tables.py into a
folder, each as `NAME.csv`, with a `datapackage.json` (Frictionless Data Package v2: a resource
per table with its path, title, description, format, media type, encoding, CSV dialect and Table
Schema: field names, types, descriptions, constraints, primary and foreign keys), so pandas, R,
DuckDB and the Frictionless tools read it directly. With pyarrow installed (the `parquet` extra)
each table is also written as `NAME.parquet`, described alongside (in the package's and each
resource's description) rather than listed as resources: a Parquet resource is not something the
Frictionless validator reads without pandas, and the package should validate cleanly anywhere.

The CSVs are UTF-8 without a byte-order mark, comma-separated, quoted only where needed, rows
ending in CRLF, a header row of the column names; empty means nothing. Booleans are `true` and
`false`, dates `YYYY-MM-DD`, times ISO 8601 in UTC (`2026-11-22T10:05:00Z`).

**People's words are guarded in the CSVs by default**, as every spreadsheet export of workshop
is (safety.spreadsheet_text): text starting with `=`, `+`, `-`, `@`, tab, CR or NUL gets a
leading `'`, and control characters are shown as control pictures, so a CSV of the package can
be opened in Excel without running anything. Each text column's description says so and how to
undo it. `raw_text` (`--raw-text`) writes the text exactly as typed, for analysis only. The
Parquet files always hold the text exactly as typed.

The same report gives the same bytes: no export time anywhere, the JSON in a fixed order with
an indent of 2 and a final newline. An assessment's package is named `…-assessment` and a
sign-up's `…-sign-up`, each described by its own summary (data_modes.py has their tables).
Every file is written atomically (toml.atomic); the folder is created if missing, and files in
it that are not the package's are never touched. Nothing here imports Textual.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from workshop.consultation.report import Report
from workshop.errors import Problem, StoreError, WorkshopError, display_path
from workshop.export.data_parquet import parquet_bytes, pyarrow_modules
from workshop.export.data_tables import (
    MODE_TABLE_NAMES,
    TABLE_NAMES,
    DataTable,
    Field,
    Value,
    data_tables,
)
from workshop.export.safety import spreadsheet_text
from workshop.session.kinds import Mode
from workshop.session.store import slugify
from workshop.toml.atomic import atomic_write

DESCRIPTOR = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
"""Frictionless Data Package v2 (2024); every v2 reader and the Frictionless validator accept it."""

DIALECT = {"header": True, "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"',
           "doubleQuote": True}

GUARD_NOTE = ("CSV: a ' was put before text starting with = + - @, tab, CR or NUL (a formula "
              "guard); drop that ' for the text as typed.")
"""Said in the description of every text column of a guarded CSV."""

RAW_NOTE = ("CSV: exactly as typed (--raw-text), so not safe to open in a spreadsheet.")
"""Said instead when the CSVs were written with --raw-text."""

GUARD_TEXT = (
    "People's words in the CSVs are guarded for spreadsheets: a ' was added before any text "
    "that starts with = + - @, a tab, a carriage return or NUL, and control characters other "
    "than tab, line feed and carriage return are shown as Unicode control pictures (NUL as "
    "\u2400). To get the text as typed, remove the first character of a text that starts "
    "with ' followed by one of = + - @ tab CR (in Python: text[1:] if text[:1] == \"'\" and "
    "text[1:2] in ('=', '+', '-', '@', '\\t', '\\r') else text), or read the Parquet files, "
    "or export again with --raw-text.")
RAW_TEXT = ("People's words in the CSVs are exactly as typed (exported with --raw-text): do not "
            "open these CSVs in a spreadsheet, where a text starting with = can run as a formula.")


@dataclass(frozen=True)
class PackageWritten:
    """What `write_data_package` wrote."""

    folder: Path
    files: tuple[str, ...]
    """The names written in the folder, datapackage.json last."""
    parquet: bool
    """Whether the Parquet files were written (pyarrow is installed)."""
    stale: tuple[str, ...] = ()
    """Parquet files of the package's names already in the folder but not written this time
    (pyarrow missing): left as they were, and out of date."""


def write_data_package(report: Report, folder: Path | str, raw_text: bool = False) -> \
        PackageWritten:
    """Write the package into `folder` (created if missing). Raises WorkshopError if `folder`
    is a file or cannot be created, StoreError if a file cannot be written."""
    folder = Path(folder)
    _make_folder(folder)
    files = package_files(report, raw_text)
    for name, data in files.items():
        atomic_write(folder / name, data)
    parquet = any(name.endswith(".parquet") for name in files)
    stale = () if parquet else tuple(f"{t}.parquet" for t in (*TABLE_NAMES, *MODE_TABLE_NAMES)
                                     if (folder / f"{t}.parquet").exists())
    return PackageWritten(folder, tuple(files), parquet, stale)


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise WorkshopError(Problem(display_path(folder), "is a file, not a folder: a data "
                                    "package is a folder of files; give a folder with -o"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(Problem(display_path(folder), f"folder cannot be created: "
                                 f"{exc.strerror or exc}")) from exc


def package_files(report: Report, raw_text: bool = False) -> dict[str, bytes]:
    """Every file of the package by name: the CSVs, the Parquet files when pyarrow is installed,
    and datapackage.json last (so a package cut short never describes files not yet written)."""
    tables = data_tables(report)
    modules = pyarrow_modules()
    out = {f"{t.name}.csv": csv_bytes(t, raw_text) for t in tables}
    if modules is not None:
        out.update({f"{t.name}.parquet": parquet_bytes(t, modules) for t in tables})
    text = json.dumps(descriptor(report, tables, raw_text, modules is not None), indent=2,
                      ensure_ascii=False)
    out[DESCRIPTOR] = (text + "\n").encode("utf-8")
    return out


# -- CSV ------------------------------------------------------------------------------------------


def csv_bytes(table: DataTable, raw_text: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=DIALECT["lineTerminator"])
    writer.writerow([f.name for f in table.fields])
    for row in table.rows:
        writer.writerow([csv_value(v, raw_text) for v in row])
    return out.getvalue().encode("utf-8")


def csv_value(value: Value, raw_text: bool = False) -> str:
    """One cell as Table Schema reads it back (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value if raw_text else spreadsheet_text(value)


# -- datapackage.json ---------------------------------------------------------------------------


def descriptor(report: Report, tables: list[DataTable], raw_text: bool,
               parquet: bool) -> dict[str, Any]:
    """The package's descriptor (Data Package v2)."""
    p = report.protocol
    parquet_text = (" Each table is also a Parquet file of the same name (votes.parquet), with "
                    "the same columns and types and the text exactly as typed."
                    if parquet else "")
    description = (f"{_summary(report)} Protocol: {p.title}, version {p.version}. One CSV "
                   f"per table (UTF-8, comma-separated, a header row).{parquet_text} "
                   f"{RAW_TEXT if raw_text else GUARD_TEXT} The tables join on session_id, "
                   "commitment_id, question_id, option_id and theme; docs/data-package.md in "
                   "the workshop project shows how to read them in pandas, R and DuckDB.")
    name = f"{slugify(p.id, fallback='protocol')}-{NAMES[report.mode]}"
    return {"$schema": PROFILE, "name": name,
            "title": report.title, "description": description,
            "resources": [_resource(t, raw_text, parquet) for t in tables]}


NAMES = {Mode.CONSULT: "consultation", Mode.ASSESS: "assessment", Mode.SIGN_UP: "sign-up"}
"""The end of the package's name, by what its sessions were for."""


def _summary(report: Report) -> str:
    """The result in one line: an assessment's, a sign-up register's, or a consultation's."""
    if report.assessment is not None:
        return report.assessment.summary_line()
    if report.mode is Mode.SIGN_UP:
        return report.register.summary_line() if report.register else "Nobody signed up yet."
    return report.summary_line()


def _resource(table: DataTable, raw_text: bool, parquet: bool) -> dict[str, Any]:
    also = f" Also as {table.name}.parquet." if parquet else ""
    schema: dict[str, Any] = {
        "fields": [_field(f, raw_text) for f in table.fields],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(k.fields),
             "reference": ({"resource": k.resource} if k.resource else {})
             | {"fields": list(k.reference)}}
            for k in table.foreign_keys]
    return {"name": table.name, "type": "table", "path": f"{table.name}.csv",
            "title": table.title, "description": table.description + also, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "dialect": dict(DIALECT),
            "schema": schema}


def _field(field: Field, raw_text: bool) -> dict[str, Any]:
    description = field.description
    if field.type == "string" and not field.enum:
        description += " " + (RAW_NOTE if raw_text else GUARD_NOTE)
    out: dict[str, Any] = {"name": field.name, "type": field.type, "description": description}
    constraints: dict[str, Any] = {}
    if field.required:
        constraints["required"] = True
    if field.unique:
        constraints["unique"] = True
    if field.enum:
        constraints["enum"] = list(field.enum)
    if field.minimum is not None:
        constraints["minimum"] = field.minimum
    if constraints:
        out["constraints"] = constraints
    return out

