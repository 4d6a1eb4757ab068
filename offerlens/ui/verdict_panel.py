"""The live verdict beside the form: tier, percentile, breakdown, take-home and flags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from offerlens.ui import i18n, labels
from offerlens.ui.engine import take_home_of
from offerlens.ui.widgets import SEVERITY_COLOURS, Collapsible, TierBadge, heading

QT_TRANSLATE_NOOP = lambda context, text: text  # noqa: E731  (marks strings for lupdate)

ENGINE_LABELS = [
    QT_TRANSLATE_NOOP("Engine", "Base × guaranteed months"),
    QT_TRANSLATE_NOOP("Engine", "Base × performance months"),
    QT_TRANSLATE_NOOP("Engine", "Package, guaranteed share"),
    QT_TRANSLATE_NOOP("Engine", "Package, performance share"),
    QT_TRANSLATE_NOOP("Engine", "Allowances"),
    QT_TRANSLATE_NOOP("Engine", "Annual bonus"),
    QT_TRANSLATE_NOOP("Engine", "Equity, average year"),
    QT_TRANSLATE_NOOP("Engine", "Steady-state cash package (tier basis)"),
    QT_TRANSLATE_NOOP("Engine", "Sign-on bonus"),
    QT_TRANSLATE_NOOP("Engine", "Equity vesting in year 1"),
    QT_TRANSLATE_NOOP("Engine", "First-year total"),
    QT_TRANSLATE_NOOP("Engine", "Steady-state total"),
    QT_TRANSLATE_NOOP("Engine", "year 1 only"),
    QT_TRANSLATE_NOOP("Engine", "guaranteed"),
    QT_TRANSLATE_NOOP("Engine", "target, depends on performance"),
    QT_TRANSLATE_NOOP("Engine", "after the cliff"),
]


def engine_text(text: str) -> str:
    """A fixed engine label in the UI language (unknown labels pass through)."""
    return QCoreApplication.translate("Engine", text) if text else text


class FlagLabel(QLabel):
    """One flag: coloured severity, message; hover shows the quote, click shows it in full.

    Created once and reused: ``set_flag`` swaps the flag it shows.
    """

    def __init__(self, flag=None, parent=None) -> None:
        super().__init__(parent)
        self.flag = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("QLabel { padding: 4px 2px; }")
        if flag is not None:
            self.set_flag(flag)

    def set_flag(self, flag) -> None:
        self.flag = flag
        colour = SEVERITY_COLOURS.get(flag.severity.value, "#555")
        message = i18n.pick(flag.message, flag.message_zh)
        sev = labels.severity(flag.severity.value)
        mark = ""
        if flag.assumption:
            mark = f' <span style="color:#7b5ea7">[{self.tr("assumption")}]</span>'
        self.setText(
            f'<span style="color:{colour}; font-weight:600">● {sev}</span> '
            f"{_esc(message)}{mark}"
        )
        if flag.source is not None:
            self.setToolTip(f"“{flag.source.quote}”\n— {flag.source.source}")
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.setToolTip(self.tr("No source quote: this flag follows from the offer itself."))
            self.unsetCursor()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self.show_source()
        super().mouseReleaseEvent(event)

    def source_text(self) -> str:
        if self.flag.source is None:
            return self.toolTip()
        return self.tr("Source: %1\n\n“%2”").replace("%1", self.flag.source.source).replace(
            "%2", self.flag.source.quote)

    def show_source(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Source of this flag"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(i18n.pick(self.flag.message, self.flag.message_zh))
        box.setInformativeText(self.source_text())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()


def _esc(text: str) -> str:
    import html

    return html.escape(text)


class VerdictPanel(QWidget):
    """Renders one Evaluation; holds no numbers of its own."""

    linkActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.evaluation = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(12, 0, 6, 6)
        self.layout_.setSpacing(10)

        self.heading = heading(self.tr("Verdict"), 13)
        self.layout_.addWidget(self.heading)
        self.empty = QLabel(self.tr("Fill in the offer to see its verdict."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        self.layout_.addWidget(self.empty)

        self.content = QWidget()
        c = QVBoxLayout(self.content)
        c.setContentsMargins(0, 0, 0, 0)
        c.setSpacing(10)
        top = QHBoxLayout()
        self.badge = TierBadge()
        self.badge.setObjectName("tier_badge")
        top.addWidget(self.badge)
        self.to_next = QLabel()
        self.to_next.setObjectName("to_next")
        self.to_next.setWordWrap(True)
        top.addWidget(self.to_next, 1)
        c.addLayout(top)
        self.tier_note = QLabel()
        self.tier_note.setWordWrap(True)
        self.tier_note.setStyleSheet("color: #7b5ea7;")
        c.addWidget(self.tier_note)
        self.percentile = QLabel()
        self.percentile.setObjectName("percentile")
        self.percentile.setWordWrap(True)
        self.percentile.setTextFormat(Qt.TextFormat.RichText)
        c.addWidget(self.percentile)

        c.addWidget(heading(self.tr("Pay by year")))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(3)
        c.addLayout(self.grid)
        self._build_breakdown()
        self.months_note = QLabel()
        self.months_note.setWordWrap(True)
        self.months_note.setStyleSheet("color: palette(mid);")
        c.addWidget(self.months_note)

        self.take_home_title = heading(self.tr("Take-home (税后到手)"))
        c.addWidget(self.take_home_title)
        self.take_home_box = QWidget()
        self.take_home_grid = QGridLayout(self.take_home_box)
        self.take_home_grid.setContentsMargins(0, 0, 0, 0)
        self.take_home_grid.setHorizontalSpacing(16)
        self.take_home_grid.setVerticalSpacing(3)
        c.addWidget(self.take_home_box)
        self._build_take_home()
        self.take_home_note = QLabel()
        self.take_home_note.setWordWrap(True)
        self.take_home_note.setStyleSheet("color: palette(mid);")
        c.addWidget(self.take_home_note)

        self.computation = QLabel()
        self.computation.setObjectName("computation")
        self.computation.setWordWrap(True)
        self.computation.setTextFormat(Qt.TextFormat.RichText)
        self.computation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.how = Collapsible(self.tr("How this was computed"), self.computation)
        self.how.button.toggled.connect(self._on_how_toggled)
        self._computation_for = None  # the evaluation the collapsed text was last filled for
        c.addWidget(self.how)

        c.addWidget(heading(self.tr("Flags")))
        self.flags_box = QVBoxLayout()
        self.flags_box.setSpacing(2)
        c.addLayout(self.flags_box)
        self.no_flags = QLabel(self.tr("No flags."))
        self.no_flags.setStyleSheet("color: palette(mid);")
        self.flags_box.addWidget(self.no_flags)
        self._flag_pool: list[FlagLabel] = []
        self.flag_labels: list[FlagLabel] = []  # the labels showing now, in order
        self.layout_.addWidget(self.content)
        self.layout_.addStretch(1)
        self.show_evaluation(None)

    # -- rendering -------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.evaluation = None
        self.content.hide()
        self.empty.setText(text)
        self.empty.show()

    def show_evaluation(self, ev, problem: str = "") -> None:
        self.evaluation = ev
        if ev is None:
            self.show_message(problem or self.tr("Fill in the offer to see its verdict."))
            return
        self.empty.hide()
        self.content.show()
        tier = ev.tier
        self.heading.setText(self.tr("Verdict: %1").replace("%1", ev.company))
        self.badge.set_tier(tier.tier.value if tier.tier else None, i18n.tier_label(tier.tier))
        if tier.next_tier is not None and tier.to_next_tier_cny is not None:
            if tier.to_next_tier_cny > 0:
                text = self.tr("%1 more a year to reach %2").replace(
                    "%1", i18n.money_full(tier.to_next_tier_cny)).replace(
                    "%2", i18n.tier_label(tier.next_tier))
            else:
                text = self.tr("At the edge of %1").replace("%1", i18n.tier_label(tier.next_tier))
        elif tier.tier is None:
            text = self.tr("Tiers apply to campus offers only.")
        else:
            text = self.tr("Highest tier")
        basis = self.tr("judged on %1 a year of cash").replace(
            "%1", i18n.money_full(tier.basis_cny))
        self.to_next.setText(f"{text}<br><span style='color:gray'>{basis}</span>")
        notes = []
        if tier.by_program:
            notes.append(self.tr("Talent programme named in the offer."))
        if tier.indicative:
            notes.append(self.tr("Indicative: your role family is outside the cited segments "
                                 "(assumption)."))
        if tier.hr_tier is not None and tier.tier is not None and tier.hr_tier != tier.tier:
            notes.append(self.tr("HR called it %1.").replace("%1", i18n.tier_label(tier.hr_tier)))
        notes.append(self.tr("Tier boundaries are derived from cited anchors (assumption)."))
        self.tier_note.setText(" ".join(notes))

        pct = ev.percentile
        if pct.value is None:
            self.percentile.setText(self.tr("No percentile for experienced hires: the articles "
                                            "give no distribution."))
        else:
            self.percentile.setText(
                self.tr("Estimated percentile: <b>P%1</b> in its segment").replace(
                    "%1", f"{pct.value:.0f}")
                + f" <span style='color:#7b5ea7'>[{self.tr('assumption')}]</span>"
            )
        self.percentile.setToolTip(pct.method + "\n" + ", ".join(pct.assumptions))

        self._fill_breakdown(ev)
        self.months_note.setText(ev.months_high_note)
        self.months_note.setVisible(bool(ev.months_high_note))
        self._fill_take_home(ev)
        if self.computation.isVisibleTo(self.how):
            self._fill_computation(ev)
        self._fill_flags(ev)

    # -- the grids are built once; an evaluation only changes their texts -------------------

    def _cell(self, grid, row, col, text="", bold=False, right=True, name=""):
        label = QLabel(text)
        if name:
            label.setObjectName(name)
            self._cells[name] = label
        if right:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            label.setStyleSheet("font-weight: 600;")
        grid.addWidget(label, row, col)
        return label

    def _build_breakdown(self) -> None:
        self._cells: dict[str, QLabel] = {}
        g = self.grid
        self._cell(g, 0, 1, self.tr("Year 1"), bold=True)
        self._cell(g, 0, 2, self.tr("Normal year"), bold=True)
        rows = [
            (self.tr("Guaranteed cash"), "guaranteed_cash"),
            (self.tr("Performance-dependent"), "performance"),
            (self.tr("One-off"), "one_off"),
            (self.tr("Equity"), "equity"),
            (self.tr("Total"), "total"),
        ]
        self._breakdown_rows = [attr for _label, attr in rows]
        for r, (label, attr) in enumerate(rows, start=1):
            bold = attr == "total"
            self._cell(g, r, 0, label, bold=bold, right=False)
            self._cell(g, r, 1, bold=bold, name=f"year1_{attr}")
            self._cell(g, r, 2, bold=bold, name=f"steady_{attr}")
        g.setColumnStretch(3, 1)

    def _build_take_home(self) -> None:
        g = self.take_home_grid
        self._cell(g, 0, 1, self.tr("First 12 months"), bold=True)
        self._cell(g, 0, 2, self.tr("Normal year"), bold=True)
        rows = [
            (self.tr("Gross cash"), "gross_cash", False),
            (self.tr("Social insurance"), "social_insurance", False),
            (self.tr("Housing fund, your share"), "housing_fund_employee", False),
            (self.tr("Income tax"), "income_tax", False),
            (self.tr("Net cash (到手)"), "net_cash", True),
            (self.tr("Housing-fund wallet (both shares)"), "housing_fund_total", False),
        ]
        self._take_home_rows = [attr for _label, attr, _bold in rows]
        for r, (label, attr, bold) in enumerate(rows, start=1):
            self._cell(g, r, 0, label, bold=bold, right=False)
            self._cell(g, r, 1, bold=bold, name=f"th_year1_{attr}")
            self._cell(g, r, 2, bold=bold, name=f"th_steady_{attr}")
        r = len(rows) + 1
        self._cell(g, r, 0, self.tr("Effective hourly pay"), right=False)
        self._cell(g, r, 2, name="th_hourly")
        self._cell(g, r, 3, right=False, name="th_hours")
        g.setColumnStretch(4, 1)

    def _set(self, name: str, text: str) -> None:
        self._cells[name].setText(text)

    def _fill_breakdown(self, ev) -> None:
        for attr in self._breakdown_rows:
            self._set(f"year1_{attr}", i18n.money_full(getattr(ev.first_year, attr)))
            self._set(f"steady_{attr}", i18n.money_full(getattr(ev.steady_state, attr)))

    def _fill_take_home(self, ev) -> None:
        th = take_home_of(ev)
        if th is None:
            self.take_home_title.hide()
            self.take_home_box.hide()
            self.take_home_note.hide()
            return
        self.take_home_title.show()
        self.take_home_box.show()
        for attr in self._take_home_rows:
            self._set(f"th_year1_{attr}", i18n.money_full(getattr(th.first_year, attr)))
            self._set(f"th_steady_{attr}", i18n.money_full(getattr(th.steady_state, attr)))
        hours = self.tr("%1 h/week").replace("%1", f"{th.hours_per_week:g}")
        if th.hours_assumed:
            hours += " " + self.tr("(assumed)")
        self._set("th_hourly", i18n.money_full(th.effective_hourly_cny))
        self._set("th_hours", hours)
        method = th.steady_state.bonus_method
        method_text = (self.tr("bonus taxed separately (cheaper)") if method == "separate"
                       else self.tr("bonus merged into annual income (cheaper)"))
        notes = [self.tr("City: %1").replace("%1", th.city_label), method_text]
        if th.first_year.start is not None:
            notes.insert(0, self.tr("First 12 months from %1, with probation pay and the first "
                                    "year-end bonus as the offer pays them")
                         .replace("%1", th.first_year.start.isoformat()))
        if not th.city_known or not th.city_verified:
            notes.append(self.tr("city figures are an assumption"))
        for w in th.warnings:
            notes.append(i18n.pick(w.message, w.message_zh))
        self.take_home_note.setText(" · ".join(notes))
        self.take_home_note.show()

    def _on_how_toggled(self, expanded: bool) -> None:
        """The collapsed computation is only written out when it is opened."""
        if expanded and self.evaluation is not None:
            self._fill_computation(self.evaluation)

    def _fill_computation(self, ev) -> None:
        if ev is self._computation_for:
            return
        self._computation_for = ev
        rows = []
        for line in ev.computation:
            amount = "" if line.amount is None else i18n.money_full(line.amount)
            detail = f" <span style='color:gray'>({_esc(engine_text(line.detail))})</span>" \
                if line.detail else ""
            rows.append(f"<tr><td>{_esc(engine_text(line.label))}{detail}</td>"
                        f"<td align='right'>&nbsp;&nbsp;{amount}</td></tr>")
        th = take_home_of(ev)
        if th is not None:
            for title, year in ((self.tr("Take-home, year 1"), th.first_year),
                                (self.tr("Take-home, normal year"), th.steady_state)):
                rows.append(f"<tr><td colspan=2><b>{_esc(title)}</b></td></tr>")
                for line in year.lines:
                    amount = "" if line.amount is None else i18n.money_full(line.amount)
                    detail = f" <span style='color:gray'>({_esc(line.detail)})</span>" \
                        if line.detail else ""
                    rows.append(f"<tr><td>{_esc(line.label)}{detail}</td>"
                                f"<td align='right'>&nbsp;&nbsp;{amount}</td></tr>")
            if th.assumptions:
                rows.append(f"<tr><td colspan=2><b>{_esc(self.tr('Assumptions'))}</b></td></tr>")
                for note in th.assumptions:
                    rows.append(f"<tr><td colspan=2 style='color:#7b5ea7'>• "
                                f"{_esc(i18n.pick(note.message, note.message_zh))}</td></tr>")
        self.computation.setText("<table width='100%'>" + "".join(rows) + "</table>")

    def _fill_flags(self, ev) -> None:
        """Reuse the flag labels: texts change, widgets are only added when more are needed."""
        order = {"risk": 0, "warning": 1, "info": 2, "good": 3}
        flags = sorted(ev.flags, key=lambda f: order.get(f.severity.value, 9))
        while len(self._flag_pool) < len(flags):
            label = FlagLabel()
            self.flags_box.insertWidget(len(self._flag_pool), label)
            self._flag_pool.append(label)
        for label, flag in zip(self._flag_pool, flags, strict=False):
            if label.flag != flag:
                label.set_flag(flag)
            label.setVisible(True)
        for label in self._flag_pool[len(flags):]:
            label.setVisible(False)
        self.no_flags.setVisible(not flags)
        self.flag_labels = self._flag_pool[: len(flags)]
        if not flags:
            self.flag_labels = [self.no_flags]  # type: ignore[list-item]
