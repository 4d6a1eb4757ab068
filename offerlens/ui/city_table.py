"""The city table editor: social-insurance and housing-fund figures per city.

Rows start from the shipped table merged with the user's edits (the domain loader). Saving
validates every row as a CityRow; rows that differ from the shipped figures are written to the
user's overrides file in the data directory. The shipped file is never touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from offerlens.ui import i18n

EDITABLE = [
    "social_base_lower",
    "social_base_upper",
    "housing_base_lower",
    "housing_base_upper",
    "pension_rate",
    "medical_rate",
    "unemployment_rate",
    "housing_rate_min",
    "housing_rate_max",
    "effective_from",
    "effective_to",
    "verified",
    "source",
]


class CityTableDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("City table: social insurance and housing fund"))
        self.resize(1180, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Contribution bases (yuan a month) and employee rates per city. Edit a cell to "
            "correct a figure; your edits are kept in your data folder and the shipped table "
            "stays unchanged. Rows marked “not verified” are assumptions."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget()
        self.table.setObjectName("city_table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.error = QLabel()
        self.error.setObjectName("city_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        reset = QPushButton(self.tr("Reset selected rows to shipped figures"))
        reset.clicked.connect(self.reset_selected)
        row.addWidget(reset)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.saved = False
        self.load()

    def headers(self) -> list[str]:
        return [
            self.tr("City"),
            self.tr("Social base, lower"),
            self.tr("Social base, upper"),
            self.tr("Housing base, lower"),
            self.tr("Housing base, upper"),
            self.tr("Pension"),
            self.tr("Medical"),
            self.tr("Unemployment"),
            self.tr("Housing rate, min"),
            self.tr("Housing rate, max"),
            self.tr("Effective from"),
            self.tr("Effective to"),
            self.tr("Verified"),
            self.tr("Source"),
        ]

    def load(self) -> None:
        from offerlens.domain.social import shipped_table
        from offerlens.ui.engine import load_city_table

        table = load_city_table()
        self.shipped = shipped_table()
        self.rows = [*table.rows.values(), table.default]
        self.table.setColumnCount(len(EDITABLE) + 1)
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            name = row.name_zh if i18n.is_zh() and row.name_zh else row.name_en
            item = QTableWidgetItem(name + (" ✎" if row.user_edited else ""))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if not row.verified or row.assumption:
                item.setForeground(QBrush(QColor("#7b5ea7")))
                item.setToolTip(self.tr("Not verified: an assumption"))
            self.table.setItem(r, 0, item)
            for c, name in enumerate(EDITABLE, start=1):
                value = getattr(row, name)
                if name == "verified":
                    cell = QTableWidgetItem()
                    cell.setFlags(cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    cell.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                else:
                    cell = QTableWidgetItem("" if value is None else str(value))
                self.table.setItem(r, c, cell)
        if table.problems:
            self.error.setText("\n".join(table.problems))
            self.error.show()

    def row_data(self, r: int) -> dict:
        base = self.rows[r].model_dump()
        for c, name in enumerate(EDITABLE, start=1):
            item = self.table.item(r, c)
            if name == "verified":
                base[name] = item.checkState() == Qt.CheckState.Checked
            else:
                text = item.text().strip()
                base[name] = text if text or name in ("source",) else None
        base.pop("user_edited", None)
        return base

    def reset_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        for r in rows:
            city_id = self.rows[r].id
            shipped = self.shipped.rows.get(city_id) or (
                self.shipped.default if city_id == self.shipped.default.id else None)
            if shipped is None:
                continue
            self.rows[r] = shipped
            for c, name in enumerate(EDITABLE, start=1):
                value = getattr(shipped, name)
                item = self.table.item(r, c)
                if name == "verified":
                    item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                else:
                    item.setText("" if value is None else str(value))

    def save(self) -> bool:
        """Validate every row; write the rows that differ from the shipped table."""
        from pydantic import ValidationError

        from offerlens.domain.errors import field_errors
        from offerlens.domain.social import CityRow
        from offerlens.ui.engine import save_city_overrides
        from offerlens.ui.validation import localise

        problems = []
        changed = []
        for r in range(self.table.rowCount()):
            for c in range(1, self.table.columnCount()):
                self.table.item(r, c).setBackground(QBrush())
            try:
                row = CityRow.model_validate(self.row_data(r))
            except ValidationError as err:
                for item in field_errors(err, CityRow):
                    name = str(item.loc[0]) if item.loc else ""
                    city = self.table.item(r, 0).text()
                    label = self.headers()[EDITABLE.index(name) + 1] if name in EDITABLE else ""
                    problems.append(f"{city}: {label + ': ' if label else ''}"
                                    f"{localise(item.message)}")
                    if name in EDITABLE:
                        self.table.item(r, EDITABLE.index(name) + 1).setBackground(
                            QBrush(QColor("#fdecea")))
                continue
            shipped = self.shipped.rows.get(row.id)
            if row.id == self.shipped.default.id:
                shipped = self.shipped.default
            if shipped is None or row.model_dump(exclude={"user_edited"}) != shipped.model_dump(
                    exclude={"user_edited"}):
                changed.append(row)
        if problems:
            self.error.setText(self.tr("Not saved:") + "\n" + "\n".join(problems))
            self.error.show()
            return False
        try:
            save_city_overrides(changed)
        except Exception as exc:  # StoreError / OSError: tell the user, keep the dialog open
            self.error.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
            self.error.show()
            return False
        self.saved = True
        self.accept()
        return True
