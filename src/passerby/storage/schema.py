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
    false,
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
    # The chat's section, the report's reason or the rule, and for an
    # appeal the ban it appeals: what the queue filters by.
    Column("section", String(32), nullable=True),
    Column("reason", String(64), nullable=True),
    Column("ban_id", String(32), nullable=True),
    # One moderator at a time: who holds the case, until when.
    Column("claimed_by", String(64), nullable=True),
    Column("claimed_until", DateTime(timezone=True), nullable=True),
    Column("escalated", Boolean(), nullable=False, server_default=false()),
    Column("resolution", String(32), nullable=True),
    Column("resolution_note", Text, nullable=True),
    Column("resolved_by", String(64), nullable=True),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Index("ix_cases_status", "status", "priority"),
    Index("ix_cases_claimed_by", "claimed_by"),
    Index("ix_cases_subject", "subject"),
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

# A case under legal hold keeps its evidence past retention until the hold
# expires (NULL: until lifted).
legal_holds = Table(
    "legal_holds",
    metadata,
    Column("case_id", String(32), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
)

# The audit log: one record per safety action, append-only (triggers refuse
# UPDATE and DELETE) and chained by SHA-256 like the evidence
# (passerby.storage.audit). A unique seq and a unique prev_hash mean two
# writers can never fork the chain: one of them retries.
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("action", String(32), nullable=False),
    Column("subject", String(64), nullable=False),
    Column("case_id", String(32), nullable=True),
    Column("why", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False, unique=True),
    Column("hash", String(64), nullable=False, unique=True),
    Index("ix_audit_log_case_id", "case_id"),
    Index("ix_audit_log_subject", "subject"),
)

# How an appeal of a ban was decided: shown on the banned user's ban screen.
appeal_decisions = Table(
    "appeal_decisions",
    metadata,
    Column("ban_id", String(32), primary_key=True),
    Column("case_id", String(32), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("decided_by", String(80), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)

# Moderator accounts for the console (/mod/). A password is kept only as an
# Argon2 hash, a setup link only as the SHA-256 of its token; the TOTP
# secret must stay readable to check codes. ``totp_last_step`` is the time
# step of the last code accepted, so one code never logs in twice.
moderators = Table(
    "moderators",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=True),
    Column("totp_secret", String(64), nullable=False),
    Column("totp_last_step", Integer, nullable=True),
    Column("setup_token_hash", String(64), nullable=True, unique=True),
    Column("setup_expires", DateTime(timezone=True), nullable=True),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("last_login_at", DateTime(timezone=True), nullable=True),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
)

# Console sessions, keyed by the SHA-256 of the cookie's token: the table
# alone logs nobody in. Each has its own CSRF token.
console_sessions = Table(
    "console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("moderator", String(32), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_console_sessions_moderator", "moderator"),
)

# Child-safety cases each moderator opened, once per case and UTC day: the
# console shows everyone their own count for today (wellness).
child_safety_reviews = Table(
    "child_safety_reviews",
    metadata,
    Column("moderator", String(32), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("case_id", String(32), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
)
