"""Byte-level checks that must pass before a CSV can be read at all."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from generator.model.problems import Problem
from generator.validate.checks.sniff import binary_kind

BOM = b"\xef\xbb\xbf"


def check_file(path: Path, shown: str) -> Iterator[Problem]:
    """Yield problems that make a file unreadable as UTF-8 CSV. An empty iterator means readable."""
    if not path.exists():
        yield Problem(
            shown, None, "file-missing", "数据文件不存在", hint="请恢复该文件，或从 datapackage.json 中删除这一资源。"
        )
        return
    data = path.read_bytes()
    if not data.strip():
        yield Problem(
            shown,
            None,
            "empty-file",
            "文件是空的，连表头都没有",
            hint="请恢复表头行，或使用 python -m generator template 生成的模板。",
        )
        return
    kind = binary_kind(data)
    if kind:
        yield Problem(
            shown,
            None,
            "not-text",
            f"文件不是 CSV 文本，看起来是{' ' if kind[0].isascii() else ''}{kind}",
            hint="请在 Excel/WPS 中打开原表格，另存为“CSV UTF-8（逗号分隔）”；"
            "填好的 Excel 模板请用 python -m generator import 导入。",
        )
        return
    if data.startswith(BOM):
        yield Problem(
            shown,
            1,
            "bom",
            "文件开头有 BOM（字节顺序标记）",
            expected="无 BOM 的 UTF-8",
            hint="请另存为不带 BOM 的 UTF-8；导入请用 python -m generator import，它会自动处理。",
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        yield Problem(
            shown,
            line,
            "nul-byte",
            "文件中有 NUL 空字符（\\x00），通常是文件损坏或另存为 UTF-16 所致",
            hint="请用文本编辑器删除该字符，或重新另存为 CSV UTF-8。",
        )
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        yield Problem(
            shown,
            line,
            "encoding-error",
            "文件不是 UTF-8 编码，无法读取",
            actual=f"第 {exc.start + 1} 个字节 0x{data[exc.start]:02X}",
            expected="UTF-8",
            hint=f"{guess}请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”，或用 python -m generator import 导入。",
        )
        return
    inner = text.find("\ufeff", 1)
    if inner != -1:
        line = text[:inner].count("\n") + 1
        yield Problem(
            shown,
            line,
            "bom",
            "文件中间出现 BOM（字节顺序标记），通常是把两个文件拼接在一起造成的",
            hint="请删除该行开头的不可见字符。",
        )
    row = _bad_quote(text)
    if row is not None:
        yield Problem(
            shown,
            row,
            "quote-error",
            "英文双引号没有配对（或引号后面紧跟了别的字符），从这一行起无法正确分列",
            hint='含逗号、引号或换行的单元格要整体用英文双引号括起来，内容中的双引号写两次（""）。'
            "请用 Excel/WPS 打开后重新另存为 CSV，不要手工编辑引号。",
        )


def _bad_quote(text: str) -> int | None:
    """The spreadsheet row of the record where strict CSV parsing fails, or None."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    records = 0
    try:
        for _ in reader:
            records += 1
    except csv.Error:
        return records + 1
    return None


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    return "看起来是 GBK/GB18030 编码（Windows 中文版 Excel 的默认）。"


def unreadable(problems: list[Problem]) -> bool:
    return any(
        p.code in {"file-missing", "empty-file", "not-text", "nul-byte", "encoding-error", "quote-error"}
        for p in problems
    )
