"""holiday sync: the holiday table becomes a synced table (sync columns, an id per date), keeping every row

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

The administration unit edits holidays and every workstation's deadlines must agree, so the table replicates like
the other synced tables. Its key becomes ``id``, made from the date (uuid5, as ``app.models.system.holiday_id``), so
two workstations that add the same day make one row; ``day`` stays unique. Existing rows are kept as they are, not
dirty (every workstation has the default days of 0002 already); a removed day becomes a tombstone from now on.
"""

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A snapshot of app.models.system.HOLIDAY_NAMESPACE (a test checks they agree): ids must never change.
HOLIDAY_NAMESPACE = uuid.UUID("6f1c3a52-6b1e-4c39-9d0e-0d3c6f7e2a11")


def _holiday_id(day: dt.date) -> str:
    return str(uuid.uuid5(HOLIDAY_NAMESPACE, day.isoformat()))


def upgrade() -> None:
    conn = op.get_bind()
    old = sa.table("holiday", sa.column("day", sa.Date()), sa.column("title", sa.String()))
    rows = conn.execute(sa.select(old.c.day, old.c.title)).all()
    op.create_table(
        "holiday_new",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday")),
        sa.UniqueConstraint("day", name=op.f("uq_holiday_day")),
    )
    new = sa.table(
        "holiday_new",
        sa.column("day", sa.Date()),
        sa.column("title", sa.String()),
        sa.column("id", sa.String()),
        sa.column("created_at", app.models.base.UTCDateTime(timezone=True)),
        sa.column("updated_at", app.models.base.UTCDateTime(timezone=True)),
        sa.column("version", sa.Integer()),
        sa.column("hlc", sa.String()),
        sa.column("dirty", sa.Boolean()),
        sa.column("deleted", sa.Boolean()),
    )
    now = dt.datetime.now(dt.UTC)
    if rows:
        op.bulk_insert(
            new,
            [
                {
                    "day": day,
                    "title": title or "",
                    "id": _holiday_id(day),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                    "hlc": "",
                    "dirty": False,
                    "deleted": False,
                }
                for day, title in rows
            ],
        )
    op.drop_table("holiday")
    op.rename_table("holiday_new", "holiday")


def downgrade() -> None:
    conn = op.get_bind()
    synced = sa.table(
        "holiday", sa.column("day", sa.Date()), sa.column("title", sa.String()), sa.column("deleted", sa.Boolean())
    )
    rows = conn.execute(sa.select(synced.c.day, synced.c.title).where(synced.c.deleted.is_(False))).all()
    op.create_table(
        "holiday_old",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday")),
    )
    old = sa.table("holiday_old", sa.column("day", sa.Date()), sa.column("title", sa.String()))
    if rows:
        op.bulk_insert(old, [{"day": day, "title": title or ""} for day, title in rows])
    op.drop_table("holiday")
    op.rename_table("holiday_old", "holiday")
