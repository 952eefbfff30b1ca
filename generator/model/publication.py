"""One published file: its site URL, its bytes, and what a catalogue says about it."""
from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Format:
    label: str  # shown in the files table
    media_type: str  # IANA media type
    file_type: str  # EU file-type authority code for dct:format ("" when it has none)
    short: str  # a short name for link lists


FORMATS = {
    "csv": Format("CSV（UTF-8，无 BOM）", "text/csv", "CSV", "CSV"),
    "excel-csv": Format("CSV（Excel/WPS 用，UTF-8 带 BOM）", "text/csv", "CSV", "Excel/WPS CSV"),
    "xlsx": Format("Excel 工作簿（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "XLSX"),
    "json": Format("JSON（对象数组）", "application/json", "JSON", "JSON"),
    "parquet": Format("Parquet（带类型）", "application/vnd.apache.parquet", "PARQUET", "Parquet"),
    "datapackage": Format("数据包描述（datapackage.json）", "application/json", "JSON", "datapackage.json"),
    "readme": Format("说明（Markdown）", "text/markdown", "", "README"),
    "zip": Format("ZIP 压缩包（全部文件和校验报告）", "application/zip", "ZIP", "ZIP"),
    "jsonld": Format("JSON-LD", "application/ld+json", "JSON_LD", "JSON-LD"),
}


@dataclass(frozen=True)
class Download:
    """A file under the site root. ``url`` is root-relative without a leading slash
    (``data/register/studios.xlsx``); ``changed`` is the ISO date its content last changed."""

    url: str
    data: bytes = field(repr=False)
    kind: str
    resource: str = ""
    changed: str = ""

    @property
    def name(self) -> str:
        return posixpath.basename(self.url)

    @property
    def size(self) -> int:
        return len(self.data)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def format(self) -> Format:
        return FORMATS[self.kind]

    @property
    def anchor(self) -> str:
        """The id of this file's row in its dataset page's files table."""
        return "file-" + self.name.replace(".", "-")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
