"""Normalise what is safe, and say so: every change is reported (row, column, old → new, why).

Safe means the meaning cannot change: surrounding spaces (also full-width U+3000 and no-break spaces),
invisible characters (BOM, zero-width space), full-width digits and letters in ids, codes, numbers and
dates (NFKC), ``[2011]``/``【2011】``/``(2011)`` around the year of a document number → ``〔2011〕``,
a province or an enum value given by its Chinese name (or by another word notices use for it, 撤销 or
验收通过, listed in ``generator/data/value_synonyms.csv``) → its code, ``2023年`` → ``2023``,
``2024/5/1`` → ``2024-05-01``, a line break inside a name (dropped between Chinese characters; between masters
``;``), ``《…》`` around a name or host (the printed text stays in ``name_as_printed``), several masters separated by ``、`` or ``，`` → ``;``,
a Kangxi radical or CJK compatibility ideograph in a name (``⼯`` U+2F2F, copied from a PDF) → the common character (``工``).

Choosing an option from the template's drop-down list (``"420000 湖北"``) is not a change: the code in
front is taken silently. Anything else is left as it is, for validation to judge.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import paths
from generator.intake.choices import Choices
from generator.intake.fields import TableSpec
from generator.model.written import joined_masters, short_city

SPACES = " \t\r\n\u3000\u00a0\u2002\u2003\u2009"
INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
DATE_FIELDS = {"date", "gongshi_start", "gongshi_end", "status_date", "valid_from", "valid_to"}
CODE_FIELDS = {"id", "credit_code", "announcement_id", "province_code", *DATE_FIELDS}
NAME_FIELDS = {"name", "host_organization", "city", "title", "master_name"}
DOC_YEAR = re.compile(r"[\[【(〔［〖]\s*(\d{4})\s*[\]】)〕］〗]")
DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?$")
YEAR_ONLY = re.compile(r"^(\d{4})\s*年$")
NUMBER_SUFFIX = re.compile(r"^(\d+)\s*(年度|年|个|家|项|所)$")
DATE_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
EXCEL_SERIAL = re.compile(r"^\d{5}(\.0+)?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel counts a 29 February 1900 that never was)
QUOTED = re.compile(r"^[《「“\"](.+)[》」”\"]$")  # 《…工作室》: the marks around a title are not part of the name
KEEP_LINES = {"evidence", "notes"}  # free text, where a line break is the clerk's
# CJK radicals supplement, Kangxi radicals, CJK compatibility ideographs (and their supplement)
LOOKALIKE_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@dataclass(frozen=True)
class Change:
    row: int
    field: str
    old: str
    new: str
    why: str


@dataclass(frozen=True)
class Lookups:
    options: dict[str, dict[str, str]]  # field → drop-down option text → code (taken silently)
    names: dict[str, dict[str, str]]  # field → Chinese label or name → code (reported)
    codes: dict[str, set[str]]  # field → every valid code


# 省级行政区的简称（GB/T 2260）: a province column may print 鄂 for 湖北
ABBREVIATIONS = {
    "110000": "京",
    "120000": "津",
    "130000": "冀",
    "140000": "晋",
    "150000": "蒙",
    "210000": "辽",
    "220000": "吉",
    "230000": "黑",
    "310000": "沪",
    "320000": "苏",
    "330000": "浙",
    "340000": "皖",
    "350000": "闽",
    "360000": "赣",
    "370000": "鲁",
    "410000": "豫",
    "420000": "鄂",
    "430000": "湘",
    "440000": "粤",
    "450000": "桂",
    "460000": "琼",
    "500000": "渝",
    "510000": "川",
    "520000": "黔",
    "530000": "滇",
    "540000": "藏",
    "610000": "陕",
    "620000": "甘",
    "630000": "青",
    "640000": "宁",
    "650000": "新",
    "710000": "台",
    "810000": "港",
    "820000": "澳",
}


def lookups(spec: TableSpec, choices: Choices) -> Lookups:
    options: dict[str, dict[str, str]] = {}
    names: dict[str, dict[str, str]] = {}
    codes: dict[str, set[str]] = {}
    for name in spec.names:
        listed = choices.options(spec, name)
        if not listed:
            continue
        options[name] = {text: code for code, text in listed}
        codes[name] = {code for code, _ in listed}
        if name == "province_code":
            names[name] = {n: code for code, short, full in choices.provinces for n in (short, full) if n}
            names[name] |= {ABBREVIATIONS[code]: code for code, _, _ in choices.provinces if code in ABBREVIATIONS}
        elif name != "announcement_id":
            names[name] = {**WRITTEN.get(name, {}), **{label: code for code, label in spec.enum(name)}}
    return Lookups(options, names, codes)


def _written(path: Path) -> dict[str, dict[str, str]]:
    """Other words the notices use for a code (撤销, 验收通过 …), kept as data in ``value_synonyms.csv``."""
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["field"], {})[row["written"]] = row["code"]
    return out


WRITTEN = _written(paths.VALUE_SYNONYMS)


def normalise_row(
    spec: TableSpec, number: int, row: dict[str, str], look: Lookups
) -> tuple[dict[str, str], list[Change]]:
    out: dict[str, str] = {}
    changes: list[Change] = []
    for name, value in row.items():
        new, why = normalise_cell(spec, name, value, look)
        out[name] = new
        if new != value and why:  # no reason: a drop-down option, read back silently
            changes.append(Change(number, name, value, new, "；".join(why)))
    return out, changes


def normalise_cell(spec: TableSpec, name: str, value: str, look: Lookups) -> tuple[str, list[str]]:
    why: list[str] = []

    def step(func: Callable[[str], str], reason: str) -> None:
        nonlocal value
        new = func(value)
        if new != value:
            value = new
            why.append(reason)

    step(lambda v: INVISIBLE.sub("", v), "删除不可见字符（BOM、零宽空格）")
    step(lambda v: v.strip(SPACES), "去掉首尾空格")
    if name not in KEEP_LINES and name == "master_name":
        step(
            lambda v: ";".join(line.strip(SPACES) for line in v.splitlines() if line.strip(SPACES)),
            "每行一位领办人，改用英文分号 ; 分隔",
        )
    elif name not in KEEP_LINES:
        step(unwrap, "删除单元格中的换行")
    hidden = _hidden_characters(value, keep_lines=name in KEEP_LINES)
    if hidden:
        step(
            lambda v: "".join(c for c in v if c not in hidden),
            "删除控制字符或不可见字符（" + "、".join(f"U+{ord(c):04X}" for c in sorted(hidden)) + "）",
        )
    if not value:
        return value, why
    if name in look.options:
        if value in look.options[name]:
            return look.options[name][value], []  # a drop-down option: not a change
        return _coded(name, value, look, why)
    kind = str(spec.field(name).get("type", "string"))
    if name in DATE_FIELDS:
        step(lambda v: DATE_TIME.sub(r"\1", unicodedata.normalize("NFKC", v).strip()), "去掉时刻，只保留日期")
    if name in CODE_FIELDS or kind in {"integer", "number", "year", "date"}:
        step(lambda v: unicodedata.normalize("NFKC", v), "全角字符改为半角")
        step(lambda v: "".join(v.split()), "删除空格")
    if name == "credit_code":
        step(str.upper, "字母改为大写")
    elif name == "id" and not spec.assigns_ids:
        step(str.lower, "字母改为小写")
    elif name == "id":
        step(str.upper, "字母改为大写")  # s000001 in an update file: ids of bases and studios are B/S + digits
    elif kind in {"integer", "number"}:
        step(lambda v: NUMBER_SUFFIX.sub(r"\1", v), "去掉数字后面的“年”“个”等字")
    elif name in DATE_FIELDS:
        step(_excel_serial, "Excel 日期序号转为日期")
        step(_iso_date, "日期改为 YYYY-MM-DD 格式")
    elif name == "doc_number":
        step(lambda v: unicodedata.normalize("NFKC", v).replace(" ", ""), "全角字符改为半角")
        step(lambda v: DOC_YEAR.sub(r"〔\1〕", v), "文号中的年份括号改为六角括号〔〕")
    elif name == "source_url":
        step(lambda v: unicodedata.normalize("NFKC", v), "全角字符改为半角")
    elif name == "issuing_body":
        step(lambda v: v.replace("；", ";"), "全角分号改为英文分号")
    if name in NAME_FIELDS and (similar := lookalikes(value)):
        step(
            common_characters,
            "康熙部首或兼容汉字改为通用汉字（" + "、".join(f"U+{ord(c):04X} → {similar[c]}" for c in similar) + "）",
        )
    if name == "master_name":
        step(joined_masters, "多位领办人改用英文分号 ; 分隔")
        step(lambda v: ";".join("".join(m.split()) for m in v.split(";")), "删除姓名中的空格（仍是一位领办人）")
    elif name in NAME_FIELDS:
        step(lambda v: v.replace("\u3000", ""), "删除名称中的全角空格")
        if name in {"name", "host_organization"}:
            step(lambda v: QUOTED.sub(r"\1", v).strip(SPACES), "去掉名称两边的书名号或引号（原文名称照印保留）")
    if name == "city":
        step(short_city, "城市统一写作简称（去掉“市”“地区”）")
    return value, why


def _coded(name: str, value: str, look: Lookups, why: list[str]) -> tuple[str, list[str]]:
    """A field with a list: a code (any case, full width), a Chinese name, or an option's code in front."""
    codes = look.codes[name]
    plain = "".join(unicodedata.normalize("NFKC", value).split())
    if plain in codes or plain.lower() in codes:
        code = plain if plain in codes else plain.lower()
        return code, why + (["代码改为标准写法（半角、小写、无空格）"] if code != value else [])
    names = look.names.get(name, {})
    for candidate in (value, plain):
        if candidate in names:
            return names[candidate], [*why, f"中文名称「{candidate}」改为代码"]
    head = unicodedata.normalize("NFKC", value).split(maxsplit=1)[0]
    if head in codes:
        return head, [*why, "取下拉选项开头的代码"]
    return value, why


