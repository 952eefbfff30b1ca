"""catalog.jsonld against the official DCAT-AP 3.0.0 SHACL shapes (vendored in tests/standards/, see
its README), with pyshacl, with and without RDFS inference; the recommended properties; and the
schema.org description naming the same dataset."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO
from pyshacl import validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef

SHAPES = Path(__file__).resolve().parent / "standards" / "dcat-ap-3.0.0"
SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
EU = "http://publications.europa.eu/resource/authority/"
BASE = "https://example.org/hsp/"  # where the catalogue is read from: its relative IRIs resolve here
# rdflib 7.6's own JSON-LD parser builds a ConjunctiveGraph internally and warns about it; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def graph(built_site: Path) -> Graph:
    return Graph().parse(
        data=(built_site / "catalog.jsonld").read_text(encoding="utf-8"), format="json-ld", publicID=BASE
    )


def results(graph: Graph, shapes: str, inference: str) -> Counter[tuple[str, str, str]]:
    """(severity, focus class or path, constraint) of every result."""
    _, report, _ = validate(graph, shacl_graph=Graph().parse(SHAPES / shapes), inference=inference, allow_warnings=True)
    out: Counter[tuple[str, str, str]] = Counter()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = str(report.value(r, SH.resultPath) or "")
        out[severity, path, str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]] += 1
    return out


@pytest.mark.parametrize("inference", ["rdfs", "none"])
def test_catalog_has_no_violation_of_the_dcat_ap_3_shapes(graph: Graph, inference: str) -> None:
    assert results(graph, "dcat-ap-SHACL.ttl", inference) == Counter()
    assert results(graph, "deprecateduris.ttl", inference) == Counter()


@pytest.mark.parametrize("inference", ["rdfs", "none"])
def test_recommended_properties_are_present(graph: Graph, inference: str) -> None:
    """Left: the publisher's type (the project states none) and a bounding box and centroid of China
    (the country is named by its EU authority IRI, whose record holds the geometry)."""
    found = results(graph, "shapes_recommended.ttl", inference)
    assert set(found) == {
        ("Warning", str(DCT.type), "MinCountConstraintComponent"),
        ("Warning", str(DCAT.bbox), "MinCountConstraintComponent"),
        ("Warning", str(DCAT.centroid), "MinCountConstraintComponent"),
    }
    assert sum(found.values()) == 3


def test_only_known_conflicts_remain_with_the_vocabulary_shapes(graph: Graph) -> None:
    """mdr-vocabularies.shape.ttl: every controlled term is in its EU scheme. Two findings are not ours
    to fix: the shape wants checksum algorithms under ``https://spdx.org/rdf/terms`` while SPDX and the
    main shapes use ``http://spdx.org/rdf/terms#``; and the publisher is no EU corporate body."""
    found = results(graph, "mdr-vocabularies.shape.ttl", "none")
    allowed = {str(URIRef("http://spdx.org/rdf/terms#algorithm")), "", str(DCT.publisher), str(SKOS.inScheme)}
    assert {path for _, path, _ in found} <= allowed
    assert not [
        k
        for k in found
        if k[1] == str(SKOS.inScheme)
        and k[2] != "HasValueConstraintComponent"
        and k[2] != "MinCountConstraintComponent"
    ]


def test_datasets_name_contact_themes_subjects_and_coverage(graph: Graph, built_site: Path) -> None:
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'id="publisher"' in about
    for name in ("register", "policies"):
        ds = URIRef(BASE + f"data/{name}/")
        contact = graph.value(ds, DCAT.contactPoint)
        assert graph.value(contact, VCARD.hasURL) == URIRef(BASE + "about/#publisher")
        themes = set(graph.objects(ds, DCAT.theme))
        assert themes and all(str(t).startswith(EU + "data-theme/") for t in themes)
        subjects = [graph.value(s, SKOS.prefLabel) for s in graph.objects(ds, DCT.subject)]
        assert subjects and all(isinstance(s, Literal) and s.language == "zh" for s in subjects)
        assert graph.value(ds, DCT.spatial) == URIRef(EU + "country/CHN")
        assert graph.value(ds, DCT.accrualPeriodicity) == URIRef(EU + "frequency/IRREG")
        for dist in graph.objects(ds, DCAT.distribution):
            assert graph.value(dist, DCT.description) and graph.value(
                dist, URIRef("http://data.europa.eu/r5r/availability")
            )
    catalog = URIRef(BASE + "catalog/")
    assert graph.value(catalog, DCAT.themeTaxonomy) == URIRef(EU + "data-theme")
    assert graph.value(catalog, DCT.issued) and graph.value(catalog, DCT.spatial)


def _span(rows: list[str]) -> tuple[str, str]:
    dated = [v for v in rows if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v)]
    return min(dated, key=lambda v: v + "-01-01"[len(v) - 4 :]), max(dated, key=lambda v: v + "-12-31"[len(v) - 4 :])


def _column(path: Path, *names: str) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [row[n] for row in csv.DictReader(f) for n in names]


def test_temporal_coverage_is_computed_from_the_rows(graph: Graph, built_site: Path) -> None:
    register = REPO / "datasets" / "register"
    start, end = _span(
        _column(register / "announcements.csv", "date", "gongshi_start", "gongshi_end")
        + _column(register / "bases.csv", "year")
        + _column(register / "studios.csv", "year")
    )
    period = graph.value(URIRef(BASE + "data/register/"), DCT.temporal)
    assert (str(graph.value(period, DCAT.startDate)), str(graph.value(period, DCAT.endDate))) == (start, end)
    assert start[:4] < "2012" and end.startswith("2025")
    page = (built_site / "data" / "register" / "index.html").read_text(encoding="utf-8")
    jsonld = json.loads(_found(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)))
    assert jsonld["temporalCoverage"] == f"{start}/{end}"


def test_schema_org_and_dcat_name_one_dataset(graph: Graph, built_site: Path) -> None:
    for name in ("register", "policies"):
        page_url = BASE + f"data/{name}/"
        page = (built_site / "data" / name / "index.html").read_text(encoding="utf-8")
        raw = _found(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S))
        data = Graph().parse(data=raw, format="json-ld", publicID=page_url)
        schema = Namespace("https://schema.org/")
        ds = next(data.subjects(RDF.type, schema.Dataset))
        assert ds == URIRef(page_url) and (ds, RDF.type, DCAT.Dataset) in graph
        assert str(data.value(ds, schema.identifier)) == str(graph.value(ds, DCT.identifier))
        doc = json.loads(raw)
        assert {"name", "description", "license", "creator", "temporalCoverage", "spatialCoverage"} <= set(doc)
        assert any(not re.search(r"[\u4e00-\u9fff]", n) for n in doc["alternateName"])  # the English title
        assert doc["distribution"] and all(d["contentUrl"] and d["encodingFormat"] for d in doc["distribution"])


def _found(match: re.Match[str] | None) -> str:
    assert match is not None
    return match[1]
