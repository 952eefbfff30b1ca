"""The rows of an upload as template rows: which column is which field (by Chinese title or field name),
and each data row normalised, with every cell that holds the wrong kind of thing reported."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.intake.cells import cell_problem
from generator.intake.fields import TableSpec, header_key
from generator.intake.normalise import Change, Lookups, normalise_row
from generator.intake.read import Upload
from generator.model.problems import Problem

TOTAL = re.compile(r"^\s*(合\s*计|总\s*计|共\s*计|小\s*计)")  # a row that counts the records is not one


def drop_totals(upload: Upload) -> tuple[Upload, list[str]]:
    """Rows whose first filled cell is 合计/总计/小计 (a count under the list, as publishers add it) are
    left out, each said in a note: the same rule as for published lists."""
    kept, said = [], []
    for number, cells in upload.rows:
        first = next((c.strip() for c in cells if c.strip()), "")
        if first and TOTAL.match(first):
            said.append(f"已跳过合计行：第 {number} 行（“{first[:20]}”），它不是一条记录。")
            continue
        kept.append((number, cells))
    return (replace(upload, rows=tuple(kept)) if said else upload), said


def named_columns(spec: TableSpec, cells: tuple[str, ...]) -> int:
    """How many cells of a row are column names of the template (by Chinese title or field name)."""
    known = spec.by_header()
    return sum(bool(c.strip()) and header_key(c) in known for c in cells)


def header_below_title(spec: TableSpec, upload: Upload) -> tuple[Upload, str]:
    """A clerk's sheet with a title typed above the template's header (WPS: 「2024年……名单」, merged
    across): when the first row names no column and holds one text at most, and a row within the
    next four names two or more, that row is the header. The title rows are said in a note, not read."""

    def title_like(cells: tuple[str, ...]) -> bool:  # one text, in one cell or merged across the row
        return len({c.strip() for c in cells if c.strip()}) <= 1

    if named_columns(spec, upload.header) or not title_like(upload.header):
        return upload, ""
    above = [next((c.strip() for c in upload.header if c.strip()), "")]
    for index, (number, cells) in enumerate(upload.rows[:4]):
        if named_columns(spec, cells) >= 2:
            note = (
                f"表头在第 {number} 行：上面的{_rows(upload.header_row, number - 1)}"
                f"（“{'”“'.join(t[:30] for t in above if t)}”）是标题，没有当作记录读取。"
            )
            return replace(upload, header=cells, rows=upload.rows[index + 1 :], header_row=number), note
        if not title_like(cells):
            break
        above.append(next((c.strip() for c in cells if c.strip()), ""))
    return upload, ""


def map_header(spec: TableSpec, upload: Upload) -> tuple[list[str | None], list[Problem]]:
    """Column index → field name (None for an ignored blank column), and the header's problems."""
    known = spec.by_header()
    columns: list[str | None] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, label in enumerate(upload.header):
        name = known.get(header_key(label)) if label.strip() else None
        if label.strip() and name is None:
            problems.append(
                Problem(
                    upload.shown,
                    upload.header_row,
                    "import-unknown-column",
                    f"表头第 {index + 1} 列不是模板中的列",
                    field=label,
                    expected="、".join(spec.title(n) for n in spec.names),
                    hint="请删除该列，或改为模板中的列名（中文列名或字段名均可）。",
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    upload.shown,
                    upload.header_row,
                    "import-duplicate-column",
                    f"表头第 {seen[name] + 1} 列和第 {index + 1} 列都是「{spec.title(name)}」",
                    field=spec.title(name),
                    hint="请删除重复的一列。",
                )
            )
            name = None
        if name:
            seen[name] = index
        columns.append(name)
    if not seen:
        below = next(
            (n for n, cells in upload.rows[:5] if named_columns(spec, cells) >= 2),
            None,
        )  # a title row (WPS: 2024年……名单, merged across) typed above the template's header
        return columns, [
            Problem(
                upload.shown,
                upload.header_row,
                "import-no-header",
                f"第 {upload.header_row} 行不是表头：没有一个列名与模板相符"
                + (f"；表头在第 {below} 行" if below else ""),
                actual=next((c for c in upload.header if c.strip()), ""),
                expected="、".join(spec.title(n) for n in spec.names),
                hint=f"请删去表头上方的标题行（{_rows(upload.header_row, below - 1)}），让表头在第 1 行，再导入。"
                if below
                else "请使用 python -m generator template 生成的模板，不要删除表头行。",
            )
        ]
    for name in spec.names:
        if spec.required(name) and name not in seen and not (name == "id" and spec.assigns_ids):
            problems.append(
                Problem(
                    upload.shown,
                    upload.header_row,
                    "import-missing-column",
                    "缺少必填的列",
                    field=spec.title(name),
                    hint="请按模板补上这一列并填写。",
                )
            )
    return columns, problems


def _rows(first: int, last: int) -> str:
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


def collect_rows(
    spec: TableSpec, upload: Upload, columns: list[str | None], look: Lookups
) -> tuple[list[tuple[int, dict[str, str]]], list[Change], list[int], list[Problem]]:
    rows: list[tuple[int, dict[str, str]]] = []
    changes: list[Change] = []
    skipped: list[int] = []
    problems: list[Problem] = []
    last = max((n for n, cells in upload.rows if any(c.strip() for c in cells)), default=0)
    previous = upload.header_row
    for number, cells in upload.rows:
        if upload.numbered_by_reader:
            skipped.extend(range(previous + 1, min(number, last)))  # rows the reader left out: blank in the sheet
        previous = number
        if not any(c.strip() for c in cells):
            if number < last:  # blank rows after the last record are not worth a line
                skipped.append(number)
            continue
        extra = [c for c in cells[len(columns) :] if c.strip()]
        if extra:
            problems.append(
                Problem(
                    upload.shown,
                    number,
                    "import-extra-cell",
                    f"本行比表头多出 {len(extra)} 个单元格",
                    actual=extra[0],
                    hint="请删除表头以外的内容，或检查文本中未加引号的英文逗号。",
                )
            )
        raw = dict.fromkeys(spec.names, "")
        for index, name in enumerate(columns):
            if name and index < len(cells):
                raw[name] = cells[index]
                wrong = cell_problem(
                    spec, upload.shown, number, name, cells[index], upload.kinds.get((number, index), "")
                )
                if wrong:
                    problems.append(wrong)
                    raw[name] = ""
                if (number, index) in upload.formulas:
                    problems.append(
                        Problem(
                            upload.shown,
                            number,
                            "import-formula",
                            "单元格是 Excel 公式，导入不计算公式",
                            field=spec.title(name),
                            actual=cells[index],
                            hint="请复制该格后“选择性粘贴 → 数值”，只保留文字。",
                        )
                    )
        row, found = normalise_row(spec, number, raw, look)
        changes.extend(found)
        if spec.assigns_ids and row.get("id"):
            problems.append(
                Problem(
                    upload.shown,
                    number,
                    "import-id-given",
                    "编号由导入程序分配，这一列应留空",
                    field=spec.title("id"),
                    actual=row["id"],
                    hint="请清空该格；修改已有记录请直接编辑 datasets/ 中的 CSV。",
                )
            )
            row["id"] = ""
        rows.append((number, row))
    return rows, changes, skipped, problems
