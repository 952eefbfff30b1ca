"""The same data gives byte-identical downloads on any day: a checksum changes only when data does
(issue 12). The build date may appear on pages; it is not inside any download."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, tree_digest

DAY = 86_400


def build_on(day: int, out: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(1_790_000_000 + day * DAY)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--datasets",
            str(REPO / "datasets"),
            "--out",
            str(out),
            "--offline",
        ],
        check=True,
        env=env,
        cwd=REPO,
        capture_output=True,
    )


def test_two_builds_a_day_apart_give_identical_downloads(tmp_path: Path) -> None:
    build_on(0, tmp_path / "a")
    build_on(1, tmp_path / "b")
    a = {k: v for k, v in tree_digest(tmp_path / "a").items() if k.startswith(("data/", "feeds/", "find/"))}
    b = {k: v for k, v in tree_digest(tmp_path / "b").items() if k.startswith(("data/", "feeds/", "find/"))}
    assert a.keys() == b.keys()
    downloads = sorted(k for k in a if not k.endswith(".html"))
    assert any(k.endswith(".xlsx") for k in downloads) and any(k.endswith(".zip") for k in downloads)
    changed = [k for k in downloads if a[k] != b[k]]
    assert not changed, changed
    assert tree_digest(tmp_path / "a")["catalog.jsonld"] == tree_digest(tmp_path / "b")["catalog.jsonld"]
