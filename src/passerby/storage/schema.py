"""The database schema, in SQLAlchemy Core. Migrations must produce exactly this.

Only portable types are used (no SQLite- or PostgreSQL-only column types), so
one set of migrations serves both engines. No table here holds message text
or an IP address.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, MetaData, String, Table

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# One row a chat: when it started and ended and why, whether it came from a
# shared interest. Nothing about who was in it.
chats = Table(
    "chats",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("end_reason", String(16), nullable=True),
    Column("interest_match", Boolean(), nullable=False),
    Index("ix_chats_started_at", "started_at"),
)
