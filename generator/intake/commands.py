"""``python -m generator template …`` and ``python -m generator import …``: thin click commands that
print what :mod:`generator.intake.import_` planned. Exit 0 done, 1 invalid input (nothing written),
2 usage."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import click

from generator import paths
from generator.cli_text import install as install_chinese
from generator.errors import HspError, UsageError
from generator.files import locked, temporaries
from generator.intake.choices import choices_from_files
from generator.intake.fields import TARGETS, table_spec
from generator.intake.import_ import ChangedMeanwhile, ImportPlan, commit, plan_import
from generator.intake.undo import ChangedSince, NothingToUndo, undo
from generator.model import sitemap
from generator.model.problems import errors, show, summary
from generator.validate import shown_path

install_chinese()  # before the options below: click.Path names its kind (目录, 文件) when it is made

TABLES = click.Choice(list(TARGETS))
DATASETS = click.option(
    "--datasets",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=paths.DATASETS,
    show_default="datasets/",
    help="数据包所在目录。",
)


class ImportFailed(HspError):
    def __init__(self, count: int) -> None:
        super().__init__(f"导入未完成：发现 {count} 个错误，没有写入任何文件（datasets/ 保持不变）。")


@click.command("template")
@click.argument("table", type=TABLES)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="要生成的 .xlsx 文件。")
@click.option("--force", is_flag=True, help="覆盖已有的文件（默认不覆盖，以免冲掉填好的模板）。")
@DATASETS
def template_command(table: str, out: Path, force: bool, datasets: Path) -> None:
    """生成 Excel 录入模板（表头、说明、下拉列表都取自表结构）。"""
    if not out.parent.is_dir():
        raise UsageError(f"目录不存在：{out.parent}")
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"模板是 Excel 工作簿，文件名应以 .xlsx 结尾：{out}")
    if out.exists() and not force:
        raise UsageError(f"文件已存在：{out}。它可能是填好的模板，没有覆盖；请换一个文件名，或加 --force 覆盖。")
    from generator.intake.template import (
        write_template,  # openpyxl loads only when needed
    )

    spec = table_spec(table)
    write_template(spec, choices_from_files(datasets), out)
    click.echo(f"已生成模板：{out}（工作表「{spec.sheet}」，{len(spec.names)} 列）。")
    click.echo(f"下一步：填好后试运行导入：python -m generator import {out} --into {table} --dry-run")


@click.command("import")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--into", "table", type=TABLES, help="导入到哪张表。")
@DATASETS
@click.option("--dry-run", is_flag=True, help="只检查并显示将新增的记录，不写入任何文件。")
@click.option(
    "--allow-duplicate",
    "allowed",
    type=int,
    multiple=True,
    metavar="ROW",
    help="确认文件中第 ROW 行不是重复项目，照常导入（可重复使用）。",
)
@click.option("--sheet", help="要读取的工作表名称（默认读取可见的数据工作表；隐藏的工作表只在这里指名时读取）。")
@click.option("--undo", is_flag=True, help="撤销上一次导入：把数据恢复到导入前，并停用那次分配的编号。")
@click.option(
    "--announcement",
    metavar="ID",
    help="导入公告原样发布的名单（.docx/.xls/.xlsx/.csv/.pdf/.txt，- 为标准输入），记录挂在这份公告下。",
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="列名=字段",
    help='指定某列对应的字段，如 --map "工作室名称=name"（可重复使用；字段可写 serial、trade、skip）。',
)
@click.option("--update", is_flag=True, help="修改已有记录（如状态变化）：文件每行一个编号和要修改的列，空格不改。")
def import_command(
    file: Path | None,
    table: str | None,
    datasets: Path,
    dry_run: bool,
    allowed: tuple[int, ...],
    sheet: str | None,
    undo: bool,
    announcement: str | None,
    mapping: tuple[str, ...],
    update: bool,
) -> None:
    """导入填好的模板（.xlsx）或 CSV（UTF-8/GBK/Big5），或用 --announcement 导入公告原样发布的名单
    （Word、旧版 Excel、PDF、网页文字）；校验通过后一次性写入。--undo 撤销上一次导入。"""
    folder = datasets / sitemap.REGISTER
    busy = f"另一个导入正在写入 {shown_path(folder)}：请等它结束后再运行，以免两次导入互相覆盖。"
    with locked(folder, busy):  # one import at a time; then no running import owns a temporary file
        for leftover in temporaries(folder):
            click.echo(f"清理上次中断的导入留下的临时文件：{shown_path(leftover)}")
            leftover.unlink()
        if update and file is not None and table is not None:
            from generator.intake.update import run_update

            run_update(file, table, datasets, dry_run)
            return
        _import(file, table, datasets, dry_run, allowed, sheet, undo, announcement, mapping)


def _import(
    file: Path | None,
    table: str | None,
    datasets: Path,
    dry_run: bool,
    allowed: tuple[int, ...],
    sheet: str | None,
    undo: bool,
    announcement: str | None,
    mapping: tuple[str, ...],
) -> None:
    if undo:
        if file or table:
            raise UsageError("--undo 不需要文件名和 --into：它撤销最近一次导入。")
        undo_last(datasets)
        return
    if file is None or table is None:
        raise UsageError("请给出要导入的文件和 --into 表名，例如：python -m generator import 名单.xlsx --into studios")
    if not (datasets / sitemap.REGISTER / f"{table}.csv").is_file():
        raise UsageError(f"找不到 {datasets / sitemap.REGISTER / f'{table}.csv'}：请用 --datasets 指向数据目录。")
    if announcement is not None:
        from generator.intake.list_command import import_list  # python-docx, xlrd, pdfplumber load only here

        import_list(file, table, announcement, datasets, mapping, dry_run, frozenset(allowed))
        return
    if str(file) == "-" or mapping:
        raise UsageError("从标准输入导入、或使用 --map 时，请用 --announcement 指明名单所属的公告。")
    plan = plan_import(file, table, datasets, allow_duplicates=frozenset(allowed), sheet=sheet)
    finish(plan, shown_path(file), table, datasets, dry_run)


def finish(plan: ImportPlan, shown: str, table: str, datasets: Path, dry_run: bool) -> None:
    """Print the plan, then write it (or not); shared by template imports and published lists."""
    if plan.already:
        ids = sorted(plan.already)
        span = ids[0] if len(ids) == 1 else f"{ids[0]} 至 {ids[-1]}"
        click.echo(
            f"这个文件已经导入过：全部 {len(plan.already)} 行都已在 {shown_path(plan.target)} 中（{span}），"
            "没有写入任何文件。"
        )
        return
    report(plan)
    if errors(plan.problems) or not plan.added:
        raise ImportFailed(len(errors(plan.problems)))
    label = TARGETS[table][0]
    click.echo(f"将新增 {len(plan.added)} 条{label}记录：")
    for added in plan.added:
        click.echo(f"  {added.id}  {added.name}（{shown} 第 {added.row} 行）")
    if dry_run:
        click.echo("试运行（--dry-run）：没有写入任何文件。")
        click.echo("下一步：去掉 --dry-run 再运行同一命令，写入数据。")
        return
    try:
        commit(plan, datasets, shown)
    except ChangedMeanwhile:
        raise HspError(f"{shown_path(plan.target)} 在导入期间被修改，没有写入任何文件：请重新导入。") from None
    click.echo(f"已写入 {shown_path(plan.target)}（导入前的文件已保留，可用 python -m generator import --undo 撤销）。")
    click.echo(next_step(plan, table))


def next_step(plan: ImportPlan, table: str) -> str:
    """The README's order: announcement → its list (template, fill, import) → build."""
    if table != "announcements":
        return "下一步：python -m generator build（生成网站，检查新记录的页面）"
    wanted = sorted({(k, a.id) for a in plan.added for k in _lists_of(plan, a.id)}) or [("studios", "公告标识")]
    published = "；".join(
        f"python -m generator import 附件.docx --into {k} --announcement {a} --dry-run" for k, a in wanted
    )
    templates = "；".join(f"python -m generator template {k} --out {k}.xlsx" for k in sorted({k for k, _ in wanted}))
    return (
        f"下一步：导入公告的名单。公告附有名单文件（Word、Excel、PDF 或网页文字）时：{published}；"
        f"没有时生成名单模板（其中的公告标识列表已包含新公告），填好后导入：{templates}"
    )


