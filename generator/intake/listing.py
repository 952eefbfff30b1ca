"""Turn a published table or text into records: which column is which, and what each line says.

Tables: the header row is found among the first rows by the publisher's own headers (synonyms kept as
data in ``generator/data/header_synonyms.csv``; ``--map "列名=字段"`` overrides). Title rows above it,
序号 columns, total rows (合计/总计), repeated headers (a table split across pages) and province heading
rows (``北京（3个）``, a row merged across the table) are skipped and counted; a heading, and a blank
province cell under a filled one, carry down to the rows under them.

Text (a web page, a PDF or Word file without a table): one record a line, in the printed forms

    1. 付一鸣技能大师工作室（武汉地铁集团有限公司）     name（host）
    张志发（冷作工）                                   master（trade）
    武汉地铁集团有限公司付一鸣 / 付一鸣技能大师工作室  武汉地铁集团有限公司    host+master, name then host

under province headings (``北京（3个）``, ``（一）北京市：``); numbering (``1.`` ``1、`` ``（1）`` ``（一）`` ``①``) is dropped. A
name padded with a space (``王　芳（钳工）``) is one name. A line that is numbered, or stands between two
entries, and is not read as one is an error, never dropped quietly; a heading's count (``（3个）``) is
compared with the entries read under it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator import paths
from generator.intake.fields import TableSpec, header_key
from generator.intake.normalise import SPACES, common_characters, lookalikes, unwrap
from generator.intake.rows import TOTAL

SYNONYMS = paths.HEADER_SYNONYMS
NAME_COLUMNS = {"name", "host_organization", "master_name"}
PSEUDO = {"serial": "序号（不导入）", "trade": "职业（工种）", "skip": "不导入"}
COUNT = r"\s*(?:[（(]\s*共?\s*\d+\s*[个家项名人]?\s*[)）])?\s*[:：]?\s*$"
NUMBERING = re.compile(
    r"^\s*(?:[（(]\s*(?:\d+|[一二三四五六七八九十]+)\s*[)）]|\d+\s*[.、．,，)）]|[一二三四五六七八九十]+\s*[、.．]"
    r"|[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u3251-\u325f\u32b1-\u32bf])\s*"
)  # 1. 1、 (1) （一） 一、 ① ⑴ ⒈
ORG = re.compile(
    r"(公司|集团|学院|学校|大学|技校|中专|职中|厂|局|医院|研究院|研究所|设计院|中心|协会|合作社|站|段|队|处|馆|店|场|矿|所)$"
)
PERSON = re.compile(r"^[\u4e00-\u9fff·](?:[ \u3000]{0,2}[\u4e00-\u9fff·]){1,4}$")  # 王 芳, 王　芳: padded, one person
STATED = re.compile(r"[（(]\s*共?\s*(\d+)\s*[个家项名人]?\s*[)）]")
HOST_MASTER = re.compile(
    r"^(.+?(?:有限公司|有限责任公司|公司|集团|学院|学校|大学|医院|研究院|研究所|中心|厂|局|站|段))"
    r"([\u4e00-\u9fff·]{2,4})$"
)
NAME_HOST = re.compile(r"^(.+?工作室[》」”]?)\s*[（(]?(.+?)[)）]?$")
MARKS = "《》「」“”\"'"  # quotation marks around a printed title
PARENS = re.compile(r"^(.+?)\s*[（(]([^（）()]+)[)）]$")


def synonyms(path: Path = SYNONYMS) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {header_key(row["header"]): row["field"] for row in csv.DictReader(f)}


@dataclass
class Record:
    row: int
    values: dict[str, str]  # spec field or "trade" → text as printed
    printed: str = ""  # the row's text as printed, for name_as_printed when the name is built
    unmapped: dict[str, str] = field(default_factory=dict)  # header as printed → cell, for columns not imported


@dataclass
class Heading:
    row: int
    text: str
    stated: int | None  # 北京（3个） → 3
    records: int = 0


@dataclass
class Listing:
    records: list[Record] = field(default_factory=list)
    mapping: list[tuple[str, str]] = field(default_factory=list)  # (header as printed, field or "")
    header_row: int = 0
    positions: list[int] = field(default_factory=list)  # the column (from 0) of each mapped header
    skipped: dict[str, list[int]] = field(default_factory=dict)  # why → rows
    carried: list[str] = field(default_factory=list)
    unparsed: list[tuple[int, str]] = field(default_factory=list)  # entry-like lines that say nothing we read
    headings: list[Heading] = field(default_factory=list)  # province headings, with the count they state

    lists: list[tuple[int, str]] = field(default_factory=list)  # several lists in one file: (header row, headers)

    def skip(self, why: str, row: int) -> None:
        self.skipped.setdefault(why, []).append(row)

    def fits(self, table: str) -> bool:
        """A studios list names masters or studios; a bases list does neither."""
        studios = any(f == "master_name" for _, f in self.mapping) or any(
            "工作室" in r.values.get("name", "") for r in self.records
        )
        return studios if table == "studios" else not studios


def stated_count(text: str) -> int | None:
    found = STATED.search(text)
    return int(found.group(1)) if found else None


def province_heading(text: str, provinces: dict[str, str]) -> str:
    """The province a heading names (its short name as printed), or ""."""
    plain = "".join(NUMBERING.sub("", text).split())
    for name in sorted(provinces, key=len, reverse=True):
        if re.match(
            re.escape(name) + r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?" + COUNT, plain
        ):
            return name
    return ""


def field_of(label: str, spec: TableSpec, known: dict[str, str], overrides: dict[str, str]) -> str:
    key = header_key(label)
    if key in overrides:
        return overrides[key]
    return spec.by_header().get(key) or known.get(key, "")


def read_table(
    rows: list[tuple[int, list[str]]], spec: TableSpec, provinces: dict[str, str], overrides: dict[str, str]
) -> Listing:
    """The list under the first header; when the file holds several lists (附件1 培训基地, 附件2 工作室:
    a header with other columns further down), the one that fits ``--into``, the others skipped and said."""
    known = synonyms()
    needed = 1 if overrides else 2  # a one-column list is found once the clerk has named its column

    def fields(cells: list[str]) -> list[str]:
        return [f for c in cells if c.strip() and (f := field_of(c, spec, known, overrides))]

    starts = [i for i, (_, cells) in enumerate(rows[:15]) if len(fields(cells)) >= needed][:1]
    for i in range(starts[0] + 1 if starts else len(rows), len(rows)):
        found = fields(rows[i][1])
        if len(found) >= max(needed, 2) and found != fields(rows[starts[-1]][1]):
            starts.append(i)  # another header, with other columns: another list
    if not starts:
        return Listing()
    bounds = list(zip([0, *starts[1:]], [*starts[1:], len(rows)], strict=True))  # the title rows go with the first
    sections = [
        _read_section(rows[a:b], (starts[0] if k == 0 else a) - a, spec, known, overrides, provinces)
        for k, (a, b) in enumerate(bounds)
    ]
    if len(sections) == 1:
        return sections[0]
    fitting = [s for s in sections if s.fits(spec.name)]
    chosen = (
        fitting[0]
        if len(fitting) == 1
        else Listing(mapping=sections[0].mapping, header_row=sections[0].header_row, positions=sections[0].positions)
    )
    chosen.lists = [(s.header_row, "、".join(label for label, _ in s.mapping)) for s in sections]
    for s, (a, b) in zip(sections, bounds, strict=True):
        if s is not chosen and len(fitting) == 1:
            for n, cells in rows[a:b]:
                if any(c.strip() for c in cells):
                    chosen.skip(f"另一份名单的行（表头在第 {s.header_row} 行，不是{spec.sheet}名单）", n)
    return chosen


def _read_section(
    rows: list[tuple[int, list[str]]],
    header_at: int,
    spec: TableSpec,
    known: dict[str, str],
    overrides: dict[str, str],
    provinces: dict[str, str],
) -> Listing:
    out = Listing()
    number, header = rows[header_at]
    out.header_row = number
    for n, cells in rows[:header_at]:
        if any(c.strip() for c in cells):
            out.skip("表头上方的标题行", n)
    columns = [field_of(c, spec, known, overrides) if c.strip() else "" for c in header]
    out.mapping = [(unwrap(c), f) for c, f in zip(header, columns, strict=True) if c.strip()]
    out.positions = [i for i, c in enumerate(header) if c.strip()]
    heading = ""
    last: dict[str, str] = {}
    for n, cells in rows[header_at + 1 :]:
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        if [field_of(c, spec, known, overrides) for c in cells[: len(columns)]] == columns:
            out.skip("重复的表头（表格跨页）", n)
            continue
        if any(TOTAL.match(c) for c in filled):
            out.skip("合计行", n)
            continue
        spread = len(filled) == 1 or (len(set(filled)) == 1 and len(filled) >= len([c for c in columns if c]))
        if spread and province_heading(filled[0], provinces):
            heading, last = province_heading(filled[0], provinces), {}  # a new group: nothing carries over it
            out.headings.append(Heading(n, filled[0].strip(), stated_count(filled[0])))
            out.skip("省份标题行", n)
            continue
        where = next(i for i, c in enumerate(cells) if c.strip())
        if spread and (where >= len(columns) or columns[where] not in NAME_COLUMNS):
            out.skip("分组标题行", n)
            continue
        values: dict[str, str] = {}
        for index, name in enumerate(columns):
            if name and name not in {"serial", "skip"} and index < len(cells) and cells[index].strip():
                values[name] = lines(cells[index])  # a line break is normalised, and listed, later
        if "province_code" not in values and heading:
            values["province_code"] = heading
        elif "province_code" not in values and "province_code" in columns and last.get("province_code"):
            values["province_code"] = last["province_code"]
            out.carried.append(f"第 {n} 行的省份为空，沿用上一行的「{last['province_code']}」")
        last = values
        printed = "".join(values.get(f, "") for f in ("host_organization", "master_name"))
        unmapped = {
            unwrap(header[i]): unwrap(cells[i])
            for i, name in enumerate(columns)
            if not name and header[i].strip() and i < len(cells) and cells[i].strip()
        }
        out.records.append(Record(n, values, printed, unmapped))
        if heading:
            out.headings[-1].records += 1
    return out


def lines(cell: str) -> str:
    """A cell with its lines kept (each stripped): whether a break joins or separates is normalisation's
    to say, row by row."""
    return "\n".join(line.strip(SPACES) for line in cell.splitlines() if line.strip(SPACES))


def read_lines(lines: list[tuple[int, str]], spec: TableSpec, provinces: dict[str, str]) -> Listing:
    out = Listing()
    heading = ""
    unread: list[tuple[int, str]] = []
    for n, text in joined(lines):
        found = province_heading(text, provinces)
        if found:
            heading = found
            out.headings.append(Heading(n, text, stated_count(text)))
            out.skip("省份标题行", n)
            continue
        if TOTAL.match(text):
            out.skip("合计行", n)
            continue
        item = NUMBERING.sub("", text)
        similar = lookalikes(item)
        if similar:  # ⼯作室 (a Kangxi radical, from a PDF) reads as 工作室, and is said so
            item = common_characters(item)
            shown = "、".join(f"「{c}」（U+{ord(c):04X}）" for c in similar)
            out.carried.append(f"第 {n} 行的{shown}是康熙部首或兼容汉字，按通用汉字「{''.join(similar.values())}」读取")
        values = parse_item(item, spec)
        if not values and item != text:
            out.unparsed.append((n, text))  # numbered like an entry: never dropped quietly
            continue
        if not values:
            unread.append((n, text))
            continue
        if heading:
            values["province_code"] = heading
            out.headings[-1].records += 1
        out.records.append(Record(n, values, item))
    first, last = (out.records[0].row, out.records[-1].row) if out.records else (0, 0)
    for n, text in unread:
        if first < n < last:
            out.unparsed.append((n, text))  # among the entries: an entry we cannot read, never dropped quietly
        else:
            out.skip("未识别为名单条目的行（标题、说明文字等）", n)
    out.unparsed.sort()
    return out


def joined(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Non-blank lines, spaces collapsed; a line whose bracket is still open when it ends (a long
    entry that a PDF or a narrow page wrapped) is joined with the lines after it, under its number."""
    out: list[tuple[int, str]] = []
    open_at: int | None = None
    for n, raw in lines:
        text = re.sub(r"[ \t\r\n\u00a0]+", " ", raw).strip(
            " \t\u3000\u00a0"
        )  # a full-width space inside is kept as printed
        if not text:
            continue
        if open_at is not None:
            out[open_at] = (out[open_at][0], out[open_at][1] + text)
        else:
            out.append((n, text))
        whole = out[-1][1]
        unclosed = whole.count("（") + whole.count("(") > whole.count("）") + whole.count(")")
        open_at = len(out) - 1 if unclosed else None
    return out


