"""Scale benchmark (issue 7): build synthetic datasets of each size from scratch and check the limits.

    python benchmarks/run.py --records 2000 20000 [--seed 0] [--browser] [--keep DIR]

For each size: ``python -m generator synth`` writes a fresh datasets folder in a temporary directory,
then ``python -m generator build --timings FILE`` builds it in a subprocess. The total is the wall time
of that subprocess; validate, render and site (MkDocs + pouring record pages) come from the build's
own stage timings, and "other" is the rest (start-up, loading, downloads, export). Peak memory is the
build process's ru_maxrss, as RUSAGE_CHILDREN reports it. The site is then measured on disk. Prints a
table, PASS/FAIL per limit and, as its last line, one JSON object. Exit status: 0 all limits pass,
1 some limit fails, 2 a build failed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
MB = 1024 * 1024
RECORD_SECTIONS = ("bases", "studios", "announcements")
FINDER_CANDIDATES = ("find/data.js", "find/data.json", "find/index.json")
SEARCH_INDEX = "search/search_index.json"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# (key, label, limit, unit): checked for every size; the time ratio is checked separately.
LIMITS = (
    ("total_s", "build time", 30.0, "s"),
    ("peak_mb", "peak memory", 2048.0, "MB"),
    ("record_page_max_kb", "largest record page", 30.0, "KB"),
    ("page_max_kb", "largest page of any kind", 1024.0, "KB"),
    ("site_mb", "site size", 800.0, "MB"),
    ("finder_gzip_kb", "finder data (gzip)", 2048.0, "KB"),
    ("search_index_kb", "MkDocs search index", 3072.0, "KB"),
)
RATIO_LIMIT = 12.0


def run(cmd: list[str], log: Path) -> tuple[float, int, int, float]:
    """Run ``cmd``; return (wall seconds, exit code, peak RSS in bytes, CPU seconds) of that process and
    its children. CPU seconds vary much less than wall seconds on a busy machine."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, proc.returncode, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime  # maxrss in KiB


