"""Safety: devices, evidence chain, cases, bans, blocks, strikes, IP keys, holds.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)

# The same rules in both dialects: no DELETE, and an UPDATE may only empty
# the body of a row (the purge), setting purged_at, and only for a record at
# least 30 days old (the shortest retention allowed) whose case is not under
# legal hold.
SQLITE_TRIGGERS = [
    """CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
       BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END""",
    """CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
       WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
         OR NEW.created_at IS NOT OLD.created_at OR NEW.case_id IS NOT OLD.case_id
         OR NEW.body_hash IS NOT OLD.body_hash OR NEW.prev_hash IS NOT OLD.prev_hash
         OR NEW.hash IS NOT OLD.hash OR NEW.body IS NOT NULL OR NEW.purged_at IS NULL
         OR OLD.created_at >= datetime('now', '-30 days')
         OR EXISTS (SELECT 1 FROM legal_holds WHERE legal_holds.case_id = OLD.case_id)
       BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END""",
]
POSTGRES_TRIGGERS = [
    """CREATE FUNCTION evidence_guard() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'evidence is append-only'; END IF;
         IF NEW.seq IS DISTINCT FROM OLD.seq OR NEW.id IS DISTINCT FROM OLD.id
            OR NEW.kind IS DISTINCT FROM OLD.kind
            OR NEW.created_at IS DISTINCT FROM OLD.created_at
            OR NEW.case_id IS DISTINCT FROM OLD.case_id
            OR NEW.body_hash IS DISTINCT FROM OLD.body_hash
            OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash
            OR NEW.hash IS DISTINCT FROM OLD.hash
            OR NEW.body IS NOT NULL OR NEW.purged_at IS NULL
            OR OLD.created_at >= now() - interval '30 days'
            OR EXISTS (SELECT 1 FROM legal_holds WHERE legal_holds.case_id = OLD.case_id) THEN
           RAISE EXCEPTION 'evidence is append-only';
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER evidence_guard BEFORE UPDATE OR DELETE ON evidence
       FOR EACH ROW EXECUTE FUNCTION evidence_guard()""",
]


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("band", sa.String(8), nullable=False),
        sa.Column("declared_at", TS, nullable=False),
        sa.Column("rules_accepted_at", TS, nullable=False),
        sa.Column("pending_band", sa.String(8), nullable=True),
        sa.Column("pending_until", TS, nullable=True),
        sa.Column("trust", sa.String(8), nullable=False),
        sa.Column("trust_until", TS, nullable=True),
        sa.Column("last_seen_at", TS, nullable=False),
        sa.Column("risk", sa.Float(), nullable=False, server_default="0"),
        sa.Column("risk_at", sa.Float(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_devices")),
    )
    op.create_table(
        "evidence",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(32), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("purged_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_evidence")),
        sa.UniqueConstraint("id", name=op.f("uq_evidence_id")),
        sa.UniqueConstraint("hash", name=op.f("uq_evidence_hash")),
    )
    op.create_index("ix_evidence_case_id", "evidence", ["case_id"])
    op.create_table(
        "cases",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(64), nullable=True),
        sa.Column("opened_by", sa.String(64), nullable=True),
        sa.Column("dedupe_key", sa.String(160), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_cases_dedupe_key")),
    )
    op.create_index("ix_cases_status", "cases", ["status", "priority"])
    op.create_table(
        "bans",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("device", sa.String(64), nullable=True),
        sa.Column("ip_hash", sa.String(64), nullable=True),
        sa.Column("reason_code", sa.String(32), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("case_id", sa.String(32), nullable=True),
        sa.Column("lifted_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bans")),
    )
    op.create_index("ix_bans_device", "bans", ["device"])
    op.create_index("ix_bans_ip_hash", "bans", ["ip_hash"])
    op.create_table(
        "blocks",
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("other", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("device", "other", name=op.f("pk_blocks")),
    )
    op.create_table(
        "strikes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("policy", sa.String(48), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strikes")),
    )
    op.create_index("ix_strikes_device", "strikes", ["device", "policy"])
    op.create_table(
        "ip_keys",
        sa.Column("period", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("period", name=op.f("pk_ip_keys")),
    )
    op.create_table(
        "legal_holds",
        sa.Column("case_id", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_legal_holds")),
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS evidence_guard ON evidence")
        op.execute("DROP FUNCTION IF EXISTS evidence_guard()")
    for table in ("legal_holds", "ip_keys", "strikes", "blocks", "bans", "cases", "evidence"):
        op.drop_table(table)
    op.drop_table("devices")
