"""Reproducible archives: the same data gives the same bytes, whatever day it is built.

XLSX files are ZIP archives whose members carry a modification time, and openpyxl stamps
``docProps/core.xml`` with the clock when it saves. :func:`stamped` rewrites such an archive so that
every member time and the document's modified date are the given day (the data's last change).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def zip_time(day: str) -> tuple[int, int, int, int, int, int]:
    """A ZIP member time for an ISO day (ZIP cannot store years before 1980)."""
    date = max(dt.date.fromisoformat(day), dt.date(1980, 1, 1))
    return (date.year, date.month, date.day, 0, 0, 0)


def stamped(data: bytes, day: str) -> bytes:
    """The archive ``data`` with every member dated ``day`` and core.xml's modified date set to it."""
    when = zip_time(day)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + f"{day}T00:00:00Z".encode() + rb"\g<2>", body)
            copy = zipfile.ZipInfo(info.filename, date_time=when)
            copy.compress_type = info.compress_type
            copy.external_attr = 0o644 << 16
            target.writestr(copy, body)
    return out.getvalue()
