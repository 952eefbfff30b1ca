"""Shared fixtures: the repository, one site built from the committed datasets, a local HTTP server
for it, and a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that starts Chromium (it uses the ``browser`` fixture, directly or through
    ``page``) carries the ``browser`` marker, so ``pytest -m "not browser"`` is the fast loop."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the committed datasets, in strict mode: the real data has no
    warnings left (its known, confirmed notes are listed in datasets/acknowledged.csv)."""
    from generator.build import build

    out = tmp_path_factory.mktemp("built") / "site"
    build(REPO / "datasets", out, strict=True, say=lambda _: None)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[socketserver.TCPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(locale="zh-CN", accept_downloads=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal good project as ``datasets/`` in a temporary working directory."""
    shutil.copytree(CASES / "good", tmp_path / "datasets")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "datasets"


def run_cli(*args: str) -> tuple[int, str]:
    """Run ``python -m generator ARGS`` in-process; a traceback is always a failure."""
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def site_model(
    datasets: Path, built: str = "2026-11-25", *, base: str = "", problems: tuple[object, ...] = ()
) -> object:
    """The site model of a datasets folder, as the build makes it (with the given site address)."""
    from generator.load import load
    from generator.model.config import SiteConfig
    from generator.model.site import SiteModel

    return SiteModel(load(datasets), built, problems, SiteConfig(site_url=base))  # type: ignore[arg-type]


def published(datasets: Path, built: str = "2026-11-25", *, base: str = "") -> object:
    """The site model with its downloads prepared, as the pages that show them see it."""
    import dataclasses

    from generator.export import export

    site = site_model(datasets, built, base=base)
    return dataclasses.replace(site, publication=export(site))  # type: ignore[type-var]


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: two equal digests mean byte-identical trees."""
    import hashlib

    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
