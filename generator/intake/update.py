"""``import --update``: change fields of existing records from a small file (an id and the changed
columns), all or nothing — the way a status change (公示 → 已批准, 已撤销 …) goes in without editing
the CSV by hand.

    read → map headers → normalise → find each id → change only the filled cells of the given columns
    → validate a merged copy as the build would → (only if no error) replace the CSV in one rename

A blank cell leaves the field as it is; a cell that says （清空） empties it (an old 状态说明 that no
longer applies), and the merged copy's validation still refuses to empty a required field. Problems on
the changed rows are reported against the update file, with its row numbers and the Chinese column titles.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

import click

from generator import paths
from generator.errors import HspError
from generator.intake.choices import choices_from_files
from generator.intake.fields import header_key, table_spec
from generator.intake.import_ import ChangedMeanwhile, ImportPlan, _key, commit, validate_merged
from generator.intake.normalise import lookups, normalise_cell
from generator.intake.outcome import datasets_option, folder
from generator.intake.read import Upload, read_upload
from generator.intake.rows import collect_rows, map_header
from generator.model import sitemap
from generator.model.problems import Problem, errors, show, summary
from generator.validate import shown_path, validate

ID_HEADERS = {  # what a clerk calls the id column, besides its title (工作室标识) and name
    *(f"{what}{word}" for what in ("", "工作室", "基地", "记录", "项目") for word in ("编号", "标识", "id")),
}
CLEAR = {"（清空）", "(清空)", "清空"}  # what a clerk writes to empty a field; a blank cell changes nothing
NOT_FOR_UPDATE = {"import-missing-column", "import-id-given"}  # an update names only the changed columns
GUIDE_LINES = (
    "状态、有效期和职业：「状态」只按来源原文填写（拟入选＝公示中，已批准＝正式名单、备案或授牌，建设中，已验收，整改中，已撤销）；"
    "留空时网站按所属公告的类型推定（公示→拟入选，正式名单或授牌→已批准）。公示名单中的项目不要填“已批准”。",
    "「状态日期」「有效期起」「有效期止」写作 2024、2024-05 或 2024-05-01，按来源的精度；来源写“有效期从2019年1月至2021年12月”时填 2019-01 和 2021-12。",
    "状态来自另一份来源（如后来的批准、验收或撤销通知）时，在「状态来源网址」填写它，在「状态说明」摘录原文。已撤销的项目不删除：状态填“已撤销”，并写明原因和来源。",
    "「职业（工种）」按原文填写（如“某某(冷作工)”中的“冷作工”）；「职业编码」只在确知《职业分类大典》编码时填写。",
    "修改已有记录的状态：另做一个小表，只含「编号」和要修改的列（如「状态」「状态日期」「状态来源网址」「状态说明」），"
    "用 python -m generator import 文件名.xlsx --into studios --update 导入；空着的格不改，要清空某格（如不再适用的状态说明）就填“（清空）”。",
)


@dataclass(frozen=True)
class Updated:
    row: int  # in the update file
    id: str
    name: str
    fields: tuple[tuple[str, str, str], ...]  # (field, old, new)


@dataclass(frozen=True)
class UpdatePlan:
    base: ImportPlan  # target, original and merged bytes, problems, normalisation changes
    updated: tuple[Updated, ...] = ()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.base.problems


def plan_update(file: Path, into: str, datasets: Path, schemas: Path = paths.SCHEMAS) -> UpdatePlan:
    spec = table_spec(into, schemas)
    target = datasets / sitemap.REGISTER / f"{into}.csv"
    plan = ImportPlan(spec, target)
    before = validate(datasets, schemas)
    if errors(before):
        return UpdatePlan(
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
    shown = shown_path(file)
    upload, problems = read_upload(file, shown, spec.sheet)
    if upload is None:
        return UpdatePlan(replace(plan, problems=tuple(problems)))
    plan = replace(plan, description=upload.description, note=upload.note)
    upload = replace(
        upload, header=tuple(spec.title("id") if header_key(h) in ID_HEADERS else h for h in upload.header)
    )
    columns, found = map_header(spec, upload)
    problems += [p for p in found if p.code not in NOT_FOR_UPDATE]
    if "id" not in columns:
        problems.append(
            Problem(
                shown,
                1,
                "import-missing-column",
                "更新文件缺少「编号」列",
                field=spec.title("id"),
                hint="更新已有记录时，每行要写明它的编号（如 S000011），再加上要修改的列。",
            )
        )
    if errors(problems):
        return UpdatePlan(replace(plan, problems=tuple(problems)))
    id_column = columns.index("id")
    look = lookups(spec, choices_from_files(datasets))
    ids = {  # as normalised (and listed) by collect_rows: Ｓ０００００１ or s000001 is S000001
        number: normalise_cell(spec, "id", cells[id_column], look)[0] if id_column < len(cells) else ""
        for number, cells in upload.rows
    }
    given = [c for c in columns if c and c != "id"]
    upload, cleared = _clear_marks(upload, columns)
    rows, changes, skipped, found = collect_rows(spec, upload, columns, look)
    problems += [p for p in found if p.code not in NOT_FOR_UPDATE]
    original = target.read_bytes()
    header, records = _read(original)
    where = {row.get("id", ""): i for i, row in enumerate(records)}
    updated: list[Updated] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        rid = ids.get(number, "")
        if rid not in where:
            problems.append(
                Problem(
                    shown,
                    number,
                    "import-unknown-id",
                    "编号不在现有记录中",
                    field=spec.title("id"),
                    actual=rid or "（空）",
                    hint=f"请核对编号：更新只修改 {target.name} 中已有的记录；新记录请不加 --update 导入。",
                )
            )
            continue
        if rid in seen:
            problems.append(
                Problem(
                    shown,
                    number,
                    "import-duplicate-id",
                    f"同一编号在第 {seen[rid]} 行已经出现",
                    field=spec.title("id"),
                    actual=rid,
                    hint="每个编号只写一行，把要改的列都写在这一行。",
                )
            )
            continue
        seen[rid] = number
        record = records[where[rid]]
        emptied = cleared.get(number, frozenset())
        diff = tuple(
            (name, record.get(name, ""), "" if name in emptied else row[name])
            for name in given
            if (record.get(name, "") if name in emptied else row.get(name, "") and row[name] != record.get(name, ""))
        )
        record.update({name: new for name, _, new in diff})
        updated.append(Updated(number, rid, record.get("name", "") or record.get("title", ""), diff))
    if not rows:
        problems.append(
            Problem(
                shown,
                None,
                "import-no-rows",
                "文件中没有可导入的数据行",
                hint="请从第 2 行起，每行写一个编号和要修改的值。",
            )
        )
    merged = _write(header, records)
    base = replace(plan, changes=tuple(changes), skipped=tuple(skipped), original=original, merged=merged)
    if errors(problems) or not any(u.fields for u in updated):
        return UpdatePlan(replace(base, problems=tuple(problems)), tuple(updated))
    before_keys = {_key(p, datasets) for p in before}
    row_of = {where[u.id] + 2: u.row for u in updated}  # CSV line of a record (header = 1) → update file row
    rel = target.relative_to(datasets).as_posix()
    for p in validate_merged(datasets, schemas, target, merged):
        if _key(p, datasets) in before_keys:
            continue
        if p.path == rel and p.row in row_of:
            problems.append(
                replace(
                    p,
                    path=shown,
                    row=row_of[p.row],
                    field=spec.title(p.field) if p.field else None,
                    message=spec.in_columns(p.message),
                    hint=spec.in_columns(p.hint),
                )
            )
        else:
            problems.append(replace(p, path=shown_path(datasets / p.path)))
    return UpdatePlan(replace(base, problems=tuple(problems)), tuple(updated))


def _clear_marks(upload: Upload, columns: list[str | None]) -> tuple[Upload, dict[int, frozenset[str]]]:
    """The fields each row asks to empty (a cell that says （清空）), and the rows with those cells blank,
    so that the mark itself is never read as a value."""
    cleared: dict[int, frozenset[str]] = {}
    kept = []
    for number, cells in upload.rows:
        marks = frozenset(
            name
            for name, cell in zip(columns, cells, strict=False)
            if name is not None and name != "id" and cell.strip() in CLEAR
        )
        if marks:
            cleared[number] = marks
            cells = tuple("" if i < len(columns) and columns[i] in marks else c for i, c in enumerate(cells))
        kept.append((number, cells))
    return replace(upload, rows=tuple(kept)), cleared


def _read(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _write(header: list[str], rows: list[dict[str, str]]) -> bytes:
    """The same dialect as the committed files: UTF-8, \\n, minimal quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue().encode("utf-8")


