"""Small reusable widgets: tier badge, message banner, collapsible section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# tier value → (background, text colour)
TIER_COLOURS: dict[str | None, tuple[str, str]] = {
    "below_standard": ("#9e9e9e", "#ffffff"),
    "standard": ("#4f7cac", "#ffffff"),
    "sp": ("#2e8b57", "#ffffff"),
    "ssp": ("#c07a12", "#ffffff"),
    "talent_program": ("#8e3fa8", "#ffffff"),
    None: ("#607d8b", "#ffffff"),
}

SEVERITY_COLOURS = {
    "good": "#2e7d32",
    "info": "#1565c0",
    "warning": "#b26a00",
    "risk": "#c62828",
}

BANNER_STYLES = {
    "info": ("#e8f1fb", "#1d4f91", "#b7d0ee"),
    "warning": ("#fff5e0", "#7a4b00", "#f0d49a"),
    "error": ("#fdecea", "#8e1c16", "#f2b8b5"),
    "example": ("#eef7ee", "#235c26", "#bcdcbe"),
}


def tier_colour(tier_value: str | None) -> QColor:
    return QColor(TIER_COLOURS.get(tier_value, TIER_COLOURS[None])[0])


class TierBadge(QLabel):
    """A rounded, coloured label naming a tier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_tier(None, "—")

    def set_tier(self, tier_value: str | None, text: str) -> None:
        self.setText(text)
        colours = TIER_COLOURS.get(tier_value, TIER_COLOURS[None])
        if colours == getattr(self, "_colours", None):
            return  # restyling a label is costly; only when the colours change
        self._colours = colours
        bg, fg = colours
        self.setStyleSheet(
            f"QLabel {{ background: {bg}; color: {fg}; border-radius: 10px; "
            "padding: 4px 14px; font-weight: 600; font-size: 13pt; }"
        )


class Banner(QFrame):
    """A coloured strip with a message and optional action buttons; hidden when empty."""

    closed = Signal()

    def __init__(self, kind: str = "info", closable: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.setSpacing(8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self._on_close)
        self._close.setVisible(closable)
        self._layout.addWidget(self._close)
        self.set_kind(kind)
        self.hide()

    def set_kind(self, kind: str) -> None:
        bg, fg, border = BANNER_STYLES.get(kind, BANNER_STYLES["info"])
        self.setStyleSheet(
            f"QFrame#banner {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"
            f" QFrame#banner QLabel {{ color: {fg}; }}"
        )

    def add_button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self._layout.insertWidget(self._layout.count() - 1, button)
        self._buttons.append(button)
        return button

    def show_message(self, text: str, kind: str | None = None) -> None:
        if kind:
            self.set_kind(kind)
        self.label.setText(text)
        self.setVisible(bool(text))

    def _on_close(self) -> None:
        self.hide()
        self.closed.emit()


class Collapsible(QWidget):
    """A header button that shows or hides a body widget."""

    def __init__(self, title: str, body: QWidget, expanded: bool = False, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setChecked(expanded)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("QToolButton { font-weight: 600; border: none; }")
        self.button.toggled.connect(self.set_expanded)
        self.body = body
        layout.addWidget(self.button)
        layout.addWidget(body)
        body.setVisible(expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.button.setChecked(expanded)
        self.button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def set_title(self, title: str) -> None:
        self.button.setText(title)


def heading(text: str, size: int = 11) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"font-weight: 600; font-size: {size}pt;")
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
