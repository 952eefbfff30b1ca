"""Decode an uploaded CSV: UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Chinese
Excel and WPS save by default). UTF-8 is tried first and strictly: text in GBK almost never happens to
be valid UTF-8, while UTF-8 bytes often also decode as GB18030, into different characters. When both
decode to different text the file is *ambiguous*, and the report says which was used.

A file whose lines disagree (some valid UTF-8 with Chinese, others not) was pasted together from two
files and is refused: no single decoding would read it right.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.model.problems import Problem

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as shown to the clerk
    note: str = ""  # said when it matters: ambiguity, a pure-ASCII file


def decode(data: bytes, shown: str) -> tuple[Decoded | None, list[Problem]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        name = "UTF-8（带 BOM）" if data.startswith(BOM) else "UTF-8"
        body = data[len(BOM):] if data.startswith(BOM) else data
        if body.isascii():
            return Decoded(text, name, "文件只含 ASCII 字符，UTF-8 与 GBK 读出的内容相同。"), []
        if _decodes(body, "gb18030") not in (None, text):
            return Decoded(text, name, "注意：此文件按 GB18030（GBK）也能解码，但读出的文字不同（ambiguous）；"
                                       "已按 UTF-8 读取，这几乎总是对的。请核对下面列出的名称是否为正常中文。"), []
        return Decoded(text, name), []
    mixed = _mixed_lines(data)
    if mixed:
        utf8, other = mixed
        return None, [Problem(shown, other[0], "import-mixed-encoding",
                              f"文件混用了两种编码：第 {_rows(utf8)} 行是 UTF-8，第 {_rows(other)} 行是 GBK 或其他编码",
                              hint="通常是把两个文件拼接在一起造成的。请在 Excel/WPS 中分别打开原文件，"
                                   "复制到同一个模板里，再整体保存。")]
    text = _decodes(data, "gb18030")
    if text is not None:
        return Decoded(text, "GB18030（GBK）"), []
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, "import-encoding", "文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030",
                              actual=f"第 {exc.start + 1} 个字节 0x{data[exc.start]:02X}",
                              expected="UTF-8 或 GBK 编码的 CSV",
                              hint="请在 Excel/WPS 中打开文件，另存为“CSV UTF-8（逗号分隔）”，或直接导入 Excel 模板（.xlsx）。")]
    raise AssertionError("unreachable: gb18030 decoded on the second try")  # pragma: no cover


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mixed_lines(data: bytes) -> tuple[list[int], list[int]] | None:
    """Line numbers of non-ASCII lines that are UTF-8 and of those that are not, when both exist."""
    utf8: list[int] = []
    other: list[int] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        (utf8 if _decodes(line.removeprefix(BOM), "utf-8") is not None else other).append(number)
    return (utf8, other) if utf8 and other else None


def _rows(numbers: list[int], limit: int = 5) -> str:
    shown = "、".join(str(n) for n in numbers[:limit])
    return shown + (f" 等 {len(numbers)} " if len(numbers) > limit else "")
