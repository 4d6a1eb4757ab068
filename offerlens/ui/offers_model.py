"""The offers table: a QAbstractTableModel over the open portfolio, and a tier-badge delegate."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
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


PENDING = "…"  # a figure the engine has not computed yet (the row was named from the file)


class RowView(NamedTuple):
    """What one table row shows: the offer's names and the engine's figures for it.

    Built from an offer and its evaluation (:func:`row_from_evaluation`) or read back from the
    start-up cache of those same figures (``offerlens.ui.table_cache``); the table renders both
    the same way.
    """

    id: str
    company: str
    role: str
    city: str
    pay: str = ""
    error: str | None = None  # the engine failed on this offer (no figures)
    evaluated: bool = False
    first_year: int = 0
    steady: int = 0
    tier: str | None = None  # Tier value
    tier_rank: int = -1  # position in TIER_ORDER (-1: no tier)
    tier_label: tuple[str, str] | None = None  # (English, Chinese); None: no tier
    next_tier_label: tuple[str, str] | None = None
    to_next: int | None = None
    percentile: float | None = None
    flags: tuple[tuple[str, str, str], ...] = ()  # serious flags: (severity, message, message_zh)
    risky: bool = False
    pending: bool = False  # named from the file before the engine has run (figures follow)


def row_from_evaluation(offer, ev, error: str | None = None) -> RowView:
    """The row for ``offer`` from the engine's evaluation (``ev`` None: not evaluated)."""
    base = dict(id=offer.id, company=offer.company, role=offer.role, city=offer.city,
                pay=offer.pay or "")
    if ev is None:
        return RowView(**base, error=error)
    from offerlens.domain.labels import TIER_LABELS
    from offerlens.domain.models import TIER_ORDER

    tier = ev.tier.tier
    next_tier = ev.tier.next_tier
    return RowView(
        **base,
        evaluated=True,
        first_year=ev.first_year.total,
        steady=ev.steady_state.total,
        tier=tier.value if tier else None,
        tier_rank=TIER_ORDER.index(tier) if tier else -1,
        tier_label=tuple(TIER_LABELS[tier]) if tier else None,
        next_tier_label=tuple(TIER_LABELS[next_tier]) if next_tier else None,
        to_next=ev.tier.to_next_tier_cny,
        percentile=ev.percentile.value,
        flags=tuple((f.severity.value, f.message, f.message_zh or "") for f in ev.flags
                    if f.severity.value in ("warning", "risk")),
        risky=any(f.severity.value == "risk" for f in ev.flags),
    )


def _tier_text(label: tuple[str, str] | None) -> str:
    if label is None:
        return QCoreApplication.translate("i18n", "no tier (experienced)")
    return label[1] if i18n.is_zh() else label[0]


class OffersTableModel(QAbstractTableModel):
    """One row per offer; numbers come from the document's evaluations.

    Before the document has loaded, the rows can come from the cache of the engine's previous
    output for the same portfolio file (:meth:`show_cached`); the first change of the document
    replaces them with the engine's own.
    """

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.doc = document
        self.cached: list[RowView] | None = None
        self.preview = False  # the cached rows only name the offers (no figures yet)
        self._rows: list[RowView] | None = None
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
        if self.doc.portfolio is not None:
            self.cached = None
        self._rows = None
        self.endResetModel()

    def show_cached(self, rows: list[RowView], preview: bool = False) -> None:
        """Show the cached rows until the document has a portfolio (``preview``: rows that
        only name the offers, read from the file before the engine has run)."""
        self.beginResetModel()
        self.cached = list(rows)
        self.preview = preview
        self._rows = None
        self.endResetModel()

    @property
    def showing_cache(self) -> bool:
        return self.doc.portfolio is None and self.cached is not None

    def rows(self) -> list[RowView]:
        if self._rows is None:
            if self.doc.portfolio is None:
                self._rows = list(self.cached or [])
            else:
                evaluations, errors = self.doc.evaluations, self.doc.evaluation_errors
                self._rows = [row_from_evaluation(o, evaluations.get(o.id), errors.get(o.id))
                              for o in self.doc.portfolio.offers]
        return self._rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        if self.doc.portfolio is not None:
            return len(self.doc.portfolio.offers)
        return len(self.cached or [])

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
        rows = self.rows()
        return rows[row].id if 0 <= row < len(rows) else None

    def row_of(self, offer_id: str) -> int:
        for i, row in enumerate(self.rows()):
            if row.id == offer_id:
                return i
        return -1

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        rows = self.rows()
        if not index.isValid() or index.row() >= len(rows):
            return None
        row = rows[index.row()]
        evaluated = row.evaluated
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role == TIER_ROLE:
            return row.tier if evaluated else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if col == COMPANY:
                return row.company
            if col == ROLE:
                return row.role
            if col == CITY:
                return row.city
            if not evaluated:
                return None if sort else (PENDING if row.pending else "⚠")
            if col == FIRST_YEAR:
                return row.first_year if sort else i18n.money(row.first_year)
            if col == STEADY:
                return row.steady if sort else i18n.money(row.steady)
            if col == TIER:
                return row.tier_rank if sort else _tier_text(row.tier_label)
            if col == PERCENTILE:
                value = row.percentile
                if sort:
                    return -1.0 if value is None else value
                return "—" if value is None else self.tr("P%1").replace("%1", f"{value:.0f}")
            if col == FLAGS:
                count = len(row.flags)
                return count if sort else (str(count) if count else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (FIRST_YEAR, STEADY, PERCENTILE,
                                                                 FLAGS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == FLAGS and evaluated:
            return QBrush(QColor(SEVERITY_COLOURS["risk" if row.risky else "warning"]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if not evaluated:
                return row.error or ""
            if col == FLAGS:
                return "\n".join("• " + i18n.pick(message, message_zh)
                                 for _severity, message, message_zh in row.flags)
            if col == TIER and row.to_next is not None and row.next_tier_label:
                return self.tr("%1 to %2").replace(
                    "%1", i18n.money_full(row.to_next)
                ).replace("%2", _tier_text(row.next_tier_label))
            if col == COMPANY and row.pay:
                return row.pay
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
        if not text or text == PENDING:  # no badge for a tier still to come
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
