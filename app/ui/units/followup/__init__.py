"""The follow-up unit's tab: a file's journey, overdue work, bottlenecks, citizens' calls and visits, charts and
reports, then the unit's cartable. Every panel asks ``services.followup`` through the task runner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import JalaliDate
from app.domain.errors import DomainError
from app.domain.text import ltr_isolate
from app.services.dto import Changes
from app.ui.cartable import digits, show_date, show_datetime, tracking_display
from app.ui.context import UiContext
from app.ui.units.base import UnitTab
from app.ui.units.followup.widgets import DataTable, DateRange, MessageLabel

PERIOD_DAYS = 30


def hours_text(minutes: float) -> str:
    return digits(f"{minutes / 60:.1f}")


class JourneyPanel(QWidget):
    """Any file's journey: stage by stage, time spent against the stage's deadline in working days."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.tracking_edit = QLineEdit(self)
        self.tracking_edit.setPlaceholderText(self.tr("Tracking number"))
        self.tracking_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.show_button = QPushButton(self.tr("Show journey"), self)
        bar.addWidget(QLabel(self.tr("Tracking number:"), self))
        bar.addWidget(self.tracking_edit, 1)
        bar.addWidget(self.show_button)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = DataTable([
            self.tr("Stage"), self.tr("Unit"), self.tr("Entered"), self.tr("Left"), self.tr("Expert"),
            self.tr("Office hours"), self.tr("Working days"), self.tr("Allowed days"), self.tr("Deadline"),
            self.tr("Status"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        self.units_label = QLabel(self)
        self.units_label.setWordWrap(True)
        layout.addWidget(self.units_label)
        self.show_button.clicked.connect(self.show_journey)
        self.tracking_edit.returnPressed.connect(self.show_journey)
        self.timeline: Any = None
        self.setFocusProxy(self.tracking_edit)

    def show_case(self, case_id: str) -> None:
        self.ctx.tasks.read(self.ctx.services.followup.case_timeline, self.ctx.actor, case_id,
                            on_done=self._shown, on_error=self.message.show_error)  # fmt: skip

    def show_journey(self) -> None:
        self.message.clear_message()
        self.ctx.tasks.read(self.ctx.services.followup.timeline_by_tracking, self.ctx.actor, self.tracking_edit.text(),
                            on_done=self._shown, on_error=self.message.show_error)  # fmt: skip

    def _shown(self, timeline: Any) -> None:
        self.message.clear_message()
        self.timeline = timeline
        status = {
            "on_track": self.tr("On time so far"), "nearly_due": self.tr("Nearly due"), "overdue": self.tr("Overdue"),
            "done_in_time": self.tr("Done in time"), "done_late": self.tr("Done late"), "": "",
        }  # fmt: skip
        rows = []
        late = []
        for st in timeline.stages:
            rows.append([
                st.state_title, st.unit_title, show_datetime(st.entered),
                show_datetime(st.left) if st.left else self.tr("(still here)"), st.assignee_name or st.entered_by,
                hours_text(st.working_minutes), st.working_days,
                "" if st.allowed_days is None else st.allowed_days, show_date(st.deadline), status[st.deadline_state],
            ])  # fmt: skip
            late.append(st.deadline_state in ("overdue", "done_late"))
        self.table.set_rows(rows, highlight=late)
        self.summary.setText(
            self.tr("%1 — %2 — %3; now: %4 (%5); %6 working days in all")
            .replace("%1", ltr_isolate(digits(tracking_display(timeline.tracking_number))))
            .replace("%2", timeline.service_name).replace("%3", timeline.applicant_name)
            .replace("%4", timeline.state_title).replace("%5", timeline.unit_title)
            .replace("%6", digits(timeline.total_working_days))
        )  # fmt: skip
        from app.ui.units import unit_title

        parts = [
            f"{unit_title(u)}: {digits(d)}" for u, d in sorted(timeline.days_per_unit.items(), key=lambda p: -p[1])
        ]
        self.units_label.setText(self.tr("Working days per unit: %1").replace("%1", "، ".join(parts)))


class OverduePanel(QWidget):
    """Overdue and nearly-due files, with counts per unit and per expert."""

    def __init__(self, ctx: UiContext, tab: FollowupTab) -> None:
        super().__init__(tab)
        self.ctx = ctx
        self.tab = tab
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.which = QComboBox(self)
        self.which.addItem(self.tr("Overdue and nearly due"), "both")
        self.which.addItem(self.tr("Overdue only"), "overdue")
        self.which.addItem(self.tr("Nearly due only"), "nearly_due")
        self.count_label = QLabel(self)
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.which)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = DataTable([
            self.tr("Tracking number"), self.tr("Service"), self.tr("Applicant"), self.tr("Stage"), self.tr("Unit"),
            self.tr("Expert"), self.tr("Deadline"), self.tr("Working days left"),
        ], split)  # fmt: skip
        split.addWidget(self.table)
        bottom = QWidget(split)
        grid = QHBoxLayout(bottom)
        grid.setContentsMargins(0, 0, 0, 0)
        self.per_unit = DataTable([self.tr("Unit"), self.tr("Overdue"), self.tr("Nearly due")], bottom)
        self.per_expert = DataTable([self.tr("Expert"), self.tr("Overdue"), self.tr("Nearly due")], bottom)
        for title, table in ((self.tr("Per unit"), self.per_unit), (self.tr("Per expert"), self.per_expert)):
            box = QGroupBox(title, bottom)
            QVBoxLayout(box).addWidget(table)
            grid.addWidget(box)
        split.addWidget(bottom)
        layout.addWidget(split, 1)
        self.rows: list[Any] = []
        self.which.currentIndexChanged.connect(self._fill)
        self.table.doubleClicked.connect(self._open)

    def reload(self) -> None:
        self.ctx.tasks.read(self.ctx.services.followup.watch_list, self.ctx.actor,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, rows: list[Any]) -> None:
        self.message.clear_message()
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        which = self.which.currentData()
        rows = [r for r in self.rows if which == "both" or r.status == which]
        self.table.set_rows(
            [[ltr_isolate(digits(tracking_display(r.tracking_number))), r.service_name, r.applicant_name,
              r.state_title, r.unit_title, r.assignee_name, show_date(r.deadline),
              self.tr("%1 days late").replace("%1", digits(-r.days_left)) if r.days_left < 0 else r.days_left]
             for r in rows],
            ids=[r.case_id for r in rows], highlight=[r.status == "overdue" for r in rows],
        )  # fmt: skip
        service = self.ctx.services.followup
        self.per_unit.set_rows([list(t) for t in service.group_counts(rows, "unit")])
        self.per_expert.set_rows([list(t) for t in service.group_counts(rows, "expert")])
        overdue = sum(1 for r in rows if r.status == "overdue")
        self.count_label.setText(
            self.tr("%1 overdue, %2 nearly due")
            .replace("%1", digits(overdue))
            .replace("%2", digits(len(rows) - overdue))
        )

    def _open(self) -> None:
        case_id = self.table.current_id()
        if case_id:
            self.tab.show_journey(case_id)


class BottleneckPanel(QWidget):
    """Where files wait longest, over the chosen period."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = ctx.services.today()
        self.range = DateRange(today - dt.timedelta(days=PERIOD_DAYS), today, self)
        self.refresh_button = QPushButton(self.tr("Show"), self)
        bar.addWidget(self.range)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.table = DataTable([
            self.tr("Workflow"), self.tr("Stage"), self.tr("Unit"), self.tr("Times"), self.tr("Mean office hours"),
            self.tr("Median hours"), self.tr("Longest (hours)"), self.tr("Mean working days"),
        ], self)  # fmt: skip
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.reload)

    def reload(self) -> None:
        first, last = self.range.values()
        self.ctx.tasks.read(self.ctx.services.followup.bottlenecks, self.ctx.actor, first, last,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, rows: list[Any]) -> None:
        self.message.clear_message()
        self.table.set_rows([
            [r.workflow_title, r.state_title, r.unit_title, r.visits, digits(f"{r.mean_hours:.1f}"),
             digits(f"{r.median_hours:.1f}"), digits(f"{r.max_hours:.1f}"), digits(f"{r.mean_days:.1f}")]
            for r in rows
        ])  # fmt: skip


class CitizenPanel(QWidget):
    """A citizen calls or visits: find the files by tracking number, national ID or mobile; log what was said."""

    def __init__(self, ctx: UiContext, tab: FollowupTab) -> None:
        super().__init__(tab)
        self.ctx = ctx
        self.tab = tab
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Tracking number, national ID or mobile"))
        self.query_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.find_button = QPushButton(self.tr("Find"), self)
        bar.addWidget(QLabel(self.tr("Citizen's number:"), self))
        bar.addWidget(self.query_edit, 1)
        bar.addWidget(self.find_button)
        layout.addLayout(bar)
        self.query_message = MessageLabel(self)
        layout.addWidget(self.query_message)
        self.hits = DataTable([
            self.tr("Tracking number"), self.tr("Service"), self.tr("Applicant"), self.tr("Stage"), self.tr("Unit"),
            self.tr("Expert"), self.tr("Days in stage"), self.tr("Deadline"),
        ], self)  # fmt: skip
        layout.addWidget(self.hits, 1)
        form_box = QGroupBox(self.tr("Log the call or visit"), self)
        form = QFormLayout(form_box)
        self.channel = QComboBox(form_box)
        self.channel.addItem(self.tr("Phone call"), "call")
        self.channel.addItem(self.tr("Visit"), "visit")
        self.caller_edit = QLineEdit(form_box)
        self.note_edit = QPlainTextEdit(form_box)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(60)
        self.save_button = QPushButton(self.tr("Save"), form_box)
        self.note_message = MessageLabel(form_box)
        form.addRow(self.tr("Channel:"), self.channel)
        form.addRow(self.tr("Caller:"), self.caller_edit)
        form.addRow(self.tr("What was said:"), self.note_edit)
        form.addRow("", self.note_message)
        form.addRow("", self.save_button)
        layout.addWidget(form_box)
        self.contacts = DataTable([
            self.tr("Time"), self.tr("Channel"), self.tr("Tracking number"), self.tr("Caller"), self.tr("Note"),
            self.tr("Answered by"),
        ], self)  # fmt: skip
        layout.addWidget(QLabel(self.tr("Calls and visits of the last week:"), self))
        layout.addWidget(self.contacts, 1)
        self.kind = ""
        self.find_button.clicked.connect(self.look_up)
        self.query_edit.returnPressed.connect(self.look_up)
        self.save_button.clicked.connect(self.save)
        self.hits.doubleClicked.connect(lambda _i: self._open())
        self.setFocusProxy(self.query_edit)

    def look_up(self) -> None:
        self.query_message.clear_message()
        self.ctx.tasks.read(self.ctx.services.followup.lookup, self.ctx.actor, self.query_edit.text(),
                            on_done=self._found, on_error=self._failed)  # fmt: skip

    def _failed(self, error: DomainError) -> None:
        self.hits.set_rows([])
        self.kind = ""
        self.query_message.show_error(error)

    def _found(self, result: Any) -> None:
        self.kind = result.kind
        if not result.hits:
            self.query_message.show_text(self.tr("No case file was found."))
        self.hits.set_rows(
            [[ltr_isolate(digits(tracking_display(h.tracking_number))), h.service_name, h.applicant_name,
              h.state_title, h.unit_title, h.assignee_name, h.stage_days, show_date(h.deadline)] for h in result.hits],
            ids=[h.case_id for h in result.hits], highlight=[h.overdue for h in result.hits],
        )  # fmt: skip
        if result.hits:
            self.hits.setCurrentCell(0, 0)

    def _open(self) -> None:
        case_id = self.hits.current_id()
        if case_id:
            self.tab.show_journey(case_id)

    def save(self) -> None:
        self.note_message.clear_message()
        if not self.kind:
            self.note_message.show_text(self.tr("Find the citizen's file first."))
            return
        self.ctx.tasks.write(
            self.ctx.services.followup.log_contact, self.ctx.actor, channel=self.channel.currentData(),
            query_kind=self.kind, case_id=self.hits.current_id(), caller_name=self.caller_edit.text(),
            note=self.note_edit.toPlainText(), on_done=self._saved, on_error=self.note_message.show_error,
            initiator=self,
        )  # fmt: skip

    def _saved(self, _result: Any) -> None:
        self.note_edit.clear()
        self.caller_edit.clear()
        self.note_message.show_text(self.tr("Saved."))
        self.reload()

    def reload(self) -> None:
        today = self.ctx.services.today()
        self.ctx.tasks.read(self.ctx.services.followup.list_contacts, self.ctx.actor, today - dt.timedelta(days=7),
                            today, on_done=self._contacts, on_error=self.query_message.show_error)  # fmt: skip

    def _contacts(self, lines: list[Any]) -> None:
        channels = {"call": self.tr("Phone call"), "visit": self.tr("Visit")}
        self.contacts.set_rows([
            [show_datetime(c.at), channels.get(c.channel, c.channel),
             ltr_isolate(digits(tracking_display(c.tracking_number))) if c.tracking_number else "", c.caller_name,
             c.note, c.answered_by]
            for c in lines
        ])  # fmt: skip


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _chart_view(parent: QWidget) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # axes read left to right, labels stay Persian
    view.setMinimumHeight(230)
    return view


class ChartsPanel(QWidget):
    """Daily intake and completions, average time per stage, backlog per unit; report export for the period."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = ctx.services.today()
        self.range = DateRange(today - dt.timedelta(days=PERIOD_DAYS), today, self)
        self.refresh_button = QPushButton(self.tr("Show"), self)
        bar.addWidget(self.range)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, title in (("pdf", self.tr("Report as PDF")), ("xlsx", self.tr("Report as Excel")),
                           ("csv", self.tr("Report as CSV"))):  # fmt: skip
            button = QPushButton(title, self)
            button.clicked.connect(lambda _c=False, f=fmt: self.ask_export(f))
            self.export_buttons[fmt] = button
            bar.addWidget(button)
        layout.addLayout(bar)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        grid = QGridLayout()
        self.daily_view = _chart_view(self)
        self.stage_view = _chart_view(self)
        self.backlog_view = _chart_view(self)
        grid.addWidget(self.daily_view, 0, 0, 1, 2)
        grid.addWidget(self.stage_view, 1, 0)
        grid.addWidget(self.backlog_view, 1, 1)
        layout.addLayout(grid, 1)
        self.data: Any = None
        self.last_export: Path | None = None
        self.refresh_button.clicked.connect(self.reload)

    def reload(self) -> None:
        first, last = self.range.values()
        self.ctx.tasks.read(self.ctx.services.followup.charts, self.ctx.actor, first, last,
                            on_done=self._loaded, on_error=self.message.show_error)  # fmt: skip

    def _loaded(self, data: Any) -> None:
        self.message.clear_message()
        self.data = data
        # Daily intake and completions.
        chart = _chart(self.tr("Daily intake and completions"))
        intake, done = QBarSet(self.tr("Cases opened")), QBarSet(self.tr("Completed"))
        intake.setColor(QColor("#0b4f6c"))
        done.setColor(QColor("#20a39e"))
        labels = []
        for d in data.daily:
            intake.append(d.intake)
            done.append(d.completed)
            j = JalaliDate.from_gregorian(d.day)
            labels.append(digits(f"{j.month}/{j.day}"))
        series = QBarSeries()
        series.append(intake)
        series.append(done)
        self._bars(
            chart,
            series,
            labels,
            max([1, *(d.intake for d in data.daily), *(d.completed for d in data.daily)]),
            angle=-90,
        )
        self.daily_view.setChart(chart)
        # Average office hours per stage (horizontal bars, longest on top).
        chart = _chart(self.tr("Average office hours per stage"))
        hours = QBarSet(self.tr("Hours"))
        hours.setColor(QColor("#f18f01"))
        items = list(data.stage_average_hours)
        for _title, value in items:
            hours.append(round(value, 1))
        hseries = QBarSeries()
        hseries.append(hours)
        self._bars(chart, hseries, [_short(t, 18) for t, _ in items], max([1.0, *(v for _, v in items)]), angle=-60)
        chart.legend().hide()
        self.stage_view.setChart(chart)
        # Open cases per unit now.
        chart = _chart(self.tr("Open cases per unit"))
        backlog = QBarSet(self.tr("Open cases"))
        backlog.setColor(QColor("#c73e1d"))
        for _unit, n in data.backlog:
            backlog.append(n)
        bseries = QBarSeries()
        bseries.append(backlog)
        self._bars(
            chart, bseries, [_short(u) for u, _ in data.backlog], max([1, *(n for _, n in data.backlog)]), angle=-60
        )
        chart.legend().hide()
        self.backlog_view.setChart(chart)

    @staticmethod
    def _bars(chart: QChart, series: Any, labels: list[str], top: float, *, angle: int = 0) -> None:
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        font = categories.labelsFont()
        font.setPointSizeF(8)
        categories.setLabelsFont(font)
        categories.setLabelsAngle(angle)
        values = QValueAxis()
        values.setRange(0, top)
        values.applyNiceNumbers()
        values.setLabelFormat("%d")
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def ask_export(self, fmt: str) -> None:
        filters = {"pdf": self.tr("PDF (*.pdf)"), "xlsx": self.tr("Excel (*.xlsx)"), "csv": self.tr("CSV (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), f"followup-report.{fmt}", filters[fmt])
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        first, last = self.range.values()
        self.ctx.tasks.read(self.ctx.services.followup.export_report, self.ctx.actor, first, last, fmt, path,
                            on_done=self._exported, on_error=self.message.show_error)  # fmt: skip

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.message.show_text(self.tr("Report saved: %1").replace("%1", ltr_isolate(str(path))))


class FollowupTab(UnitTab):
    unit_id = "followup"
    sort_order = 80

    def title(self) -> str:
        return self.tr("Follow-up")

    def build(self) -> None:
        self.overdue = OverduePanel(self.ctx, self)
        self.journey = JourneyPanel(self.ctx, self)
        self.citizen = CitizenPanel(self.ctx, self)
        self.bottleneck = BottleneckPanel(self.ctx, self)
        self.charts = ChartsPanel(self.ctx, self)
        self.add_panel(self.overdue, self.tr("Overdue work"))
        self.journey_index = self.add_panel(self.journey, self.tr("File journey"))
        self.add_panel(self.citizen, self.tr("Citizens' calls"))
        self.add_panel(self.bottleneck, self.tr("Bottlenecks"))
        self.add_panel(self.charts, self.tr("Charts and reports"))

    def reload(self) -> None:
        super().reload()
        if self.ctx.actor is None or self.ctx.services is None:
            return
        self.overdue.reload()
        self.citizen.reload()
        self.bottleneck.reload()
        self.charts.reload()

    def wants_reload(self, changes: Changes) -> bool:
        return super().wants_reload(changes) or "watch_contact" in changes.entities or "holiday" in changes.entities

    def show_journey(self, case_id: str) -> None:
        self.panels.setCurrentIndex(self.journey_index)
        self.journey.show_case(case_id)
