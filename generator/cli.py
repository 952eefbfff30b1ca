"""Command line: ``python -m generator validate|build|pack``. Exit 0 clean, 1 invalid data or failed build, 2 usage."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import paths
from generator.checks.package import pack as pack_folder
from generator.errors import DataInvalid, HspError
from generator.problems import Problem, errors, summary, to_json, warnings
from generator.validate import validate as run_validate

DATASETS_OPTION = click.option(
    "--datasets", type=click.Path(file_okay=False, path_type=Path), default=paths.DATASETS,
    show_default="datasets/", help="数据包所在目录（每个子目录一个 datapackage.json）。")


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.line())
    click.echo(summary(problems))


def _show_error(self: click.ClickException, file: object = None) -> None:
    click.echo(f"错误：{self.format_message()}", err=True)


click.ClickException.show = _show_error  # type: ignore[method-assign]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """国家高技能人才振兴计划公开数据：校验数据、生成网站。"""


@main.command()
@DATASETS_OPTION
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出问题列表。")
@click.option("--strict", is_flag=True, help="有警告也视为失败。")
def validate(datasets: Path, as_json: bool, strict: bool) -> None:
    """校验所有数据包：frictionless 结构校验加本项目的业务规则。"""
    if not datasets.is_dir():
        raise click.BadParameter(f"目录不存在：{datasets}", param_hint="--datasets")
    problems = run_validate(datasets)
    if as_json:
        click.echo(to_json(problems))
    else:
        print_problems(problems)
    if errors(problems) or (strict and warnings(problems)):
        sys.exit(1)


@main.command()
@DATASETS_OPTION
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=paths.SITE,
              show_default="site/", help="网站输出目录。失败时原目录保持不变。")
@click.option("--strict", is_flag=True, help="有警告也视为失败。")
def build(datasets: Path, out: Path, strict: bool) -> None:
    """校验数据并生成网站（MkDocs Material，严格模式）。"""
    from generator.build import build as run_build

    if not datasets.is_dir():
        raise click.BadParameter(f"目录不存在：{datasets}", param_hint="--datasets")
    try:
        site = run_build(datasets, out, strict=strict, say=click.echo, report=_report)
    except DataInvalid:
        raise
    except HspError:
        raise
    click.echo(f"网站已生成：{site}")
    click.echo(f"本地预览：python -m http.server -d {site} 8000，然后打开 http://localhost:8000/")


def _report(problems: list[Problem]) -> None:
    if problems:
        print_problems(problems)


@main.command()
@DATASETS_OPTION
def pack(datasets: Path) -> None:
    """用 schemas/ 中的表结构和代码表刷新各数据包的 datapackage.json。"""
    changed = [line for folder in sorted(p.parent for p in datasets.glob("*/datapackage.json"))
               for line in pack_folder(folder, paths.SCHEMAS)]
    for line in changed:
        click.echo(f"已更新：{line}")
    click.echo(f"共更新 {len(changed)} 处。" if changed else "数据包已与 schemas/ 一致，无需更新。")
