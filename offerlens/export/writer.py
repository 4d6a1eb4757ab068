"""Export a portfolio's decision summary to a file; the format comes from the extension.

Shared by the CLI (``offerlens export PORTFOLIO.json -o summary.pdf``) and the export dialog.
The file is written atomically: a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from offerlens.domain.models import Portfolio
from offerlens.domain.results import Evaluation
from offerlens.domain.summary import DecisionSummary, build_summary, normalise_lang

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".csv": "csv"}
FORMAT_LABELS = {"pdf": "PDF (A4)", "html": "HTML (self-contained)", "markdown": "Markdown",
                 "csv": "CSV (evaluations)"}
Progress = Callable[[int, str], None]


class ExportError(Exception):
    """A user-facing export failure: one clear line."""


def format_for(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or "no extension"
        raise ExportError(
            f"{path}: unknown export format ({shown}); use .pdf, .html, .md or .csv"
        )
    return fmt


def check_target(path: Path) -> None:
    """Fail early, with one line, when the output path cannot be written."""
    if path.is_dir():
        raise ExportError(f"{path}: is a directory; give a file name such as summary.pdf")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise ExportError(f"{path}: folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(f"{path}: {parent} is not a folder")
    if not os.access(parent, os.W_OK):
        raise ExportError(f"{path}: no permission to write in {parent}")
    if path.exists() and not os.access(path, os.W_OK):
        raise ExportError(f"{path}: file is read-only")


def render(
    summary: DecisionSummary, fmt: str, progress: Progress | None = None
) -> bytes:
    """The exported document as bytes."""
    step = progress or (lambda _pct, _msg: None)
    if fmt == "markdown":
        from offerlens.export.markdown import render_markdown

        return render_markdown(summary).encode("utf-8")
    if fmt == "csv":
        from offerlens.export.csv import render_csv

        return ("\ufeff" + render_csv(summary)).encode("utf-8")
    step(10, "Drawing charts…")
    # Charts and the document are tens of thousands of short-lived objects in cycles: the
    # cyclic collector, triggered again and again while they (and matplotlib's modules) are
    # made, would rescan the whole heap each time. Paused here, it runs afterwards.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _render_with_charts(summary, fmt, step)
    finally:
        if collecting:
            gc.enable()


def _render_with_charts(
    summary: DecisionSummary, fmt: str, step: Callable[[int, str], None]
) -> bytes:
    if fmt == "html":
        from offerlens.export.html import chart_images, render_html

        images = chart_images(summary, dpi=110)
        step(60, "Writing the document…")
        return render_html(summary, images).encode("utf-8")
    if fmt == "pdf":
        from offerlens.export.html import chart_pixels
        from offerlens.export.pdf import render_pdf_bytes

        pixels = chart_pixels(summary, dpi=125)  # handed to Qt as pixels: no PNG round trip
        step(60, "Writing the document…")
        return render_pdf_bytes(summary, pixels)
    raise ExportError(f"unknown export format {fmt!r}")


def write(path: Path, data: bytes) -> None:
    from offerlens.store.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(path, data)
    except Exception as err:  # noqa: BLE001 - OSError and StoreWriteError become one line
        raise ExportError(f"{path}: cannot write ({err})") from None


def export_summary(
    portfolio: Portfolio,
    output: Path,
    progress: Progress | None = None,
    evaluations: Sequence[Evaluation] | None = None,
    lang: str = "en",
) -> Path:
    """Build the summary and write it to ``output``; raise ExportError on a bad path.

    ``evaluations`` lets the GUI pass the ones it shows (made with the user's city table);
    ``lang`` is the summary's language, ``en`` or ``zh``.
    """
    output = Path(output)
    if output.is_dir():
        raise ExportError(f"{output}: is a directory; give a file name such as summary.pdf")
    fmt = format_for(output)
    check_target(output)
    try:
        lang = normalise_lang(lang)
    except ValueError as err:
        raise ExportError(str(err)) from None
    # The collector stays paused until the file is written (see ``render``): its pass over
    # the charts' discarded objects (≈0.1 s) runs after the user has the file, not before.
    collecting = gc.isenabled()
    gc.disable()
    try:
        summary = build_summary(portfolio, evaluations, lang=lang)
        data = render(summary, fmt, progress)
        write(output, data)
    finally:
        if collecting:
            gc.enable()
    if progress:
        progress(100, "Done")
    return output


def export_file(portfolio: Portfolio, output_path: Path, lang: str = "en") -> int:
    """CLI entry: write the summary; a bad path, format or language raises CliError (exit 2)."""
    from offerlens.cli import CliError

    try:
        path = export_summary(portfolio, Path(output_path), lang=lang)
    except ExportError as err:
        raise CliError(str(err)) from None
    print(f"wrote {path}")
    return 0
