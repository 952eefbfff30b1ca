"""Downloads on the built site: every resource as CSV, Excel CSV, XLSX, JSON and Parquet with the same
rows; ids kept as text in Excel; no Excel-facing cell that starts a formula; ZIP bundles; record twins;
and hostile cells (=HYPERLINK, -2+3) kept as they are in the canonical CSV, JSON and Parquet, behind an
apostrophe in the Excel CSV and as text cells in the XLSX, with a validation warning for each."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import CASES, REPO, published

from generator.load import load
from generator.model.cells import FORMULA_LEADS, for_excel_csv, is_id_like, looks_like_formula
from generator.model.loaded import Model
from generator.model.register import Resource
from generator.model.schema import fields_of
from generator.validate import validate

HOSTILE = '=HYPERLINK("http://x","点我")'


@pytest.fixture(scope="module")
def model() -> Model:
    return load(REPO / "datasets")


def resources(model: Model) -> list[tuple[str, Resource]]:
    return [(p.name, r) for p in model.packages for r in p.resources]


def stem(resource: Resource) -> str:
    return resource.path.rsplit(".", 1)[0]


def fields(resource: Resource) -> list[dict[str, Any]]:
    return fields_of(resource.schema)


def test_every_resource_has_five_formats_with_the_same_rows(built_site: Path, model: Model) -> None:
    for package, resource in resources(model):
        folder = built_site / "data" / package
        n = len(resource.rows)
        plain = (folder / resource.path).read_bytes()
        excel = (folder / f"{stem(resource)}.excel.csv").read_bytes()
        assert not plain.startswith(b"\xef\xbb\xbf") and excel.startswith(b"\xef\xbb\xbf")
        assert b"\r\n" in excel or n == 0
        assert len(pd.read_csv(io.BytesIO(plain), dtype=str, keep_default_na=False)) == n, resource.name
        frame = pd.read_csv(io.BytesIO(excel), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert len(frame) == n and list(frame.columns) == [f["name"] for f in fields(resource)]
        objects = json.loads((folder / f"{stem(resource)}.json").read_text(encoding="utf-8"))
        assert len(objects) == n
        table = pq.read_table(folder / f"{stem(resource)}.parquet")
        assert table.num_rows == n and table.column_names == [f["name"] for f in fields(resource)]
        book = openpyxl.load_workbook(folder / f"{stem(resource)}.xlsx")
        assert book.sheetnames == [resource.name[:31], "字段说明"]
        assert book.worksheets[0].max_row == n + 1


def test_json_and_parquet_are_typed_per_schema(built_site: Path, model: Model) -> None:
    studios = json.loads((built_site / "data/register/studios.json").read_text(encoding="utf-8"))
    assert isinstance(studios[0]["year"], int) and isinstance(studios[0]["id"], str)
    table = pq.read_table(built_site / "data/register/studios.parquet")
    assert str(table.schema.field("year").type) == "int64"
    title = next(f["title"] for f in fields(model.package("register").resource("studios")) if f["name"] == "id")
    assert table.schema.field("id").metadata[b"title"].decode("utf-8") == title
    targets = pq.read_table(built_site / "data/policies/targets.parquet")
    assert str(targets.schema.field("deadline").type) == "date32[day]"
    assert str(targets.schema.field("count").type) == "int64"


def test_xlsx_keeps_ids_as_text_freezes_the_header_and_starts_no_formula(built_site: Path, model: Model) -> None:
    checked = 0
    for package, resource in resources(model):
        book = openpyxl.load_workbook(built_site / "data" / package / f"{stem(resource)}.xlsx")
        sheet = book.worksheets[0]
        assert sheet.freeze_panes == "A2"
        header = [c.value for c in sheet[1]]
        ids = {i for i, spec in enumerate(fields(resource)) if is_id_like(spec)}
        for row in sheet.iter_rows(min_row=2):
            for i, cell in enumerate(row):
                assert cell.data_type != "f", f"{resource.name}.{header[i]} is a formula"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_LEADS), (resource.name, header[i], cell.value)
                if i in ids and cell.value is not None:
                    assert isinstance(cell.value, str) and cell.number_format == "@", (resource.name, header[i])
                    checked += 1
        notes = book["字段说明"]
        assert [c.value for c in notes[1]][:2] == ["字段名", "中文名"]
        assert [r[0].value for r in notes.iter_rows(min_row=2)] == header
    assert checked > 300  # ids, announcement ids, province codes … were really looked at


def test_published_excel_csvs_start_no_formula(built_site: Path) -> None:
    paths = [*built_site.glob("data/**/*.excel.csv")]
    assert paths
    for path in paths:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for column in frame.columns:
            for value in frame[column]:
                assert not (value.startswith(FORMULA_LEADS) and not re.fullmatch(r"-\d+(\.\d+)?", value)), (path, value)


def test_bundles_hold_every_file_and_the_validation_report(built_site: Path, model: Model) -> None:
    for package in model.packages:
        folder = built_site / "data" / package.name
        with zipfile.ZipFile(folder / f"{package.name}.zip") as archive:
            names = set(archive.namelist())
            for resource in package.resources:
                for suffix in (".csv", ".excel.csv", ".xlsx", ".json", ".parquet"):
                    name = stem(resource) + suffix
                    assert archive.read(name) == (folder / name).read_bytes()
            assert archive.read("datapackage.json") == (folder / "datapackage.json").read_bytes()
            assert {"README.md", "validation.json", "validation.txt"} <= names
            report = json.loads(archive.read("validation.json"))
            assert report["valid"] is True
            assert archive.read("validation.txt").decode("utf-8").startswith(f"数据包 {package.name} ")


def test_every_record_page_has_a_json_twin_it_links_to(built_site: Path, model: Model) -> None:
    pages = [(a.url, a.id) for a in model.register.announcements] + [(r.url, r.id) for r in model.register.records]
    for url, rid in pages:
        twin = built_site / (url.rstrip("/") + ".json")
        assert json.loads(twin.read_text(encoding="utf-8"))["id"] == rid
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert f'href="../{rid}.json"' in html, url


def test_the_formula_rule() -> None:
    for lead in FORMULA_LEADS:
        assert looks_like_formula(lead + "A1") and for_excel_csv(lead + "A1") == "'" + lead + "A1"
    assert not looks_like_formula("普通文字") and not looks_like_formula("a=b")
    assert not looks_like_formula("-5") and not looks_like_formula("-2.5") and for_excel_csv("-5") == "-5"
    assert looks_like_formula("-2+3") and for_excel_csv("-2+3") == "'-2+3"


@pytest.mark.parametrize("hostile", [HOSTILE, "-2+3"])
def test_a_formula_cell_keeps_its_value_and_is_protected_only_in_excel_files(tmp_path: Path, hostile: str) -> None:
    shutil.copytree(CASES / "good", tmp_path / "datasets")
    studios = tmp_path / "datasets" / "register" / "studios.csv"
    text = studios.read_text(encoding="utf-8")
    header, first = text.splitlines()[:2]
    cells = next(csv.reader([first]))
    cells[next(csv.reader([header])).index("evidence")] = hostile
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    changed = out.getvalue()
    studios.write_text(text.replace(first, changed, 1), encoding="utf-8")
    assert load(tmp_path / "datasets").register.studios[0].evidence == hostile
    warned = [p for p in validate(tmp_path / "datasets") if p.code == "formula-prefix"]
    assert [(p.row, p.field, p.actual) for p in warned] == [(2, "evidence", hostile)]  # the same rule warns
    site = published(tmp_path / "datasets")
    files = {f.url: f.data for f in site.published.files}
    assert files["data/register/studios.csv"] == studios.read_bytes()  # the canonical CSV is the data as it is
    plain = pd.read_csv(io.BytesIO(files["data/register/studios.csv"]), dtype=str, keep_default_na=False)
    assert plain["evidence"][0] == hostile
    assert json.loads(files["data/register/studios.json"])[0]["evidence"] == hostile
    assert pq.read_table(io.BytesIO(files["data/register/studios.parquet"])).column("evidence")[0].as_py() == hostile
    excel = pd.read_csv(
        io.BytesIO(files["data/register/studios.excel.csv"]), dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    assert excel["evidence"][0] == "'" + hostile
    sheet = openpyxl.load_workbook(io.BytesIO(files["data/register/studios.xlsx"])).worksheets[0]
    column = [c.value for c in sheet[1]].index("evidence") + 1
    cell = sheet.cell(row=2, column=column)
    assert (cell.value, cell.data_type) == (hostile, "s")  # a text cell: shown as it is, never run
    with zipfile.ZipFile(io.BytesIO(files["data/register/studios.xlsx"])) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_dataset_page_shows_fields_preview_code_and_citations(built_site: Path, model: Model) -> None:
    html = (built_site / "data" / "register" / "index.html").read_text(encoding="utf-8")
    studios = model.package("register").resource("studios")
    assert f"<strong>预览</strong>：前 20 行（共 {len(studios.rows)} 行）" in html
    assert html.count('<div class="hsp-preview" data-search-exclude>') == sum(
        1 for r in model.package("register").resources if r.rows
    )
    assert '<th scope="row"><code>credit_code</code></th>' in html
    assert "studios = pd.read_csv(&#34;studios.csv&#34;, dtype={&#34;id&#34;: &#34;string&#34;" in html
    assert (
        "studios &lt;- read_csv(&#34;studios.csv&#34;, col_types = cols(year = col_integer(), .default = col_character()))"
        in html
    )
    assert "[DS/OL]. 版本 " in html and "[Data set]" in html
    assert "'=HYPERLINK(…)" in html and "<code>-2+3</code>" in html  # the rule is explained where the files are
