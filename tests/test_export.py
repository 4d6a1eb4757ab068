"""Exports: the text of each format, escaping of hostile names, Chinese text, the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from offerlens.__main__ import main
from offerlens.domain.summary import build_summary
from offerlens.export.csv import render_csv
from offerlens.export.html import render_html
from offerlens.export.markdown import render_markdown
from offerlens.export.writer import export_summary
from tests.decision_fixtures import FORMULA_NAME, SCRIPT_NAME, hostile_portfolio


@pytest.fixture(scope="module")
def summary():
    return build_summary(hostile_portfolio())


@pytest.fixture(scope="module")
def portfolio_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("p") / "offers.offerlens.json"
    path.write_text(hostile_portfolio().model_dump_json(), encoding="utf-8")
    return path


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs)["src"])

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text: str) -> Collector:
    c = Collector()
    c.feed(text)
    return c


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_html_escapes_user_text_and_embeds_charts(summary):
    images = {"distribution": b"\x89PNG fake"}
    doc = parse_html(render_html(summary, images))
    assert "script" not in doc.tags
    text = "".join(doc.text)
    assert SCRIPT_NAME in text  # arrives as text
    assert "阿里巴巴" in text and "字节跳动 ByteDance" in text
    assert doc.images and all(src.startswith("data:image/png;base64,") for src in doc.images)
    assert "Recommendation." in text and "Decision matrix" in text and "Data vintage" in text


def test_markdown_escapes_user_text(summary):
    text = render_markdown(summary)
    assert "<script>" not in text
    assert r"\<script\>alert" in text
    assert "## Decision matrix" in text and "## Assumptions" in text
    assert "阿里巴巴" in text


def test_csv_neutralises_formulas_and_keeps_numbers(summary):
    rows = list(csv.DictReader(io.StringIO(render_csv(summary))))
    by_id = {r["offer_id"]: r for r in rows}
    assert by_id["formula"]["company"] == "'" + FORMULA_NAME
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())
    assert by_id["alibaba"]["company"] == "阿里巴巴"
    assert int(by_id["bytedance"]["first_year_total_cny"]) == 760000
    assert by_id["bytedance"]["take_home_first_year_cny"].isdigit()


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory, portfolio_file) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "summary.pdf"
    assert main(["export", str(portfolio_file), "-o", str(out)]) == 0
    return out


def test_pdf_text_is_extractable_with_chinese_and_page_numbers(pdf_path):
    from pypdf import PdfReader

    text = pdf_text(pdf_path)
    pages = len(PdfReader(str(pdf_path)).pages)
    assert pages >= 3
    assert "阿里巴巴" in text and "字节跳动" in text and "华为" in text
    assert "Recommendation." in text and "Decision matrix" in text
    assert "Flags and their sources" in text and "Assumptions" in text
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    assert "Genius Youth" in text or "Genius-Youth" in text
    assert SCRIPT_NAME.replace(" ", "") in text.replace(" ", "")


def test_pdf_page_is_a4(pdf_path):
    from pypdf import PdfReader

    box = PdfReader(str(pdf_path)).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210
    assert round(float(box.height) / 72 * 25.4) == 297


@pytest.mark.parametrize("ext", ["html", "md", "csv"])
def test_cli_exports_each_format(ext, portfolio_file, tmp_path, capsys):
    out = tmp_path / f"summary.{ext}"
    assert main(["export", str(portfolio_file), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "阿里巴巴" in text
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("summary.docx", "unknown export format (.docx)"),
        ("summary", "unknown export format (no extension)"),
        ("missing/summary.pdf", "does not exist"),
        (".", "is a directory"),
    ],
)
def test_cli_bad_path_or_format_exits_2_with_one_line(target, message, portfolio_file,
                                                       tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(portfolio_file), "-o", target]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_failed_export_leaves_no_file(tmp_path, monkeypatch):
    from offerlens.export import writer

    def boom(*_a, **_k):
        raise writer.ExportError("render failed")

    monkeypatch.setattr(writer, "render", boom)
    with pytest.raises(writer.ExportError):
        export_summary(hostile_portfolio(), tmp_path / "s.html")
    assert list(tmp_path.iterdir()) == []


def test_export_json_is_not_a_format(portfolio_file, tmp_path, capsys):
    assert main(["export", str(portfolio_file), "-o", str(tmp_path / "s.json")]) == 2
    assert re.search(r"use \.pdf, \.html, \.md or \.csv", capsys.readouterr().err)
    assert json.loads(portfolio_file.read_text(encoding="utf-8"))["offers"]


# --- Chinese exports -------------------------------------------------------------------------

ENGLISH_HEADINGS = [
    "OfferLens decision summary", "Recommendation.", "Ranking at a glance",
    "How each package is made up", "Decision matrix", "Flags and their sources",
    "Data vintage", "Weighted score", "Criterion", "Year 1 (gross)", "Normal year (gross)",
    "Take-home", "Housing fund", "Four-year cumulative", "Tier basis", "To next tier",
    "Generated", "Segment:", "of 5", "not scored", "No flags were raised", "page 1 of",
]
CHINESE_HEADINGS = ["OfferLens 决策摘要", "建议。", "Offer 对比", "决策矩阵", "提醒及其来源",
                    "假设", "数据时效", "加权得分", "第一年（税前）"]
CSV_ENGLISH_HEADERS = ["offer_id", "company", "tier", "first_year_total_cny", "flags"]


def flat(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks Chinese lines and spaces freely."""
    return "".join(text.split())


