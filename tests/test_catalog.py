"""Published metadata: datapackage.json with bytes and sha256 hash that frictionless checks (API and
CLI), SHA-256 on the dataset pages, the DCAT-AP catalogue and the pages' schema.org JSON-LD (parsed
with rdflib), and the optional site_url."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import CASES, REPO, published
from frictionless import validate as frictionless_validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from generator.load.config import load_config

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SDO = Namespace("https://schema.org/")
FRICTIONLESS = Path(sys.executable).with_name("frictionless")
JSONLD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# rdflib 7.6's own JSON-LD parser builds a ConjunctiveGraph internally and warns about it; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def descriptors(site: Path) -> list[Path]:
    return sorted(site.glob("data/**/datapackage.json"))


def local(site: Path, base: str, iri: object) -> Path:
    text = str(iri).split("#")[0]
    assert text.startswith(base), text
    rel = text[len(base) :]
    return site / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)


def test_published_descriptors_carry_bytes_and_sha256_of_each_file(built_site: Path) -> None:
    found = descriptors(built_site)
    assert {p.parent.name for p in found} >= {"register", "policies"}
    assert any("releases" in p.parts for p in found)
    for path in found:
        for resource in json.loads(path.read_text(encoding="utf-8"))["resources"]:
            data = path.parent / resource["path"]
            assert resource["bytes"] == data.stat().st_size
            assert resource["hash"] == f"sha256:{sha256(data)}"


def test_frictionless_api_validates_every_published_package(built_site: Path) -> None:
    for path in descriptors(built_site):
        report = frictionless_validate(str(path))
        assert report.valid, (path, report.flatten(["type", "note"])[:5])


def test_frictionless_cli_validates_every_published_package(built_site: Path) -> None:
    runs = {
        path: subprocess.Popen(
            [str(FRICTIONLESS), "validate", "datapackage.json"],
            cwd=path.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for path in descriptors(built_site)
    }  # in parallel: each run spends seconds importing frictionless
    for path, run in runs.items():
        out, _ = run.communicate()
        assert run.returncode == 0, (path, out[-2000:])


def test_frictionless_notices_a_changed_file(built_site: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(built_site / "data" / "register", tmp_path / "register")
    levels = copy / "levels.csv"
    levels.write_bytes(levels.read_bytes().replace("国家级".encode(), "国家极".encode(), 1))
    report = frictionless_validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert "hash-count" in {row[0] for row in report.flatten(["type"])}


def test_dataset_pages_show_the_files_sha256(built_site: Path) -> None:
    for package in ("register", "policies"):
        page = built_site / "data" / package / "index.html"
        rows = re.findall(
            r'<tr id="file-[^"]+"><th scope="row"><a href="([^"]+)" download>.*?'
            r'<code class="hsp-hash">([0-9a-f]{64})</code>',
            page.read_text(encoding="utf-8"),
        )
        assert len(rows) >= 10
        for href, digest in rows:
            assert sha256((page.parent / href).resolve()) == digest, href


def test_catalog_is_dcat_ap_with_a_distribution_per_file(built_site: Path, site_url: str) -> None:
    graph = Graph().parse(built_site / "catalog.jsonld", format="json-ld", publicID=site_url + "catalog.jsonld")
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    for prop in (DCT.title, DCT.description, DCT.publisher, DCT.license, FOAF.homepage):
        assert graph.value(catalog, prop) is not None, prop
    assert graph.value(graph.value(catalog, DCT.publisher), FOAF.name) is not None
    datasets = set(graph.objects(catalog, DCAT.dataset))
    pub = published(REPO / "datasets").publication
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(pub.packages) + len(pub.releases) + 1  # current, every release's, the changelog
    files = tables = conforming = 0
    for dataset in datasets:
        for prop in (
            DCT.title,
            DCT.description,
            DCT.identifier,
            DCAT.version,
            DCT.license,
            DCT.publisher,
            DCAT.landingPage,
        ):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        assert local(built_site, site_url, graph.value(dataset, DCAT.landingPage)).is_file()
        assert {lit.language for lit in graph.objects(dataset, DCT.title)} == {"zh"}
        for dist in graph.objects(dataset, DCAT.distribution):
            files += 1
            assert (dist, RDF.type, DCAT.Distribution) in graph
            path = local(built_site, site_url, graph.value(dist, DCAT.downloadURL))
            assert path.is_file()
            assert local(built_site, site_url, graph.value(dist, DCAT.accessURL)).is_file()
            assert str(graph.value(dist, DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")
            size = graph.value(dist, DCAT.byteSize)
            assert isinstance(size, Literal) and size.toPython() == path.stat().st_size
            checksum = graph.value(dist, SPDX.checksum)
            assert graph.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
            assert str(graph.value(checksum, SPDX.checksumValue)) == sha256(path)
            assert graph.value(dist, DCT.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
            standard = graph.value(dist, DCT.conformsTo)
            if path.name == "datapackage.json" or path.suffix == ".zip":  # what a program can rely on
                assert standard == URIRef("https://specs.frictionlessdata.io/tabular-data-package/"), path
            elif standard is not None:  # a table names its published Table Schema
                assert local(built_site, site_url, standard).name.endswith(".schema.json"), path
            tables += path.suffix in (".parquet",)
            conforming += standard is not None and path.suffix == ".parquet"
    assert tables and conforming == tables  # every table's Parquet (and its other formats) names its schema
    expected = sum(len(p.files) for p in pub.packages) + sum(len(r.files) for r in pub.releases)
    assert files == expected + sum(1 for f in pub.changes if f.kind != "schema")


def test_every_dataset_of_the_catalogue_has_its_own_identifier(built_site: Path, site_url: str) -> None:
    """A harvester keys a dataset by its dct:identifier: a release is a dataset of its own, so its
    identifier names its version and is not the current package's."""
    graph = Graph().parse(built_site / "catalog.jsonld", format="json-ld", publicID=site_url + "catalog.jsonld")
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    identifiers = {d: str(graph.value(d, DCT.identifier)) for d in datasets}
    assert len(set(identifiers.values())) == len(datasets), sorted(identifiers.values())
    for dataset, identifier in identifiers.items():
        current = graph.value(dataset, DCT.isVersionOf)
        if current is not None:
            assert identifier == f"{identifiers[current]}-{graph.value(dataset, DCAT.version)}"


