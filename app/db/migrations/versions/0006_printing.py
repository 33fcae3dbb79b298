"""print log and printer choices

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0006"
down_revision: str | None = "0005"
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
        "print_record",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("document", sa.String(length=30), nullable=False),
        sa.Column("document_key", sa.String(length=80), nullable=False),
        sa.Column("copy_number", sa.Integer(), nullable=False),
        sa.Column("paper", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.Column("printed_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("user_name", sa.String(length=120), nullable=False),
        sa.Column("workstation_no", sa.Integer(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_record")),
    )
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.create_index("ix_print_record_document", ["case_id", "document", "document_key"], unique=False)

    op.create_table(
        "issued_certificate",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("tracking_number", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("approved_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=120), nullable=False),
        sa.Column("issued_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=120), nullable=False),
        sa.Column("revoke_reason", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_certificate")),
        sa.UniqueConstraint("serial", name=op.f("uq_issued_certificate_serial")),
    )
    with op.batch_alter_table("issued_certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_certificate_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("issued_certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_certificate_case_id"))
    op.drop_table("issued_certificate")
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.drop_index("ix_print_record_document")
    op.drop_table("print_record")
