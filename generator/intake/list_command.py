"""Print what a published list will become (the column mapping, what was skipped, the first rows as
they will be stored) and then import it as :func:`generator.intake.outcome.finish` does."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from generator.errors import UsageError
from generator.intake.fields import table_spec
from generator.intake.listing import PSEUDO
from generator.intake.lists import ListPlan, parse_map, plan_list
from generator.intake.outcome import finish, spans
from generator.intake.plausible import announcement_rows
from generator.model.problems import show
from generator.validate import shown_path

SHOWN_ROWS = 5
SHOWN_FIELDS = (
    "name",
    "name_as_printed",
    "name_quality",
    "master_name",
    "host_organization",
    "occupation",
    "province_code",
    "city",
    "level",
    "year",
    "evidence",
)


def import_list(
    file: Path,
    table: str,
    announcement: str,
    datasets: Path,
    mapping: tuple[str, ...],
    dry_run: bool,
    allowed: frozenset[int],
    only_new: bool = False,
) -> None:
    if table not in {"studios", "bases"}:
        raise UsageError("--announcement 只用于导入培训基地（--into bases）或工作室（--into studios）的名单。")
    known = announcement_rows(datasets)
    if announcement not in known:
        raise UsageError(
            f"没有公告「{announcement}」：请先导入这份公告（--into announcements），"
            "或检查公告标识（见 datasets/register/announcements.csv 的 id 列）。"
        )
    spec = table_spec(table)
    overrides, bad = parse_map(mapping, spec)
    if bad:
        raise UsageError(
            f'--map 写法不对：{"、".join(bad)}。应为 "列名=字段"，字段可写字段名（如 name）、'
            f"中文列名（如 名称），或 {'、'.join(PSEUDO)}。"
        )
    data = sys.stdin.buffer.read() if str(file) == "-" else None
    result = plan_list(
        file, table, announcement, datasets, overrides, data=data, allow_duplicates=allowed, only_new=only_new
    )
    if not result.plan.already:  # a file imported before is said in one line
        describe(result)
    finish(
        replace(result.plan, description=""),
        "标准输入" if str(file) == "-" else shown_path(file),
        table,
        datasets,
        dry_run,
    )


def describe(result: ListPlan) -> None:
    listing, spec = result.listing, result.plan.spec
    if result.plan.description:
        click.echo(f"读取：{result.plan.description}。")
    if listing is None:
        return
    if len(listing.lists) > 1 and listing.records:
        found = "；".join(f"第 {n} 行起（{labels}）" for n, labels in listing.lists)
        click.echo(f"文件中有 {len(listing.lists)} 份名单：{found}。按 --into {spec.name} 读取其中的{spec.sheet}名单。")
    if listing.mapping:
        click.echo(f"表头在第 {listing.header_row} 行。列映射：")
        for label, name in listing.mapping:
            target = PSEUDO.get(name) or (f"{spec.title(name)}（{name}）" if name else "未映射，不导入")
            click.echo(f"  「{label}」→ {target}")
        unmapped = [label for label, name in listing.mapping if not name]
        if unmapped:
            click.echo(f'未映射的列：{"、".join(f"「{u}」" for u in unmapped)}（如需导入，请用 --map "列名=字段"）。')
    for why, rows in listing.skipped.items():
        click.echo(f"已跳过{why} {len(rows)} 行：第 {spans(tuple(rows))} 行。")
    serial = sum(1 for _, name in listing.mapping if name == "serial")
    if serial:
        click.echo(f"序号列不导入（{len(listing.records)} 行）：编号由导入程序分配。")
    click.echo(f"认出 {len(listing.records)} 条记录。")
    stored = result.plan.stored[:SHOWN_ROWS]
    if stored:
        click.echo(f"前 {len(stored)} 条将存为（原文名称与名称相同时不再列出）：")
        for record, row in zip(listing.records, stored, strict=False):
            shown_fields = [
                n for n in SHOWN_FIELDS if row.get(n) and not (n == "name_as_printed" and row[n] == row["name"])
            ]
            values = "；".join(f"{spec.title(n)}={show(row[n], limit=120)}" for n in shown_fields)
            click.echo(f"  第 {record.row} 行：{values}")
