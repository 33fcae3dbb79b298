"""follow-up, liaisons, consultation, technical manager and audit (issue 8): the tables of the units that watch
the office (app/models/watch.py): watch_contact, liaison_task, consultation, zone_rule, circular, circular_ack,
correspondence, tech_question, complaint. Vehicle charges keep their data in ``case_file.facts`` and need no table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "circular",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("scan_sha256", sa.String(length=64), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("registered_by_id", sa.String(length=36), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circular")),
        sa.UniqueConstraint("kind", "number", name=op.f("uq_circular_kind")),
    )
    op.create_table(
        "circular_ack",
        sa.Column("circular_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("acknowledged_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circular_ack")),
        sa.UniqueConstraint("circular_id", "user_id", name=op.f("uq_circular_ack_circular_id")),
    )
    with op.batch_alter_table("circular_ack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_circular_ack_circular_id"), ["circular_id"], unique=False)

    op.create_table(
        "complaint",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("staff_user_id", sa.String(length=36), nullable=True),
        sa.Column("complainant_name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=14), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("registered_by_id", sa.String(length=36), nullable=False),
        sa.Column("registered_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("investigator_id", sa.String(length=36), nullable=True),
        sa.Column("resolved_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_staff_user_id"), ["staff_user_id"], unique=False)
        batch_op.create_index("ix_complaint_status", ["status"], unique=False)

    op.create_table(
        "consultation",
        sa.Column("asker_name", sa.String(length=120), nullable=False),
        sa.Column("asker_kind", sa.String(length=10), nullable=False),
        sa.Column("topic", sa.String(length=20), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("zone_code", sa.String(length=10), nullable=False),
        sa.Column("consultant_id", sa.String(length=36), nullable=False),
        sa.Column("asked_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_asked_at"), ["asked_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultation_case_id"), ["case_id"], unique=False)

    op.create_table(
        "correspondence",
        sa.Column("agency", sa.String(length=20), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("secretariat_no", sa.String(length=40), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("in_reply_to_id", sa.String(length=36), nullable=True),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("registered_by_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correspondence")),
        sa.UniqueConstraint("secretariat_no", name=op.f("uq_correspondence_secretariat_no")),
    )
    with op.batch_alter_table("correspondence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_correspondence_case_id"), ["case_id"], unique=False)

    op.create_table(
        "liaison_task",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("liaison_id", sa.String(length=36), nullable=False),
        sa.Column("district", sa.Integer(), nullable=False),
        sa.Column("municipal_expert", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("assigned_by_id", sa.String(length=36), nullable=False),
        sa.Column("assigned_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("done_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liaison_task")),
    )
    with op.batch_alter_table("liaison_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_liaison_task_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_liaison_task_liaison_id"), ["liaison_id"], unique=False)

    op.create_table(
        "tech_question",
        sa.Column("asked_by_id", sa.String(length=36), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("asked_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by_id", sa.String(length=36), nullable=True),
        sa.Column("answered_at", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tech_question")),
    )
    with op.batch_alter_table("tech_question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tech_question_asked_by_id"), ["asked_by_id"], unique=False)

    op.create_table(
        "watch_contact",
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("query_kind", sa.String(length=20), nullable=False),
        sa.Column("caller_name", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("answered_by_id", sa.String(length=36), nullable=False),
        sa.Column("at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_contact")),
    )
    with op.batch_alter_table("watch_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_watch_contact_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_watch_contact_case_id"), ["case_id"], unique=False)

    op.create_table(
        "zone_rule",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("title_fa", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("allowed_uses", sa.JSON(), nullable=False),
        sa.Column("max_density_percent", sa.Integer(), nullable=False),
        sa.Column("max_floors", sa.Integer(), nullable=False),
        sa.Column("max_coverage_percent", sa.Integer(), nullable=False),
        sa.Column("notes_fa", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_rule")),
        sa.UniqueConstraint("code", name=op.f("uq_zone_rule_code")),
    )


def downgrade() -> None:
    op.drop_table("zone_rule")
    with op.batch_alter_table("watch_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_watch_contact_case_id"))
        batch_op.drop_index(batch_op.f("ix_watch_contact_at"))

    op.drop_table("watch_contact")
    with op.batch_alter_table("tech_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tech_question_asked_by_id"))

    op.drop_table("tech_question")
    with op.batch_alter_table("liaison_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_task_liaison_id"))
        batch_op.drop_index(batch_op.f("ix_liaison_task_case_id"))

    op.drop_table("liaison_task")
    with op.batch_alter_table("correspondence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_correspondence_case_id"))

    op.drop_table("correspondence")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_case_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_asked_at"))

    op.drop_table("consultation")
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_status")
        batch_op.drop_index(batch_op.f("ix_complaint_staff_user_id"))
        batch_op.drop_index(batch_op.f("ix_complaint_case_id"))

    op.drop_table("complaint")
    with op.batch_alter_table("circular_ack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_circular_ack_circular_id"))

    op.drop_table("circular_ack")
    op.drop_table("circular")
