"""vehicle charges: vehicles (plate, owner) and annual traffic-zone stickers (renovation and waste keep their case
data in case_file.facts and payment, so they need no table of their own)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "vehicle",
        sa.Column("plate_key", sa.String(length=16), nullable=False),
        sa.Column("plate_two", sa.String(length=2), nullable=False),
        sa.Column("plate_letter", sa.String(length=4), nullable=False),
        sa.Column("plate_three", sa.String(length=3), nullable=False),
        sa.Column("plate_region", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("make_model", sa.String(length=120), nullable=False),
        sa.Column("color", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"], name=op.f("fk_vehicle_owner_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle")),
        sa.UniqueConstraint("plate_key", name=op.f("uq_vehicle_plate_key")),
    )
    with op.batch_alter_table("vehicle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vehicle_owner_id"), ["owner_id"], unique=False)
    op.create_table(
        "traffic_sticker",
        sa.Column("vehicle_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("fee_rials", sa.Integer(), nullable=False),
        sa.Column("issued_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("replaced_by_id", sa.String(length=36), nullable=True),
        sa.Column("ended_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicle.id"], name=op.f("fk_traffic_sticker_vehicle_id_vehicle")),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_traffic_sticker_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_traffic_sticker")),
        sa.UniqueConstraint("serial", name=op.f("uq_traffic_sticker_serial")),
    )
    with op.batch_alter_table("traffic_sticker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_traffic_sticker_vehicle_id"), ["vehicle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_traffic_sticker_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "uq_traffic_sticker_active_year",
            ["vehicle_id", "year"],
            unique=True,
            sqlite_where=sa.text("status = 'active' AND deleted = 0"),
        )


def downgrade() -> None:
    with op.batch_alter_table("traffic_sticker", schema=None) as batch_op:
        batch_op.drop_index("uq_traffic_sticker_active_year")
        batch_op.drop_index(batch_op.f("ix_traffic_sticker_case_id"))
        batch_op.drop_index(batch_op.f("ix_traffic_sticker_vehicle_id"))
    op.drop_table("traffic_sticker")
    with op.batch_alter_table("vehicle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicle_owner_id"))
    op.drop_table("vehicle")
