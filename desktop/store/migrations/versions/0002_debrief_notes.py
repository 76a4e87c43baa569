"""Debrief notes: the facilitator's notes for the hotwash, by section.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "debrief_note",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("section", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("debrief_note")
