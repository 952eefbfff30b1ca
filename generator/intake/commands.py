"""``python -m generator template …`` and ``python -m generator import …``: thin click commands that
print what :mod:`generator.intake.import_` planned. Exit 0 done, 1 invalid input (nothing written),
2 usage."""
from __future__ import annotations

from pathlib import Path

import click

from generator.model import sitemap
from generator import paths
from generator.errors import HspError, UsageError
from generator.files import locked, temporaries
from generator.intake.choices import choices_from_files
from generator.intake.fields import TARGETS, table_spec
from generator.intake.import_ import ChangedMeanwhile, ImportPlan, commit, plan_import
from generator.model.problems import errors, show, summary
from generator.validate import shown_path

TABLES = click.Choice(list(TARGETS))
DATASETS = click.option(
    "--datasets", type=click.Path(exists=True, file_okay=False, path_type=Path), default=paths.DATASETS,
    show_default="datasets/", help="数据包所在目录。")


class ImportFailed(HspError):
    def __init__(self, count: int) -> None:
        super().__init__(f"导入未完成：发现 {count} 个错误，没有写入任何文件（datasets/ 保持不变）。")


@click.command("template")
@click.argument("table", type=TABLES)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="要生成的 .xlsx 文件。")
@DATASETS
def template_command(table: str, out: Path, datasets: Path) -> None:
    """生成 Excel 录入模板（表头、说明、下拉列表都取自表结构）。"""
    if not out.parent.is_dir():
        raise UsageError(f"目录不存在：{out.parent}")
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"模板是 Excel 工作簿，文件名应以 .xlsx 结尾：{out}")
    from generator.intake.template import write_template  # openpyxl loads only when needed

    spec = table_spec(table)
    write_template(spec, choices_from_files(datasets), out)
    click.echo(f"已生成模板：{out}（工作表「{spec.sheet}」，{len(spec.names)} 列）。")
    click.echo(f"填好后导入：python -m generator import {out} --into {table} --dry-run")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", "table", type=TABLES, required=True, help="导入到哪张表。")
@DATASETS
@click.option("--dry-run", is_flag=True, help="只检查并显示将新增的记录，不写入任何文件。")
def import_command(file: Path, table: str, datasets: Path, dry_run: bool) -> None:
    """导入填好的模板（.xlsx）或 CSV（UTF-8/GBK），校验通过后一次性写入。"""
    folder = datasets / sitemap.REGISTER
    if not (folder / f"{table}.csv").is_file():
        raise UsageError(f"找不到 {folder / f'{table}.csv'}：请用 --datasets 指向数据目录。")
    with locked(folder, f"另一个导入正在写入 {shown_path(folder)}：请等它结束后再运行，以免两次导入互相覆盖。"):
        for leftover in temporaries(folder):
            click.echo(f"清理上次中断的导入留下的临时文件：{shown_path(leftover)}")
            leftover.unlink()
        _import(file, table, datasets, dry_run)


def _import(file: Path, table: str, datasets: Path, dry_run: bool) -> None:
    plan = plan_import(file, table, datasets)
    report(plan)
    if errors(plan.problems) or not plan.added:
        raise ImportFailed(len(errors(plan.problems)))
    label = TARGETS[table][0]
    click.echo(f"将新增 {len(plan.added)} 条{label}记录：")
    for added in plan.added:
        click.echo(f"  {added.id}  {added.name}（{shown_path(file)} 第 {added.row} 行）")
    if dry_run:
        click.echo("试运行（--dry-run）：没有写入任何文件。")
        return
    try:
        commit(plan)
    except ChangedMeanwhile:
        raise HspError(f"{shown_path(plan.target)} 在导入期间被修改，没有写入任何文件：请重新导入。") from None
    click.echo(f"已写入 {shown_path(plan.target)}：新增 {len(plan.added)} 条{label}记录。下一步：python -m generator build")


def report(plan: ImportPlan) -> None:
    if plan.description:
        click.echo(f"读取：{plan.description}。")
    if plan.note:
        click.echo(plan.note)
    if plan.skipped:
        click.echo(f"已跳过空行：第 {'、'.join(str(n) for n in plan.skipped)} 行。")
    if plan.changes:
        click.echo(f"规范化 {len(plan.changes)} 处：")
        for c in plan.changes:
            click.echo(f"  第 {c.row} 行「{plan.spec.title(c.field)}」：{show(c.old)} → {show(c.new)}（{c.why}）")
    for problem in plan.problems:
        click.echo(problem.line())
    if plan.problems:
        click.echo(summary(list(plan.problems)))
