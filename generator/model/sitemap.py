"""The site map: every public address and every kind of record, defined once.

Every URL is root-relative without a leading slash (``studios/S000001/``); pages link to each other
with :func:`relative`, so the site works from any folder, under a path prefix and from ``file://``;
feeds, the catalogue and citations make them absolute with :func:`absolute`. Templates get this
module as the Jinja global ``urls``; no other module assembles a URL string.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Kind:
    """A kind of record that has its own pages: 公告, 高技能人才培训基地 or 技能大师工作室."""

    code: str  # announcement / base / studio (Record.kind)
    label: str  # 高技能人才培训基地
    short: str  # 培训基地
    section: str  # URL folder and resource name: bases
    id_prefix: str  # B, S; "" for announcements (slugs)
    name_field: str  # the field that names a record: name / title
    count_field: str  # the announcement field stating how many were announced ("" for announcements)
    announced_as: str  # the announcements.kind value of a list of only this kind ("" for announcements)


ANNOUNCEMENT = Kind("announcement", "公告", "公告", "announcements", "", "title", "", "")
BASE = Kind("base", "高技能人才培训基地", "培训基地", "bases", "B", "name", "count_bases", "bases")
STUDIO = Kind("studio", "技能大师工作室", "技能大师工作室", "studios", "S", "name", "count_studios", "studios")
RECORD_KINDS = (BASE, STUDIO)
KINDS = {k.code: k for k in (ANNOUNCEMENT, BASE, STUDIO)}
BY_SECTION = {k.section: k for k in (ANNOUNCEMENT, BASE, STUDIO)}

REGISTER = "register"  # the package of announcements, bases and studios
POLICIES = "policies"  # the package of policies, criteria and targets
PLAN_ID = "plan-2011"  # the policy whose full text the site holds

# Content pages
HOME = ""
ABOUT = "about/"
ABOUT_FEEDBACK = "about/#feedback"  # how reports are handled (docs/about.md)
ABOUT_DOC = "about.md"  # the about page's hand-written file in docs/ (its channel passage is generated)
PUBLISHER = "about/#publisher"
ANNOUNCEMENTS = "announcements/"
FIND = "find/"
FIND_DATA = "find/data.js"
FINDER_JS = "assets/javascripts/finder.js"
SEARCH_CORE_JS = "assets/javascripts/search-core.js"  # matching shared by the finder and the header search
SEARCH_DATA = "search/data.js"  # announcements and list pages for the header search
SEARCH_PAGES = "search/pages.js"  # sections of the content pages, from MkDocs' own index
MKDOCS_SEARCH_INDEX = "search/search_index.json"
PROVINCES = "provinces/"
LIST_FILTER_JS = "assets/javascripts/listfilter.js"
POLICY_LIBRARY = "policies/"
APPLY = "apply/"
SELF_CHECK = "apply/self-check/"
PROGRESS = "apply/progress/"
DATA = "data/"
CATALOG_PAGE = "catalog/"
CATALOG = "catalog.jsonld"
CHANGES_PAGE = "changes/"
CHANGES_CSV = "data/changes.csv"
CHANGES_EXCEL_CSV = "data/changes.excel.csv"
CHANGES_SCHEMA = "data/changes.schema.json"
CHANGES_DATASET = "changes/#data"  # the changelog as a dataset of the catalogue
API_PAGE = "data/api/"
API_INDEX = "api/index.json"
CORRECTIONS = "changes/corrections/"
REPORT = "data/validation/"
INTAKE = "data/intake/"
TEMPLATES = "data/templates/"
FEED_ALL = "feeds/announcements.xml"
SITEMAP = "sitemap.xml"


def section(kind: str) -> str:
    """The list page of a kind: ``bases/``."""
    return KINDS[kind].section + "/"


def record(kind: str, record_id: str) -> str:
    """The page of one announcement, base or studio: ``studios/S000001/``."""
    return f"{KINDS[kind].section}/{record_id}/"


def announcement(announcement_id: str) -> str:
    return record("announcement", announcement_id)


def twin(page: str) -> str:
    """The JSON twin of a record page: ``studios/S000001/`` → ``studios/S000001.json``."""
    return page.rstrip("/") + ".json"


def province_list(kind: str, code: str) -> str:
    return f"{KINDS[kind].section}/province/{code}/"


def level_list(kind: str, code: str) -> str:
    return f"{KINDS[kind].section}/level/{code}/"


def province_anchor(code: str) -> str:
    """The id of a province's tile on the province grid (``p-420000``)."""
    return f"p-{code}"


def province_tile(code: str) -> str:
    return f"{PROVINCES}#{province_anchor(code)}"


def province_feed(code: str) -> str:
    return f"feeds/province/{code}.xml"


