"""``catalog.jsonld``: a DCAT-AP 3 catalogue of the site's data, valid against the official 3.0.0 SHACL
shapes with and without RDFS inference (``tests/test_dcat_ap.py``).

One ``dcat:Dataset`` per package (its page is the landing page), one per package of every release
(``dcat:hasVersion`` of the current one) and one for the changelog; one ``dcat:Distribution`` per
published file, with description, media type, file type, size, SHA-256 checksum, download URL, licence,
availability and the Table Schema it conforms to. Every value names its class, as the shapes require
(``dct:LicenseDocument``, ``dct:MediaType``, ``dct:Location``, ``foaf:Document`` …), so that the file
validates without loading the vocabularies; the EU vocabulary terms it uses (data themes, country,
language, frequency, availability, access rights, file types) are described with ``skos:inScheme``.

The JSON-LD context is written inline, so the file parses offline (no remote context is fetched).
IRIs are root-relative and resolved against ``@base``: the site URL when one is configured, otherwise
``./``, the catalogue's own folder, which is the site root.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.export.coverage import coverage, xsd_type
from generator.model import sitemap
from generator.model.history import CHANGELOG_DESCRIPTION, CHANGELOG_ID, CHANGELOG_TITLE
from generator.model.publication import Download, PackageFiles, ReleaseFiles
from generator.model.register import DEFAULT_LICENCE, Package

RELATIVE_BASE = "./"  # JSON-LD 1.1 §4.1.3: a relative @base resolves against the document's own URL
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatap": "http://data.europa.eu/r5r/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "adms": "http://www.w3.org/ns/adms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
THEMES = {  # EU data themes (http://publications.europa.eu/resource/authority/data-theme)
    "SOCI": "Population and society",
    "EDUC": "Education, culture and sport",
    "GOVE": "Government and public sector",
}
PACKAGE_THEMES = {sitemap.REGISTER: ("SOCI", "EDUC"), sitemap.POLICIES: ("GOVE", "EDUC")}
SCHEMES = {  # the EU vocabularies used, with their titles
    "data-theme": "Data theme",
    "language": "Language",
    "country": "Country",
    "frequency": "Frequency",
    "planned-availability": "Planned availability",
    "access-right": "Access right",
    "file-type": "File type",
}
LABELS = {
    ("language", "ZHO"): "Chinese",
    ("country", "CHN"): "China",
    ("frequency", "IRREG"): "irregular",
    ("planned-availability", "STABLE"): "stable",
    ("access-right", "PUBLIC"): "public",
}
ADMS = "http://purl.org/adms/"
ATTRIBUTION = ADMS + "licencetype/Attribution"  # the ADMS licence type of CC BY 4.0
FREQUENCY = "IRREG"  # releases follow new announcements, at no fixed interval
AVAILABILITY = "STABLE"  # stable URLs: released files never change, current files keep their address
TABULAR_DATA_PACKAGE = (
    "https://specs.frictionlessdata.io/tabular-data-package/"  # what datapackage.json and the ZIP follow
)
GENERIC_KEYWORDS = {"开放数据"}  # keywords that are no subject


def iri(value: str) -> dict[str, str]:
    return {"@id": value}


def thing(value: str, *types: str, **more: Any) -> dict[str, Any]:
    """A node that names its class(es); the shapes check classes without loading the vocabularies."""
    return {"@id": value, "@type": list(types) if len(types) > 1 else types[0], **more}


def typed(value: object, datatype: str) -> dict[str, str]:
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def zh(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "zh"}


def en(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "en"}


def concept(scheme: str, code: str, *types: str) -> dict[str, Any]:
    """A term of an EU vocabulary, with its label and the scheme it belongs to."""
    label = THEMES.get(code) if scheme == "data-theme" else LABELS.get((scheme, code), code)
    return thing(
        EU + f"{scheme}/{code}",
        *(types or ("skos:Concept",)),
        **{
            "skos:prefLabel": en(label or code),
            "skos:inScheme": thing(EU + scheme, "skos:ConceptScheme", **{"dct:title": en(SCHEMES[scheme])}),
        },
    )


def licence(url: str) -> dict[str, Any]:
    kind = thing(
        ATTRIBUTION,
        "skos:Concept",
        **{
            "skos:prefLabel": en("Attribution"),
            "skos:inScheme": thing(ADMS + "licencetype/1.0", "skos:ConceptScheme", **{"dct:title": en("Licence type")}),
        },
    )
    return thing(url, "dct:LicenseDocument", "rdfs:Resource", **{"dct:type": kind})


def document(url: str) -> dict[str, Any]:
    return thing(url, "foaf:Document", "rdfs:Resource")


def contact(publisher: str) -> dict[str, Any]:
    return thing(
        sitemap.PUBLISHER,
        "vcard:Kind",
        "vcard:Organization",
        **{"vcard:fn": zh(publisher), "vcard:hasURL": document(sitemap.PUBLISHER)},
    )


def agent(publisher: str) -> dict[str, Any]:
    return thing(sitemap.PUBLISHER, "foaf:Agent", "foaf:Organization", **{"foaf:name": zh(publisher)})


def distribution(
    f: Download, *, access: str, title: str, description: str, licence_url: str, schema: Download | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@id": sitemap.distribution(access, f.anchor),  # the file's row on its page: the IRI leads to the file
        "@type": "dcat:Distribution",
        "dct:title": zh(title),
        "dct:description": zh(description),
        "dcat:accessURL": document(access),
        "dcat:downloadURL": thing(f.url, "rdfs:Resource"),
        "dcat:mediaType": thing(IANA + f.format.media_type, "dct:MediaType", "dct:MediaTypeOrExtent"),
        "dcat:byteSize": typed(f.size, "nonNegativeInteger"),
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": thing("spdx:checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm"),
            "spdx:checksumValue": typed(f.sha256, "hexBinary"),
        },
        "dct:license": licence(licence_url),
        "dct:modified": typed(f.changed, "date"),
        "dcatap:availability": concept("planned-availability", AVAILABILITY),
        "dct:format": concept("file-type", f.format.file_type, "dct:MediaTypeOrExtent", "skos:Concept"),
    }
    if schema is not None:
        out["dct:conformsTo"] = thing(schema.url, "dct:Standard", "rdfs:Resource")
    elif f.kind in ("datapackage", "zip"):  # a descriptor, or every file with its descriptor
        out["dct:conformsTo"] = thing(TABULAR_DATA_PACKAGE, "dct:Standard", "rdfs:Resource")
    return out


def common(package: Package, *, title: str, description: str, issued: str, modified: str) -> dict[str, Any]:
    """What every dataset of a package says, current or released."""
    themes = PACKAGE_THEMES.get(package.name, ("SOCI",))
    return {
        "dct:identifier": package.descriptor.get("name", package.name),
        "dct:title": zh(title),
        "dct:description": zh(description),
        "dcat:keyword": [zh(k) for k in package.keywords],
        "dcat:theme": [concept("data-theme", code) for code in themes],
        "dct:subject": [
            {"@type": "skos:Concept", "skos:prefLabel": zh(k)} for k in package.keywords if k not in GENERIC_KEYWORDS
        ],
        "dcat:contactPoint": contact(package.publisher),
        "dct:publisher": agent(package.publisher),
        "dct:issued": typed(issued, "date"),
        "dct:modified": typed(modified, "date"),
        "dct:language": concept("language", "ZHO", "dct:LinguisticSystem", "skos:Concept"),
        "dct:spatial": concept("country", "CHN", "dct:Location", "skos:Concept"),
        "dct:accessRights": concept("access-right", "PUBLIC", "dct:RightsStatement", "skos:Concept"),
        "dct:accrualPeriodicity": concept("frequency", FREQUENCY, "dct:Frequency", "skos:Concept"),
        "dct:license": licence(package.licence),
        "dcat:version": package.version,
    }


def temporal(start: str, end: str) -> dict[str, Any]:
    return {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": typed(start, xsd_type(start)),
        "dcat:endDate": typed(end, xsd_type(end)),
    }


def dataset(pf: PackageFiles, note: str, versions: Sequence[ReleaseFiles]) -> dict[str, Any]:
    d = pf.package.descriptor
    titles = {r.resource.name: r.resource.title for r in pf.resources}
    out: dict[str, Any] = {
        "@id": pf.url,
        "@type": "dcat:Dataset",
        **common(
            pf.package,
            title=str(d.get("title", pf.name)),
            description=str(d.get("description", "")),
            issued=str(d.get("created", ""))[:10],
            modified=pf.changed,
        ),
        "dcat:landingPage": document(pf.url),
        "foaf:page": [document(f.url) for f in pf.documents if f.kind == "text"],
        "dcat:distribution": [_file(f, pf, titles) for f in pf.files],
    }
    if pf.coverage[0]:
        out["dct:temporal"] = temporal(*pf.coverage)
    if versions:
        out["dcat:hasVersion"] = [iri(sitemap.release_dataset(v.version, v.name)) for v in versions]
    if note:
        out["adms:versionNotes"] = zh(note)
    return out


def _file(f: Download, pf: PackageFiles, titles: dict[str, str]) -> dict[str, Any]:
    name = titles.get(f.resource, "")
    title = f"{name}（{f.format.short}）" if name else f.format.label
    what = f"{pf.package.title}中的「{name}」表" if name else pf.package.title
    return distribution(
        f,
        access=pf.url,
        title=title,
        description=f"{what}，{f.format.label}。",
        licence_url=pf.package.licence,
        schema=pf.schema_of(f.resource) if name else None,
    )


def released(rf: ReleaseFiles, current: PackageFiles | None) -> dict[str, Any]:
    """A package as a release holds it: its files never change."""
    title = f"{rf.package.title}（{rf.version} 版）"
    titles = {r.resource.name: r.resource.title for r in rf.resources}
    landing = sitemap.CHANGES_PAGE + "#" + sitemap.release_anchor(rf.version)
    out: dict[str, Any] = {
        "@id": sitemap.release_dataset(rf.version, rf.name),
        "@type": "dcat:Dataset",
        **common(
            rf.package,
            title=title,
            description=f"{rf.package.title}在 {rf.version} 版（{rf.date}）发布时的全部数据，"
            f"文件内容永不改变。{rf.note}",
            issued=rf.date,
            modified=rf.date,
        ),
        "dcat:landingPage": document(landing),
        "foaf:page": [document(f.url) for f in rf.documents],
        "dcat:distribution": [
            distribution(
                f,
                access=sitemap.release_dataset(rf.version, rf.name),
                title=f"{titles.get(f.resource, '')}（{f.format.short}，{rf.version} 版）"
                if f.resource
                else f"{f.format.label}（{rf.version} 版）",
                description=f"{title}中的「{titles[f.resource]}」表，{f.format.label}。"
                if f.resource
                else f"{title}的{f.format.label}。",
                licence_url=rf.package.licence,
                schema=current.schema_of(f.resource) if current and f.resource else None,
            )
            for f in rf.files
        ],
    }
    # a dataset of its own, so an identifier of its own (a harvester keys datasets by it): hsp-register-0.1.0
    out["dct:identifier"] = f"{out['dct:identifier']}-{rf.version}"
    period = coverage(rf.package)
    if period[0]:
        out["dct:temporal"] = temporal(*period)
    if current is not None:
        out["dct:isVersionOf"] = iri(current.url)
    return out


def changelog(files: Sequence[Download], package: Package, *, first_release: str, modified: str) -> dict[str, Any]:
    """``changes.csv`` and its Excel variant as a dataset: every record added, removed or changed."""
    schema = next((f for f in files if f.kind == "schema"), None)
    data = [f for f in files if f.kind != "schema"]
    return {
        "@id": sitemap.CHANGES_DATASET,
        "@type": "dcat:Dataset",
        **common(
            package,
            title=CHANGELOG_TITLE,
            description=CHANGELOG_DESCRIPTION,
            issued=first_release or modified,
            modified=modified,
        ),
        "dct:identifier": CHANGELOG_ID,
        "dcat:keyword": [zh("更新记录"), zh("变更清单")],
        "dct:subject": [{"@type": "skos:Concept", "skos:prefLabel": zh("数据更新记录")}],
        "dcat:landingPage": document(sitemap.CHANGES_PAGE),
        "dct:temporal": temporal(first_release or modified, modified),
        "dcat:distribution": [
            distribution(
                f,
                access=sitemap.CHANGES_DATASET,
                title=f"变更清单（{f.format.short}）",
                description=f"变更清单，{f.format.label}。",
                licence_url=package.licence,
                schema=schema,
            )
            for f in data
        ],
    }


def catalog(
    packages: Sequence[PackageFiles],
    *,
    title: str,
    description: str,
    built: str,
    base: str,
    note: str = "",
    releases: Sequence[ReleaseFiles] = (),
    changes: Sequence[Download] = (),
    first_release: str = "",
) -> bytes:
    current = {p.name: p for p in packages}
    first = packages[0].package if packages else None
    datasets = [dataset(pf, note, [r for r in releases if r.name == pf.name]) for pf in packages]
    datasets += [released(r, current.get(r.name)) for r in releases]
    if changes and first is not None:
        datasets.append(changelog(changes, first, first_release=first_release, modified=built))
    issued = first_release or min((str(p.package.descriptor.get("created", ""))[:10] for p in packages), default=built)
    doc = {
        "@context": {**CONTEXT, "@base": base or RELATIVE_BASE},
        "@id": sitemap.CATALOG_PAGE,
        "@type": "dcat:Catalog",
        "dct:title": zh(title),
        "dct:description": zh(description),
        "foaf:homepage": document(base or RELATIVE_BASE),
        "dct:publisher": agent(first.publisher if first else title),
        "dcat:contactPoint": contact(first.publisher if first else title),
        "dct:language": concept("language", "ZHO", "dct:LinguisticSystem", "skos:Concept"),
        "dct:license": licence(first.licence if first else DEFAULT_LICENCE),
        "dct:spatial": concept("country", "CHN", "dct:Location", "skos:Concept"),
        "dcat:themeTaxonomy": thing(
            EU + "data-theme", "skos:ConceptScheme", **{"dct:title": en(SCHEMES["data-theme"])}
        ),
        "dct:issued": typed(issued, "date"),
        "dct:modified": typed(built, "date"),
        "dcat:dataset": datasets,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
