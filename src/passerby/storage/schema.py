"""The database schema, in SQLAlchemy Core. Migrations must produce exactly this.

Only portable types are used (no SQLite- or PostgreSQL-only column types), so
one set of migrations serves both engines. No table here holds message text
or an IP address.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

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

# A browser that declared an age band. Keyed by an HMAC of its cookie token,
# so the table alone cannot be turned back into working cookies.
devices = Table(
    "devices",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("band", String(8), nullable=False),
    Column("declared_at", DateTime(timezone=True), nullable=False),
    Column("rules_accepted_at", DateTime(timezone=True), nullable=False),
    Column("pending_band", String(8), nullable=True),
    Column("pending_until", DateTime(timezone=True), nullable=True),
    Column("trust", String(8), nullable=False),
    Column("trust_until", DateTime(timezone=True), nullable=True),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    # The device's decayed risk across its chats, and when it was stored
    # (epoch seconds), kept while the device is away.
    Column("risk", Float, nullable=False, server_default="0"),
    Column("risk_at", Float, nullable=False, server_default="0"),
)

# Evidence is append-only and chained: each row's hash covers the previous
# row's hash and the SHA-256 of its canonical body. Triggers forbid DELETE and
# every UPDATE except the purge's, which may only empty an expired body
# (the row stays as a tombstone, so the chain still verifies end to end).
evidence = Table(
    "evidence",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("id", String(32), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("case_id", String(32), nullable=True),
    Column("body", Text, nullable=True),
    Column("body_hash", String(64), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    Column("purged_at", DateTime(timezone=True), nullable=True),
    Index("ix_evidence_case_id", "case_id"),
)

# Work for people: reports, automatic review cases, child-safety cases, appeals.
cases = Table(
    "cases",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("priority", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("subject", String(64), nullable=True),
    Column("opened_by", String(64), nullable=True),
    Column("dedupe_key", String(160), nullable=True, unique=True),
    Column("summary", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_cases_status", "status", "priority"),
)

bans = Table(
    "bans",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("device", String(64), nullable=True),
    Column("ip_hash", String(64), nullable=True),
    Column("reason_code", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
    Column("created_by", String(64), nullable=False),
    Column("case_id", String(32), nullable=True),
    Column("lifted_at", DateTime(timezone=True), nullable=True),
    Index("ix_bans_device", "device"),
    Index("ix_bans_ip_hash", "ip_hash"),
)

# Pairs that must never meet again (after a report), by device hash.
blocks = Table(
    "blocks",
    metadata,
    Column("device", String(64), primary_key=True),
    Column("other", String(64), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Strikes a device has collected, per policy; they expire.
strikes = Table(
    "strikes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device", String(64), nullable=False),
    Column("policy", String(48), nullable=False),
    Column("rule", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_strikes_device", "device", "policy"),
)

# Keys for hashing IP addresses, one per retention period; old ones are
# deleted, after which the hashes made with them mean nothing.
ip_keys = Table(
    "ip_keys",
    metadata,
    Column("period", Integer, primary_key=True, autoincrement=False),
    Column("key", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

legal_holds = Table(
    "legal_holds",
    metadata,
    Column("case_id", String(32), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
