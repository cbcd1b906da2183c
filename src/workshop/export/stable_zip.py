"""Byte-stable Office files: the same export twice gives the same bytes.

A .docx is a zip. python-docx stamps each zip entry with the current time, and the document's
"modified" property with it too (the workbook's writer, XlsxWriter, is given fixed dates
itself: xlsx.py). `stabilise` rewrites
the zip with every entry dated `moment` (the result's last change, never the clock) and sets the
core properties' created and modified dates to it, keeping entry order and compression. Nothing
here imports Textual.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

CORE = "docProps/core.xml"
EARLIEST = datetime(1980, 1, 1)
"""Zip dates start in 1980."""

_DATES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def stabilise(data: bytes, moment: datetime | None) -> bytes:
    """The zip `data` with fixed dates (see the module docstring); `moment` is naive UTC."""
    moment = max(moment or EARLIEST, EARLIEST).replace(microsecond=0)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == CORE:
                body = _DATES.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            entry = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            entry.compress_type = info.compress_type
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body)
    return out.getvalue()
