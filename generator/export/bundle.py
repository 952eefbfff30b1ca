"""One ZIP per package: every data file, the published datapackage.json, README.md and the validation
report (``validation.json`` as ``validate --json`` prints it, ``validation.txt`` as ``validate`` does).
Entries carry the date the data last changed, so the same data gives the same archive."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from generator.archive import zip_time
from generator.model.problems import Problem, summary, to_json

COMPRESSED = (".xlsx", ".parquet")  # already compressed inside: stored as they are


def report_files(package: str, version: str, changed: str, problems: list[Problem]) -> list[tuple[str, bytes]]:
    head = f"数据包 {package} {version}（数据更新于 {changed}）的校验报告（python -m generator validate）\n"
    text = head + "".join(p.line() + "\n" for p in problems) + summary(problems) + "\n"
    return [("validation.json", (to_json(problems) + "\n").encode("utf-8")), ("validation.txt", text.encode("utf-8"))]


def zip_bundle(entries: Iterable[tuple[str, bytes]], day: str) -> bytes:
    """``entries`` are (name inside the archive, bytes); the archive has no top folder, so that
    ``frictionless validate <package>.zip`` finds datapackage.json."""
    stamp = zip_time(day)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name.endswith(COMPRESSED) else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()