def level_feed(code: str) -> str:
    return f"feeds/level/{code}.xml"


def find(**filters: str) -> str:
    """The finder, optionally pre-filtered: ``find(type="studio", province="420000")``."""
    chosen = {k: v for k, v in filters.items() if v}
    return FIND + ("?" + urlencode(chosen) if chosen else "")


def policy(policy_id: str = PLAN_ID, anchor: str = "") -> str:
    """A policy's full-text page, or one of its clauses."""
    return f"policies/{policy_id}/" + (f"#{anchor}" if anchor else "")


def policy_entry(policy_id: str) -> str:
    """A policy's row in the library."""
    return f"{POLICY_LIBRARY}#{policy_id}"


def targets_table() -> str:
    """The table of every target (计划目标) on the progress page."""
    return f"{PROGRESS}#targets"


def checklist(programme: str) -> str:
    return f"apply/{programme}/"


def dataset(package: str) -> str:
    """A data package's page: ``data/register/``."""
    return f"data/{package}/"


def download(package: str, filename: str) -> str:
    """A file of a data package: ``data/register/studios.csv``."""
    return f"data/{package}/{filename}"


def release(version: str) -> str:
    return f"data/releases/{version}/"


def release_file(version: str, package: str, filename: str) -> str:
    return f"{release(version)}{package}/{filename}"


def release_anchor(version: str) -> str:
    """The id of a release on the changes page: ``v0-1-0``."""
    return "v" + version.replace(".", "-")


def distribution(dataset: str, file_anchor: str) -> str:
    """A file of a dataset, as a distribution of the catalogue: the id of the file's row on the
    dataset's page (``data/register/#file-studios-csv``, ``changes/#v0-1-0-register-file-studios-csv``)."""
    return f"{dataset}-{file_anchor}" if "#" in dataset else f"{dataset}#{file_anchor}"


def fragment(url: str) -> str:
    """What follows ``#``: the id that a page gives the element the address points at."""
    return url.partition("#")[2]


def release_dataset(version: str, package: str) -> str:
    """A package as one release holds it, as a dataset of the catalogue: ``changes/#v0-1-0-register``."""
    return f"{CHANGES_PAGE}#{release_anchor(version)}-{package}"


def schema(package: str, resource: str) -> str:
    """A resource's Table Schema, published beside its package: ``data/register/schemas/bases.schema.json``."""
    return download(package, f"schemas/{resource}.schema.json")


def api_index(section_name: str) -> str:
    """The index of one kind of record: ``api/bases.json``, ``api/policies.json``."""
    return f"api/{section_name}.json"


def api_record(section_name: str, record_id: str) -> str:
    """The JSON of a row that has no page of its own: ``api/criteria/base-c-trainees.json``."""
    return f"api/{section_name}/{record_id}.json"


def template(table: str) -> str:
    """An Excel intake template: ``data/templates/studios.xlsx``."""
    return f"{TEMPLATES}{table}.xlsx"


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link with a prefilled subject and body (RFC 6068: every character that is not
    plain ASCII, and spaces and line breaks, percent-encoded)."""
    query = urlencode({"subject": subject, "body": body.replace("\n", "\r\n")}, quote_via=quote)
    return f"mailto:{quote(address, safe='@')}?{query}"


def with_query(url: str, params: dict[str, str]) -> str:
    """``url`` (an address from the site's settings) with ``params`` added to its query string."""
    query = urlencode({k: v for k, v in params.items() if v}, quote_via=quote)
    if not query:
        return url
    base, _, fragment = url.partition("#")
    joined = base + ("&" if "?" in base else "?") + query
    return joined + ("#" + fragment if fragment else "")


def absolute(target: str, base: str) -> str:
    """``target`` under the site's public address ``base`` (which ends in ``/``), or as it is when
    the address is not known."""
    return base + target if base else target


def link(target: str, page: str, base: str) -> str:
    """``target`` as written on the page at ``page``: absolute when the site's address is known,
    otherwise relative to the page."""
    return base + target if base else relative(target, page)


def relative(target: str, page: str) -> str:
    """Link from the page at URL ``page`` (a folder URL such as ``bases/``) to ``target``."""
    base = posixpath.dirname(page.rstrip("/") + "/x") if page else ""
    rel = _relpath(target or ".", base or ".")
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two relative paths, without its two ``abspath`` calls (each asks the
    OS for the working directory; a build makes hundreds of thousands of links)."""
    path_parts = [p for p in path.split("/") if p and p != "."]
    start_parts = [p for p in start.split("/") if p and p != "."]
    if path.startswith("/") or start.startswith("/") or ".." in path_parts or ".." in start_parts:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(path_parts, start_parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."


def index_html(url: str) -> str:
    """The file a folder URL is served from."""
    return url + "index.html" if url.endswith("/") else url
