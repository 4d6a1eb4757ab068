"""The offers table: a QAbstractTableModel over the open portfolio, and a tier-badge delegate."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from offerlens.ui import i18n
from offerlens.ui.widgets import SEVERITY_COLOURS, TIER_COLOURS

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
TIER_ROLE = Qt.ItemDataRole.UserRole + 3

COMPANY, ROLE, CITY, FIRST_YEAR, STEADY, TIER, PERCENTILE, FLAGS = range(8)


class OffersTableModel(QAbstractTableModel):
    """One row per offer; numbers come from the document's evaluations."""

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.doc = document
        document.changed.connect(self.refresh)

    def headers(self) -> list[str]:
        return [
            self.tr("Company"),
            self.tr("Role"),
            self.tr("City"),
            self.tr("First year"),
            self.tr("Steady state"),
            self.tr("Tier"),
            self.tr("Percentile"),
            self.tr("Flags"),
        ]

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _offers(self) -> list:
        return list(self.doc.portfolio.offers) if self.doc.portfolio is not None else []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._offers())

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            if section in (FIRST_YEAR, STEADY, PERCENTILE, FLAGS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def offer_id(self, row: int) -> str | None:
        offers = self._offers()
        return offers[row].id if 0 <= row < len(offers) else None

    def row_of(self, offer_id: str) -> int:
        for i, offer in enumerate(self._offers()):
            if offer.id == offer_id:
                return i
        return -1

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        offers = self._offers()
        if not index.isValid() or index.row() >= len(offers):
            return None
        offer = offers[index.row()]
        ev = self.doc.evaluations.get(offer.id)
        col = index.column()
        if role == ID_ROLE:
            return offer.id
        if role == TIER_ROLE:
            return ev.tier.tier.value if ev and ev.tier.tier else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if col == COMPANY:
                return offer.company
            if col == ROLE:
                return offer.role
            if col == CITY:
                return offer.city
            if ev is None:
                return None if sort else "⚠"
            if col == FIRST_YEAR:
                return ev.first_year.total if sort else i18n.money(ev.first_year.total)
            if col == STEADY:
                return ev.steady_state.total if sort else i18n.money(ev.steady_state.total)
            if col == TIER:
                if sort:
                    from offerlens.domain.models import TIER_ORDER

                    return TIER_ORDER.index(ev.tier.tier) if ev.tier.tier else -1
                return i18n.tier_label(ev.tier.tier)
            if col == PERCENTILE:
                value = ev.percentile.value
                if sort:
                    return -1.0 if value is None else value
                return "—" if value is None else self.tr("P%1").replace("%1", f"{value:.0f}")
            if col == FLAGS:
                serious = [f for f in ev.flags if f.severity.value in ("warning", "risk")]
                return len(serious) if sort else (str(len(serious)) if serious else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (FIRST_YEAR, STEADY, PERCENTILE,
                                                                 FLAGS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == FLAGS and ev is not None:
            risky = any(f.severity.value == "risk" for f in ev.flags)
            return QBrush(QColor(SEVERITY_COLOURS["risk" if risky else "warning"]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if ev is None:
                return self.doc.evaluation_errors.get(offer.id, "")
            if col == FLAGS:
                return "\n".join(
                    "• " + i18n.pick(f.message, f.message_zh)
                    for f in ev.flags
                    if f.severity.value in ("warning", "risk")
                )
            if col == TIER and ev.tier.to_next_tier_cny is not None and ev.tier.next_tier:
                return self.tr("%1 to %2").replace(
                    "%1", i18n.money_full(ev.tier.to_next_tier_cny)
                ).replace("%2", i18n.tier_label(ev.tier.next_tier))
            if col == COMPANY and offer.pay:
                return offer.pay
        return None


class OffersProxy(QSortFilterProxyModel):
    """Sorts by the raw values (numbers as numbers)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if a is None or b is None:
            return (a is None) and (b is not None)
        if isinstance(a, str) and isinstance(b, str):
            return a.casefold() < b.casefold()
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class TierBadgeDelegate(QStyledItemDelegate):
    """Paints the tier cell as a coloured rounded badge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        bg, fg = TIER_COLOURS.get(index.data(TIER_ROLE), TIER_COLOURS[None])
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = option.font
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(text) + 16, option.rect.width() - 6)
        height = min(metrics.height() + 6, option.rect.height() - 4)
        rect = QRectF(
            option.rect.x() + 4,
            option.rect.y() + (option.rect.height() - height) / 2,
            width,
            height,
        )
        path = QPainterPath()
        path.addRoundedRect(rect, height / 2, height / 2)
        painter.fillPath(path, QColor(bg))
        painter.setPen(QColor(fg))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, int(width) - 8))
        painter.restore()

    def sizeHint(self, option, index):  # noqa: N802
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + 24)
        return size
