"""The offer form: every Offer field, a quick-entry box, inline validation, Apply/Revert.

The form keeps the raw text of each field. On every change the whole Offer model is validated;
each error is shown under the field it belongs to, errors without a field go to the banner,
and Apply stays disabled until the offer is valid. Only a validated Offer ever leaves the form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from offerlens.ui import i18n, labels
from offerlens.ui.validation import localise
from offerlens.ui.widgets import Banner

TEXT_FIELDS = ("company", "role", "city", "level", "talent_program")
INT_FIELDS = (
    "monthly_base",
    "annual_package",
    "annual_package_high",
    "sign_on",
    "sign_on_clawback_months",
    "annual_bonus",
    "allowances_monthly",
    "breach_penalty",
)
FLOAT_FIELDS = ("months", "months_high", "guaranteed_months", "hours_per_week")
DATE_FIELDS = ("deadline", "start_date")
PAY_FIELDS = (
    "monthly_base",
    "months",
    "months_high",
    "guaranteed_months",
    "annual_package",
    "annual_package_high",
    "sign_on",
    "annual_bonus",
    "allowances_monthly",
    "housing_fund_rate",
)
ERROR_STYLE = "border: 1px solid #c62828; border-radius: 3px;"


def widget_value(widget: QWidget) -> Any:
    """What a form widget holds, in a form independent of the interface language."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    return None


def set_widget_value(widget: QWidget, value: Any) -> None:
    """Put back what :func:`widget_value` read."""
    if value is None:
        return
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value)


