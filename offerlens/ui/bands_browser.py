"""The bands browser: every segment's tier bands, the cited figures, assumptions and risks."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from offerlens.ui import i18n

ASSUMPTION_STYLE = ("background:#efe7f7; color:#5b3d8a; border-radius:3px; padding:0 4px; "
                    "font-size:9pt")


def _e(text) -> str:
    return html.escape(str(text))


class BandsBrowser(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.view = QTextBrowser()
        self.view.setObjectName("bands_view")
        self.view.setOpenLinks(False)
        layout.addWidget(self.view)

    def _tag(self) -> str:
        return f"<span style='{ASSUMPTION_STYLE}'>{_e(self.tr('assumption'))}</span>"

    def _citations(self, citations) -> str:
        out = []
        for c in citations:
            out.append(f"<div style='margin-left:14px; color:#333'>“{_e(c.quote)}”"
                       f" <span style='color:gray'>— {_e(c.source)}</span></div>")
        return "".join(out)

    def set_candidate(self, candidate) -> None:
        from offerlens.domain.bands import load_dataset

        ds = load_dataset()
        mine = None
        if candidate is not None:
            mine, _ = ds.segment_for(candidate.degree, candidate.role_family)
        parts = [
            f"<h2>{_e(self.tr('Benchmark bands'))}</h2>",
            f"<p>{_e(i18n.pick(ds.vintage, ds.vintage_zh))} · {_e(self.tr('dataset'))} "
            f"{_e(ds.version)} ({_e(ds.date)})"
            f"<br><i>{_e(i18n.pick(ds.disclaimer, ds.disclaimer_zh))}</i></p>",
            f"<p>{self._tag()} {_e(i18n.pick(ds.tier_rule.text, ds.tier_rule.text_zh))}</p>",
        ]
        segments = sorted(ds.segments, key=lambda s: 0 if mine and s.id == mine.id else 1)
        for seg in segments:
            title = i18n.pick(seg.label, seg.label_zh)
            if mine is not None and seg.id == mine.id:
                title += " — " + self.tr("your segment")
            parts.append(f"<h3>{_e(title)}</h3>")
            parts.append("<table cellspacing=0 cellpadding=4 border=0>")
            parts.append(f"<tr><th align=left>{_e(self.tr('Tier'))}</th>"
                         f"<th align=right>{_e(self.tr('From'))}</th>"
                         f"<th align=right>{_e(self.tr('To'))}</th><th></th></tr>")
            for band in seg.tiers:
                high = i18n.money_full(band.high) if band.high is not None else "…"
                tag = self._tag() if band.assumption else ""
                parts.append(f"<tr><td>{_e(i18n.tier_label(band.tier))}</td>"
                             f"<td align=right>{_e(i18n.money_full(band.low))}</td>"
                             f"<td align=right>{_e(high)}</td><td>{tag}</td></tr>")
            parts.append("</table>")
            parts.append(f"<p><b>{_e(self.tr('Anchors'))}</b></p><ul>")
            for name, anchor in [*seg.anchors.items(), ("top", seg.top)]:
                from offerlens.domain.models import Tier

                shown = (self.tr("top of the scale") if name == "top"
                         else i18n.tier_label(Tier(name)))
                line = f"{_e(shown)}: {_e(i18n.money_full(anchor.value))}"
                if anchor.figure:
                    fig = ds.figure(anchor.figure)
                    line += f" — {_e(i18n.pick(fig.label, fig.label_zh))}"
                    line += self._citations(fig.citations)
                else:
                    a = ds.assumption(anchor.assumption)
                    line += f" {self._tag()} {_e(i18n.pick(a.label, a.label_zh))}"
                parts.append(f"<li>{line}</li>")
            parts.append("</ul>")
            if seg.note:
                parts.append(f"<p style='color:#555'>{_e(i18n.pick(seg.note, seg.note_zh))}</p>")

        parts.append(f"<h3>{_e(self.tr('Figures from the articles'))}</h3>")
        for fig in ds.figures:
            if fig.value is not None:
                number = self._number(fig.kind, fig.value)
            else:
                number = f"{self._number(fig.kind, fig.low)} – {self._number(fig.kind, fig.high)}"
            context = f" <span style='color:gray'>({_e(self.tr('market context'))})</span>" \
                if fig.context else ""
            parts.append(f"<p><b>{_e(i18n.pick(fig.label, fig.label_zh))}</b>: {_e(number)}"
                         f"{context}{self._citations(fig.citations)}")
            if fig.note:
                note = _e(i18n.pick(fig.note, fig.note_zh))
                parts.append(f"<div style='margin-left:14px; color:#555'>{note}</div>")
            parts.append("</p>")

        parts.append(f"<h3>{_e(self.tr('Assumptions'))}</h3>")
        for a in ds.assumptions:
            text = i18n.pick(a.note, a.note_zh)
            note = f"<div style='margin-left:14px; color:#555'>{_e(text)}</div>" if text else ""
            parts.append(f"<p>{self._tag()} <b>{_e(i18n.pick(a.label, a.label_zh))}</b>{note}</p>")

        parts.append(f"<h3>{_e(self.tr('Risks'))}</h3>")
        for r in ds.risks:
            parts.append(f"<p>{_e(i18n.pick(r.text, r.text_zh))}{self._citations(r.citations)}</p>")
        self.view.setHtml("".join(parts))

    def _number(self, kind: str, value: float | None) -> str:
        if value is None:
            return "—"
        if kind in ("annual", "monthly"):
            text = i18n.money_full(int(value))
            return text + (self.tr(" a month") if kind == "monthly" else self.tr(" a year"))
        if kind == "percent":
            return f"{value:g} %"
        return f"{value:g}"
