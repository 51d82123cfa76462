"""What the console needs from the rest of Passerby, and nothing more.

The console changes nothing by itself: every safety action goes through the
actions layer (:mod:`passerby.safety.moderation_actions`), which writes it
with its audit record in one transaction and announces it after the commit.
The console calls that layer's :class:`~passerby.safety.moderation_actions.Actions`
itself; these protocols name just the reads it needs of the SQL store and
the address hasher.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from passerby.console.accounts import AccountStore
from passerby.storage.actions_sql import AppealOutcome, History, LegalHold
from passerby.storage.audit import AuditRecord
from passerby.storage.chain import EvidenceRecord
from passerby.storage.dashboard_sql import DashboardFigures
from passerby.storage.safety_sql import BanRow, CaseRow


class ConsoleStore(AccountStore, Protocol):
    """Reads for the pages, and the console's own counts."""

    async def case_queue(
        self,
        *,
        kind: str | None = None,
        status: str | None = "open",
        section: str | None = None,
        reason: str | None = None,
        escalated: bool | None = None,
        limit: int = 200,
    ) -> list[CaseRow]: ...

    async def case_with_evidence(
        self, case_id: str
    ) -> tuple[CaseRow, list[EvidenceRecord]] | None: ...

    async def history(self, device: str | None, ip_hashes: Sequence[str] = ()) -> History: ...

    async def get_ban(self, ban_id: str) -> BanRow | None: ...

    async def appeal_outcome(self, ban_id: str) -> AppealOutcome | None: ...

    async def legal_hold(self, case_id: str) -> LegalHold | None: ...

    async def audit_of_case(self, case_id: str) -> list[AuditRecord]: ...

    async def child_safety_confirmation(self, case_id: str) -> AuditRecord | None: ...

    async def dashboard_figures(self, now: datetime, hours: int = 24) -> DashboardFigures: ...

    async def list_audit(self, after: int = 0, limit: int | None = None) -> list[AuditRecord]: ...

    async def note_child_safety_review(
        self, name: str, case_id: str, day: str, at: datetime
    ) -> None: ...

    async def child_safety_reviews_on(self, day: str) -> dict[str, int]: ...


class AddressHasher(Protocol):
    async def candidates(self, address: str) -> list[str]:
        """Every hash an address may be stored under."""