def _fmt_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class FieldBox(QWidget):
    """An input widget with its inline error line underneath."""

    def __init__(self, widget: QWidget, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.widget = widget
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-size: 9pt;")
        self.error.hide()
        layout.addWidget(widget)
        layout.addWidget(self.error)
        self._style = widget.styleSheet()

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.widget.setToolTip(text)
        self.widget.setStyleSheet(ERROR_STYLE if text else self._style)


class OfferEditor(QWidget):
    """Edits one offer (or a new one) and emits validated drafts."""

    draftChanged = Signal(object)  # a valid Offer, or None while invalid/empty
    applyRequested = Signal(object)  # the validated Offer to store

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.original = None  # the Offer being edited; None for a new offer
        self.candidate_city = ""
        self.draft = None
        self.errors: dict[str, str] = {}
        self.banner_errors: list[str] = []
        self._loading = False
        self.boxes: dict[str, FieldBox] = {}
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(0)
        self._validate_timer.timeout.connect(self.validate)
        self._build()
        self.set_offer(None)

    # -- construction ----------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        self.boxes[name] = FieldBox(edit)
        return edit

    def _spin(self, name: str, low: int, high: int, decimals: int | None = None,
              suffix: str = "") -> QSpinBox | QDoubleSpinBox:
        """A spin box (whole numbers, or ``decimals`` places) from ``low`` to ``high``."""
        spin = QSpinBox() if decimals is None else QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        if decimals is not None:
            spin.setDecimals(decimals)
        if suffix:
            spin.setSuffix(suffix)
        spin.valueChanged.connect(self._changed)
        self.boxes[name] = FieldBox(spin)
        return spin

    def _combo(self, name: str, pairs: list[tuple[str, str]], none_label: str | None = None):
        combo = QComboBox()
        combo.setObjectName(name)
        if none_label is not None:
            combo.addItem(none_label, None)
        for key, label in pairs:
            combo.addItem(label, key)
        combo.currentIndexChanged.connect(self._changed)
        self.boxes[name] = FieldBox(combo)
        return combo

    def _check(self, name: str, text: str) -> QCheckBox:
        check = QCheckBox(text)
        check.setObjectName(name)
        check.toggled.connect(self._changed)
        self.boxes[name] = FieldBox(check)
        return check

    def _form(self, title: str, names: list[str]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        names_map = labels.field_labels()
        for name in names:
            box = self.boxes[name]
            if isinstance(box.widget, QCheckBox):
                form.addRow("", box)
            else:
                label = QLabel(names_map[name])
                label.setBuddy(box.widget)
                form.addRow(label, box)
        return group

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        outer.addWidget(self.title)

        quick = QGroupBox(self.tr("Quick entry"))
        q = QVBoxLayout(quick)
        row = QHBoxLayout()
        self.quick = QLineEdit()
        self.quick.setObjectName("quick_entry")
        self.quick.setPlaceholderText(self.tr("e.g. 35k*16 + 签字费10w"))
        self.quick.setToolTip(self.tr(
            "Quick entry understands: 35k*16 (monthly base × paid months), 18k*(14-16), 50w "
            "(annual package), 签字费10w or 10w签字费 (sign-on), 年终奖3个月 (a year-end bonus in "
            "months on top of the paid months), 年终奖5w, 股票40w/4年 (equity), 房补1500/月 "
            "(allowance), 公积金12% (housing fund), 保底13薪 (guaranteed months). Separate items "
            "with + or a comma."
        ))
        self.quick.returnPressed.connect(self.fill_from_quick)
        self.quick_button = QPushButton(self.tr("Fill form"))
        self.quick_button.clicked.connect(self.fill_from_quick)
        row.addWidget(self.quick, 1)
        row.addWidget(self.quick_button)
        q.addLayout(row)
        self.understood = QLabel()
        self.understood.setObjectName("understood")
        self.understood.setWordWrap(True)
        self.understood.setStyleSheet("color: #2e7d32;")
        self.ambiguity = QLabel()
        self.ambiguity.setObjectName("ambiguity")
        self.ambiguity.setWordWrap(True)
        self.ambiguity.setStyleSheet("color: #9a5b00;")
        self.quick_error = QLabel()
        self.quick_error.setObjectName("quick_error")
        self.quick_error.setWordWrap(True)
        self.quick_error.setStyleSheet("color: #c62828;")
        for label in (self.understood, self.ambiguity, self.quick_error):
            label.hide()
            q.addWidget(label)
        outer.addWidget(quick)

        self.banner = Banner("error", closable=False)
        outer.addWidget(self.banner)

        # fields
        self._line("company", self.tr("required"))
        self._line("role")
        self._line("city", self.tr("e.g. Beijing / 北京"))
        self._combo("employer_type", labels.employer_types())
        self._line("level", self.tr("e.g. P6, 2-1"))
        self._combo("kind", labels.offer_kinds())
        self._line("deadline", "YYYY-MM-DD")
        self._line("start_date", "YYYY-MM-DD")
        self._line("monthly_base", self.tr("yuan per month"))
        self._line("months", "15")
        self._line("months_high", self.tr("optional"))
        self._line("guaranteed_months", "13")
        self._line("annual_package", self.tr("when no monthly split is known"))
        self._line("annual_package_high", self.tr("optional"))
        self._line("sign_on", "0")
        self._line("sign_on_clawback_months", "0")
        self._line("annual_bonus", "0")
        self._check("annual_bonus_guaranteed", labels.field_labels()["annual_bonus_guaranteed"])
        self._line("allowances_monthly", "0")
        self._line("grant_value", self.tr("yuan, whole grant"))
        self._line("years", "4")
        self._line("schedule_shares", self.tr("e.g. 25, 25, 25, 25 (even when empty)"))
        self._line("cliff_months", "0")
        self._combo("equity_kind", labels.equity_kinds())
        self._line("talent_program", self.tr("e.g. 天才少年 Genius Youth"))
        self._combo("hr_tier", labels.tiers(), self.tr("— not said —"))
        self._check("non_compete", labels.field_labels()["non_compete"])
        hukou = QComboBox()
        hukou.setObjectName("hukou")
        hukou.addItem(self.tr("— unknown —"), None)
        hukou.addItem(self.tr("Offered"), True)
        hukou.addItem(self.tr("Not offered"), False)
        hukou.currentIndexChanged.connect(self._changed)
        self.boxes["hukou"] = FieldBox(hukou)
        self._combo("schedule", labels.schedules())
        self._line("hours_per_week", self.tr("only for a custom schedule"))
        self._line("breach_penalty", "0")
        self._spin("housing_fund_rate", 5, 12, decimals=1, suffix=" %")
        self._spin("probation_months", 0, 6)
        self._spin("probation_rate", 80, 100, decimals=0, suffix=" %")
        self._combo("first_year_bonus", labels.bonus_rules())
        notes = QPlainTextEdit()
        notes.setObjectName("notes")
        notes.setFixedHeight(70)
        notes.textChanged.connect(self._changed)
        self.boxes["notes"] = FieldBox(notes)

        body = QWidget()
        form_layout = QVBoxLayout(body)
        form_layout.setContentsMargins(0, 0, 6, 0)
        form_layout.setSpacing(10)
        form_layout.addWidget(self._form(self.tr("Offer"), [
            "company", "role", "city", "employer_type", "level", "kind", "deadline",
            "start_date"]))
        form_layout.addWidget(self._form(self.tr("Pay"), [
            "monthly_base", "months", "months_high", "guaranteed_months", "annual_package",
            "annual_package_high", "sign_on", "sign_on_clawback_months", "annual_bonus",
            "annual_bonus_guaranteed", "allowances_monthly"]))
        self.equity_group = self._form(self.tr("Equity"), [
            "grant_value", "years", "schedule_shares", "cliff_months", "equity_kind"])
        self.equity_group.setCheckable(True)
        self.equity_group.toggled.connect(self._changed)
        form_layout.addWidget(self.equity_group)
        form_layout.addWidget(self._form(self.tr("Terms"), [
            "talent_program", "hr_tier", "schedule", "hours_per_week", "non_compete", "hukou",
            "breach_penalty"]))
        form_layout.addWidget(self._form(self.tr("Take-home settings"), [
            "housing_fund_rate", "probation_months", "probation_rate", "first_year_bonus"]))
        form_layout.addWidget(self._form(self.tr("Notes"), ["notes"]))
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(mid);")
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("apply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        outer.addLayout(buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.apply)

    # -- reading and writing widgets ---------------------------------------------------------

    def widget(self, name: str) -> QWidget:
        return self.boxes[name].widget

    def set_offer(self, offer, candidate_city: str = "") -> None:
        """Show ``offer`` (None: an empty form for a new offer)."""
        self.original = offer
        self.candidate_city = candidate_city
        self._loading = True
        try:
            self._fill(offer)
            self.quick.setText(offer.pay if offer is not None else "")
            for label in (self.understood, self.ambiguity, self.quick_error):
                label.hide()
        finally:
            self._loading = False
        self.title.setText(offer.company if offer is not None else self.tr("New offer"))
        self.apply_button.setText(self.tr("Apply") if offer is not None else self.tr("Add offer"))
        self.validate()

    def _fill(self, offer) -> None:
        from offerlens.domain.models import Offer

        if offer is None:
            values = {name: info.default for name, info in Offer.model_fields.items()
                      if not info.is_required() and info.default_factory is None}
            values["company"] = ""
        else:
            values = offer.model_dump()
        for name in TEXT_FIELDS + DATE_FIELDS:
            value = values.get(name)
            self.widget(name).setText("" if value is None else str(value))
        for name in INT_FIELDS + FLOAT_FIELDS:
            self.widget(name).setText(_fmt_number(values.get(name)))
        for name in ("employer_type", "kind", "hr_tier", "schedule", "first_year_bonus"):
            combo: QComboBox = self.widget(name)
            value = values.get(name)
            value = getattr(value, "value", value)
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
        hukou: QComboBox = self.widget("hukou")
        hukou.setCurrentIndex({None: 0, True: 1, False: 2}[values.get("hukou")])
        self.widget("annual_bonus_guaranteed").setChecked(
            bool(values.get("annual_bonus_guaranteed")))
        self.widget("non_compete").setChecked(bool(values.get("non_compete")))
        self.widget("housing_fund_rate").setValue(
            100 * float(values.get("housing_fund_rate", 0.12)))
        self.widget("probation_months").setValue(int(values.get("probation_months", 0)))
        self.widget("probation_rate").setValue(100 * float(values.get("probation_rate", 1.0)))
        self.widget("notes").setPlainText(values.get("notes") or "")
        equity = values.get("equity")
        self.equity_group.setChecked(equity is not None)
        equity = equity or {}
        self.widget("grant_value").setText(_fmt_number(equity.get("grant_value")))
        self.widget("years").setText(_fmt_number(equity.get("years", 4)))
        shares = equity.get("schedule")
        self.widget("schedule_shares").setText(
            ", ".join(_fmt_number(round(s * 100, 4)) for s in shares) if shares else ""
        )
        self.widget("cliff_months").setText(_fmt_number(equity.get("cliff_months", 0)))
        kind = self.widget("equity_kind")
        kind.setCurrentIndex(max(kind.findData(getattr(equity.get("kind"), "value",
                                                           equity.get("kind") or "rsu")), 0))

    def raw(self) -> dict[str, Any]:
        """The form's values as an Offer input dict (raw text for pydantic to judge)."""
        data: dict[str, Any] = {}
        if self.original is not None:
            data["id"] = self.original.id
        for name in TEXT_FIELDS:
            data[name] = self.widget(name).text().strip()
        for name in INT_FIELDS + FLOAT_FIELDS + DATE_FIELDS:
            text = self.widget(name).text().strip().replace(",", "").replace("，", "")
            if text:
                data[name] = text
            elif name in ("months", "guaranteed_months", "sign_on", "sign_on_clawback_months",
                          "annual_bonus", "allowances_monthly", "breach_penalty"):
                continue  # the model's default
            else:
                data[name] = None
        for name in ("employer_type", "kind", "hr_tier", "schedule", "first_year_bonus"):
            data[name] = self.widget(name).currentData()
        data["hukou"] = self.widget("hukou").currentData()
        data["annual_bonus_guaranteed"] = self.widget("annual_bonus_guaranteed").isChecked()
        data["non_compete"] = self.widget("non_compete").isChecked()
        data["housing_fund_rate"] = round(self.widget("housing_fund_rate").value() / 100, 4)
        data["probation_months"] = self.widget("probation_months").value()
        data["probation_rate"] = round(self.widget("probation_rate").value() / 100, 4)
        data["notes"] = self.widget("notes").toPlainText()
        if self.equity_group.isChecked():
            equity: dict[str, Any] = {}
            for name, key in (("grant_value", "grant_value"), ("years", "years"),
                              ("cliff_months", "cliff_months")):
                text = self.widget(name).text().strip().replace(",", "")
                if text:
                    equity[key] = text
                elif key == "grant_value":
                    equity[key] = None
            shares = self.widget("schedule_shares").text().strip()
            if shares:
                parts = [p for p in shares.replace("，", ",").replace("/", ",").split(",")
                         if p.strip()]
                equity["schedule"] = [p.strip().rstrip("%") for p in parts]
            equity["kind"] = self.widget("equity_kind").currentData()
            data["equity"] = equity
        else:
            data["equity"] = None
        if data.get("monthly_base") or data.get("annual_package"):
            data["pay"] = self.quick.text().strip()
        return data

    # -- validation ------------------------------------------------------------------------

    def _changed(self, *args) -> None:
        if not self._loading:
            self._validate_timer.start()

    def _route(self, loc: tuple) -> str:
        if not loc:
            return ""
        head = loc[0]
        if head == "equity":
            sub = loc[1] if len(loc) > 1 else "schedule"
            return {"schedule": "schedule_shares", "kind": "equity_kind"}.get(sub, sub)
        if head == "pay":
            return ""
        return str(head) if head in self.boxes else ""

    def validate(self):
        """Validate the whole form; route errors; emit the draft. Returns the Offer or None."""
        from pydantic import ValidationError

        from offerlens.domain.errors import field_errors
        from offerlens.domain.models import Offer

        self._validate_timer.stop()
        errors: dict[str, str] = {}
        banner: list[str] = []
        draft = None
        data = self.raw()
        try:
            draft = Offer.model_validate(data)
            if draft.pay != self.quick.text().strip():
                draft = draft.model_copy(update={"pay": self.quick.text().strip()[:200]})
        except ValidationError as err:
            names = labels.field_labels()
            for item in field_errors(err, Offer):
                target = self._route(item.loc)
                message = localise(item.message)
                if target:
                    errors.setdefault(target, message)
                else:
                    where = names.get(str(item.loc[0]), "") if item.loc else ""
                    banner.append(f"{where}: {message}" if where else message)
        self.errors = errors
        self.banner_errors = banner
        for name, box in self.boxes.items():
            box.set_error(errors.get(name, ""))
        self.banner.show_message("\n".join(banner))
        self.draft = draft
        changed = draft is not None and (
            self.original is None or draft.model_dump() != self.original.model_dump()
        )
        self.apply_button.setEnabled(draft is not None and (changed or self.original is None))
        self.revert_button.setEnabled(self.original is not None and (changed or draft is None))
        if draft is None:
            count = len(errors) + len(banner)
            self.status.setText(self.tr("%n problem(s) to fix before this can be saved", "",
                                        count))
        elif changed and self.original is not None:
            self.status.setText(self.tr("Changes not applied yet"))
        else:
            self.status.setText("")
        self.draftChanged.emit(draft)
        return draft

    def form_state(self) -> dict[str, Any]:
        """Everything the form holds, applied or not, valid or not (see
        :meth:`restore_form_state`): what a rebuilt form needs to look the same."""
        return {
            "original": self.original,
            "candidate_city": self.candidate_city,
            "values": {name: widget_value(box.widget) for name, box in self.boxes.items()},
            "equity": self.equity_group.isChecked(),
            "quick": self.quick.text(),
            "quick_read": any(not label.isHidden()
                              for label in (self.understood, self.ambiguity, self.quick_error)),
        }

    def restore_form_state(self, state: dict[str, Any]) -> None:
        """Show what :meth:`form_state` read (from this form or another one, e.g. the same
        form built again in another language), pending edits and errors included."""
        self.set_offer(state["original"], state["candidate_city"])
        self._loading = True
        try:
            for name, value in state["values"].items():
                if name in self.boxes:
                    set_widget_value(self.boxes[name].widget, value)
            self.equity_group.setChecked(state["equity"])
            self.quick.setText(state["quick"])
        finally:
            self._loading = False
        if state["quick_read"]:
            self.describe_quick()
        self.validate()

    @property
    def has_pending_changes(self) -> bool:
        """True when the form differs from the stored offer (valid or not)."""
        if self.original is None:
            return bool(self.widget("company").text().strip() or self.quick.text().strip())
        return self.draft is None or self.draft.model_dump() != self.original.model_dump()

    # -- actions ---------------------------------------------------------------------------

    def _parse_quick(self):
        """The quick-entry box parsed (None when empty or not understood, which is shown)."""
        from offerlens.domain.parser import ParseError, parse_pay

        text = self.quick.text().strip()
        self.understood.hide()
        self.ambiguity.hide()
        self.quick_error.hide()
        if not text:
            return None
        try:
            return parse_pay(text)
        except ParseError as err:
            msg = err.message_zh if i18n.is_zh() else str(err)
            self.quick_error.setText(self.tr("Not understood: %1").replace("%1", msg))
            self.quick_error.show()
            return None

    def _show_quick_reading(self, result) -> None:
        understood = result.understood_zh if i18n.is_zh() and result.understood_zh \
            else result.understood
        ambiguities = result.ambiguities_zh if i18n.is_zh() and result.ambiguities_zh \
            else result.ambiguities
        self.understood.setText(self.tr("Understood: %1").replace("%1", "; ".join(understood)))
        self.understood.setVisible(bool(understood))
        if ambiguities:
            self.ambiguity.setText(self.tr("Check: %1").replace("%1", "; ".join(ambiguities)))
            self.ambiguity.show()

    def describe_quick(self) -> None:
        """Say again how the quick-entry text reads (in the current language), filling nothing."""
        result = self._parse_quick()
        if result is not None:
            self._show_quick_reading(result)

    def fill_from_quick(self) -> bool:
        """Read the quick-entry box and fill the pay fields; show what was understood."""
        from offerlens.domain.models import Offer

        result = self._parse_quick()
        if result is None:
            return False
        defaults = Offer.model_fields
        self._loading = True
        try:
            for name in PAY_FIELDS:
                value = result.fields.get(name, defaults[name].default)
                if name == "housing_fund_rate":
                    self.widget(name).setValue(100 * float(value))
                else:
                    self.widget(name).setText(_fmt_number(value))
            equity = result.fields.get("equity")
            self.equity_group.setChecked(equity is not None)
            if equity:
                self.widget("grant_value").setText(_fmt_number(equity.get("grant_value")))
                self.widget("years").setText(_fmt_number(equity.get("years", 4)))
                self.widget("schedule_shares").setText("")
                self.widget("cliff_months").setText(_fmt_number(equity.get("cliff_months", 0)))
                kind = self.widget("equity_kind")
                kind.setCurrentIndex(max(kind.findData(equity.get("kind", "rsu")), 0))
        finally:
            self._loading = False
        self._show_quick_reading(result)
        self.validate()
        return True

    def apply(self) -> None:
        draft = self.validate()
        if draft is None or not self.apply_button.isEnabled():
            return
        self.applyRequested.emit(draft)

    def revert(self) -> None:
        self.set_offer(self.original, self.candidate_city)

    def focus_quick_entry(self) -> None:
        self.quick.setFocus()
        self.quick.selectAll()
