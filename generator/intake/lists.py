"""``import FILE --into studios|bases --announcement ID``: a list as it was published becomes template
rows, and from there the import is the same as for a filled template (normalise → check → ids →
validate a merged copy → one rename).

What the list does not say comes from its announcement (level, province when the list has none, the
source URL and evidence level), and nothing else is filled in: no year unless the list has one. Where
a studio's list gives only the master (and the host or trade), its name is built as the register
builds such names: ``<master>技能大师工作室``, ``name_quality = constructed``, with the printed text kept
in ``name_as_printed``. The trade (职业/工种) goes into ``occupation`` when the schema has that field,
otherwise into the evidence text, so it is kept and shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator import paths
from generator.intake.choices import choices_from_files
from generator.intake.fields import TableSpec, header_key, table_spec
from generator.intake.import_ import ImportPlan, plan_rows
from generator.intake.listing import NUMBERING, PSEUDO, Listing, Record, read_lines, read_table
from generator.intake.normalise import common_characters
from generator.intake.plausible import announcement_rows
from generator.intake.published import Published, read_published
from generator.intake.read import Upload
from generator.model import sitemap
from generator.model.problems import WARNING, Problem, errors
from generator.validate import shown_path, validate

STUDIO_SUFFIX = "技能大师工作室"
MASTER_IN_NAME = re.compile(  # 付一鸣技能大师工作室; 周德明、刘小红技能大师工作室 (several masters, separated)
    r"^((?:[\u4e00-\u9fff·]{2,4}[、，,;；])*[\u4e00-\u9fff·]{2,4})技能大师工作室$"
)


@dataclass(frozen=True)
class ListPlan:
    plan: ImportPlan
    listing: Listing | None = None
    source: Published | None = None


def parse_map(items: tuple[str, ...], spec: TableSpec) -> tuple[dict[str, str], list[str]]:
    """``"工作室名称=name"`` → {header key: field}; a field may be its name, its Chinese title, or
    serial/trade/skip. Returns the overrides and the items that name no field."""
    titles = {header_key(spec.title(n)): n for n in spec.names} | {n: n for n in spec.names} | {p: p for p in PSEUDO}
    out: dict[str, str] = {}
    bad: list[str] = []
    for item in items:
        label, _, target = item.partition("=")
        found = titles.get(header_key(target)) or titles.get(target.strip())
        if not label.strip() or not found:
            bad.append(item)
        else:
            out[header_key(label)] = found
    return out, bad


def plan_list(
    file: Path,
    into: str,
    announcement: str,
    datasets: Path,
    overrides: dict[str, str],
    *,
    data: bytes | None = None,
    allow_duplicates: frozenset[int] = frozenset(),
    schemas: Path = paths.SCHEMAS,
    only_new: bool = False,
) -> ListPlan:
    spec = table_spec(into, schemas)
    plan = ImportPlan(spec, datasets / sitemap.REGISTER / f"{into}.csv")
    before = validate(datasets, schemas)
    if errors(before):
        return ListPlan(
            replace(
                plan,
                problems=(
                    Problem(
                        shown_path(datasets),
                        None,
                        "import-datasets-invalid",
                        f"现有数据本身有 {len(errors(before))} 个错误，不能导入",
                        hint="请先运行 python -m generator validate 并改正这些错误，再导入。",
                    ),
                ),
            )
        )
    shown = "标准输入" if str(file) == "-" else shown_path(file)
    source, problems = read_published(file, shown, data)
    if source is None:
        return ListPlan(replace(plan, problems=tuple(problems)))
    choices = choices_from_files(datasets)
    provinces = {n: code for code, short, full in choices.provinces for n in (short, full) if n}
    if source.table:
        listing = read_table(source.table, spec, provinces, overrides)
        if not listing.mapping:
            return ListPlan(
                replace(
                    plan,
                    description=source.description,
                    problems=(
                        Problem(
                            shown,
                            None,
                            "import-no-header",
                            "在表格的前 15 行中找不到表头：没有认出至少两个列名",
                            expected="序号、省份、单位名称/依托单位、工作室名称、领办人、职业（工种）等",
                            hint='请用 --map "列名=字段" 指明各列（如 --map "工作室名称=name"），或删去表头上方的说明文字。',
                        ),
                    ),
                ),
                source=source,
            )
        if len(listing.lists) > 1 and not listing.records:
            return ListPlan(
                replace(
                    plan,
                    description=source.description,
                    problems=(
                        Problem(
                            shown,
                            None,
                            "import-several-lists",
                            f"文件中有 {len(listing.lists)} 份名单，认不出哪一份是{spec.sheet}名单："
                            + "；".join(f"第 {n} 行起（{labels}）" for n, labels in listing.lists),
                            hint="请把要导入的那一份表格复制到一个新的 Word/Excel 文件中单独导入。",
                        ),
                    ),
                ),
                listing,
                source,
            )
        doubled = doubled_columns(listing, spec, shown)
        if doubled:
            return ListPlan(replace(plan, description=source.description, problems=doubled), listing, source)
    else:
        listing = read_lines(source.lines, spec, provinces)
    if listing.unparsed:
        return ListPlan(
            replace(
                plan,
                description=source.description,
                problems=tuple(
                    Problem(
                        shown,
                        n,
                        "import-unrecognised-line",
                        ("这一行有编号" if NUMBERING.match(text) else "这一行夹在名单条目之间")
                        + "，像是名单条目，却认不出名称、依托单位或领办人",
                        actual=text,
                        hint="请把这一行改成“名称（依托单位）”“领办人（工种）”或“依托单位领办人”的写法，"
                        "或把名单整理成表格（序号、工作室名称、依托单位、领办人）后再导入。",
                    )
                    for n, text in listing.unparsed
                ),
            ),
            listing,
            source,
        )
    if not listing.records:
        kind = "Word 文件中没有表格，段落里" if "没有表格" in source.description else "文件中"
        return ListPlan(
            replace(
                plan,
                description=source.description,
                problems=(
                    Problem(
                        shown,
                        None,
                        "import-no-rows",
                        f"{kind}没有认出名单条目",
                        hint="名单应是表格，或每行一条（如“1. 付一鸣技能大师工作室（武汉地铁集团有限公司）”“张志发（冷作工）”）。"
                        "请检查是否选错了文件（如选了通知正文而不是附件）。",
                    ),
                ),
            ),
            listing,
            source,
        )
    known = announcement_rows(datasets)[announcement][1]
    rows = [template_row(spec, record, known, shown) for record in listing.records]
    kinds = remap_kinds(source, listing, spec)
    upload = Upload(
        shown,
        source.description,
        tuple(spec.names),
        tuple((r.row, tuple(row.get(n, "") for n in spec.names)) for r, row in zip(listing.records, rows, strict=True)),
        kinds=kinds,
        notes=tuple(source.notes + listing.carried),
        header_row=listing.header_row,
        numbered_by_reader=False,
    )
    planned = plan_rows(
        plan, upload, datasets, schemas, before, allow_duplicates, columns=list(spec.names), only_new=only_new
    )
    checked = (
        publisher_titles(planned.problems, listing, spec, shown)
        + heading_counts(listing, spec, shown)
        + status_remarks(listing, into, shown)
    )
    return ListPlan(replace(planned, problems=checked), listing, source)


def doubled_columns(listing: Listing, spec: TableSpec, shown: str) -> tuple[Problem, ...]:
    """Two columns for one field: a list printed in two columns side by side (序号、工作室名称、序号、
    工作室名称), or two headers that are synonyms (推荐单位 and 单位名称). Reading both would keep only
    one column's values and drop the other's without a word, so the file is refused, naming both."""
    first: dict[str, tuple[int, str]] = {}
    out: list[Problem] = []
    for index, (label, name) in zip(listing.positions, listing.mapping, strict=True):
        if name in {"", "serial", "skip"}:
            continue
        if name not in first:
            first[name] = (index, label)
            continue
        at, before = first[name]
        title = PSEUDO.get(name) or spec.title(name)
        side_by_side = header_key(before) == header_key(label)
        out.append(
            Problem(
                shown,
                listing.header_row,
                "import-duplicate-column",
                f"表头第 {at + 1} 列「{before}」和第 {index + 1} 列「{label}」都对应「{title}」（{name}），"
                "只能导入其中一列",
                field=title,
                hint="名单像是分成左右两栏排印的：请在 Word/Excel 中把右边一栏的各行剪切、粘贴到左边一栏的下方，"
                "再导入。"
                if side_by_side
                else f'请用 --map 指明不导入的一列，如 --map "{before}=skip"，或 --map "{label}=skip"。',
            )
        )
    return tuple(out)


STATUS_REMARK = re.compile(r"撤销|撤消|取消|退出|终止|注销|更名|变更|暂缓|不予|整改|停止|合并")


def status_remarks(listing: Listing, table: str, shown: str) -> tuple[Problem, ...]:
    """A column that is not imported (备注, 说明) saying 撤销 or 更名 beside a record: imported as it
    stands, the record would be shown as approved under the name in the list. The clerk decides: the
    column left out on purpose (``--map "备注=skip"``) and the change made by ``--update``, or the row
    taken out of the list."""
    return tuple(
        Problem(
            shown,
            record.row,
            "import-status-remark",
            f"「{header}」列不导入，而这一行写着「{text}」：照原样导入，网站上看不到这一变化",
            field=header,
            actual=text,
            hint=f'请对照原公告核对这一行。照常导入时加 --map "{header}=skip"（该列不导入），导入后用 '
            f"python -m generator import 修改表.xlsx --into {table} --update 写明撤销（状态、状态来源网址、状态说明）"
            "或更正名称；这一行本不该收录时，从名单中删去后再导入。",
        )
        for record in listing.records
        for header, text in record.unmapped.items()
        if STATUS_REMARK.search(text)
    )


def heading_counts(listing: Listing, spec: TableSpec, shown: str) -> tuple[Problem, ...]:
    """北京（3个） over two rows that were read: a row of the list was not read as an entry, or the
    heading miscounts; either way the clerk compares the file with what was read."""
    return tuple(
        Problem(
            shown,
            h.row,
            "import-heading-count",
            f"标题「{h.text}」写明 {h.stated} 条，其下认出 {h.records} 条",
            actual=str(h.records),
            expected=str(h.stated),
            hint="请对照原文件核对这一组：少认出的行是否写法特殊（可整理成表格或“名称（依托单位）”的写法后再导入），"
            "或标题里的数字本身有误。",
            severity=WARNING,
        )
        for h in listing.headings
        if h.stated is not None and h.stated != h.records
    )


def publisher_titles(
    problems: tuple[Problem, ...], listing: Listing, spec: TableSpec, shown: str
) -> tuple[Problem, ...]:
    """A problem in the list names the column as the publisher printed it: 「推荐单位（依托单位）」."""
    printed = {spec.title(name): label for label, name in listing.mapping if name in spec.names}
    return tuple(
        replace(p, field=f"{printed[p.field]}（{p.field}）")
        if p.path == shown and p.field in printed and printed[p.field] != p.field
        else p
        for p in problems
    )


def remap_kinds(source: Published, listing: Listing, spec: TableSpec) -> dict[tuple[int, int], str]:
    columns = [f for _, f in listing.mapping] if listing.mapping else []
    out: dict[tuple[int, int], str] = {}
    for (row, col), kind in source.kinds.items():
        if col < len(columns) and columns[col] in spec.names:
            out[(row, spec.names.index(columns[col]))] = kind
    return out


def template_row(spec: TableSpec, record: Record, announcement: dict[str, str], shown: str) -> dict[str, str]:
    v = record.values
    row = dict.fromkeys(spec.names, "")
    for name, value in v.items():
        if name in row:
            row[name] = value
    notes = [f"据公告「{announcement['id']}」所附名单（{Path(shown).name} 第 {record.row} 行）"]
    trade = v.get("trade", "")
    if trade and "occupation" in row:
        row["occupation"] = trade
    elif trade:
        notes.append(f"职业（工种）：{trade}")
    if spec.name == "studios":
        if v.get("name"):
            row["name_as_printed"], row["name_quality"] = v["name"], "printed"
            plain = "".join(v["name"].split())
            named = MASTER_IN_NAME.match(common_characters(plain))
            if named and not v.get("master_name"):
                row["master_name"] = named.group(1)  # 付一鸣技能大师工作室: the master is in the name
        elif v.get("master_name"):
            masters = [m for m in v["master_name"].replace("、", ";").replace("，", ";").split(";") if m.strip()]
            row["name"] = "".join("".join(m.split()) for m in masters) + STUDIO_SUFFIX
            row["name_as_printed"], row["name_quality"] = record.printed or v["master_name"], "constructed"
            notes.append("名称据领办人构建")
    else:
        row["name"] = v.get("name") or v.get("host_organization", "")
        row["host_organization"] = v.get("host_organization") or row["name"]
        row["name_as_printed"] = row["name"]
    row["level"] = v.get("level") or announcement.get("level", "")
    row["province_code"] = v.get("province_code") or announcement.get("province_code", "")
    row["announcement_id"] = announcement["id"]
    row["source_url"] = announcement.get("source_url", "")
    row["evidence_level"] = announcement.get("evidence_level", "")
    row["evidence"] = "；".join(notes)
    return row
