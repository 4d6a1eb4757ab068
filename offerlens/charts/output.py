"""A finished figure out: PNG or SVG file, PNG bytes, RGBA pixels, SVG text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Pixels:
    """A drawn chart: RGBA bytes, row by row from the top."""

    width: int
    height: int
    rgba: bytes


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write a figure as PNG or SVG, chosen by the file extension."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{path.name}: save charts as .png or .svg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if fig.canvas is None or type(fig.canvas).__name__ == "FigureCanvasBase":
        FigureCanvasAgg(fig)
    fig.savefig(path, format=fmt, dpi=dpi, facecolor=fig.get_facecolor())
    return path


def figure_png(fig: Figure, dpi: int | None = None, compress_level: int = 6) -> bytes:
    """The figure as PNG bytes (at the figure's own dpi unless given).

    A low ``compress_level`` (zlib, 0–9) trades a somewhat larger file for faster writing.
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.savefig(buffer, format="png", dpi=dpi or fig.dpi, facecolor=fig.get_facecolor(),
                pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def figure_pixels(fig: Figure) -> Pixels:
    """Draw the figure once; its RGBA pixels (no image file in between)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    width, height = (int(v) for v in canvas.get_width_height(physical=True))
    return Pixels(width, height, bytes(canvas.buffer_rgba()))


def pixels_png(pixels: Pixels, compress_level: int = 1) -> bytes:
    """Encode drawn pixels as PNG; charts are opaque, so the alpha channel is dropped."""
    import io

    from PIL import Image

    image = Image.frombuffer("RGBA", (pixels.width, pixels.height), pixels.rgba, "raw",
                             "RGBA", 0, 1).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=compress_level)
    return buffer.getvalue()


def figure_svg(fig: Figure) -> str:
    """The figure as SVG text."""
    import io

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", facecolor=fig.get_facecolor())
    return buffer.getvalue()