def unwrap(text: str) -> str:
    """A cell's lines as one: Word and PDF wrap long names (``徐工集团工程机械\n股份有限公司``); between
    two Chinese characters the break is dropped, elsewhere (``ABB (中国)\nLtd``) it becomes a space."""
    lines = [line.strip(SPACES) for line in text.splitlines() if line.strip(SPACES)]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out += ("" if _wide(out[-1]) and _wide(line[0]) else " ") + line
    return out


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in {"W", "F"}


def lookalikes(value: str) -> dict[str, str]:
    """Characters that look like a common Chinese character but are another code point: a Kangxi radical
    (⼯ U+2F2F for 工, as text copied from a PDF often has) or a CJK compatibility ideograph (兀 U+FA0C
    for 兀). Searching for 工作室 would not find the name, and the duplicate check would compare them
    only after NFKC; NFKC gives the common character."""
    return {
        c: unicodedata.normalize("NFKC", c)
        for c in dict.fromkeys(value)
        if any(lo <= ord(c) <= hi for lo, hi in LOOKALIKE_BLOCKS) and unicodedata.normalize("NFKC", c) != c
    }


def common_characters(value: str) -> str:
    """The value with every lookalike (:func:`lookalikes`) written as its common character."""
    similar = lookalikes(value)
    return "".join(similar.get(c, c) for c in value) if similar else value


def _hidden_characters(value: str, keep_lines: bool) -> set[str]:
    """Control characters (line breaks, TAB) and invisible format characters (soft hyphen, bidi
    overrides such as U+202E, zero-width joiners): never part of a name."""
    allowed = "\n\r\t" if keep_lines else ""
    return {c for c in value if unicodedata.category(c) in {"Cc", "Cf"} and c not in allowed}


def _excel_serial(value: str) -> str:
    """``45052`` → ``2023-05-06``: a date cell that Excel or WPS saved as its day number."""
    if not EXCEL_SERIAL.match(value):
        return value
    serial = int(float(value))
    if not 20000 <= serial <= 80000:  # 1954–2119: outside, it is not a date the register holds
        return value
    return (EXCEL_EPOCH + dt.timedelta(days=serial)).isoformat()


def _iso_date(value: str) -> str:
    found = YEAR_ONLY.match(value)
    if found:
        return found.group(1)
    found = DATE.match(value)
    if not found:
        return value
    year, month, day = found.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
