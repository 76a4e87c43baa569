"""Indexes for the console's decision log, which filters and sorts 100,000 rows in SQL.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = {
    "ix_decision_team": "team",
    "ix_decision_inject": "inject",
    "ix_decision_title": "title",
    "ix_decision_acting_actor": "acting_actor",
    "ix_decision_posture": "posture",
}


def upgrade() -> None:
    for name, column in COLUMNS.items():
        op.create_index(name, "decision", [column])
    # The time a team decided: `taken_at` for a late entry, else when it was recorded.
    op.create_index("ix_decision_time", "decision", [sa.text("coalesce(taken_at, recorded_at)")])


def downgrade() -> None:
    op.drop_index("ix_decision_time", "decision")
    for name in COLUMNS:
        op.drop_index(name, "decision")
