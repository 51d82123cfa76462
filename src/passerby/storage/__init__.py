"""The store: what Passerby keeps on disk.

One SQLAlchemy Core schema (:mod:`.schema`) with Alembic migrations
(``migrations/``) serves every engine; SQLite is the embedded default and
PostgreSQL uses the same tables without schema changes.
"""
