"""``python -m generator template …`` and ``python -m generator import …``: thin click commands that
print what :mod:`generator.intake.import_` planned. Exit 0 done, 1 invalid input (nothing written),
2 usage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator import paths
from generator.cli_text import install as install_chinese
from generator.errors import HspError, UsageError
from generator.files import locked, temporaries
from generator.intake.choices import choices_from_files
from generator.intake.fields import TARGETS, table_spec
from generator.intake.import_ import plan_import
from generator.intake.outcome import datasets_option, finish, quoted
from generator.intake.undo import ChangedSince, NothingToUndo, undo
from generator.model import sitemap
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
    click.echo(
        f"下一步：填好后试运行导入：python -m generator import {quoted(str(out))} --into {table}"
        f"{datasets_option(datasets)} --dry-run"
    )


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
@click.option(
    "--only-new",
    is_flag=True,
    help="名单更新后整份再导入时用：已在数据中的行（同名、同一公告）跳过并列出，只导入新的行。",
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
    only_new: bool,
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
        _import(file, table, datasets, dry_run, allowed, sheet, undo, announcement, mapping, only_new)


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
    only_new: bool = False,
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

        import_list(file, table, announcement, datasets, mapping, dry_run, frozenset(allowed), only_new)
        return
    if str(file) == "-" or mapping:
        raise UsageError("从标准输入导入、或使用 --map 时，请用 --announcement 指明名单所属的公告。")
    plan = plan_import(file, table, datasets, allow_duplicates=frozenset(allowed), sheet=sheet, only_new=only_new)
    finish(plan, shown_path(file), table, datasets, dry_run)


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
    click.echo(f"下一步：python -m generator validate{datasets_option(datasets)}")
