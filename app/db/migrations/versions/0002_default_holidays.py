"""default holidays

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The official holidays of 1403-1405 (Solar Hijri), so that deadlines count working days on a fresh workstation.
The administration unit edits the table afterwards; this list is a snapshot and never changes once released.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HOLIDAYS = (
    "1403/01/01", "1403/01/02", "1403/01/03", "1403/01/04", "1403/01/12", "1403/01/13", "1403/01/22",
    "1403/01/23", "1403/02/15", "1403/03/14", "1403/03/15", "1403/03/28", "1403/04/05", "1403/04/25",
    "1403/04/26", "1403/06/04", "1403/06/12", "1403/06/14", "1403/06/31", "1403/09/15", "1403/10/25",
    "1403/11/09", "1403/11/22", "1403/11/27", "1403/12/29",
    "1404/01/01", "1404/01/02", "1404/01/03", "1404/01/04", "1404/01/11", "1404/01/12", "1404/01/13",
    "1404/02/04", "1404/03/14", "1404/03/15", "1404/03/16", "1404/03/24", "1404/04/14", "1404/04/15",
    "1404/05/23", "1404/05/31", "1404/06/02", "1404/06/10", "1404/06/19", "1404/09/03", "1404/10/13",
    "1404/10/27", "1404/11/15", "1404/11/22", "1404/12/20", "1404/12/29",
    "1405/01/01", "1405/01/02", "1405/01/03", "1405/01/04", "1405/01/12", "1405/01/13", "1405/03/14",
    "1405/03/15", "1405/11/22", "1405/12/29",
)


def upgrade() -> None:
    from app.domain.dates import from_jalali

    holiday = sa.table("holiday", sa.column("day", sa.Date()), sa.column("title", sa.String()))
    op.bulk_insert(holiday, [{"day": from_jalali(d), "title": ""} for d in HOLIDAYS])


def downgrade() -> None:
    from app.domain.dates import from_jalali

    days = [from_jalali(d).isoformat() for d in HOLIDAYS]
    op.execute(sa.text("DELETE FROM holiday WHERE day IN :days").bindparams(sa.bindparam("days", days, expanding=True)))
