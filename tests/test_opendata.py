"""What the metadata names is published: every link in every published datapackage.json, README and the
catalogue resolves in the built site; the documents are in the ZIP; a program walks from api/index.json
to every record and its source; and every snippet runs as printed, with the schema's types."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import duckdb
import pandas as pd
import pytest
from conftest import REPO

SITE = "https://example.org/hsp/"  # a stand-in root: links that resolve under it are the site's own
PATHLIKE = re.compile(r"^[\w<>*\u4e00-\u9fff./-]+$")
FILE_EXTENSIONS = (".csv", ".json", ".txt", ".md", ".zip", ".xlsx", ".parquet")


def exists(site: Path, url: str) -> bool:
    """A site-relative URL (no scheme) resolves: the file, the folder's index.html, and the fragment's id."""
    parts = urlsplit(url)
    path = site / parts.path
    target = path / "index.html" if parts.path.endswith("/") or path.is_dir() else path
    if not target.is_file():
        return False
    return not parts.fragment or f'id="{parts.fragment}"' in target.read_text(encoding="utf-8")


def own(url: str, here: str) -> str | None:
    """The site path of a link written at the site path ``here``, or None for another host's."""
    absolute = urljoin(SITE + here, url)
    return absolute[len(SITE) :] if absolute.startswith(SITE) else None


def readme_paths(text: str) -> list[str]:
    """The file paths a README names: Markdown links and code spans that look like paths."""
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    spans = [
        s
        for s in re.findall(r"`([^`\n]+)`", text)
        if PATHLIKE.match(s) and not s.startswith(".") and ("/" in s or s.endswith(FILE_EXTENSIONS))
    ]
    return links + spans


def test_every_link_in_the_published_metadata_resolves(built_site: Path) -> None:
    checked = 0
    for descriptor in sorted(built_site.glob("data/**/datapackage.json")):
        here = descriptor.parent.relative_to(built_site).as_posix() + "/"
        d = json.loads(descriptor.read_text(encoding="utf-8"))
        for r in d["resources"]:
            assert exists(built_site, here + r["path"]), (descriptor, r["path"])
            checked += 1
        for path in re.findall(r"\b[\w-]+/[\w./-]+\.(?:txt|csv|json)\b", d.get("description", "")):
            assert exists(built_site, here + path), (descriptor, path)
            checked += 1
    for readme in sorted(built_site.glob("data/*/README.md")):
        folder = readme.parent
        for path in readme_paths(readme.read_text(encoding="utf-8")):
            if path.startswith(("http://", "https://")):
                continue
            pattern = re.sub(r"<[^>]+>", "*", path)  # sources/<公告标识>.txt: at least one such file
            if "/" not in pattern:  # a bare file name: somewhere in the package
                assert any(folder.rglob(pattern)), (readme, path)
            else:
                found = list(folder.glob(pattern.rstrip("/") + ("/*" if pattern.endswith("/") else "")))
                assert found, (readme, path)
            checked += 1
    catalog = json.loads((built_site / "catalog.jsonld").read_text(encoding="utf-8"))
    for url in _iris(
        catalog,
        (
            "dcat:downloadURL",
            "dcat:accessURL",
            "dcat:landingPage",
            "foaf:page",
            "dct:conformsTo",
            "vcard:hasURL",
            "foaf:homepage",
            "dcat:hasVersion",
            "dct:isVersionOf",
        ),
    ):
        site_path = own(url, "")
        if site_path is not None:
            assert exists(built_site, site_path), url
            checked += 1
    assert checked > 400  # resource paths, README paths, every catalogue IRI on the site


