"""Measuring and wrapping chart texts, and moving labels apart (matplotlib, no Qt).

Widths are measured with the Agg renderer's font metrics, one glyph at a time and cached, so
wrapping a footnote or an offer name costs a few dictionary look-ups per character. Chinese
breaks between any two characters (closing punctuation stays with the character before it);
Latin text breaks at spaces, and a word too long for a line is broken between letters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

#: Wide punctuation that must not begin a line, and that must not end one.
_NO_START = set("，。、；：！？）》」』】〕%％·…")
_NO_END = set("（《「『【〔")
_REFERENCE_SIZE = 10.0


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


@lru_cache(maxsize=1)
def _measurer() -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from offerlens.charts.style import font_families

    font_families()
    return RendererAgg(8, 8, 72), FontProperties(size=_REFERENCE_SIZE)


def points_renderer() -> Any:
    """An Agg renderer at 72 dpi: extents measured with it are in points."""
    return _measurer()[0]


@lru_cache(maxsize=4096)
def _glyph_width(ch: str) -> float:
    """Advance of one character at the reference size, in points."""
    renderer, prop = _measurer()
    if ch == " ":
        w_ab = renderer.get_text_width_height_descent("a b", prop, ismath=False)[0]
        w_aa = renderer.get_text_width_height_descent("ab", prop, ismath=False)[0]
        return float(w_ab - w_aa)
    return float(renderer.get_text_width_height_descent(ch, prop, ismath=False)[0])


@lru_cache(maxsize=64)
def line_height(size: float) -> float:
    """Height in points of one line of text at ``size`` (ascent and descent, as drawn)."""
    renderer, _prop = _measurer()
    from matplotlib.font_manager import FontProperties

    return float(renderer.get_text_width_height_descent("lp", FontProperties(size=size),
                                                        ismath=False)[1])


def extent(text: Any, renderer: Any) -> Any:
    """Where a (horizontal or upright) text will be drawn, in display units: estimated from
    the glyph widths, without laying the text out (trying sizes and rows stays cheap)."""
    from matplotlib.transforms import Bbox

    size = text.get_fontsize()
    content = text.get_text()
    per_point = renderer.points_to_pixels(1.0)
    lines = content.count("\n") + 1
    width = text_width(content, size) * per_point * 1.01 + 1.0
    spacing = getattr(text, "_linespacing", 1.2)
    height = line_height(size) * (1 + spacing * (lines - 1)) * per_point + 1.0
    if round(text.get_rotation()) % 180 == 90:
        width, height = height, width
    x, y = text.get_transform().transform(text.get_unitless_position())
    ha, va = text.get_horizontalalignment(), text.get_verticalalignment()
    x0 = x if ha == "left" else x - width if ha == "right" else x - width / 2
    y0 = y if va in ("bottom", "baseline") else y - height if va == "top" else y - height / 2
    return Bbox.from_bounds(x0, y0, width, height)


def text_width(text: str, size: float) -> float:
    """Width in points of the widest line of ``text`` at font ``size``."""
    scale = size / _REFERENCE_SIZE
    return max((sum(_glyph_width(c) for c in line) * scale for line in text.split("\n")),
               default=0.0)


def _tokens(paragraph: str) -> list[str]:
    """Unbreakable pieces: Latin words, single CJK characters (with their punctuation), spaces."""
    out: list[str] = []
    word = ""
    opening = ""
    for ch in paragraph:
        if ch == " ":
            if word:
                out.append(word)
                word = ""
            out.append(" ")
        elif is_wide(ch) or ch in _NO_START:
            if word:
                out.append(word)
                word = ""
            if ch in _NO_START and out and out[-1] != " ":
                out[-1] += ch
            elif ch in _NO_END:
                opening += ch
            else:
                out.append(opening + ch)
                opening = ""
        else:
            word = opening + word + ch if opening else word + ch
            opening = ""
    if word:
        out.append(word)
    if opening:
        out.append(opening)
    return out


def wrap(text: str, width_pt: float, size: float) -> str:
    """Break ``text`` into lines no wider than ``width_pt`` points at font ``size``.

    Nothing is cut: every character of the text is on one of the lines.
    """
    width_pt = max(width_pt, size * 2.2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for token in _tokens(paragraph):
            if token == " ":
                if current:
                    current += " "
                continue
            candidate = current + token
            if not current.strip() or text_width(candidate, size) <= width_pt:
                current = candidate
            else:
                lines.append(current.rstrip())
                current = token
            while text_width(current, size) > width_pt and len(current) > 1:
                cut = _longest_prefix(current, width_pt, size)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current.rstrip())
    return "\n".join(lines)


def _longest_prefix(text: str, width_pt: float, size: float) -> int:
    scale = size / _REFERENCE_SIZE
    used = 0.0
    for i, ch in enumerate(text):
        used += _glyph_width(ch) * scale
        if used > width_pt:
            return max(i, 1)
    return len(text)


# --- moving labels apart at draw time -------------------------------------------------------


def spread(centres: Sequence[float], heights: Sequence[float], low: float, high: float,
           gap: float = 2.0) -> list[float]:
    """New centres (display units, along one axis) so that no two labels overlap.

    Labels keep their order, move as little as the neighbours require and stay between
    ``low`` and ``high`` when there is room for all of them.
    """
    order = sorted(range(len(centres)), key=lambda i: centres[i])
    placed = [0.0] * len(centres)
    previous_top = -float("inf")
    for i in order:
        half = heights[i] / 2
        y = max(centres[i], low + half, previous_top + gap + half)
        placed[i] = y
        previous_top = y + half
    # pushed past the top: slide down from the top, keeping the gaps
    next_bottom = float("inf")
    for i in reversed(order):
        half = heights[i] / 2
        y = min(placed[i], high - half, next_bottom - gap - half)
        placed[i] = y
        next_bottom = y - half
    return placed


def overlaps(a: Any, b: Any, gap: float = 0.0) -> bool:
    """Whether two display boxes overlap (or come closer than ``gap``)."""
    return (a.x0 < b.x1 + gap and b.x0 < a.x1 + gap
            and a.y0 < b.y1 + gap and b.y0 < a.y1 + gap)