def parse_item(item: str, spec: TableSpec) -> dict[str, str]:
    """What one printed line says: name, host, master, trade; {} when it is not a list entry."""
    bracketed = PARENS.match(item)
    head = bracketed.group(1).strip() if bracketed else ""
    padded = bool(PERSON.match(head)) and bool(re.search(r"[ \u3000]", head))  # 王　芳（钳工）: one name, padded
    parts = [] if padded else [p for p in re.split(r"\t+|(?:\s{2,}|\u3000+)(?=[^\s（(])", item) if p.strip()]
    if len(parts) >= 2:
        return _parts(parts)
    found = PARENS.match(item)
    if found:
        head, inside = found.group(1).strip(), found.group(2).strip()
        if head.strip(MARKS).endswith(("工作室", "基地")) or ORG.search(head.strip(MARKS)):
            return {"name": head, "host_organization": inside}
        if PERSON.match(head):
            return (
                {"master_name": head, "host_organization": inside}
                if ORG.search(inside)
                else {"master_name": head, "trade": inside}
            )
    found = NAME_HOST.match(item)
    if found and spec.name == "studios":
        name, rest = found.group(1), found.group(2).strip()
        if rest and ORG.search(rest):
            return {"name": name, "host_organization": rest}
        if item.strip(MARKS).endswith("工作室"):
            return {"name": item}
    if spec.name == "studios":
        found = HOST_MASTER.match(item)
        if found:
            return {"host_organization": found.group(1), "master_name": found.group(2)}
    if spec.name == "bases" and ORG.search(item) and len(item) <= 60:
        return {"name": item, "host_organization": item}
    return {}


def _parts(parts: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for part in parts:
        part = part.strip()
        if part.strip(MARKS).endswith(("工作室", "基地")) and "name" not in values:
            values["name"] = part
        elif ORG.search(part) and "host_organization" not in values:
            values["host_organization"] = part
        elif PERSON.match(part) and "master_name" not in values:
            values["master_name"] = part
        elif "trade" not in values:
            values["trade"] = part
    return values if ("name" in values or "master_name" in values or "host_organization" in values) else {}
