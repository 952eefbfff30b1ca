"""What an import says and then does: the report of a plan (normalisations, problems, the rows to
add), the write itself, and the next step of the README's order. Shared by the template import
(``commands.py``) and the import of a published list (``list_command.py``)."""

from __future__ import annotations

import csv
import io
import re
import shlex
from pathlib import Path

import click

from generator import paths
from generator.errors import HspError
from generator.intake.fields import TARGETS
from generator.intake.import_ import ChangedMeanwhile, ImportPlan, commit
from generator.model.problems import errors, show, summary
from generator.validate import shown_path


class ImportFailed(HspError):
    def __init__(self, count: int, datasets: Path) -> None:
        super().__init__(f"导入未完成：发现 {count} 个错误，没有写入任何文件（{folder(datasets)} 保持不变）。")


def folder(datasets: Path) -> str:
    """The datasets folder as the clerk named it: ``datasets/``, or the ``--datasets`` folder."""
    return shown_path(datasets).rstrip("/") + "/"


def datasets_option(datasets: Path) -> str:
    """`` --datasets DIR`` for a next step's command, when the clerk did not use the default folder."""
    if datasets.resolve() == paths.DATASETS.resolve():
        return ""
    return f" --datasets {quoted(shown_path(datasets))}"


def quoted(path: str) -> str:
    """A path as a shell reads it: as it is (Chinese included), quoted only when it holds a space or a
    character the shell would act on."""
    return path if SAFE.fullmatch(path) else shlex.quote(path)


SAFE = re.compile(r"[^\s'\"$`\\;&|<>()*?!#~{}\[\]]+")


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
        raise ImportFailed(len(errors(plan.problems)), datasets)
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
    click.echo(next_step(plan, table, datasets))


def next_step(plan: ImportPlan, table: str, datasets: Path) -> str:
    """The README's order: announcement → its list (template, fill, import) → build."""
    option = datasets_option(datasets)
    if table != "announcements":
        return f"下一步：python -m generator build{option}（生成网站，检查新记录的页面）"
    wanted = sorted({(k, a.id) for a in plan.added for k in _lists_of(plan, a.id)}) or [("studios", "公告标识")]
    published = "；".join(
        f"python -m generator import 附件.docx --into {k} --announcement {a}{option} --dry-run" for k, a in wanted
    )
    templates = "；".join(
        f"python -m generator template {k} --out {k}.xlsx{option}" for k in sorted({k for k, _ in wanted})
    )
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