def test_every_distribution_iri_names_the_row_of_its_file_on_its_page(built_site: Path, site_url: str) -> None:
    """A distribution's IRI is a page and a fragment: the fragment is the id of the element that offers
    that very file, for the released files and the changelog as for the current ones."""
    graph = Graph().parse(built_site / "catalog.jsonld", format="json-ld", publicID=site_url + "catalog.jsonld")
    distributions = set(graph.subjects(RDF.type, DCAT.Distribution))
    assert any("/changes/#v" in str(d) for d in distributions)  # a released file
    assert any("/changes/#data-" in str(d) for d in distributions)  # the changelog
    for dist in distributions:
        page, _, fragment = str(dist).partition("#")
        assert fragment, dist
        html = local(built_site, site_url, page).read_text(encoding="utf-8")
        element = re.search(rf'<(tr|li) id="{re.escape(fragment)}">(.*?)</\1>', html, re.S)
        assert element, dist
        href = urljoin(page, re.search(r'href="([^"]+)"', element.group(2)).group(1))  # type: ignore[union-attr]
        assert href == str(graph.value(dist, DCAT.downloadURL)), dist


def test_each_dataset_page_embeds_schema_org_json_ld(built_site: Path, site_url: str) -> None:
    for package in ("register", "policies"):
        html = (built_site / "data" / package / "index.html").read_text(encoding="utf-8")
        (block,) = JSONLD_SCRIPT.findall(html)
        assert "<" not in block
        page = f"{site_url}data/{package}/"
        graph = Graph().parse(data=block, format="json-ld", publicID=page)
        (dataset,) = graph.subjects(RDF.type, SDO.Dataset)
        descriptor = json.loads((REPO / "datasets" / package / "datapackage.json").read_text(encoding="utf-8"))
        assert str(graph.value(dataset, SDO.name)) == descriptor["title"]
        assert graph.value(dataset, SDO.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
        assert str(graph.value(dataset, SDO.url)) == page
        downloads = list(graph.objects(dataset, SDO.distribution))
        assert len(downloads) >= 10
        for d in downloads:
            path = local(built_site, site_url, graph.value(d, SDO.contentUrl))
            assert str(graph.value(d, SDO.sha256)) == sha256(path)


def test_the_changes_page_describes_the_changelog_as_the_catalogue_does(built_site: Path, site_url: str) -> None:
    """The changelog is a dataset of the catalogue; its page carries the schema.org description with the
    same IRI and identifier, and downloads that are the files the page offers."""
    html = (built_site / "changes" / "index.html").read_text(encoding="utf-8")
    (block,) = JSONLD_SCRIPT.findall(html)
    graph = Graph().parse(data=block, format="json-ld", publicID=site_url + "changes/")
    (dataset,) = graph.subjects(RDF.type, SDO.Dataset)
    catalogue = Graph().parse(built_site / "catalog.jsonld", format="json-ld", publicID=site_url + "catalog.jsonld")
    (changelog,) = (d for d in catalogue.subjects(RDF.type, DCAT.Dataset) if str(d).endswith("changes/#data"))
    assert dataset == changelog
    assert graph.value(dataset, SDO.identifier) == catalogue.value(changelog, DCT.identifier)
    assert str(graph.value(dataset, SDO.name)) == str(catalogue.value(changelog, DCT.title))
    assert graph.value(dataset, SDO.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    downloads = {
        local(built_site, site_url, graph.value(d, SDO.contentUrl)): d for d in graph.objects(dataset, SDO.distribution)
    }
    assert {p.name for p in downloads} == {"changes.csv", "changes.excel.csv"}
    for path, d in downloads.items():
        assert str(graph.value(d, SDO.sha256)) == sha256(path)


def test_catalog_page_lists_every_package_and_its_stable_urls(built_site: Path) -> None:
    html = (built_site / "catalog" / "index.html").read_text(encoding="utf-8")
    for package in ("register", "policies"):
        for name in ("datapackage.json", f"{package}.zip"):
            assert f'href="../data/{package}/{name}"' in html
    assert 'href="../catalog.jsonld"' in html
    overview = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="register/"' in overview and 'href="policies/"' in overview


def test_site_url_makes_every_iri_absolute(tmp_path: Path) -> None:
    base = "https://data.example.org/hsp/"
    pub = published(CASES / "good", base=base).publication
    text = next(f.data for f in pub.files if f.url == "catalog.jsonld").decode("utf-8")
    assert json.loads(text)["@context"]["@base"] == base
    graph = Graph().parse(data=text, format="json-ld")
    urls = [str(u) for u in graph.objects(None, DCAT.downloadURL)]
    assert urls and all(u.startswith(base + "data/") for u in urls)
    assert any(u.startswith(base + "data/register/") for u in urls)
    assert urljoin(base, "data/register/") in {str(d) for d in graph.subjects(RDF.type, DCAT.Dataset)}


def test_catalog_page_says_where_the_site_address_is_set(built_site: Path) -> None:
    """Without an address the page explains the relative IRIs and names the setting a publisher uses
    (site.toml or build --site-url, as README says), not only mkdocs.yml."""
    text = (built_site / "catalog" / "index.html").read_text(encoding="utf-8")
    assert "<code>site.toml</code> 中的 <code>site_url</code>" in text and "--site-url" in text


def test_site_url_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_url: https://data.example.org/hsp\nmarkdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert load_config(config).site_url == "https://data.example.org/hsp/"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert load_config(config).site_url == ""
    assert load_config().site_url == ""  # the committed mkdocs.yml sets no site_url: the catalogue is relative


@pytest.mark.parametrize("package", ["register", "policies"])
def test_zip_bundle_validates_with_frictionless(built_site: Path, tmp_path: Path, package: str) -> None:
    shutil.unpack_archive(built_site / "data" / package / f"{package}.zip", tmp_path)
    assert frictionless_validate(str(tmp_path / "datapackage.json")).valid
