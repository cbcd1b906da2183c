"""The Parquet copies of the data package's tables (data_package.py), when pyarrow is installed
(the `parquet` extra).

Text is exactly as typed (no formula guard: no spreadsheet opens a Parquet file), a `ref` stays
text, times are UTC timestamps, and each column carries its description as field metadata. The
same tables give the same bytes with the same pyarrow (fixed compression, no write time).
Nothing here imports Textual.
"""

from __future__ import annotations

from datetime import timezone
from types import ModuleType

from workshop.export.data_tables import DataTable


def pyarrow_modules() -> tuple[ModuleType, ModuleType] | None:
    """(pyarrow, pyarrow.parquet), or None when pyarrow is not installed."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        return None
    return pyarrow, pyarrow.parquet


def parquet_bytes(table: DataTable, modules: tuple[ModuleType, ModuleType]) -> bytes:
    """One table as the bytes of a Parquet file."""
    pa, pq = modules
    types = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(),
             "date": pa.date32(), "datetime": pa.timestamp("us", tz="UTC")}
    schema = pa.schema([pa.field(f.name, types[f.type], nullable=not f.required,
                                 metadata={"description": f.description})
                        for f in table.fields],
                       metadata={"name": table.name, "description": table.description})
    columns = [[_utc(row[n]) if f.type == "datetime" else row[n] for row in table.rows]
               for n, f in enumerate(table.fields)]
    arrow = pa.Table.from_arrays([pa.array(c, type=schema.field(n).type)
                                  for n, c in enumerate(columns)], schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink, compression="snappy", write_statistics=True)
    return sink.getvalue().to_pybytes()


def _utc(moment):
    return None if moment is None else moment.astimezone(timezone.utc)
