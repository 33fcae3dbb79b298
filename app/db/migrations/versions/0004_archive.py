"""archive tab and scanned documents

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

A case document's scan: the archive's own document type (deed, national card, plan sheet ...), the scanner, the
resolution, the operator and the time. The file itself is ``file_sha256`` in the content-addressed store.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("archive_type", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("scanner", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("resolution", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("scanned_by_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("scanned_by_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("scanned_at", app.models.base.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_document", schema=None) as batch_op:
        for name in ("scanned_at", "scanned_by_name", "scanned_by_id", "resolution", "scanner", "archive_type"):
            batch_op.drop_column(name)
