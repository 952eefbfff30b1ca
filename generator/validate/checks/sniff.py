"""Recognise a file that is not text at all from its first bytes (magic numbers), so a clerk who saved
a picture or a workbook under a ``.csv`` name is told what the file really is."""

from __future__ import annotations

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF87a", "GIF 图片"),
    (b"GIF89a", "GIF 图片"),
    (b"%PDF-", "PDF 文档"),
    (b"PK\x03\x04", "ZIP 压缩包或 Excel 工作簿（.xlsx）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Excel/Word 文件（.xls/.doc）"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def binary_kind(data: bytes) -> str | None:
    """What a non-text file looks like (``"PNG 图片"``), or None when it may be text."""
    for magic, kind in SIGNATURES:
        if data.startswith(magic):
            return kind
    if data.startswith(UTF16_BOMS):
        return "UTF-16 编码的文本（Excel 的“Unicode 文本”格式）"
    return None


def is_xlsx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")