def _iris(node: object, keys: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k in keys:
                for item in v if isinstance(v, list) else [v]:
                    out.append(item["@id"] if isinstance(item, dict) else item)
            out += _iris(v, keys)
    elif isinstance(node, list):
        for item in node:
            out += _iris(item, keys)
    return out


def test_plan_text_sources_and_schemas_are_published_and_zipped(built_site: Path) -> None:
    plan = built_site / "data" / "policies" / "texts" / "plan-2011.txt"
    assert plan.read_bytes() == (REPO / "datasets/policies/texts/plan-2011.txt").read_bytes()
    sources = sorted((REPO / "datasets/register/sources").glob("*.txt"))
    schemas = sorted((REPO / "schemas").glob("*.schema.json"))
    with zipfile.ZipFile(built_site / "data/register/register.zip") as archive:
        for source in sources:
            assert (built_site / "data/register/sources" / source.name).read_bytes() == source.read_bytes()
            assert archive.read(f"sources/{source.name}") == source.read_bytes()
        for name in ("announcements", "bases", "studios", "levels", "provinces", "retired_ids"):
            committed = (REPO / "schemas" / f"{name}.schema.json").read_bytes()
            assert archive.read(f"schemas/{name}.schema.json") == committed
        assert archive.read("schemas/codelists/levels.csv") == (REPO / "schemas/codelists/levels.csv").read_bytes()
    with zipfile.ZipFile(built_site / "data/policies/policies.zip") as archive:
        assert archive.read("texts/plan-2011.txt") == plan.read_bytes()
    published = {p.name for p in built_site.glob("data/*/schemas/*.schema.json")} | {"changes.schema.json"}
    assert published == {s.name for s in schemas}


def test_canonical_csv_json_and_parquet_hold_identical_values(built_site: Path) -> None:
    for csv_path in sorted(built_site.glob("data/*/*.csv")):
        if csv_path.name.endswith(".excel.csv") or csv_path.name == "changes.csv":
            continue
        committed = REPO / "datasets" / csv_path.parent.name / csv_path.name
        assert csv_path.read_bytes() == committed.read_bytes()
        text = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        rows = json.loads(csv_path.with_suffix(".json").read_text(encoding="utf-8"))
        table = pd.read_parquet(csv_path.with_suffix(".parquet"))
        for i, row in enumerate(rows):
            for name, value in row.items():
                shown = (
                    "" if value is None else ("true" if value is True else "false" if value is False else str(value))
                )
                assert text[name][i] == shown or float(text[name][i]) == value, (csv_path.name, i, name)
                cell = table[name][i]
                assert (value is None and pd.isna(cell)) or str(cell)[:10] == str(value)[:10] or cell == value


def test_a_program_walks_from_the_index_to_every_record_and_its_source(built_site: Path) -> None:
    index = json.loads((built_site / "api" / "index.json").read_text(encoding="utf-8"))
    assert set(index["records"]) == {"announcements", "bases", "studios", "policies", "criteria", "targets"}
    walked = 0
    for kind, entries in index["records"].items():
        kind_index = json.loads((built_site / index["indexes"][kind]).read_text(encoding="utf-8"))
        assert kind_index["records"] == entries
        for rid, entry in entries.items():
            doc = json.loads((built_site / entry["json"]).read_text(encoding="utf-8"))
            assert (doc["id"], doc["kind"], doc["changed"]) == (rid, kind, entry["changed"])
            assert doc["data"]["id"] == rid and doc["licence"].startswith("https://creativecommons.org/")
            assert (doc["release"] or {}).get("version") == entry["release"]
            if kind in ("bases", "studios"):  # the status the page shows, also when only implied
                status = doc["status"]
                assert status["stated"] == bool(doc["data"]["status"]) and status["label"], rid
                page = (built_site / entry["page"] / "index.html").read_text(encoding="utf-8")
                assert re.search(
                    rf'class="hsp-status hsp-status--{status["code"] or "unknown"}[^>]*>{status["label"]}<', page
                ), rid
            # every record, targets too, has a name and a page a person can open
            assert entry["name"] and entry["page"] == doc["links"]["page"] and exists(built_site, entry["page"]), rid
            for name, link in doc["links"].items():
                if not link.startswith(("http://", "https://")):
                    assert exists(built_site, link), (rid, name, link)
            walked += 1
    studios = json.loads((built_site / index["indexes"]["studios"]).read_text(encoding="utf-8"))["records"]
    with_excerpt = [json.loads((built_site / e["json"]).read_text(encoding="utf-8")) for e in studios.values()]
    assert sum("source_excerpt" in d["links"] for d in with_excerpt) > len(with_excerpt) // 2
    rows = {
        "announcements": "register/announcements",
        "bases": "register/bases",
        "studios": "register/studios",
        "policies": "policies/policies",
        "criteria": "policies/criteria",
        "targets": "policies/targets",
    }
    assert walked == sum(len(pd.read_csv(REPO / "datasets" / f"{path}.csv", dtype=str)) for path in rows.values())


def code(page: Path, block: str) -> str:
    found = re.search(rf'<code[^>]* id="{block}">(.*?)</code>', page.read_text(encoding="utf-8"), re.S)
    assert found, block
    return html.unescape(found[1])


@pytest.mark.parametrize("package", ["register", "policies"])
def test_dataset_snippets_run_as_printed_with_the_schema_types(
    built_site: Path, package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = built_site / "data" / package / "index.html"
    monkeypatch.chdir(built_site / "data" / package)  # no site address: the snippets read downloaded files
    names: dict[str, object] = {}
    exec(code(page, "snippet-pandas"), names)
    descriptor = json.loads(Path("datapackage.json").read_text(encoding="utf-8"))
    con = duckdb.connect()
    con.execute(code(page, "snippet-duckdb"))
    expected = {
        "string": ("string", "VARCHAR"),
        "integer": ("Int64", "BIGINT"),
        "number": ("Float64", "DOUBLE"),
        "year": ("Int64", "BIGINT"),
        "date": ("datetime64", "DATE"),
        "boolean": ("boolean", "BOOLEAN"),
    }
    first = descriptor["resources"][0]
    typed = names[f"{first['name']}_typed"]  # the Parquet line: integers stay integers, dates stay dates
    assert isinstance(typed, pd.DataFrame)
    parquet_types = {"integer": "int64", "year": "int64", "date": "date32", "number": "double", "boolean": "bool"}
    for field in first["schema"]["fields"]:
        assert str(typed[field["name"]].dtype).startswith(parquet_types.get(field["type"], "string")), field["name"]
    for resource in descriptor["resources"]:
        frame = names[resource["name"]]
        assert isinstance(frame, pd.DataFrame) and len(frame) == len(pd.read_csv(resource["path"], dtype=str))
        columns = {r[0]: r[1] for r in con.execute(f"DESCRIBE {resource['name']}").fetchall()}
        for field in resource["schema"]["fields"]:
            pandas_type, sql_type = expected[field.get("type", "string")]
            assert columns[field["name"]] == sql_type, field["name"]
            if frame.empty:  # pandas cannot type the columns of an empty table (retired_ids today)
                continue
            assert str(frame[field["name"]].dtype).startswith(pandas_type.split("[")[0]) or (
                pandas_type == "string" and str(frame[field["name"]].dtype) in {"string", "str"}
            ), field["name"]


R_CLASSES = {"string": "character", "integer": "integer", "year": "integer", "number": "numeric", "date": "Date"}
R_CLASSES["boolean"] = "logical"


@pytest.mark.parametrize("package", ["register", "policies"])
def test_the_r_snippet_runs_as_printed_with_the_schema_types(built_site: Path, package: str) -> None:
    """The readr lines of the R snippet, run by Rscript in the folder of the downloaded files: every
    column has the class its Table Schema type calls for. (The arrow line is not run: Debian packages
    no arrow for R.)"""
    rscript = shutil.which("Rscript")
    if rscript is None:
        assert not os.environ.get("CI"), "CI installs R and readr (README's test command): Rscript is missing"
        pytest.skip("Rscript is not installed (apt-get install --no-install-recommends r-base-core r-cran-readr)")
    page = built_site / "data" / package / "index.html"
    snippet = code(page, "snippet-r")
    assert "arrow::read_parquet" in snippet
    readr = "\n".join(line for line in snippet.splitlines() if "arrow::" not in line)
    descriptor = json.loads((built_site / "data" / package / "datapackage.json").read_text(encoding="utf-8"))
    report = "".join(
        f'for (n in names({r["name"]})) cat("{r["name"]}", n, class({r["name"]}[[n]])[1], nrow({r["name"]}), "\\n")\n'
        for r in descriptor["resources"]
    )
    run = subprocess.run(
        [
            rscript,
            "-e",
            readr
            + "\n"
            + report
            + 'cat("problems", sum(sapply(list('
            + ", ".join(r["name"] for r in descriptor["resources"])
            + '), function(t) nrow(problems(t)))), "\\n")',
        ],
        cwd=built_site / "data" / package,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    got = {
        (t, n): (c, int(rows))
        for t, n, c, rows in (line.split() for line in run.stdout.splitlines() if line.split()[0] != "problems")
    }
    assert run.stdout.splitlines()[-1].split() == ["problems", "0"], run.stdout  # every cell parsed as its type
    for resource in descriptor["resources"]:
        rows = len(pd.read_csv(built_site / "data" / package / resource["path"], dtype=str))
        for field in resource["schema"]["fields"]:
            cls, n = got[(resource["name"], field["name"])]
            assert (cls, n) == (R_CLASSES[field.get("type", "string")], rows), (resource["name"], field["name"])


def test_changes_snippets_run_as_printed(built_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = built_site / "changes" / "index.html"
    monkeypatch.chdir(built_site / "data")
    names: dict[str, object] = {}
    exec(code(page, "snippet-changes-pandas"), names)
    changes = names["changes"]
    assert isinstance(changes, pd.DataFrame) and str(changes["date"].dtype).startswith("datetime64")
    rows = duckdb.connect().execute(code(page, "snippet-changes-duckdb")).fetchall()
    assert sum(r[2] for r in rows) >= len(set(changes["id"]))
    schema = json.loads((built_site / "data" / "changes.schema.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in schema["fields"]] == list(changes.columns)
    excel = (built_site / "data" / "changes.excel.csv").read_bytes()
    assert excel.startswith("\ufeff".encode()) and b"\r\n" in excel


def test_api_examples_run_as_printed(built_site: Path, site_url: str) -> None:
    page = built_site / "data" / "api" / "index.html"
    env = {**os.environ, "HSP_SITE": site_url}
    python = subprocess.run(
        ["python3", "-c", code(page, "api-python")], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    first = python.stdout.splitlines()[0].split()
    assert re.fullmatch(r"S\d{6}", first[0]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", first[-1])
    js = subprocess.run(
        ["node", "--input-type=module", "-e", code(page, "api-js")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert js.stdout.split()[0] == first[0]
    curl = code(page, "api-curl")
    assert curl.startswith('SITE="http://localhost:8000/"') and f"studios/{first[0]}.json" in curl


def test_api_examples_read_a_copy_of_a_site_built_with_its_address(tmp_path: Path) -> None:
    """With a site address every link in the index is absolute; HSP_SITE pointing at a copy (a local
    preview, a mirror) must still read the copy, not the published host."""
    from conftest import serve

    out = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(out), "--site-url", "https://hsp.example.invalid/x/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page = out / "data" / "api" / "index.html"
    server, url = serve(out)
    try:
        env = {**os.environ, "HSP_SITE": url}
        for command in (
            ["python3", "-c", code(page, "api-python")],
            ["node", "--input-type=module", "-e", code(page, "api-js")],
        ):
            run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
            assert run.returncode == 0 and re.match(r"S\d{6} ", run.stdout), run.stderr
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("package", ["register", "policies"])
def test_citations_carry_the_site_url_version_and_release_date(tmp_path: Path, package: str) -> None:
    """The date cited is the cited version's release date, also for a package that the last release
    left unchanged (policies: its rows last changed in 0.1.0, the package is at 0.2.0)."""
    from conftest import published

    from generator.render.jinja import environment
    from generator.render.pages import datasets

    base = "https://data.example.org/hsp/"
    site = published(REPO / "datasets", base=base)
    releases = pd.read_csv(REPO / "datasets" / "releases.csv", dtype=str)
    version, date = releases["version"].iloc[-1], releases["date"].iloc[-1]
    page = next(p for p in datasets.pages(site, environment()) if p.url == f"data/{package}/")  # type: ignore[arg-type]
    text = html.unescape(page.body)
    here = base + f"data/{package}/"
    assert f"[DS/OL]. 版本 {version}. ({date})" in text and f"(Version {version}) [Data set]. " in text
    bibtex = _found(re.search(r'id="cite-bibtex">(.*?)</code>', text, re.S))
    assert f"version      = {{{version}}}," in bibtex and f"date         = {{{date}}}," in bibtex
    assert f"url          = {{{here}}}," in bibtex and bibtex.startswith(f"@misc{{hsp-{package}-")
    ris = _found(re.search(r'id="cite-ris">(.*?)</code>', text, re.S)).splitlines()
    assert ris[0] == "TY  - DATA" and ris[-1].rstrip() == "ER  -"
    assert {f"UR  - {here}", f"ET  - {version}", f"DA  - {date.replace('-', '/')}"} <= set(ris)
    english = "Register of the National" if package == "register" else "Policies, application criteria"
    assert any(line.startswith(f"TI  - {english}") for line in ris)  # the English title
    assert f"版本 {version} 的日期 {date} 是该版本的发布日期" in text


def test_changes_csv_validates_against_its_table_schema(built_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from frictionless import Resource, Schema

    monkeypatch.chdir(built_site / "data")
    schema = Schema.from_descriptor("changes.schema.json")
    report = Resource(path="changes.csv", schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_every_release_has_all_five_formats_with_checksums_on_the_changes_page(built_site: Path) -> None:
    import hashlib

    page = (built_site / "changes" / "index.html").read_text(encoding="utf-8")
    releases = pd.read_csv(REPO / "datasets" / "releases.csv", dtype=str)
    checked = 0
    for version in releases["version"]:
        for snapshot in sorted((REPO / "datasets" / "releases" / version).glob("*/datapackage.json")):
            folder = built_site / "data" / "releases" / version / snapshot.parent.name
            assert f'id="v{version.replace(".", "-")}-{snapshot.parent.name}"' in page
            for resource in json.loads(snapshot.read_text(encoding="utf-8"))["resources"]:
                stem = resource["path"].removesuffix(".csv")
                assert (folder / resource["path"]).read_bytes() == (snapshot.parent / resource["path"]).read_bytes()
                for suffix in (".csv", ".excel.csv", ".xlsx", ".json", ".parquet"):
                    data = (folder / (stem + suffix)).read_bytes()
                    assert hashlib.sha256(data).hexdigest() in page, (version, stem + suffix)
                    checked += 1
    assert checked >= 5 * 9


def _found(match: re.Match[str] | None) -> str:
    assert match is not None
    return match[1]
