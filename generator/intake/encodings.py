"""Decode an uploaded CSV: UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Chinese
Excel and WPS save by default). UTF-8 is tried first and strictly: text in GBK almost never happens to
be valid UTF-8, while UTF-8 bytes often also decode as GB18030, into different characters. When both
decode to different text the file is *ambiguous*, and the report says which was used.

A file whose lines disagree (some valid UTF-8 with Chinese, others not) was pasted together from two
files and is refused: no single decoding would read it right.

Decoding without an error is not enough: Big5 (Taiwan, Hong Kong, and some mirror sites) bytes decode
as GB18030 into private-use garbage (``代计北м畍``). So the decoded text is *judged*: a decoding that
yields private-use, unassigned or control characters is rejected and the next is tried, in the order
UTF-8 → GB18030 → Big5 (cp950). When none gives clean text the file is refused, naming the encodings
tried and the first bad character. UTF-16 is read only when a byte-order mark says so (Notepad's
"Unicode", Excel's "Unicode 文本"); it is never guessed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from generator.model.problems import Problem

BOM = b"\xef\xbb\xbf"
UTF16_LE, UTF16_BE = b"\xff\xfe", b"\xfe\xff"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as shown to the clerk
    note: str = ""  # said when it matters: ambiguity, a pure-ASCII file


TRIED = "UTF-8、GB18030（GBK）、Big5"
RARE_SHARE = 0.3  # GBK text of names is almost all GB2312 characters; Big5 misread as GBK is not


def bad_character(text: str) -> tuple[int, str] | None:
    """(line, character) of the first private-use, unassigned or C1 control character, or None.
    (C0 controls such as a TAB in a name are the normaliser's: it removes and lists them.)"""
    for index, char in enumerate(text):
        if unicodedata.category(char) in {"Co", "Cn", "Cs"} or "\x80" <= char <= "\x9f":
            return text.count("\n", 0, index) + 1, char
    return None


def _rare_share(text: str) -> float:
    """Share of CJK characters outside GB2312, the common simplified set."""
    han = [c for c in text if ord(c) >= 0x2E80]
    if not han:
        return 0.0
    rare = 0
    for char in han:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare / len(han)


def decode(data: bytes, shown: str) -> tuple[Decoded | None, list[Problem]]:
    if data.startswith((UTF16_LE, UTF16_BE)):  # Notepad's "Unicode", Excel's "Unicode 文本": the BOM says so
        text = _decodes(data, "utf-16") or "\ufffd"  # U+FFFD: cut off in the middle of a character
        found = bad_character(text) or ((1, "\ufffd") if "\ufffd" in text else None)
        if found:
            return None, [_refused(shown, *found, "UTF-16")]
        return Decoded(text.removeprefix("\ufeff"), "UTF-16（带 BOM）"), []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        found = bad_character(text)
        if found:
            return None, [_refused(shown, *found, "UTF-8")]
        name = "UTF-8（带 BOM）" if data.startswith(BOM) else "UTF-8"
        body = data[len(BOM) :] if data.startswith(BOM) else data
        if body.isascii():
            return Decoded(text, name, "文件只含 ASCII 字符，UTF-8 与 GBK 读出的内容相同。"), []
        if _decodes(body, "gb18030") not in (None, text):
            return Decoded(
                text,
                name,
                "注意：此文件按 GB18030（GBK）也能解码，但读出的文字不同（ambiguous）；"
                "已按 UTF-8 读取，这几乎总是对的。请核对下面列出的名称是否为正常中文。",
            ), []
        return Decoded(text, name), []
    mixed = _mixed_lines(data)
    if mixed:
        utf8, other = mixed
        return None, [
            Problem(
                shown,
                other[0],
                "import-mixed-encoding",
                f"文件混用了两种编码：第 {_rows(utf8)} 行是 UTF-8，第 {_rows(other)} 行是 GBK 或其他编码",
                hint="通常是把两个文件拼接在一起造成的。请在 Excel/WPS 中分别打开原文件，"
                "复制到同一个模板里，再整体保存。",
            )
        ]
    gbk = _decodes(data, "gb18030")
    big5 = _decodes(data, "cp950")
    big5_clean = big5 is not None and bad_character(big5) is None
    if gbk is not None and bad_character(gbk) is None and not (big5_clean and _rare_share(gbk) > RARE_SHARE):
        return Decoded(gbk, "GB18030（GBK）"), []
    if big5 is not None and big5_clean:
        return Decoded(
            big5,
            "Big5（繁体中文）",
            "注意：文件是 Big5 编码（繁体中文），已按 Big5 读取，名称按原文的繁体字保留；请核对下面列出的名称。",
        ), []
    if gbk is not None:
        found = bad_character(gbk)
        assert found is not None
        return None, [_refused(shown, *found, "GB18030（GBK）")]
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                shown,
                line,
                "import-encoding",
                f"文件编码无法识别：已尝试 {TRIED}，都不能读出",
                actual=f"第 {exc.start + 1} 个字节 0x{data[exc.start]:02X}",
                expected="UTF-8、GBK 或 Big5 编码的 CSV",
                hint="请在 Excel/WPS 中打开文件，另存为“CSV UTF-8（逗号分隔）”，或直接导入 Excel 模板（.xlsx）。",
            )
        ]
    raise AssertionError("unreachable: gb18030 decoded on the second try")  # pragma: no cover


def _refused(shown: str, line: int, char: str, encoding: str) -> Problem:
    return Problem(
        shown,
        line,
        "import-encoding",
        f"文件编码无法识别：按 {encoding} 解码后出现私用区、未分配字符或 C1 控制字符，说明编码不对（已尝试 {TRIED}）",
        actual=f"U+{ord(char):04X}",
        expected="正常的中文文字",
        hint="请在 Excel/WPS 中打开原文件，确认文字显示正常后另存为“CSV UTF-8（逗号分隔）”，"
        "或直接导入 Excel 模板（.xlsx）。",
    )


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
