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
