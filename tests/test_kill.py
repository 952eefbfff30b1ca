"""A command killed with ``kill -9`` at any moment leaves the old state or the new one, never half,
and no process behind it; the next run names and removes its leftovers (issue 12).

Each test kills its command at 50 random moments spread over the time one whole run takes here."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, tree_digest

KILLS = int(os.environ.get("HSP_KILLS", "50"))
IMPORT = REPO / "tests" / "cases" / "import" / "good" / "studios-gbk.csv"


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=REPO, capture_output=True)
    return time.perf_counter() - start


def kill_at(args: list[str], delay: float) -> None:
    process = subprocess.Popen(
        args, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


def survivors(marker: str) -> list[str]:
    """Processes still running whose command line names ``marker`` (a folder unique to this test),
    other than a background ``rm`` removing an old site."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = next((line for line in (proc / "status").read_text().splitlines() if line.startswith("State:")), "")
        except OSError:
            continue
        if marker in cmdline and not cmdline.startswith("rm ") and "Z (zombie)" not in state:
            found.append(f"{proc.name}: {cmdline}")
    return found


def settle(marker: str) -> list[str]:
    for _ in range(50):
        left = survivors(marker)
        if not left:
            return []
        time.sleep(0.1)
    return survivors(marker)


def test_a_killed_build_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    datasets = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", datasets)
    out = tmp_path / "site"
    args = command("build", "--datasets", str(datasets), "--out", str(out))
    whole = run(args)
    reference = tree_digest(out)
    rng = random.Random(12)
    for _ in range(KILLS):
        kill_at(args, rng.uniform(0, whole * 1.1))
        assert out.is_dir(), "there is always a complete site"
        assert tree_digest(out) == reference, "old or new, never half"
        assert not settle(str(tmp_path)), "no process outlives a killed build"
    run(args)
    assert tree_digest(out) == reference
    leftovers: list[str] = []
    for _ in range(50):
        leftovers = [p.name for p in tmp_path.iterdir() if p.name not in {"datasets", "site"}]
        if not leftovers:
            break
        time.sleep(0.1)
    assert not leftovers, "the next build removes what killed builds left"


def test_a_killed_import_leaves_the_old_table_or_the_new_one(tmp_path: Path) -> None:
    pristine = tmp_path / "pristine"
    shutil.copytree(REPO / "datasets", pristine)
    datasets = tmp_path / "datasets"
    shutil.copytree(pristine, datasets)
    target = datasets / "register" / "studios.csv"
    old = target.read_bytes()
    args = command("import", str(IMPORT), "--into", "studios", "--datasets", str(datasets))
    whole = run(args)
    new = target.read_bytes()
    assert new != old
    rng = random.Random(21)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        target.write_bytes(old)
        kill_at(args, rng.uniform(0, whole * 1.1))
        now = target.read_bytes()
        assert now in (old, new), "old or new, never half"
        outcomes["old" if now == old else "new"] += 1
        assert not settle(str(tmp_path)), "no process outlives a killed import"
        others = {p.name for p in (datasets / "register").iterdir()} - {
            p.name for p in (pristine / "register").iterdir()
        }
        assert others <= {p.name for p in (datasets / "register").glob(".*.tmp")}, others
    target.write_bytes(old)
    run(args)
    assert target.read_bytes() == new
    assert not list((datasets / "register").glob(".*.tmp")), "the next import removes what a killed one left"
