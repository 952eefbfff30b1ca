"""The pipeline, in order: validate → load → export ∥ render → site. Only this module knows it.

Validation runs first, on the files as they are, because loading assumes valid data. The downloads
are prepared (export) on the other core while the pages that do not show them are rendered.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

from generator import paths
from generator.errors import DataInvalid
from generator.export import export
from generator.load import load
from generator.load.config import load_config
from generator.model.config import SiteConfig
from generator.model.problems import Problem, counted, failing
from generator.model.site import SiteModel
from generator.parallel import Pending
from generator.render import render
from generator.site import publish
from generator.validate import validate

Say = Callable[[str], None]


def build(
    datasets: Path = paths.DATASETS,
    out: Path = paths.SITE,
    *,
    strict: bool = False,
    say: Say = print,
    report: Callable[[list[Problem]], None] | None = None,
    timings: dict[str, float] | None = None,
    offline: bool = False,
    config: SiteConfig | None = None,
) -> Path:
    lap = Stopwatch(timings if timings is not None else {})
    say("[1/5] 校验数据 …")
    problems = validate(datasets)
    lap("validate")
    if report:
        report(problems)
    if failing(problems, strict=strict):
        raise DataInvalid(counted(problems))
    say("[2/5] 读取数据 …")
    site = SiteModel(load(datasets), build_date(), tuple(problems), config or load_config())
    lap("load")
    say("[3/5] 生成页面 …")
    publication = Pending("准备下载文件", lambda: export(site))  # on the other core
    pages = render(site, publication.result)
    lap("render")
    built = publish(pages, publication.result(), out, config=site.config, offline=offline, say=say, lap=lap)
    lap("other")
    return built


def build_date() -> str:
    """Today, or the day ``SOURCE_DATE_EPOCH`` names (reproducible-builds.org), as an ISO date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


class Stopwatch:
    """``lap(stage)`` adds the seconds since the previous lap to ``timings[stage]`` (for --timings)."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now