def measure_site(site: Path) -> dict[str, object]:
    total = 0
    largest = ("", 0)
    record_pages: list[int] = []
    largest_record = ("", 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        rel = path.relative_to(site).as_posix()
        if rel.endswith(".html"):
            if size > largest[1]:
                largest = (rel, size)
            parts = rel.split("/")
            if len(parts) == 3 and parts[0] in RECORD_SECTIONS and parts[2] == "index.html" and _is_record(parts):
                record_pages.append(size)
                if size > largest_record[1]:
                    largest_record = (rel, size)
    finder = [site / c for c in FINDER_CANDIDATES if (site / c).is_file()]
    finder_raw = finder[0].read_bytes() if finder else None
    search = site / SEARCH_INDEX
    return {
        "site_bytes": total,
        "record_pages": len(record_pages),
        "record_page_max_bytes": largest_record[1],
        "record_page_max": largest_record[0],
        "record_page_median_bytes": int(statistics.median(record_pages)) if record_pages else None,
        "page_max_bytes": largest[1],
        "page_max": largest[0],
        "finder_path": finder[0].relative_to(site).as_posix() if finder else None,
        "finder_bytes": len(finder_raw) if finder_raw is not None else None,
        "finder_gzip_bytes": len(gzip.compress(finder_raw, 6, mtime=0)) if finder_raw is not None else None,
        "search_index_bytes": search.stat().st_size if search.is_file() else None,
    }


def _is_record(parts: list[str]) -> bool:
    """``bases/B000001/index.html``, ``studios/S000001/index.html``, any ``announcements/<id>/index.html``."""
    section, name = parts[0], parts[1]
    if section == "announcements":
        return True
    return len(name) == 7 and name[0] in "BS" and name[1:].isdigit()


def browser_timing(site: Path, query: str) -> dict[str, object]:
    """Open find/?q=<query> in headless Chromium; time until the first results are drawn, and the time
    of one more two-character search typed into the box."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/find/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(f"{url}?q={query}")
            page.wait_for_function(
                "document.querySelector('#hsp-finder-results, ol[id*=result], .hsp-finder__results')"
                " && document.querySelector('#hsp-finder-results, ol[id*=result], .hsp-finder__results')"
                ".children.length > 0",
                timeout=60_000,
            )
            first = time.perf_counter() - start
            typed = page.evaluate(
                """async (q) => {
                const box = document.querySelector('#hsp-finder-q, input[type=search]');
                const list = document.querySelector('#hsp-finder-results, .hsp-finder__results');
                box.value = '';
                box.dispatchEvent(new Event('input', {bubbles: true}));
                await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                const t0 = performance.now();
                box.value = q;
                box.dispatchEvent(new Event('input', {bubbles: true}));
                await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                return {ms: performance.now() - t0, shown: list.children.length};
            }""",
                query,
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "query": query,
        "first_results_ms": round(first * 1000),
        "typed_query_ms": round(typed["ms"]),
        "results_shown": typed["shown"],
    }


def bench(records: int, seed: int, work: Path, browser: bool, query: str) -> dict[str, object]:
    datasets, site, timings = work / "datasets", work / "out" / "site", work / "timings.json"
    synth_s, code, _, _ = run(
        [PYTHON, "-m", "generator", "synth", "--records", str(records), "--out", str(datasets), "--seed", str(seed)],
        work / "synth.log",
    )
    if code:
        raise SystemExit(f"synth failed for {records} records, see {work / 'synth.log'}")
    load_before = os.getloadavg()[0]
    total_s, code, peak, cpu_s = run(
        [
            PYTHON,
            "-m",
            "generator",
            "build",
            "--datasets",
            str(datasets),
            "--out",
            str(site),
            "--timings",
            str(timings),
        ],
        work / "build.log",
    )
    if code:
        print((work / "build.log").read_text(encoding="utf-8", errors="replace")[-3000:], file=sys.stderr)
        raise SystemExit(2)
    stages = json.loads(timings.read_text(encoding="utf-8"))
    result: dict[str, object] = {
        "records": records,
        "synth_s": round(synth_s, 2),
        "validate_s": round(stages.get("validate", 0.0), 2),
        "render_s": round(stages.get("render", 0.0), 2),
        "site_s": round(stages.get("mkdocs", 0.0) + stages.get("pour", 0.0), 2),
        "other_s": round(total_s - sum(stages.get(k, 0.0) for k in ("validate", "render", "mkdocs", "pour")), 2),
        "total_s": round(total_s, 2),
        "cpu_s": round(cpu_s, 2),
        "loadavg_1min_before": round(load_before, 2),
        "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "peak_bytes": peak,
        **measure_site(site),
    }
    if browser:
        result["browser"] = browser_timing(site, query) if result["finder_path"] else None
    return result


def check(results: list[dict[str, object]]) -> tuple[list[tuple[str, str, bool]], float | None]:
    rows = []
    for r in results:
        values = {
            "total_s": r["total_s"],
            "peak_mb": int(r["peak_bytes"]) / MB,  # type: ignore[call-overload]
            "record_page_max_kb": int(r["record_page_max_bytes"]) / 1024,  # type: ignore[call-overload]
            "page_max_kb": int(r["page_max_bytes"]) / 1024,  # type: ignore[call-overload]
            "site_mb": int(r["site_bytes"]) / MB,  # type: ignore[call-overload]
            "finder_gzip_kb": None if r["finder_gzip_bytes"] is None else int(r["finder_gzip_bytes"]) / 1024,  # type: ignore[call-overload]
            "search_index_kb": None if r["search_index_bytes"] is None else int(r["search_index_bytes"]) / 1024,  # type: ignore[call-overload]
        }
        for key, label, limit, unit in LIMITS:
            value = values[key]
            if value is None:
                rows.append((f"{r['records']:>6} {label}", "absent (not checked)", True))
            else:
                rows.append(
                    (f"{r['records']:>6} {label}", f"{value:,.1f} {unit} ≤ {limit:,.0f} {unit}", value <= limit)
                )
    ratio = None
    if len(results) > 1:
        small, big = results[0], results[-1]
        ratio = float(big["total_s"]) / float(small["total_s"])  # type: ignore[arg-type]
        rows.append(
            (
                f"total({big['records']})/total({small['records']})",
                f"{ratio:.2f} ≤ {RATIO_LIMIT:.0f}",
                ratio <= RATIO_LIMIT,
            )
        )
    return rows, ratio


def table(results: list[dict[str, object]]) -> str:
    cols = (
        ("records", "records", "{:,}"),
        ("validate_s", "validate s", "{:.2f}"),
        ("render_s", "render s", "{:.2f}"),
        ("site_s", "site s", "{:.2f}"),
        ("other_s", "other s", "{:.2f}"),
        ("total_s", "total s", "{:.2f}"),
        ("cpu_s", "cpu s", "{:.2f}"),
        ("peak_bytes", "peak MB", "mb"),
        ("site_bytes", "site MB", "mb"),
        ("record_page_median_bytes", "rec med KB", "kb"),
        ("record_page_max_bytes", "rec max KB", "kb"),
        ("page_max_bytes", "page max KB", "kb"),
        ("finder_bytes", "finder KB", "kb"),
        ("finder_gzip_bytes", "finder gz KB", "kb"),
        ("search_index_bytes", "search KB", "kb"),
    )

    def fmt(value: object, how: str) -> str:
        if value is None:
            return "—"
        if how == "mb":
            return f"{int(value) / MB:,.1f}"  # type: ignore[call-overload]
        if how == "kb":
            return f"{int(value) / 1024:,.1f}"  # type: ignore[call-overload]
        return how.format(value)

    lines = [" | ".join(f"{label:>12}" for _, label, _ in cols)]
    for r in results:
        lines.append(" | ".join(f"{fmt(r.get(key), how):>12}" for key, _, how in cols))
    for r in results:
        lines.append(
            f"{r['records']:>6}: stages {r['stages_s']}; largest page {r['page_max']}; "
            f"largest record page {r['record_page_max']}; finder {r['finder_path']}"
            + (f"; browser {r['browser']}" if "browser" in r else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--records", type=int, nargs="+", default=[2000, 20000], help="sizes to build (default 2000 20000)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--browser", action="store_true", help="also time the finder in headless Chromium")
    parser.add_argument("--query", default="技师", help="two-character finder query for --browser")
    parser.add_argument("--keep", type=Path, help="keep the datasets and sites under this folder")
    args = parser.parse_args(argv)
    results = []
    for records in sorted(args.records):
        if args.keep:
            work = args.keep / str(records)
            work.mkdir(parents=True, exist_ok=False)
            results.append(bench(records, args.seed, work, args.browser, args.query))
        else:
            with tempfile.TemporaryDirectory(prefix=f"hsp-bench-{records}-") as tmp:
                results.append(bench(records, args.seed, Path(tmp), args.browser, args.query))
        print(f"built {records:,} records in {results[-1]['total_s']} s", file=sys.stderr)
    rows, ratio = check(results)
    print(table(results))
    print()
    for name, text, ok in rows:
        print(f"{'PASS' if ok else 'FAIL'}  {name:<40} {text}")
    summary = {
        "sizes": {str(r["records"]): r for r in results},
        "ratio": None if ratio is None else round(ratio, 2),
        "pass": all(ok for _, _, ok in rows),
        "failed": [name.strip() for name, _, ok in rows if not ok],
    }
    print(json.dumps(summary, ensure_ascii=False, separators=(",", ":")))
    return 0 if summary["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
