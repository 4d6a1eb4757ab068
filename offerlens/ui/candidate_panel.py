"""The candidate profile: who is deciding (degree, track, role family, city, deductions).

Each finished edit is validated as a whole Candidate and, when valid, pushed through the undo
stack; an invalid value stays in its field with an inline message and is not saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from offerlens.ui import labels
from offerlens.ui.offer_editor import FieldBox, set_widget_value, widget_value
from offerlens.ui.validation import localise


class CandidatePanel(QWidget):
    candidateEdited = Signal(object)  # a validated Candidate

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loading = False
        self.candidate = None
        self.boxes: dict[str, FieldBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(4)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.name = self._line("name", left, self.tr("Name"))
        self.degree = self._combo("degree", left, self.tr("Degree"), labels.degrees())
        self.track = self._combo("track", left, self.tr("Track"), labels.tracks())
        self.role = self._combo("role_family", left, self.tr("Role family"),
                                labels.role_families())
        self.city = self._line("city", left, self.tr("City"))
        self.current = self._line("current_annual_pay", left, self.tr("Current pay / year"))
        self.current.setPlaceholderText(self.tr("experienced hires"))
        self.rent = self._spin("rent_monthly", right, self.tr("Rent deduction / month"), 0, 1500,
                               100)
        self.elderly = self._spin("elderly_monthly", right, self.tr("Elderly support / month"), 0,
                                  3000, 100)
        self.children = self._spin("children", right, self.tr("Children in education"), 0, 10)
        self.infants = self._spin("infants", right, self.tr("Children under three"), 0, 10)
        self.mortgage = self._check("mortgage", right, self.tr("Mortgage interest"))
        self.education = self._check("continuing_education", right,
                                     self.tr("Continuing education"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #c62828;")
        self.banner.hide()
        grid.addWidget(self.banner, 1, 0, 1, 2)

    def _add(self, name: str, form: QFormLayout, label: str, widget: QWidget) -> None:
        box = FieldBox(widget)
        self.boxes[name] = box
        form.addRow(label, box)

    def _line(self, name, form, label) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"candidate_{name}")
        edit.editingFinished.connect(self.commit)
        self._add(name, form, label, edit)
        return edit

    def _combo(self, name, form, label, pairs) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"candidate_{name}")
        for key, text in pairs:
            combo.addItem(text, key)
        combo.currentIndexChanged.connect(self.commit)
        self._add(name, form, label, combo)
        return combo

    def _spin(self, name, form, label, lo, hi, step=1) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"candidate_{name}")
        spin.setRange(lo, hi)
        spin.setSingleStep(step)
        spin.editingFinished.connect(self.commit)
        self._add(name, form, label, spin)
        return spin

    def _check(self, name, form, label) -> QCheckBox:
        check = QCheckBox()
        check.setObjectName(f"candidate_{name}")
        check.toggled.connect(self.commit)
        self._add(name, form, label, check)
        return check

    def set_candidate(self, candidate) -> None:
        self.candidate = candidate
        self._loading = True
        try:
            self.name.setText(candidate.name)
            for combo, value in ((self.degree, candidate.degree), (self.track, candidate.track),
                                 (self.role, candidate.role_family)):
                combo.setCurrentIndex(max(combo.findData(value.value), 0))
            self.city.setText(candidate.city)
            pay = candidate.current_annual_pay
            self.current.setText("" if pay is None else str(pay))
            d = candidate.deductions
            self.rent.setValue(d.rent_monthly)
            self.elderly.setValue(d.elderly_monthly)
            self.children.setValue(d.children)
            self.infants.setValue(d.infants)
            self.mortgage.setChecked(d.mortgage)
            self.education.setChecked(d.continuing_education)
            for box in self.boxes.values():
                box.set_error("")
            self.banner.hide()
        finally:
            self._loading = False

    def form_state(self) -> dict[str, Any]:
        """The profile as shown, committed or not (for :meth:`restore_form_state`)."""
        return {"candidate": self.candidate,
                "values": {name: widget_value(box.widget) for name, box in self.boxes.items()}}

    def restore_form_state(self, state: dict[str, Any]) -> None:
        """Show what :meth:`form_state` read; values not yet committed are judged again (an
        invalid one keeps its inline message, a valid one is committed)."""
        if state["candidate"] is None:
            return
        self.set_candidate(state["candidate"])
        stored = {name: widget_value(box.widget) for name, box in self.boxes.items()}
        self._loading = True
        try:
            for name, value in state["values"].items():
                if name in self.boxes:
                    set_widget_value(self.boxes[name].widget, value)
        finally:
            self._loading = False
        if state["values"] != stored:
            self.commit()

    def raw(self) -> dict[str, Any]:
        current = self.current.text().strip().replace(",", "")
        return {
            "name": self.name.text().strip(),
            "degree": self.degree.currentData(),
            "track": self.track.currentData(),
            "role_family": self.role.currentData(),
            "city": self.city.text().strip(),
            "current_annual_pay": current or None,
            "deductions": {
                "rent_monthly": self.rent.value(),
                "elderly_monthly": self.elderly.value(),
                "children": self.children.value(),
                "infants": self.infants.value(),
                "mortgage": self.mortgage.isChecked(),
                "continuing_education": self.education.isChecked(),
            },
        }

    def commit(self, *args) -> None:
        """Validate the profile; emit it when valid and different from the stored one."""
        from pydantic import ValidationError

        from offerlens.domain.errors import field_errors
        from offerlens.domain.models import Candidate

        if self._loading or self.candidate is None:
            return
        for box in self.boxes.values():
            box.set_error("")
        self.banner.hide()
        try:
            candidate = Candidate.model_validate(self.raw())
        except ValidationError as err:
            banner = []
            for item in field_errors(err, Candidate):
                key = item.loc[-1] if item.loc else ""
                if key in self.boxes:
                    self.boxes[key].set_error(localise(item.message))
                else:
                    banner.append(localise(item.message))
            if banner:
                self.banner.setText("\n".join(banner))
                self.banner.show()
            return
        if candidate.model_dump() != self.candidate.model_dump():
            self.candidate = candidate
            self.candidateEdited.emit(candidate)
