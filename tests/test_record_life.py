"""Records with a life (issue 15): status, validity and occupation as the sources print them; the 历史
of a record from the release changelog; 纠错 and 报告遗漏 links built from the site settings; the
更正记录 page; and a status change through ``import --update``."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import openpyxl
import pytest
from conftest import REPO, run_cli, serve, site_model

REGISTER = REPO / "datasets" / "register"
HREF = re.compile(r'class="hsp-feedback__link" href="([^"]*)"')
BADGE = re.compile(r'<span class="hsp-status [^"]*"[^>]*>([^<]*)</span>')


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, table: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    path.write_text(out.getvalue(), encoding="utf-8")


def gongshi_records() -> list[dict[str, str]]:
    gongshi = {a["id"] for a in rows(REGISTER / "announcements.csv") if a["stage"] == "gongshi"}
    return [
        r for name in ("bases", "studios") for r in rows(REGISTER / f"{name}.csv") if r["announcement_id"] in gongshi
    ]


def finder_data(site: Path) -> dict[str, object]:
    text = (site / "find" / "data.js").read_text(encoding="utf-8")
    return dict(json.loads(text[text.index("=") + 1 : text.rindex(";")]))


def test_gongshi_records_read_nominated_on_pages_lists_and_finder(built_site: Path) -> None:
    records = gongshi_records()
    assert len(records) == 13  # 山西 5 bases and 7 studios, 江苏 1 studio
    data = finder_data(built_site)
    statuses = data["statuses"]
    by_id = {row[1]: row for row in data["rows"]}  # type: ignore[attr-defined]
    for r in records:
        section = "bases" if r["id"].startswith("B") else "studios"
        page = (built_site / section / r["id"] / "index.html").read_text(encoding="utf-8")
        assert BADGE.findall(page) == ["拟入选（公示中）"], r["id"]
        assert "已批准" not in page.split('id="history"')[0], r["id"]
        province = (built_site / section / "province" / r["province_code"] / "index.html").read_text(encoding="utf-8")
        row = next(line for line in province.splitlines() if f"/{r['id']}/" in line)
        assert BADGE.findall(row) == ["拟入选（公示中）"]
        assert statuses[by_id[r["id"]][10]] == ["nominated", "拟入选（公示中）"]  # type: ignore[index]


def test_formal_list_records_read_approved_and_say_it_is_implied(built_site: Path) -> None:
    page = (built_site / "studios" / "S000001" / "index.html").read_text(encoding="utf-8")  # 武汉 2023, a formal list
    assert BADGE.findall(page) == ["已批准"]
    assert "按所属公告的类型推定" in page


def test_occupation_as_printed_shows_and_filters(built_site: Path) -> None:
    studios = {r["id"]: r for r in rows(REGISTER / "studios.csv")}
    assert studios["S000022"]["name_as_printed"] == "张志发(冷作工)" and studios["S000022"]["occupation"] == "冷作工"
    page = (built_site / "studios" / "S000022" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<dt>职业（工种）</dt><dd><a href="([^"]+)"[^>]*>冷作工</a>', page)
    assert link and parse_qs(urlsplit(html.unescape(link.group(1))).query)["occupation"] == ["冷作工"]
    listing = (built_site / "studios" / "index.html").read_text(encoding="utf-8")
    assert 'data-occupation="冷作工"' in listing and '<option value="冷作工">冷作工</option>' in listing
    data = finder_data(built_site)
    filled = [r for r in studios.values() if r["occupation"]]
    assert sorted(data["occupations"]) == sorted({r["occupation"] for r in filled})  # type: ignore[call-overload]
    for r in filled:  # every occupation is printed in the record's own source text
        assert r["occupation"] in r["name"] + r["name_as_printed"], r["id"]


def hostile(project: Path) -> None:
    studios = rows(project / "register" / "studios.csv")
    studios[0]["name"] = '付一鸣"><script>alert(1)</script>&工作室'
    write_rows(project / "register" / "studios.csv", studios)


def render_record(site: object, record_id: str) -> str:
    from generator.render.jinja import environment
    from generator.render.pages import records

    return next(p.body for p in records.pages(site, environment()) if p.url.endswith(f"/{record_id}/"))  # type: ignore[arg-type]


def test_feedback_links_prefill_a_message_to_the_configured_channel(project: Path) -> None:
    from generator.model.config import SiteConfig

    hostile(project)
    site = dataclasses.replace(
        site_model(project),
        config=SiteConfig(  # type: ignore[type-var]
            site_url="https://example.org/hsp/",
            feedback_email="jiucuo@example.org",
            feedback_url="https://liuyan.example.org/post?board=7",
        ),
    )
    body = render_record(site, "S000001")
    assert "<script>" not in body
    mail, web = (html.unescape(h) for h in HREF.findall(body))
    assert mail.startswith("mailto:jiucuo@example.org?") and " " not in mail and "\n" not in mail
    query = parse_qs(urlsplit(mail).query)
    assert query["subject"] == ['纠错：S000001 付一鸣"><script>alert(1)</script>&工作室']
    message = query["body"][0]
    for line in ("编号：S000001", "页面：https://example.org/hsp/studios/S000001/", "有误的字段", "您的来源"):
        assert line in message
    assert "\r\n" in message  # RFC 6068 line breaks
    target = urlsplit(web)
    assert (target.netloc, target.path) == ("liuyan.example.org", "/post")
    params = parse_qs(target.query)
    assert params["board"] == ["7"] and params["id"] == ["S000001"]
    assert params["page"] == ["https://example.org/hsp/studios/S000001/"]


def test_an_announcements_feedback_asks_about_the_announcement(project: Path) -> None:
    """An announcement has a title, issuer, number, date and list, not a host or a master: its 纠错
    message asks about those."""
    from generator.model.config import SiteConfig
    from generator.render.jinja import environment
    from generator.render.pages import records

    site = dataclasses.replace(site_model(project), config=SiteConfig(feedback_email="jiucuo@example.org"))  # type: ignore[type-var]
    page = next(p.body for p in records.pages(site, environment()) if p.url == "announcements/wuhan-2023/")  # type: ignore[arg-type]
    mail = next(html.unescape(h) for h in HREF.findall(page) if h.startswith("mailto:"))
    query = parse_qs(urlsplit(mail).query)
    assert query["subject"] == ["纠错：公告 wuhan-2023"]
    message = query["body"][0]
    assert "公告标识：wuhan-2023" in message and "文号" in message and "漏收" in message
    assert "依托单位" not in message and "职业" not in message


def test_without_a_channel_the_link_leads_to_how_to_report(project: Path) -> None:
    body = render_record(site_model(project), "S000001")
    assert HREF.findall(body) == ["../../about/#feedback"]


def test_lists_offer_report_missing(built_site: Path) -> None:
    for page in (
        "studios/index.html",
        "bases/province/450000/index.html",
        "announcements/index.html",
        "find/index.html",
    ):
        text = (built_site / page).read_text(encoding="utf-8")
        assert re.search(r'class="hsp-feedback__link"[^>]*>报告遗漏</a>', text), page


def test_history_and_corrections_come_from_the_changelog(project: Path) -> None:
    from generator.render.history import corrections
    from generator.render.jinja import environment
    from generator.render.pages import corrections as corrections_page

    code, out = run_cli(
        "release", "--datasets", "datasets", "--version", "0.1.0", "--note", "首次", "--date", "2026-11-01"
    )
    assert code == 0, out
    studios = rows(project / "register" / "studios.csv")
    studios[0]["name"] = "付一鸣焊工技能大师工作室"  # a correction: a published value replaced
    studios[1]["occupation"] = "焊工"  # information added to a blank field: history, not a correction
    write_rows(project / "register" / "studios.csv", studios)
    site = site_model(project, "2026-12-01")
    body = render_record(site, "S000001")
    history = body[body.index('id="history"') :]
    assert history.index("改名") < history.index("新增")  # newest first
    assert "付一鸣技能大师工作室" in history and "付一鸣焊工技能大师工作室" in history and "版本 0.1.0" in history
    assert "2026-11-01" in history and "2026-12-01" in history
    second = render_record(site, "S000002")
    assert "职业（工种）：（空） → “焊工”" in second[second.index('id="history"') :]
    fixed = corrections(site)  # type: ignore[arg-type]
    assert [(c.id, [f.name for f in c.fields]) for c in fixed] == [("S000001", ["name"])]
    page = next(corrections_page.pages(site, environment()))  # type: ignore[arg-type]
    assert "付一鸣技能大师工作室" in page.body and "S000002" not in page.body


def update_file(tmp: Path, text: str) -> Path:
    path = tmp / "update.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_status_change_goes_through_import_update(project: Path) -> None:
    before = (project / "register" / "studios.csv").read_bytes()
    path = update_file(
        project.parent,
        "编号,状态,状态日期,状态来源网址,状态说明\n"
        "S000002,revoked 已撤销,2024-05,https://example.org/chexiao,考核不合格，撤销\n",
    )
    code, out = run_cli("import", str(path), "--into", "studios", "--datasets", "datasets", "--update", "--dry-run")
    assert code == 0, out
    assert "将修改 1 条记录" in out and "S000002" in out
    assert (project / "register" / "studios.csv").read_bytes() == before
    code, out = run_cli("import", str(path), "--into", "studios", "--datasets", "datasets", "--update")
    assert code == 0, out
    assert out.splitlines()[-1] == "下一步：python -m generator build --datasets datasets（生成网站，检查修改后的页面）"
    changed = {r["id"]: r for r in rows(project / "register" / "studios.csv")}
    assert (changed["S000002"]["status"], changed["S000002"]["status_date"]) == ("revoked", "2024-05")
    assert changed["S000002"]["status_note"] == "考核不合格，撤销"
    untouched = [line for line in before.decode().splitlines() if not line.startswith("S000002,")]
    after = (project / "register" / "studios.csv").read_text(encoding="utf-8").splitlines()
    assert [line for line in after if not line.startswith("S000002,")] == untouched
    code, out = run_cli("validate", "--datasets", "datasets")
    assert code == 0, out
    page = render_record(site_model(project), "S000002")
    assert BADGE.findall(page) == ["已撤销"] and "考核不合格，撤销" in page  # the page and its id stay


@pytest.mark.parametrize("header", ["工作室编号", "工作室标识", "记录编号", "ID"])
def test_an_update_finds_the_id_column_by_what_a_clerk_calls_it(project: Path, header: str) -> None:
    text = f"{header},职业（工种）\nS000002,钳工\n"
    code, out = run_cli(
        "import", str(update_file(project.parent, text)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code == 0, out
    assert next(r for r in rows(project / "register" / "studios.csv") if r["id"] == "S000002")["occupation"] == "钳工"


def test_an_update_takes_dates_as_a_clerk_writes_them(project: Path) -> None:
    """状态日期 and the validity period are written as dates are in notices (2025年6月, 2019/1,
    2021年12月31日); each becomes the register's form and is listed, as the announcement dates are."""
    text = "编号,状态日期,有效期起,有效期止\nS000002,2025年6月,2019/1,2021年12月31日\n"
    code, out = run_cli(
        "import", str(update_file(project.parent, text)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code == 0, out
    for column, before, after in (("状态日期", "2025年6月", "2025-06"), ("有效期止", "2021年12月31日", "2021-12-31")):
        assert f'第 2 行「{column}」："{before}" → "{after}"' in out, out
    record = next(r for r in rows(project / "register" / "studios.csv") if r["id"] == "S000002")
    assert (record["status_date"], record["valid_from"], record["valid_to"]) == ("2025-06", "2019-01", "2021-12-31")


def test_an_updates_problems_name_the_columns_the_clerk_sees(project: Path) -> None:
    """A clerk's file has 状态来源网址, not status_source_url: the hint says the column's title."""
    text = "编号,状态\nS000002,已撤销\n"
    code, out = run_cli(
        "import", str(update_file(project.parent, text)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code == 1, out
    lines = [line for line in out.splitlines() if line.startswith("update.csv:2:")]
    assert lines and all("status_source_url" not in line and "status_note" not in line for line in lines), out
    assert any("「状态来源网址」" in line for line in lines), out


@pytest.mark.parametrize(("written", "code"), [("验收通过", "accepted"), ("已撤消", "revoked"), ("备案", "approved")])
def test_an_update_takes_the_status_words_notices_use(project: Path, written: str, code: str) -> None:
    """Notices say 验收通过, 撤消 (an old form of 撤销) or 备案, not the labels of the code list: each is
    read as its code and listed (generator/data/value_synonyms.csv)."""
    text = f"编号,状态,状态来源网址,状态说明\nS000002,{written},https://example.org/tongzhi,按通知原文\n"
    code_, out = run_cli(
        "import", str(update_file(project.parent, text)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code_ == 0, out
    assert f"中文名称「{written}」改为代码" in out, out
    record = next(r for r in rows(project / "register" / "studios.csv") if r["id"] == "S000002")
    assert record["status"] == code


def test_an_update_can_empty_a_field_that_no_longer_applies(project: Path) -> None:
    """A revoked studio reinstated: the status goes back and the old 状态说明 is emptied with （清空）;
    a blank cell beside it still changes nothing."""
    revoke = (
        "编号,状态,状态日期,状态来源网址,状态说明\n"
        "S000002,已撤销,2024-05,https://example.org/chexiao,考核不合格，撤销\n"
    )
    code, out = run_cli(
        "import", str(update_file(project.parent, revoke)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code == 0, out
    reinstate = "编号,状态,状态日期,状态来源网址,状态说明\nS000002,已批准,,https://example.org/huifu,（清空）\n"
    code, out = run_cli(
        "import", str(update_file(project.parent, reinstate)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code == 0, out
    assert '状态说明 "考核不合格，撤销" → （清空）' in out, out
    record = next(r for r in rows(project / "register" / "studios.csv") if r["id"] == "S000002")
    assert (record["status"], record["status_date"], record["status_note"]) == ("approved", "2024-05", "")
    code, out = run_cli("validate", "--datasets", "datasets")
    assert code == 0, out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("编号,名称\nS000001,（清空）\n", "update.csv:2: [required-value]"),  # a required field cannot be emptied
        (
            "编号,状态\nS000001,拟入选（公示中）\n",
            "update.csv:2: [status-stage]",
        ),  # a formal list's record is not 拟入选
        ("编号,状态\nS999999,已批准\n", "update.csv:2: [import-unknown-id]"),
        ("编号,有效期起,有效期止\nS000001,2021-12,2019-01\n", "update.csv:2: [validity-order]"),
        ("状态\n已批准\n", "update.csv:1: [import-missing-column]"),
    ],
)
def test_a_bad_update_writes_nothing(project: Path, text: str, expected: str) -> None:
    before = (project / "register" / "studios.csv").read_bytes()
    code, out = run_cli(
        "import", str(update_file(project.parent, text)), "--into", "studios", "--datasets", "datasets", "--update"
    )
    assert code == 1, out
    assert expected in out
    assert "没有写入任何文件（datasets/ 保持不变）" in out
    assert (project / "register" / "studios.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "why"),
    [("s000002", "字母改为大写"), ("Ｓ０００００２", "全角字符改为半角"), (" S000002 ", "去掉首尾空格")],
)
def test_an_update_finds_the_id_as_normalised(project: Path, typed: str, why: str) -> None:
    """The id the clerk typed is looked up as the listed normalisation says (s000002 → S000002), not as
    typed: a change listed and then "编号不在现有记录中" for the same cell contradicts itself."""
    path = update_file(project.parent, f"编号,职业（工种）\n{typed},焊工\n")
    code, out = run_cli("import", str(path), "--into", "studios", "--datasets", "datasets", "--update", "--dry-run")
    assert code == 0, out
    assert f'  规范化：第 2 行「工作室标识」："{typed}" → "S000002"（{why}）' in out.splitlines(), out
    assert '  S000002  杨开龙技能大师工作室（update.csv 第 2 行）：职业（工种） "" → "焊工"' in out.splitlines(), out


def test_an_update_that_changes_nothing_says_so_and_writes_nothing(project: Path) -> None:
    before = (project / "register" / "studios.csv").read_bytes()
    status = next(r["status"] for r in rows(project / "register" / "studios.csv") if r["id"] == "S000001")
    path = update_file(project.parent, f"编号,状态\nS000001,{status}\n")
    code, out = run_cli("import", str(path), "--into", "studios", "--datasets", "datasets", "--update")
    assert code == 1, out
    assert "没有要修改的内容" in out and "0 个错误" not in out
    assert (project / "register" / "studios.csv").read_bytes() == before


def test_template_has_a_status_drop_down_and_explains_the_new_fields(project: Path) -> None:
    out = project.parent / "studios.xlsx"
    code, text = run_cli("template", "studios", "--out", str(out), "--datasets", "datasets")
    assert code == 0, text
    wb = openpyxl.load_workbook(out)
    sheet = wb["技能大师工作室"]
    header = [c.value for c in sheet[1]]
    for title in ("状态", "状态日期", "有效期起", "有效期止", "职业（工种）", "职业编码"):
        assert title in header
    column = openpyxl.utils.get_column_letter(header.index("状态") + 1)
    rule = next(v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(f"{column}2"))
    source = rule.formula1.split("!")[1].replace("$", "").split(":")
    options = [c.value for row in wb["代码表"][source[0] : source[1]] for c in row]
    assert "nominated 拟入选（公示中）" in options and "revoked 已撤销" in options
    guide = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "公示名单中的项目不要填“已批准”" in guide and "--update" in guide


def test_finder_and_list_filter_by_status_and_occupation(page: object, site_url: str) -> None:
    page.goto(site_url + "studios/")  # type: ignore[attr-defined]
    visible = page.locator("#hsp-list tbody tr:visible")  # type: ignore[attr-defined]
    total = visible.count()
    assert total == 123
    assert page.locator("select[name=scope]").input_value() == "current"  # type: ignore[attr-defined]
    page.select_option("select[name=occupation]", "焊工")  # type: ignore[attr-defined]
    assert visible.count() == 1 and "罗意焊工技能大师工作室" in visible.first.inner_text()
    page.select_option("select[name=occupation]", "")  # type: ignore[attr-defined]
    page.select_option("select[name=scope]", "ended")  # type: ignore[attr-defined]
    assert visible.count() == 0  # nothing in the register has been revoked or run out
    count = page.locator(".hsp-list-filter__count")  # type: ignore[attr-defined]
    assert "没有符合条件的记录" in count.inner_text()
    # The choice is in the address, so the filtered list can be shared and reopened.
    page.select_option("select[name=scope]", "")  # type: ignore[attr-defined]
    page.select_option("select[name=occupation]", "焊工")  # type: ignore[attr-defined]
    assert "scope=all" in unquote(page.url) and "occupation=焊工" in unquote(page.url)  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]
    assert page.locator("select[name=scope]").input_value() == ""  # type: ignore[attr-defined]
    assert page.locator("select[name=occupation]").input_value() == "焊工"  # type: ignore[attr-defined]
    assert visible.count() == 1 and count.inner_text() == "显示 1 / 123 条"
    page.goto(site_url + "studios/?occupation=" + "冷作工" + "&scope=nonsense")  # type: ignore[attr-defined]
    assert page.locator("select[name=scope]").input_value() == "current"  # an unknown value is ignored
    assert visible.count() == 1 and "张志发技能大师工作室" in visible.first.inner_text()
    page.goto(site_url + "find/?province=140000")  # type: ignore[attr-defined]
    results = page.locator("#hsp-finder-results li")  # type: ignore[attr-defined]
    assert results.count() == 12
    badges = page.locator("#hsp-finder-results .hsp-status").all_inner_texts()  # type: ignore[attr-defined]
    assert set(badges) == {"拟入选（公示中）"}
    assert page.locator("#hsp-finder-scope").input_value() == "current"  # type: ignore[attr-defined]
    page.select_option("#hsp-finder-scope", "")  # type: ignore[attr-defined]
    assert "scope=all" in unquote(page.url)  # type: ignore[attr-defined]
    page.goto(site_url + "find/?occupation=" + "冷作工")  # type: ignore[attr-defined]
    assert results.count() == 1 and "张志发技能大师工作室" in results.first.inner_text()


def test_counts_by_level_say_how_many_are_only_nominated(built_site: Path) -> None:
    """The province tiles and the home page count records by level; 山西's 12 国家级 are all from a 公示,
    so the counts say how many of them are 拟入选 instead of reading as 12 approved projects."""
    nominated = gongshi_records()
    by_province: dict[str, int] = {}
    for r in nominated:
        by_province[r["province_code"]] = by_province.get(r["province_code"], 0) + 1
    grid = (built_site / "provinces" / "index.html").read_text(encoding="utf-8")
    tiles = re.findall(r'<section class="hsp-tile[^"]*" aria-labelledby="p-(\d+)">(.*?)</section>', grid, re.S)
    assert len(tiles) == 31
    for code, tile in tiles:
        got = re.findall(r"拟入选 (\d+)", html.unescape(re.sub(r"<[^>]+>", "", tile)))
        assert got == ([str(by_province[code])] if code in by_province else []), code
    assert by_province["140000"] == 12
    home = html.unescape(re.sub(r"<[^>]+>", "", (built_site / "index.html").read_text(encoding="utf-8")))
    bases = sum(1 for r in nominated if r["id"].startswith("B"))
    assert f"其中拟入选（公示中）培训基地 {bases} 个、技能大师工作室 {len(nominated) - bases} 个" in home


ABOUT_CHANNEL = re.compile(r'<p class="hsp-feedback-channel"[^>]*>(.*?)</p>', re.S)


def test_the_about_page_names_the_channel_the_links_use(tmp_path: Path) -> None:
    """The 纠错 links lead to the channel in the settings; the about page, where a link leads when none
    is set, names the same address and 留言 system (escaped), or says plainly that none is published."""
    settings = tmp_path / "site.toml"
    settings.write_text(
        'feedback_email = "jiu&cuo@example.org"\nfeedback_url = "https://liuyan.example.org/post?board=7&x=%3Cb%3E"\n',
        encoding="utf-8",
    )
    code, output = run_cli(
        "build", "--datasets", str(REPO / "datasets"), "--out", str(tmp_path / "site"), "--config", str(settings)
    )
    assert code == 0, output
    assert "未设置纠错渠道" not in output
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    (passage,) = ABOUT_CHANNEL.findall(about)
    assert "board=7&amp;x=" in passage and "board=7&x=" not in passage  # escaped in the page
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]*)"', passage)]
    assert hrefs[0].startswith("mailto:jiu%26cuo@example.org?")
    assert hrefs[1] == "https://liuyan.example.org/post?board=7&x=%3Cb%3E"
    text = html.unescape(re.sub(r"<[^>]+>", "", passage))
    assert "jiu&cuo@example.org" in text and "留言系统" in text
    record = (tmp_path / "site" / "studios" / "S000001" / "index.html").read_text(encoding="utf-8")
    links = [html.unescape(h) for h in HREF.findall(record)]
    assert urlsplit(links[0]).path == urlsplit(hrefs[0]).path  # the same address as the record's 纠错
    assert links[1].startswith("https://liuyan.example.org/post?board=7&x=")

    settings.write_text("", encoding="utf-8")
    code, output = run_cli(
        "build", "--datasets", str(REPO / "datasets"), "--out", str(tmp_path / "site"), "--config", str(settings)
    )
    assert code == 0 and "未设置纠错渠道" in output, output
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    (passage,) = ABOUT_CHANNEL.findall(about)
    assert "尚未公布接收纠错的邮箱或留言地址" in passage and "href" not in passage


def test_a_revoked_record_is_said_where_the_default_filter_hides_it(page: object, tmp_path: Path) -> None:
    """Revoke one studio through import --update, build, and look as a reader: the finder's default 现有
    leaves it out but says so; 全部 shows it with its 已撤销 badge, as the header search and the province
    tile do."""
    import shutil

    from generator.build import build

    datasets = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", datasets)
    update = tmp_path / "update.csv"
    update.write_text(
        "id,status,status_date,status_note,status_source_url\n"
        "S000016,revoked,2026-11-30,考核不合格，撤销项目,https://rst.example.gov.cn/revoke.html\n",
        encoding="utf-8",
    )
    code, output = run_cli("import", str(update), "--into", "studios", "--update", "--datasets", str(datasets))
    assert code == 0, output
    build(datasets, tmp_path / "site", say=lambda _: None)
    tile = (tmp_path / "site" / "provinces" / "index.html").read_text(encoding="utf-8")
    shanxi = tile[tile.index('aria-labelledby="p-140000"') :].split("</section>")[0]
    assert "拟入选 11" in shanxi and "已结束 1" in shanxi
    server, url = serve(tmp_path / "site")
    try:
        page.goto(url + "find/?q=刘奇")  # type: ignore[attr-defined]
        status = page.locator("#hsp-finder-status")  # type: ignore[attr-defined]
        assert status.inner_text().startswith("没有找到符合条件的现有记录。另有 1 条已结束")
        page.goto(url + "find/?q=山西")  # type: ignore[attr-defined]
        assert "找到 11 条记录" in status.inner_text() and "另有 1 条已结束" in status.inner_text()
        page.select_option("#hsp-finder-scope", "")  # type: ignore[attr-defined]
        assert status.inner_text().startswith("找到 12 条记录") and "已结束" not in status.inner_text()
        page.goto(url + "find/?q=刘奇&scope=all")  # type: ignore[attr-defined]
        results = page.locator("#hsp-finder-results li")  # type: ignore[attr-defined]
        assert results.count() == 1 and results.first.locator(".hsp-status").inner_text() == "已撤销"
        # The list of the province says what its default hides, and 全部 shows it.
        page.goto(url + "studios/province/140000/")  # type: ignore[attr-defined]
        count = page.locator(".hsp-list-filter__count")  # type: ignore[attr-defined]
        assert count.inner_text() == ("显示 6 / 7 条；另有 1 条已结束（撤销或到期）的记录未显示，状态选“全部”可查看")
        page.select_option("select[name=scope]", "")  # type: ignore[attr-defined]
        assert count.inner_text() == "显示 7 / 7 条"
        assert page.locator("#hsp-list tbody tr:visible .hsp-status", has_text="已撤销").count() == 1  # type: ignore[attr-defined]
        page.click("#hsp-search-q")  # type: ignore[attr-defined]
        page.fill("#hsp-search-q", "S000016")  # type: ignore[attr-defined]
        hit = page.locator(".hsp-sr-group .md-search-result__item").first  # type: ignore[attr-defined]
        assert hit.locator(".hsp-status").inner_text() == "已撤销"
    finally:
        server.shutdown()
        server.server_close()
