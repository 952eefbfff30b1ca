"""Command line: ``python -m generator validate|build|pack|template|import|synth|release``.

Exit 0 clean, 1 invalid data, a failed build or a system fault (said in Chinese), 2 usage. Every path
an option names is checked before any work starts; an operating-system error anywhere is caught at
this boundary and reported with the path and what to do.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from generator import paths
from generator.cli_text import install as install_chinese
from generator.errors import DataInvalid, SystemFault, UsageError
from generator.intake.commands import import_command, template_command
from generator.model.problems import Problem, counted, errors, failing, summary, to_json, warnings
from generator.validate import validate as run_validate
from generator.validate.checks.package import pack as pack_folder

install_chinese()  # click's own usage lines, headings and error messages in Chinese

DATASETS_OPTION = click.option(
    "--datasets",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=paths.DATASETS,
    show_default="datasets/",
    help="数据包所在目录（每个子目录一个 datapackage.json）。",
)
OPTIONS_METAVAR = "[选项]"


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.line())
    click.echo(summary(problems))


class Main(click.Group):
    """The command group; turns an operating-system error of any command into a Chinese message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            raise SystemFault(exc) from None


@click.group(
    cls=Main,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar="命令 [参数]…",
)
def main() -> None:
    """国家高技能人才振兴计划公开数据：校验数据、生成网站。"""


main.add_command(template_command)  # generator/intake/commands.py: Excel template and import
main.add_command(import_command)


@main.command()
@DATASETS_OPTION
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出问题列表（valid 与退出码一致）。")
@click.option("--strict", is_flag=True, help="有警告也视为失败。")
def validate(datasets: Path, as_json: bool, strict: bool) -> None:
    """校验所有数据包：frictionless 结构校验加本项目的业务规则。"""
    problems = run_validate(datasets)
    if as_json:
        click.echo(to_json(problems, strict=strict))
    else:
        print_problems(problems)
    if failing(problems, strict=strict):
        sys.exit(1)


def writable_folder(path: Path, option: str) -> None:
    """The folder a file or site will be written into must exist and be writable (exit 2 otherwise)."""
    if not path.is_dir():
        raise UsageError(f"{option} 的上级目录 {path} 不存在：请先创建它，或换一个路径。")
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"{option} 的上级目录 {path} 不可写：请检查权限，或换一个路径。")


@main.command()
@DATASETS_OPTION
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=paths.SITE,
    show_default="site/",
    help="网站输出目录：须不存在、为空，或是以前生成的网站。失败时原目录保持不变。",
)
@click.option(
    "--site-url",
    default=None,
    metavar="网址",
    help="网站的公开地址（可带路径，如 https://www.example.gov.cn/zt/gjgjn/）；覆盖 site.toml 中的 site_url。",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="站点设置文件（默认：仓库根目录的 site.toml）。",
)
@click.option("--strict", is_flag=True, help="有警告也视为失败。")
@click.option(
    "--timings",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="把各阶段耗时（秒）以 JSON 写入此文件，供 benchmarks/run.py 使用。",
)
@click.option(
    "--offline",
    is_flag=True,
    help="另外生成离线包 <out>/offline.zip：解压后直接用浏览器打开 index.html 即可浏览和查找。",
)
def build(
    datasets: Path,
    out: Path,
    site_url: str | None,
    config_file: Path | None,
    strict: bool,
    timings: Path | None,
    offline: bool,
) -> None:
    """校验数据并生成网站（MkDocs Material，严格模式）。"""
    from generator.build import build as run_build
    from generator.load.config import SITE_TOML, load_config
    from generator.site.output import check_out
    from generator.site.seo import root_of, sitemap_line

    out = out.absolute()
    check_out(out)
    writable_folder(out.parent, "--out")
    if timings is not None:
        writable_folder(timings.absolute().parent, "--timings")
    config = load_config(site_toml=config_file or SITE_TOML, site_url=site_url)
    stages: dict[str, float] = {}
    site = run_build(
        datasets, out, strict=strict, say=click.echo, report=_report, timings=stages, offline=offline, config=config
    )
    if timings is not None:
        timings.write_text(json.dumps(stages, indent=2) + "\n", encoding="utf-8")
    click.echo(f"网站已生成：{site}")
    if not config.site_url:
        click.echo(
            "注意：未设置网站地址（build --site-url，或 site.toml 中的 site_url），因此没有生成 sitemap.xml；"
            "订阅 feeds/ 使用占位地址 https://hsp.example.invalid/；数据目录 catalog.jsonld、数据集页的引用和"
            "代码示例使用相对网址，页面没有 canonical 链接。本地预览不受影响；发布前请设置网站地址。"
        )
    if root_of(config.site_url):
        click.echo(
            f"注意：本站发布在 {root_of(config.site_url)} 下的路径中，搜索引擎只读取根目录的 robots.txt："
            f"请把“{sitemap_line(config.site_url)}”一行加入 {root_of(config.site_url)}robots.txt"
            "（本站的 robots.txt 里也写着这一行）。"
        )
    if not (config.feedback_email or config.feedback_url):
        click.echo(
            "注意：未设置纠错渠道（site.toml 中的 feedback_email 或 feedback_url），页面上的“纠错”“报告遗漏”"
            "链接只通向关于页，关于页也说明尚未公布接收地址。发布前请设置。"
        )
    click.echo(f"本地预览：python -m http.server -d {site} 8000，然后打开 http://localhost:8000/")
    if offline:
        click.echo(f"离线包：{site / 'offline.zip'}（解压后打开 hsp-offline/index.html）")