def english_left(text: str, headings: list[str]) -> list[str]:
    return [h for h in headings if re.search(rf"(?<![A-Za-z]){re.escape(h)}", text)]


@pytest.fixture(scope="module")
def zh_flag_text() -> str:
    """The engine's own Chinese message of a flag on the Genius Youth offer."""
    from offerlens.domain.evaluate import evaluate_portfolio

    huawei = next(e for e in evaluate_portfolio(hostile_portfolio()) if e.offer_id == "huawei")
    assert huawei.flags and all(f.message_zh for f in huawei.flags)
    return huawei.flags[0].message_zh


@pytest.fixture(scope="module")
def zh_summary():
    return build_summary(hostile_portfolio(), lang="zh")


def test_chinese_html_is_chinese_throughout(summary, zh_summary, zh_flag_text):
    page = render_html(zh_summary, {})
    assert "<html lang='zh-CN'>" in page
    doc = parse_html(page)
    text = " ".join(doc.text)
    assert all(h in text for h in CHINESE_HEADINGS)
    assert zh_flag_text in text
    assert "原文引用" in text  # quotes stay verbatim, labelled as quotes
    assert english_left(text, ENGLISH_HEADINGS) == []
    assert SCRIPT_NAME in text and "script" not in doc.tags
    english = " ".join(parse_html(render_html(summary, {})).text)
    assert len(english_left(english, ENGLISH_HEADINGS)) > 15  # the check finds English ones


def test_english_export_is_unchanged_by_the_language_option(summary):
    assert summary.lang == "en"
    assert render_markdown(build_summary(hostile_portfolio(), lang="en")) == \
        render_markdown(summary)
    assert "<html lang='en'>" in render_html(summary, {})


def test_chinese_markdown_is_chinese_throughout(zh_summary, zh_flag_text):
    from offerlens.domain.textsafe import markdown_escape

    text = render_markdown(zh_summary)
    assert "# OfferLens 决策摘要" in text and "## 决策矩阵" in text and "## 假设" in text
    assert markdown_escape(zh_flag_text) in text
    assert english_left(text, ENGLISH_HEADINGS) == []


def test_chinese_csv_has_chinese_headers_and_flags(zh_summary, zh_flag_text):
    rows = list(csv.reader(io.StringIO(render_csv(zh_summary))))
    assert rows[0][:3] == ["offer编号", "公司", "岗位"] and "提醒" in rows[0]
    assert not set(CSV_ENGLISH_HEADERS) & set(rows[0])
    by_id = {r[0]: r for r in rows[1:]}
    assert zh_flag_text in by_id["huawei"][-1]
    assert by_id["bytedance"][9] == "760000"  # exact yuan, as in English
    assert by_id["huawei"][6] in ("是", "否")


@pytest.fixture(scope="module")
def zh_pdf_path(tmp_path_factory, portfolio_file) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "summary-zh.pdf"
    assert main(["export", str(portfolio_file), "-o", str(out), "--lang", "zh"]) == 0
    return out


def test_chinese_pdf_renders_and_extracts_chinese(zh_pdf_path, zh_flag_text):
    from pypdf import PdfReader

    reader = PdfReader(str(zh_pdf_path))
    text = pdf_text(zh_pdf_path)
    flat_text = flat(text)
    assert all(flat(h) in flat_text for h in CHINESE_HEADINGS)
    assert flat(zh_flag_text) in flat_text
    pages = len(reader.pages)
    assert f"第1页，共{pages}页" in flat_text
    assert english_left(text, ENGLISH_HEADINGS) == []
    assert reader.metadata.title == "OfferLens 决策摘要"
    assert reader.xmp_metadata.dc_language == ["zh-CN"]
    # bold Chinese is drawn once (a synthesised bold would double every bold name)
    assert "阿里巴巴阿里巴巴" not in flat_text


def test_chinese_pdf_uses_the_bundled_font_for_every_chinese_character(zh_summary):
    """The export needs no system CJK font: every Han character it writes is in the subset."""
    from fontTools.ttLib import TTFont

    from offerlens.charts.style import bundled_font_path

    cmap = TTFont(bundled_font_path()).getBestCmap()
    from offerlens.export.html import body

    text = "".join(parse_html(body(zh_summary, lambda _k: None)).text)
    han = {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}
    assert han and sorted(ch for ch in han if ord(ch) not in cmap) == []
