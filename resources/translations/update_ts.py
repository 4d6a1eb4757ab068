"""Refresh the Linguist .ts files from the UI sources (a pure-Python stand-in for lupdate).

    uv run python resources/translations/update_ts.py

Finds every translatable literal in offerlens/ui/*.py — ``self.tr("…")``, ``_t("…")``,
``QCoreApplication.translate("Context", "…")`` and ``QT_TRANSLATE_NOOP("Context", "…")`` — and
rewrites each ``offerlens_<lang>.ts`` with the existing translations kept and new strings marked
``unfinished``. The app reads the .ts files directly (offerlens/ui/i18n.py), so there is no
compile step; Qt Linguist can open and edit them.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
UI = HERE.parents[1] / "offerlens" / "ui"
HELPERS = {"_t": None}  # module-level helpers: name → fixed context (None: from the module)


def _module_context(tree: ast.Module) -> str | None:
    """The context a module's ``_t`` helper passes to QCoreApplication.translate."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "_t":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _name(call.func) == "translate" and call.args \
                        and isinstance(call.args[0], ast.Constant):
                    return str(call.args[0].value)
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract(paths: list[Path] | None = None) -> list[tuple[str, str, bool]]:
    """(context, source, numerus) for every translatable literal, in file order, unique."""
    out: list[tuple[str, str, bool]] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted(paths or UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helper_context = _module_context(tree)
        classes: list[tuple[int, int, str]] = [
            (n.lineno, n.end_lineno or n.lineno, n.name)
            for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
        ]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            context = source = None
            numerus = False
            if name == "tr" and isinstance(node.func, ast.Attribute) and node.args:
                source = _literal(node.args[0])
                inside = [c for c in classes if c[0] <= node.lineno <= c[1]]
                context = max(inside)[2] if inside else path.stem
                numerus = len(node.args) >= 3
            elif name == "_t" and node.args and helper_context:
                source, context = _literal(node.args[0]), helper_context
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, source = _literal(node.args[0]), _literal(node.args[1])
                numerus = len(node.args) >= 4
            if context and source and (context, source) not in seen:
                seen.add((context, source))
                out.append((context, source, numerus))
    return out


def read_translations(ts: Path) -> dict[str, str]:
    """source → finished translation (context-independent) from an existing .ts file."""
    if not ts.is_file():
        return {}
    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source")
        node = message.find("translation")
        if source is None or node is None or node.get("type") == "unfinished":
            continue
        forms = node.findall("numerusform")
        text = (forms[0].text or "") if forms else (node.text or "")
        if text:
            found.setdefault(source, text)
    return found


def write_ts(ts: Path, lang: str, strings, translations: dict[str, str]) -> int:
    """Write the .ts; returns how many strings are still untranslated."""
    by_context: dict[str, list[tuple[str, bool]]] = {}
    for context, source, numerus in strings:
        by_context.setdefault(context, []).append((source, numerus))
    missing = 0
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{lang}">']
    for context in sorted(by_context):
        lines.append("<context>")
        lines.append(f"    <name>{escape(context)}</name>")
        for source, numerus in by_context[context]:
            text = translations.get(source, "")
            missing += not text
            kind = "" if text else ' type="unfinished"'
            attr = ' numerus="yes"' if numerus else ""
            lines.append(f"    <message{attr}>")
            lines.append(f"        <source>{escape(source)}</source>")
            if numerus:
                lines.append(f"        <translation{kind}>")
                lines.append(f"            <numerusform>{escape(text)}</numerusform>")
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{kind}>{escape(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return missing


def main() -> int:
    strings = extract()
    status = 0
    for ts in sorted(HERE.glob("offerlens_*.ts")):
        lang = ts.stem.removeprefix("offerlens_")
        missing = write_ts(ts, lang, strings, read_translations(ts))
        print(f"{ts.name}: {len(strings)} strings, {missing} untranslated")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
