"""The pipeline, in order: load → validate → render → export → site build. Only this module knows it."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator import paths
from generator.errors import DataInvalid
from generator.extras import load_extras
from generator.export import export
from generator.load import load
from generator.problems import Problem, errors, warnings
from generator.render import environment, render_pages
from generator.site import pour, run_mkdocs, write_docs
from generator.site_model import SiteModel
from generator.validate import validate

Say = Callable[[str], None]


def build(datasets: Path = paths.DATASETS, out: Path = paths.SITE, *, strict: bool = False,
          say: Say = print, report: Callable[[list[Problem]], None] | None = None) -> Path:
    say("[1/5] 校验数据 …")
    problems = validate(datasets)
    if report:
        report(problems)
    if errors(problems) or (strict and warnings(problems)):
        raise DataInvalid(len(problems))
    say("[2/5] 读取数据 …")
    register = load(datasets)
    site = SiteModel(register, built=dt.date.today().isoformat(), extra=load_extras(register, problems))
    say("[3/5] 生成页面 …")
    pages = list(render_pages(site, environment()))
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        say(f"[4/5] MkDocs 构建（{sum(p.kind == 'md' for p in pages)} 个内容页）…")
        new_site = staging / "site"
        shells = write_docs(pages, staging / "docs")
        run_mkdocs(staging / "docs", new_site)
        pour(shells, new_site)
        say(f"[5/5] 写入记录页 {len(shells)} 个和下载文件 …")
        export(register, new_site)
        swap(new_site, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def swap(new: Path, out: Path) -> None:
    """Replace ``out`` with ``new`` in two renames, so a reader never sees a half-built site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{dt.datetime.now():%H%M%S%f}")
        out.rename(old)
    new.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
