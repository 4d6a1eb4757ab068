"""PDF decision summary: A4, printed through Qt (QTextDocument + QPdfWriter).

Text stays real text (extractable, searchable); Chinese uses a system CJK font when present
and the bundled OFL subset otherwise. Charts are embedded as PNG. Each page carries a footer
with the page number.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from offerlens.domain.summary import DecisionSummary
from offerlens.export.html import body

PRINT_CSS = """
body { color: #1f2328; }
h1 { font-size: 22pt; font-weight: 600; color: #0b3d6b; margin-bottom: 4pt; }
h2 { font-size: 14pt; font-weight: 600; color: #0b3d6b; margin-top: 14pt; margin-bottom: 6pt; }
h3 { font-size: 11pt; font-weight: 600; margin-top: 10pt; margin-bottom: 4pt; }
p, li { font-size: 9.5pt; }
b { font-weight: 600; }
.meta { color: #57606a; font-size: 9.5pt; }
.recommendation { font-size: 13pt; color: #0b3d6b; background-color: #eef5fc;
                  margin-top: 14pt; margin-bottom: 8pt; }
.sensitivity { color: #3d444d; font-size: 10pt; }
table { border-collapse: collapse; margin-top: 4pt; margin-bottom: 4pt; }
th { background-color: #eef1f4; font-size: 8.5pt; font-weight: 600; text-align: left;
     border: 1px solid #c9d1d9; padding: 3px; }
td { font-size: 8.5pt; border: 1px solid #c9d1d9; padding: 3px; }
td.num { text-align: right; }
.small { font-size: 7.5pt; color: #57606a; }
.flag-risk { color: #b42318; } .flag-warning { color: #9a6700; }
.flag-good { color: #1a7f37; } .flag-info { color: #3d444d; }
blockquote { color: #57606a; font-style: italic; font-size: 8.5pt; }
.assumption { color: #7a4e00; }
.caption { color: #57606a; font-size: 8pt; }
"""

# The bundled subset comes before system CJK fonts: its cmap maps each glyph back to one code
# point, so extracted text reads 里, not the look-alike Kangxi radical ⾥ that some system
# fonts share a glyph with. Characters outside the subset fall back to the system fonts.
FONT_FAMILIES = ["DejaVu Sans", "OfferLens Sans SC", "Noto Sans CJK SC", "Source Han Sans SC",
                 "PingFang SC", "Microsoft YaHei"]
DPI = 96
MARGIN_MM = (16, 16, 16, 18)  # left, top, right, bottom
_APP = None


def _ensure_gui_app() -> None:
    """QTextDocument needs a GUI application; create an offscreen one for the CLI.

    A QApplication (not just QGuiApplication) so that widgets created later in the same
    process, e.g. by tests or the GUI, still work.
    """
    global _APP
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        sys.platform in ("win32", "darwin") or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QApplication(["offerlens-export"])


def register_fonts() -> list[str]:
    """Add the bundled CJK font to Qt's database; the family list to print with."""
    from PySide6.QtGui import QFontDatabase

    from offerlens.charts.style import bundled_font_path

    path = bundled_font_path()
    if path.exists() and "OfferLens Sans SC" not in QFontDatabase.families():
        QFontDatabase.addApplicationFont(str(path))
    available = set(QFontDatabase.families())
    return [f for f in FONT_FAMILIES if f in available] or ["sans-serif"]


PDF_LANG = {"en": "en", "zh": "zh-CN"}
XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<dc:format>application/pdf</dc:format>
<xmp:CreatorTool>OfferLens</xmp:CreatorTool>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def _set_metadata(writer: Any, summary: DecisionSummary) -> None:
    """Title and creator in the document information; title and language in its XMP."""
    from html import escape

    writer.setTitle(summary.title)
    writer.setCreator("OfferLens")
    xmp = XMP.format(title=escape(summary.title), lang=PDF_LANG[summary.lang])
    writer.setDocumentXmpMetadata(xmp.encode("utf-8"))


def write_pdf(
    summary: DecisionSummary,
    path: str | Path,
    images: Mapping[str, Any],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Print the summary to ``path`` (A4). Returns the page count.

    ``images`` maps a chart kind to PNG bytes or to drawn ``Pixels``.
    """
    _ensure_gui_app()
    from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, QSizeF, QUrl
    from PySide6.QtGui import (
        QFont,
        QFontMetricsF,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    families = register_fonts()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    left, top, right, bottom = MARGIN_MM
    writer.setPageMargins(QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter)
    _set_metadata(writer, summary)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(9.5)
    if hasattr(font, "setFeature"):  # keep "ff"/"fi" as letters in extracted text
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(PRINT_CSS)
    for kind, data in images.items():
        if isinstance(data, bytes):
            image = QImage.fromData(data)
        else:  # drawn pixels, shared with Qt (``images`` outlives the document): no copy
            image = QImage(data.rgba, data.width, data.height, data.width * 4,
                           QImage.Format.Format_RGBX8888)  # charts are opaque
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{kind}"), image)
    rect = writer.pageLayout().paintRectPixels(DPI)
    width, height = rect.width(), rect.height()
    footer = 22
    doc.setPageSize(QSizeF(width, height - footer))
    html = body(
        summary,
        lambda kind: f"chart:{kind}" if kind in images else None,
        page_break="page-break-after: always",
        chart_width=int(width),
    )
    doc.setHtml(f"<html><body>{html}</body></html>")
    pages = doc.pageCount()
    page_h = height - footer
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    # Charts are line art and text: stored losslessly (Flate), not as JPEG with ringing
    # around every letter; the file is also about half the size.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        foot_font = QFont(font)
        foot_font.setPointSizeF(7.5)
        metrics = QFontMetricsF(foot_font, writer)
        # Grey as black at 45 % opacity, text placed at a baseline: the first call of an
        # overloaded QPainter method taking a Qt enum (setPen, drawText in a rectangle with
        # alignment flags) builds every enum of the Qt namespace, ≈30 ms.
        baseline = height - footer + 6 + (footer - 6 + metrics.ascent() - metrics.descent()) / 2
        left_text = (f"{summary.title} · {summary.generated.isoformat()} · "
                     f"{summary.t('footer_data', summary.dataset_version)}")
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_h)
            doc.drawContents(painter, QRectF(0, page * page_h, width, page_h))
            painter.restore()
            painter.save()
            painter.setOpacity(0.45)
            painter.setFont(foot_font)
            painter.drawLine(QLineF(0, height - footer + 4, width, height - footer + 4))
            painter.drawText(QPointF(0, baseline), left_text)
            number = summary.t("page_of", page + 1, pages)
            painter.drawText(QPointF(width - metrics.horizontalAdvance(number), baseline), number)
            painter.restore()
            if progress:
                progress(page + 1)
    finally:
        painter.end()
    return pages


def render_pdf_bytes(summary: DecisionSummary, images: Mapping[str, Any]) -> bytes:
    """The PDF as bytes (via a temporary file)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "summary.pdf"
        write_pdf(summary, target, images)
        return target.read_bytes()
