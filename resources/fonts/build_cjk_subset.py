"""Build the bundled CJK font: a TrueType subset of Noto Sans CJK SC Regular (SIL OFL 1.1).

Why: charts and PDFs must render Chinese company names on a machine without CJK fonts.
The subset holds ASCII, Latin-1, general and CJK punctuation, full-width forms, the 3,755
level-1 hanzi of GB 2312 (the everyday set) and every Chinese character in OfferLens's own
data and sources. It is converted from CFF to TrueType outlines so Qt's PDF writer embeds it
as real (extractable) text. Run from the repository root:

    apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto
    uv run python resources/fonts/build_cjk_subset.py \
        /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FAMILY = "OfferLens Sans SC"
OUT = Path("offerlens/data/fonts/OfferLensSansSC-Regular.ttf")
HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def charset(root: Path) -> set[int]:
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    chars |= set(range(0x2010, 0x2070)) | {0x20AC, 0x2116, 0x2122, 0x2190, 0x2192, 0x2191, 0x2193}
    chars |= set(range(0x2212, 0x2213)) | {0x00D7, 0x2248, 0x2264, 0x2265, 0x2260, 0x2026, 0x25CF}
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F))
    for row in range(0xB0, 0xD8):  # GB 2312 level 1: rows 16–55
        for col in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([row, col]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for pattern in ("offerlens/**/*.py", "offerlens/**/*.json", "resources/**/*.ts"):
        for path in root.glob(pattern):
            chars |= {ord(c) for c in HAN.findall(path.read_text(encoding="utf-8"))}
    return chars


def cff_to_glyf(font: TTFont) -> None:
    """Replace CFF outlines with quadratic TrueType outlines."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyph_order)
    font["maxp"] = maxp
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"
    font["glyf"].compile(font)  # computes bounds


def rename(font: TTFont) -> None:
    names = font["name"]
    keep = {0, 7, 8, 9, 11, 12, 13, 14}
    names.names = [n for n in names.names if n.nameID in keep]
    for platform, enc, lang in ((3, 1, 0x409), (1, 0, 0)):
        names.setName(FAMILY, 1, platform, enc, lang)
        names.setName("Regular", 2, platform, enc, lang)
        names.setName(f"{FAMILY} Regular; subset for OfferLens", 3, platform, enc, lang)
        names.setName(FAMILY, 4, platform, enc, lang)
        names.setName("Version 2.004; subset", 5, platform, enc, lang)
        names.setName("OfferLensSansSC-Regular", 6, platform, enc, lang)


def main(source: str) -> None:
    root = Path.cwd()
    collection = TTCollection(source)
    font = next(f for f in collection.fonts if "SC" in f["name"].getDebugName(1))
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=charset(root))
    sub.subset(font)
    for table in ("GPOS", "GSUB", "BASE", "VORG", "vhea", "vmtx", "DSIG"):
        if table in font:
            del font[table]
    cff_to_glyf(font)
    rename(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size:,} bytes, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(sys.argv[1])
