"""Themes and fonts for OfferLens charts (matplotlib, no pyplot, no Qt).

Fonts: Latin text uses DejaVu Sans (shipped with matplotlib); Chinese falls back, glyph by
glyph, to the bundled OFL subset "OfferLens Sans SC" (everyday hanzi) and then to a system CJK
font when one is installed, so company names like 阿里巴巴 never render as boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

BUNDLED_FAMILY = "OfferLens Sans SC"
SYSTEM_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)


def bundled_font_path() -> Path:
    fonts = resources.files("offerlens.data").joinpath("fonts")
    return Path(str(fonts.joinpath("OfferLensSansSC-Regular.ttf")))


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """Register the bundled CJK font once; return the family fallback list in use."""
    import matplotlib
    from matplotlib import font_manager

    path = bundled_font_path()
    if path.exists():
        font_manager.fontManager.addfont(str(path))
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = ["DejaVu Sans"]
    if BUNDLED_FAMILY in installed:
        families.append(BUNDLED_FAMILY)
    families += [name for name in SYSTEM_CJK_FAMILIES if name in installed]
    matplotlib.rcParams["font.family"] = families
    matplotlib.rcParams["svg.fonttype"] = "path"  # SVGs render the same without the font
    matplotlib.rcParams["pdf.fonttype"] = 42
    matplotlib.rcParams["axes.unicode_minus"] = False
    return tuple(families)


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted: str
    grid: str
    tiers: dict[str, str]
    offers: tuple[str, ...]
    components: dict[str, str]
    assumption: str


LIGHT = Theme(
    name="light",
    background="#ffffff",
    foreground="#1f2328",
    muted="#656d76",
    grid="#d8dee4",
    tiers={
        "below_standard": "#f2f2f2",
        "standard": "#dbe9f6",
        "sp": "#b7d4ee",
        "ssp": "#8cb8e2",
        "talent_program": "#f4d58d",
    },
    offers=("#d1495b", "#2e7d32", "#6a4c93", "#ef8a17", "#00798c", "#8d6e63", "#c2185b", "#455a64"),
    components={
        "guaranteed_cash": "#1f5f99",
        "performance": "#6fa8dc",
        "one_off": "#f1a340",
        "equity": "#7b9e3b",
    },
    assumption="#8a5a00",
)

DARK = Theme(
    name="dark",
    background="#1e1f22",
    foreground="#e6e6e6",
    muted="#a0a4aa",
    grid="#3a3d42",
    tiers={
        "below_standard": "#2a2c30",
        "standard": "#23384d",
        "sp": "#2c4c6e",
        "ssp": "#3a6595",
        "talent_program": "#6b5a26",
    },
    offers=("#ff7b8a", "#7bd389", "#b89cf0", "#ffb35c", "#4fd1e0", "#d7a98c", "#f48fb1", "#9fb3c2"),
    components={
        "guaranteed_cash": "#5b9bd5",
        "performance": "#9cc3e8",
        "one_off": "#f6b45e",
        "equity": "#a6c76b",
    },
    assumption="#f0c674",
)

THEMES = {"light": LIGHT, "dark": DARK}


def theme(name: str) -> Theme:
    return THEMES.get(name, LIGHT)
