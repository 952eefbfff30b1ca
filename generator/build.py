"""The pipeline, in order: load → validate → render → export → site build. Only this module knows it."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator import paths
from generator.export import prepare
from generator.errors import DataInvalid
from generator.load.extras import load_extras
from generator.export.write import export
from generator.export.feeds import site_base, write_feeds
from generator.export.finder import write_finder
from generator.load.tables import load
from generator.site.offline import write_offline
from generator.parallel import Pending
from generator.render.pages.report import write_templates
from generator.model.problems import Problem, errors, warnings
from generator.render.jinja import environment, render_pages
from generator.site.mkdocs import pour, run_mkdocs, write_docs
from generator.model.site import SiteModel
from generator.validate import validate

Say = Callable[[str], None]


def build(datasets: Path = paths.DATASETS, out: Path = paths.SITE, *, strict: bool = False,
          say: Say = print, report: Callable[[list[Problem]], None] | None = None,
          timings: dict[str, float] | None = None, offline: bool = False) -> Path:
    lap = Stopwatch(timings if timings is not None else {})
    say("[1/5] 校验数据 …")
    problems = validate(datasets)
    lap("validate")
    if report:
        report(problems)
    if errors(problems) or (strict and warnings(problems)):
        raise DataInvalid(len(problems))
    say("[2/5] 读取数据 …")
    register = load(datasets)
    built = dt.date.today().isoformat()
    downloads = Pending("准备下载文件", lambda: prepare(register, problems, built))  # on the other core
    site = SiteModel(register, built=built, extra=load_extras(register, problems))
    lap("load")
    say("[3/5] 生成页面 …")
    env = environment()
    pages = list(render_pages(site, env, downloads=False))
    site.extra["published"] = downloads.result()
    pages += render_pages(site, env, downloads=True)
    lap("render")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        say(f"[4/5] MkDocs 构建（{sum(p.kind == 'md' for p in pages)} 个内容页）…")
        new_site = staging / "site"
        shells = write_docs(pages, staging / "docs")
        run_mkdocs(staging / "docs", new_site)
        lap("mkdocs")
        say(f"[5/5] 写入记录页 {len(shells)} 个和下载文件 …")
        exported = Pending("写入下载文件", lambda: write_files(site, new_site))  # on the other core
        pour(shells, new_site)
        lap("pour")
        exported.result()
        lap("export")
        if offline:
            say("[+] 生成离线包 offline.zip（可从本地文件打开的网站副本）…")
            write_offline(new_site, staging)
            lap("offline")
        swap(new_site, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    lap("other")
    return out


def write_files(site: SiteModel, out: Path) -> None:
    """Everything besides the pages: downloads, finder data, feeds, intake templates."""
    export(site, out)
    write_finder(site, out)
    write_feeds(site, out, site_base())
    write_templates(site, out)


class Stopwatch:
    """``lap(stage)`` adds the seconds since the previous lap to ``timings[stage]`` (for --timings)."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


def swap(new: Path, out: Path) -> None:
    """Replace ``out`` with ``new`` in two renames, so a reader never sees a half-built site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{dt.datetime.now():%H%M%S%f}")
        out.rename(old)
    new.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