def _lists_of(plan: ImportPlan, announcement: str) -> list[str]:
    text = plan.merged.decode("utf-8")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        if row.get("id") == announcement:
            return {"studios": ["studios"], "bases": ["bases"]}.get(row.get("kind", ""), ["bases", "studios"])
    return []


def undo_last(datasets: Path) -> None:
    try:
        entry, retired = undo(datasets, dt.date.today())
    except NothingToUndo:
        raise HspError("没有可撤销的导入（本机没有保留导入前的副本）。") from None
    except ChangedSince as exc:
        raise HspError(
            f"{exc.entry.target} 在上次导入（{exc.entry.file}）之后又被修改过，没有撤销，什么也没有改动："
            "请用 git 或手工恢复。"
        ) from None
    click.echo(
        f"已撤销导入 {entry.file}：{shown_path(datasets / entry.target)} 已恢复到导入前"
        f"（去掉 {len(entry.ids)} 条记录）。"
    )
    if retired:
        click.echo(f"编号 {'、'.join(retired)} 已停用，记入 register/retired_ids.csv，今后不会再分配。")
    click.echo("下一步：python -m generator validate")


def report(plan: ImportPlan) -> None:
    if plan.description:
        click.echo(f"读取：{plan.description}。")
    if plan.note:
        click.echo(plan.note)
    for note in plan.notes:
        click.echo(note)
    if plan.skipped:
        click.echo(f"已跳过空行：第 {spans(plan.skipped)} 行。")
    if plan.changes:
        click.echo(f"规范化 {len(plan.changes)} 处：")
        for c in plan.changes:
            click.echo(f"  第 {c.row} 行「{plan.spec.title(c.field)}」：{show(c.old)} → {show(c.new)}（{c.why}）")
    for problem in plan.problems:
        click.echo(problem.line())
    if plan.problems:
        click.echo(summary(list(plan.problems)))


def spans(numbers: tuple[int, ...]) -> str:
    """3, 4, 5, 9 → "3–5、9"."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in (*numbers[1:], None):
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return "、".join(out)
