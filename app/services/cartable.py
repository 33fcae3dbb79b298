"""Cartables: the open cases each unit holds now, most urgent first, and the counts on the tab titles.

The query reads the partial index ``ix_case_file_open_unit_due`` (open cases only, in due-date order), so a unit with
ten thousand open files among a million closed ones is read without touching the closed ones.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app.domain.errors import DomainError
from app.domain.text import ZWNJ, digits_to_ascii, normalize
from app.domain.units import UNIT_IDS
from app.domain.workflows import Actor
from app.services.common import Area
from app.services.dto import CartableRow

# Reads only the covering partial index: no case row, no person row. Assignee names come from a small user map.
_LIST_SQL = """
SELECT c.id, c.tracking_number, c.service_code, c.workflow_id, c.state, c.opened_at, c.state_entered_at,
       c.state_due_date, c.applicant_name, c.assignee_id
FROM case_file AS c {hint}
WHERE c.unit = :unit AND c.closed_at IS NULL AND c.deleted = 0 {extra}
ORDER BY c.state_due_date, c.opened_at
LIMIT :limit
"""

_COUNT_SQL = """
SELECT unit, count(*), coalesce(sum(state_due_date < :today), 0)
FROM case_file INDEXED BY ix_case_file_open_unit_due
WHERE closed_at IS NULL AND deleted = 0 AND unit IN ({units})
GROUP BY unit
"""


def _parse_dt(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(f"{value}+00:00")  # stored in UTC without an offset


def _parse_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value)[:10])


class CartableService(Area):
    def list_cartable(
        self, actor: Actor, unit: str, *, mine_only: bool = False, text_filter: str = "", limit: int = 10000
    ) -> list[CartableRow]:
        if unit not in actor.units:
            raise DomainError("cartable.not_allowed", unit=unit)
        params: dict[str, object] = {"unit": unit, "limit": limit}
        extra = ""
        # Everything is filtered on the covering partial index itself: no table or person rows are read.
        hint = "INDEXED BY ix_case_file_open_unit_due"
        if mine_only:
            extra += " AND c.assignee_id = :me"
            params["me"] = actor.user_id
        typed = normalize(text_filter)
        if typed:
            # LIKE on the stored name; "_" stands for a space or ZWNJ typed either way.
            escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            escaped = escaped.replace(" ", "_").replace(ZWNJ, "_")
            extra += " AND (c.applicant_name LIKE :like ESCAPE '\\' OR c.tracking_number LIKE :digits ESCAPE '\\')"
            params["like"] = f"%{escaped}%"
            digits = "".join(ch for ch in digits_to_ascii(typed) if ch.isdigit())
            params["digits"] = f"%{digits}%" if digits else "\x00"
        today = self._s.today()
        cal = self._s.calendar
        left_cache: dict[dt.date, int] = {}
        service_names: dict[str, str] = {}
        state_titles: dict[tuple[str, str], str] = {}
        rows: list[CartableRow] = []
        with self._s.engine.connect() as conn:
            result = conn.execute(text(_LIST_SQL.format(extra=extra, hint=hint)), params)
            users = dict(conn.execute(text("SELECT id, full_name FROM user_account")).all())
            for cid, tn, service, workflow_id, state, opened, entered, due_raw, applicant, assignee_id in result:
                due = _parse_date(due_raw)
                if due is None:
                    left = None
                else:
                    left = left_cache.get(due)
                    if left is None:
                        left = left_cache[due] = cal.working_days_between(today, due)
                name = service_names.get(service)
                if name is None:
                    name = service_names[service] = self.service_name(service)
                title = state_titles.get((workflow_id, state))
                if title is None:
                    title = state_titles[(workflow_id, state)] = self.state_title(workflow_id, state)
                rows.append(
                    CartableRow(
                        case_id=cid,
                        tracking_number=tn,
                        service_code=service,
                        service_name=name,
                        applicant_name=applicant,
                        state=state,
                        state_title=title,
                        assignee_name=users.get(assignee_id, "") if assignee_id else "",
                        opened_at=_parse_dt(opened),
                        state_entered_at=_parse_dt(entered),
                        state_due_date=due,
                        overdue=due is not None and due < today,
                        working_days_left=left,
                    )
                )
        return rows

    def counts(self, actor: Actor) -> dict[str, tuple[int, int]]:
        """(open cases, overdue ones) per unit the actor sees; units with nothing open show (0, 0)."""
        units = sorted(u for u in actor.units if u in UNIT_IDS)
        if not units:
            return {}
        names = {f"u{i}": u for i, u in enumerate(units)}
        sql = _COUNT_SQL.format(units=", ".join(f":{k}" for k in names))
        found = {u: (0, 0) for u in units}
        with self._s.engine.connect() as conn:
            for unit, total, overdue in conn.execute(text(sql), {**names, "today": self._s.today().isoformat()}):
                found[unit] = (int(total), int(overdue))
        return found