class UpdateFailed(HspError):
    def __init__(self, count: int, datasets: Path) -> None:
        super().__init__(f"更新未完成：发现 {count} 个错误，没有写入任何文件（{folder(datasets)} 保持不变）。")


def run_update(file: Path, table: str, datasets: Path, dry_run: bool) -> None:
    """What ``import --update`` prints and does."""
    plan = plan_update(file, table, datasets)
    base = plan.base
    if base.description:
        click.echo(f"读取：{base.description}。")
    for c in base.changes:
        click.echo(f"  规范化：第 {c.row} 行「{base.spec.title(c.field)}」：{show(c.old)} → {show(c.new)}（{c.why}）")
    for problem in plan.problems:
        click.echo(problem.line())
    if plan.problems:
        click.echo(summary(list(plan.problems)))
    changed = [u for u in plan.updated if u.fields]
    if errors(plan.problems):
        raise UpdateFailed(len(errors(plan.problems)), datasets)
    if not changed:
        raise HspError(f"文件中的值与现有记录相同：没有要修改的内容，没有写入任何文件（{folder(datasets)} 保持不变）。")
    verb = "将修改" if dry_run else "修改"
    click.echo(f"{verb} {len(changed)} 条记录：")
    for u in changed:
        fields = "；".join(
            f"{base.spec.title(f)} {show(old)} → {show(new) if new else '（清空）'}" for f, old, new in u.fields
        )
        click.echo(f"  {u.id}  {u.name}（{shown_path(file)} 第 {u.row} 行）：{fields}")
    if dry_run:
        click.echo("试运行（--dry-run）：没有写入任何文件。")
        return
    try:
        commit(base, datasets, shown_path(file))
    except ChangedMeanwhile:
        raise HspError(f"{shown_path(base.target)} 在导入期间被修改，没有写入任何文件：请重新导入。") from None
    click.echo(f"已写入 {shown_path(base.target)}（修改前的文件已保留，可用 python -m generator import --undo 撤销）。")
    click.echo(f"下一步：python -m generator build{datasets_option(datasets)}（生成网站，检查修改后的页面）")