def _report(problems: list[Problem]) -> None:
    """The build prints errors and warnings; confirmed notes are on the validation report page."""
    shown = errors(problems) + warnings(problems)
    if shown:
        print_problems(shown)


@main.command()
@DATASETS_OPTION
def pack(datasets: Path) -> None:
    """用 schemas/ 中的表结构和代码表刷新各数据包的 datapackage.json。"""
    folders = sorted(p.parent for p in datasets.glob("*/datapackage.json"))
    if not folders:
        raise UsageError(
            f"{datasets} 中没有任何数据包（*/datapackage.json）：请用 --datasets 指向数据目录，例如 datasets/。"
        )
    changed = [line for folder in folders for line in pack_folder(folder, paths.SCHEMAS)]
    for line in changed:
        click.echo(f"已更新：{line}")
    click.echo(f"共更新 {len(changed)} 处。" if changed else "数据包已与 schemas/ 一致，无需更新。")


@main.command()
@DATASETS_OPTION
@click.option("--version", "version", required=True, help="版本号 X.Y.Z，须大于上一次发布的版本。")
@click.option("--note", required=True, help="本次发布的说明（一句话，显示在“更新记录”页）。")
@click.option("--date", "date", default=None, show_default="今天", help="发布日期 YYYY-MM-DD。")
def release(datasets: Path, version: str, note: str, date: str | None) -> None:
    """记录一次数据发布：校验数据，把各数据包存为快照（datasets/releases/<版本>/），更新版本号，并记入 datasets/releases.csv。"""
    import datetime as dt

    from generator.release import check_arguments, record_release

    if not note.strip():
        raise UsageError("--note 不能为空：请用一句话说明本次发布改了什么（显示在“更新记录”页）。")
    day = date or dt.date.today().isoformat()
    check_arguments(datasets, version, day)
    problems = run_validate(datasets)
    if errors(problems):
        print_problems(problems)
        raise DataInvalid(counted(problems), what="未记录发布，datasets/ 保持不变")
    for line in record_release(datasets, version, note.strip(), day):
        click.echo(line)
    click.echo(f"已发布 {version}（{day}）。请提交 datasets/ 中的改动。")


@main.command()
@click.option("--records", type=click.IntRange(min=1), required=True, help="基地和工作室的总条数。")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="输出的数据目录（须不存在或为空）。请勿提交到仓库。",
)
@click.option("--seed", type=int, default=0, show_default=True, help="随机种子：同一种子生成的文件逐字节相同。")
def synth(records: int, out: Path, seed: int) -> None:
    """生成规模测试用的合成数据目录（虚构名称，网址为 example.invalid），可直接校验和构建。"""
    from generator.synth import synthesize

    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"目录已存在且不为空：{out}。请换一个不存在的目录。")
    writable_folder(out.absolute().parent, "--out")
    summary = synthesize(records, out, seed=seed)
    click.echo(
        f"已生成合成数据：培训基地 {summary.bases} 个，技能大师工作室 {summary.studios} 个，"
        f"公告 {summary.announcements} 个 → {out}"
    )


for _command in main.commands.values():
    _command.options_metavar = OPTIONS_METAVAR
