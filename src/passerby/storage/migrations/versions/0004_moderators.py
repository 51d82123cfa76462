"""Moderator accounts, console sessions and child-safety review counts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "moderators",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("totp_secret", sa.String(64), nullable=False),
        sa.Column("totp_last_step", sa.Integer(), nullable=True),
        sa.Column("setup_token_hash", sa.String(64), nullable=True),
        sa.Column("setup_expires", TS, nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("last_login_at", TS, nullable=True),
        sa.Column("disabled_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_moderators")),
        sa.UniqueConstraint("setup_token_hash", name=op.f("uq_moderators_setup_token_hash")),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("moderator", sa.String(32), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_seen_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_console_sessions")),
    )
    op.create_index("ix_console_sessions_moderator", "console_sessions", ["moderator"])
    op.create_table(
        "child_safety_reviews",
        sa.Column("moderator", sa.String(32), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("case_id", sa.String(32), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint(
            "moderator", "day", "case_id", name=op.f("pk_child_safety_reviews")
        ),
    )


def downgrade() -> None:
    op.drop_table("child_safety_reviews")
    op.drop_index("ix_console_sessions_moderator", table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("moderators")
