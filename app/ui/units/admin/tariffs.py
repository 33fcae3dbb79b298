"""Tariffs per Jalali year: every amount the rules charge (app.domain.rules.tariffs), edited here and stored in the
database (``tariff_year``), never in code. A new year starts as a copy of the latest one."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, ValidationError
from app.domain.money import group_digits, parse_rials
from app.domain.rules.tariffs import TariffYear
from app.domain.text import digits_to_ascii, to_persian_digits
from app.ui.cartable import digits
from app.ui.context import UiContext
from app.ui.messages import error_text
from app.ui.qt_app import current_language
from app.ui.units.admin.common import message_label, show_message

_Index = QModelIndex | QPersistentModelIndex

# (key in TariffYear.to_dict, kind): "map" = rials per sub-key, "int" = rials, "rate" = decimal, "pairs" = low-high.
FIELDS: tuple[tuple[str, str], ...] = (
    ("regional_price_per_m2", "map"),
    ("assessed_value_per_m2", "map"),
    ("building_value_per_m2", "map"),
    ("renovation_rate", "rate"),
    ("waste_rate_per_m2", "map"),
    ("waste_minimum_per_unit", "int"),
    ("excavation_rate_per_m3", "int"),
    ("excavation_minimum", "int"),
    ("drilling_rate_per_metre_day", "map"),
    ("sticker_annual_fee", "int"),
    ("sticker_replacement_fee", "map"),
    ("sticker_refund_deduction", "int"),
    ("article100_multipliers", "pairs"),
)

FIELD_TITLES_FA: dict[str, str] = {
    "regional_price_per_m2": "قیمت منطقه‌ای هر متر مربع (ریال)",
    "assessed_value_per_m2": "ارزش معاملاتی هر متر مربع (ریال)",
    "building_value_per_m2": "ارزش ساختمان هر متر مربع (ریال)",
    "renovation_rate": "نرخ عوارض نوسازی",
    "waste_rate_per_m2": "نرخ پسماند هر متر مربع (ریال)",
    "waste_minimum_per_unit": "حداقل پسماند هر واحد (ریال)",
    "excavation_rate_per_m3": "نرخ خاک‌برداری هر متر مکعب (ریال)",
    "excavation_minimum": "حداقل خاک‌برداری (ریال)",
    "drilling_rate_per_metre_day": "نرخ حفاری هر متر در روز (ریال)",
    "sticker_annual_fee": "عوارض سالانه طرح ترافیک (ریال)",
    "sticker_replacement_fee": "هزینه المثنی برچسب (ریال)",
    "sticker_refund_deduction": "کسر از استرداد برچسب (ریال)",
    "article100_multipliers": "ضریب جریمه ماده ۱۰۰ (کمینه-بیشینه)",
}
KEY_TITLES_FA: dict[str, str] = {
    "*": "پیش‌فرض شهر",
    "steel_concrete": "اسکلت فلزی و بتنی",
    "masonry": "بنایی",
    "other": "سایر",
    "residential": "مسکونی",
    "commercial": "تجاری",
    "office": "اداری",
    "asphalt": "آسفالت",
    "sidewalk": "پیاده‌رو",
    "unpaved": "خاکی",
    "lost": "مفقودی",
    "damaged": "خرابی",
}


class TariffModel(QAbstractTableModel):
    """One row per amount of a year's table; the value column is editable (Persian digits and separators accepted).
    Values are kept as typed until ``to_dict`` turns them back into the JSON form, naming the row at fault."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []  # [field, key, kind, value text]
        self._base: dict[str, Any] = {}
        self.dirty = False

    def set_year(self, data: dict[str, Any]) -> None:
        self.beginResetModel()
        self._base = dict(data)
        self._rows = []
        for field, kind in FIELDS:
            value = data.get(field)
            if kind == "map" and isinstance(value, dict):
                keys = sorted(value, key=lambda k: (k != "*", len(k.split("-")), k))
                for key in keys:
                    self._rows.append([field, key, kind, str(value[key])])
            elif kind == "pairs" and isinstance(value, dict):
                for key in sorted(value):
                    low, high = value[key]
                    self._rows.append([field, key, kind, f"{low}-{high}"])
            else:
                self._rows.append([field, "", kind, str(value)])
        self.endResetModel()
        self.dirty = False

    def add_price(self, field: str, key: str, amount: int) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([field, key, "map", str(amount)])
        self.endInsertRows()
        self.dirty = True

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("For"), self.tr("Amount or rate"))[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else flags

    def _shown(self, kind: str, text: str) -> str:
        persian = current_language() == "fa"
        if kind in ("map", "int"):
            with contextlib.suppress(ValueError):
                text = group_digits(int(text)) if persian else f"{int(text):,}"
        return to_persian_digits(text) if persian else text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field, key, kind, value = self._rows[index.row()]
        persian = current_language() == "fa"
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return FIELD_TITLES_FA.get(field, field) if persian else field.replace("_", " ")
            if index.column() == 1:
                title = KEY_TITLES_FA.get(key) if persian else None
                return title or f"\u2066{to_persian_digits(key) if persian else key}\u2069"  # left-to-right: 1-4-76
            return self._shown(kind, value)
        if role == Qt.ItemDataRole.EditRole and index.column() == 2:
            return to_persian_digits(value) if persian else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and self._problem(index.row()):
            return QColor("#b71c1c")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 2:
            return False
        self._rows[index.row()][3] = digits_to_ascii(str(value)).strip()
        self.dirty = True
        self.dataChanged.emit(index, index)
        return True

    def set_value(self, field: str, key: str, text: str) -> None:
        for i, row in enumerate(self._rows):
            if row[0] == field and row[1] == key:
                self.setData(self.index(i, 2), text)
                return
        raise KeyError((field, key))

    def value(self, field: str, key: str = "") -> str:
        return next(r[3] for r in self._rows if r[0] == field and r[1] == key)

    def _problem(self, row: int) -> bool:
        try:
            self._parse(self._rows[row])
        except ValidationError:
            return True
        return False

    @staticmethod
    def _parse(row: list[str]) -> Any:
        field, key, kind, text = row
        name = f"{field}.{key}" if key else field
        if kind in ("map", "int"):
            try:
                return parse_rials(text)
            except ValidationError:
                raise ValidationError("tariff.invalid", field=name, value=text) from None
        if kind == "pairs":
            parts = [p.strip() for p in text.replace("–", "-").split("-")]
            if len(parts) != 2 or not all(_is_decimal(p) for p in parts):
                raise ValidationError("tariff.invalid", field=name, value=text)
            return parts
        if kind == "rate" and not _is_decimal(text):
            raise ValidationError("tariff.invalid", field=name, value=text)
        return text

    def to_dict(self) -> dict[str, Any]:
        data = dict(self._base)
        for field, kind in FIELDS:
            if kind in ("map", "pairs"):
                data[field] = {}
        for row in self._rows:
            value = self._parse(row)
            field, key = row[0], row[1]
            if key:
                data[field][key] = value
            else:
                data[field] = value
        return data


def _is_decimal(text: str) -> bool:
    head, _, tail = text.partition(".")
    return bool(head or tail) and (head.isdigit() or not head) and (tail.isdigit() or not tail) and text.isascii()


class TariffsPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("admin-tariffs")
        self._years: dict[int, dict[str, Any]] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:"), self))
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("tariff-year")
        self.year_combo.currentIndexChanged.connect(lambda _i: self._show_year())
        top.addWidget(self.year_combo)
        self.new_year_button = QPushButton(self.tr("New year…"), self)
        self.new_year_button.setObjectName("new-tariff-year")
        self.new_year_button.setToolTip(self.tr("A new year's table, starting as a copy of the latest year"))
        self.new_year_button.clicked.connect(self.ask_new_year)
        top.addWidget(self.new_year_button)
        self.add_price_button = QPushButton(self.tr("Price for a location…"), self)
        self.add_price_button.setObjectName("add-location-price")
        self.add_price_button.setToolTip(
            self.tr("Add a price per m² for a district, precinct or block (1, 1-4, 1-4-76)")
        )
        self.add_price_button.clicked.connect(self.ask_location_price)
        top.addWidget(self.add_price_button)
        top.addStretch(1)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("tariff-demo-warning")
        self.demo_label.setProperty("role", "fieldMessage")
        top.addWidget(self.demo_label)
        layout.addLayout(top)
        self.model = TariffModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("tariff-table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save the year's table"), self)
        self.save_button.setObjectName("save-tariffs")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revert-tariffs")
        self.revert_button.clicked.connect(self._show_year)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.revert_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.message = message_label(self, "tariffs-message")
        layout.addWidget(self.message)
        self.reload()

    def has_unsaved_work(self) -> bool:
        return self.model.dirty

    def reload(self, select: int | None = None) -> None:
        def loaded(result: tuple[list[dict[str, Any]], bool]) -> None:
            years, stored = result
            wanted = select if select is not None else self.current_year()
            self._years = {int(y["year"]): y for y in years}
            blocked = self.year_combo.blockSignals(True)
            self.year_combo.clear()
            for year in sorted(self._years):
                self.year_combo.addItem(digits(year), year)
            index = self.year_combo.findData(wanted) if wanted is not None else -1
            self.year_combo.setCurrentIndex(index if index >= 0 else self.year_combo.count() - 1)
            self.year_combo.blockSignals(blocked)
            demo = not stored or any(y.get("demo") for y in years)
            self.demo_label.setText(
                self.tr("Demo values, not official tariffs: enter the approved tables.") if demo else ""
            )
            self._show_year()

        self.ctx.tasks.read(self._load, on_done=loaded, on_error=self._error)

    def _load(self) -> tuple[list[dict[str, Any]], bool]:
        admin = self.ctx.services.admin
        book = admin.tariff_book()
        return [t.to_dict() for t in book.years.values()], admin.tariffs_stored()

    def current_year(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def select_year(self, year: int) -> None:
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))

    def _show_year(self) -> None:
        year = self.current_year()
        show_message(self.message, "")
        self.model.set_year(self._years.get(year, {}) if year is not None else {})

    def _error(self, error: DomainError) -> None:
        field = str(error.params.get("field") or "")
        if error.code.startswith("tariff.") and field:
            name, _, key = field.partition(".")
            title = FIELD_TITLES_FA.get(name, name) if current_language() == "fa" else name
            if key:
                key_title = KEY_TITLES_FA.get(key, key) if current_language() == "fa" else key
                title = f"{title} — {key_title}"
            error = DomainError(error.code, **{**error.params, "field": title})
        show_message(self.message, error_text(error))

    def save(self) -> None:
        show_message(self.message, "")
        try:
            data = self.model.to_dict()
            TariffYear.from_dict(data)  # the same check the service makes, before the round trip
        except DomainError as error:
            self._error(error)
            return
        year = int(data["year"])
        self.save_button.setEnabled(False)

        def done(_tariff: object) -> None:
            self.save_button.setEnabled(True)
            show_message(self.message, self.tr("Saved: the rules use the new table from now on."))
            self.reload(select=year)

        def failed(error: DomainError) -> None:
            self.save_button.setEnabled(True)
            self._error(error)

        self.ctx.tasks.write(self.ctx.services.admin.save_tariff_year, self.ctx.actor, data, on_done=done,
                             on_error=failed)  # fmt: skip

    def ask_new_year(self) -> None:
        latest = max(self._years, default=1403)
        year, ok = QInputDialog.getInt(self, self.tr("New year"), self.tr("Jalali year:"), latest + 1, 1300, 1500)
        if ok:
            self.new_year(year)

    def new_year(self, year: int) -> None:
        self.ctx.tasks.write(self.ctx.services.admin.add_tariff_year, self.ctx.actor, year,
                             on_done=lambda _t: self.reload(select=year), on_error=self._error)  # fmt: skip

    def ask_location_price(self) -> None:
        key, ok = QInputDialog.getText(self, self.tr("Price for a location"),
                                       self.tr("District, district-precinct or district-precinct-block:"))  # fmt: skip
        if ok and key.strip():
            self.add_location_price(key)

    def add_location_price(self, key: str) -> None:
        """New rows for a location in both price tables, starting from the city-wide price, to be edited."""
        key = digits_to_ascii(key).strip().replace("/", "-")
        parts = key.split("-")
        if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[0]) <= 22):
            self._error(ValidationError("renovation_code.district", field="location"))
            return
        for field in ("regional_price_per_m2", "assessed_value_per_m2"):
            try:
                self.model.value(field, key)
            except StopIteration:
                self.model.add_price(field, key, int(self.model.value(field, "*")))
