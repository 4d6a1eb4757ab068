"""Side-by-side comparison: selected offers as columns, the best value in each row highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offerlens.ui import i18n, labels
from offerlens.ui.engine import take_home_of

BEST_BG = QColor("#dff0d8")
BEST_FG = QColor("#1b5e20")


@dataclass
class Row:
    key: str
    label: str
    values: list[Any]  # raw values (numbers for money rows) per offer
    texts: list[str]
    best: str = ""  # "max", "min" or "" (no best)
    money: bool = False


class ComparisonView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.hint)
        self.table = QTableWidget()
        self.table.setObjectName("comparison_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(140)
        layout.addWidget(self.table, 1)
        legend = QLabel(
            self.tr("Green: the best value in the row. Grey lines: the gap to the best."))
        legend.setStyleSheet("color: palette(mid);")
        layout.addWidget(legend)
        self.rows: list[Row] = []

    def set_data(self, document, offer_ids: list[str]) -> None:
        portfolio = document.portfolio
        offers = [o for o in (portfolio.offers if portfolio else []) if o.id in offer_ids] \
            if len(offer_ids) >= 2 else list(portfolio.offers if portfolio else [])
        if len(offer_ids) >= 2:
            self.hint.setText(self.tr("Comparing the %n selected offer(s).", "", len(offers)))
        elif len(offers) >= 2:
            self.hint.setText(self.tr("Comparing all offers. Select two or more in the table "
                                      "(Ctrl+click) to compare only those."))
        else:
            self.hint.setText(self.tr("Add at least two offers to compare them."))
        evaluations = [document.evaluations.get(o.id) for o in offers]
        pairs = [(o, e) for o, e in zip(offers, evaluations, strict=True) if e is not None]
        self.rows = self._rows(pairs)
        self._render([o for o, _ in pairs])

    def _rows(self, pairs) -> list[Row]:
        from offerlens.domain.models import TIER_ORDER

        def money_row(key, label, values):
            return Row(key, label, values, [i18n.money_full(v) for v in values], "max", True)

        rows: list[Row] = []
        evs = [e for _, e in pairs]
        offers = [o for o, _ in pairs]
        rows.append(money_row("first_year_total", self.tr("Total, year 1"),
                              [e.first_year.total for e in evs]))
        rows.append(money_row("steady_total", self.tr("Total, normal year"),
                              [e.steady_state.total for e in evs]))
        rows.append(money_row("guaranteed_cash", self.tr("Guaranteed cash (a year)"),
                              [e.steady_state.guaranteed_cash for e in evs]))
        rows.append(money_row("performance", self.tr("Performance-dependent (a year)"),
                              [e.steady_state.performance for e in evs]))
        rows.append(money_row("one_off", self.tr("One-off (year 1)"),
                              [e.first_year.one_off for e in evs]))
        rows.append(money_row("equity", self.tr("Equity (average year)"),
                              [e.steady_state.equity for e in evs]))
        ths = [take_home_of(e) for e in evs]
        if ths and all(t is not None for t in ths):
            rows.append(money_row("net_year1", self.tr("Take-home, year 1"),
                                  [t.first_year.net_cash for t in ths]))
            rows.append(money_row("net_steady", self.tr("Take-home, normal year"),
                                  [t.steady_state.net_cash for t in ths]))
            rows.append(money_row("housing_fund", self.tr("Housing-fund wallet (a year)"),
                                  [t.steady_state.housing_fund_total for t in ths]))
            rows.append(money_row("hourly", self.tr("Effective hourly pay"),
                                  [t.effective_hourly_cny for t in ths]))
        ranks = [TIER_ORDER.index(e.tier.tier) if e.tier.tier else -1 for e in evs]
        rows.append(Row("tier", self.tr("Tier"), ranks,
                        [i18n.tier_label(e.tier.tier) for e in evs], "max"))
        pcts = [e.percentile.value for e in evs]
        rows.append(Row("percentile", self.tr("Percentile (estimate)"), pcts,
                        ["—" if p is None else f"P{p:.0f}" for p in pcts],
                        "max" if all(p is not None for p in pcts) else ""))
        serious = [[f for f in e.flags if f.severity.value in ("warning", "risk")] for e in evs]
        rows.append(Row("flags", self.tr("Warnings and risks"), [len(s) for s in serious],
                        ["\n".join("• " + i18n.pick(f.message, f.message_zh) for f in s) or "—"
                         for s in serious], "min"))
        rows.append(Row("employer_type", self.tr("Employer type"),
                        [o.employer_type.value for o in offers],
                        [labels.label_of(labels.employer_types(), o.employer_type.value)
                         for o in offers]))
        rows.append(Row("city", self.tr("City"), [o.city for o in offers],
                        [o.city or "—" for o in offers]))
        rows.append(Row("deadline", self.tr("Reply deadline"), [o.deadline for o in offers],
                        [o.deadline.isoformat() if o.deadline else "—" for o in offers]))
        return rows

    def best_columns(self, row: Row) -> set[int]:
        values = [v for v in row.values if v is not None]
        if not row.best or len(values) < 2 or len(set(values)) < 2:
            return set()
        target = max(values) if row.best == "max" else min(values)
        return {i for i, v in enumerate(row.values) if v == target}

    def _render(self, offers) -> None:
        t = self.table
        t.clear()
        t.setColumnCount(len(offers))
        t.setRowCount(len(self.rows))
        t.setHorizontalHeaderLabels([o.company for o in offers])
        t.setVerticalHeaderLabels([r.label for r in self.rows])
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(self.rows):
            best = self.best_columns(row)
            target = row.values[min(best)] if best else None
            for c, text in enumerate(row.texts):
                shown = text
                if row.money and best and c not in best and row.values[c] is not None:
                    gap = i18n.money_full(target - row.values[c])
                    shown = f"{text}\n" + self.tr("−%1 vs best").replace("%1", gap)
                item = QTableWidgetItem(shown)
                align = Qt.AlignmentFlag.AlignRight if row.money else Qt.AlignmentFlag.AlignLeft
                vertical = Qt.AlignmentFlag.AlignTop if row.key == "flags" else \
                    Qt.AlignmentFlag.AlignVCenter
                item.setTextAlignment(align | vertical)
                if c in best:
                    item.setBackground(QBrush(BEST_BG))
                    item.setForeground(QBrush(BEST_FG))
                    item.setFont(bold)
                    item.setToolTip(self.tr("Best in this row"))
                elif row.money and best:
                    item.setForeground(QBrush(QColor("#444444")))
                t.setItem(r, c, item)
        t.resizeRowsToContents()

    def cell_text(self, key: str, column: int) -> str:
        for r, row in enumerate(self.rows):
            if row.key == key:
                return self.table.item(r, column).text()
        raise KeyError(key)
