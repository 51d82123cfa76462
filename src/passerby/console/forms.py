"""Reading the console's forms and filters: every field checked. Pure.

A form a moderator sends is still input from a client: each value is
checked here against what the page offered, and a bad one becomes a
:class:`FormError` with a sentence for the moderator, never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from passerby.safety.bans import REASONS
from passerby.safety.moderation_actions import COOLDOWN

# Case kinds the queue knows, in its order.
KINDS: Final = ("child_safety", "review", "report", "appeal")
# Ban lengths a moderator picks from, in hours (``permanent`` has none).
BAN_HOURS: Final = (1, 24, 24 * 7, 24 * 30, 24 * 365)
# A ban, end of matching or low-trust spell set by hand lasts at most this.
MAX_HOURS: Final = 24 * 365 * 5
# Why a moderator acted: kept in the audit log, so kept short.
MAX_WHY: Final = 500
TARGETS: Final = ("device", "address", "both")
# The reason codes a moderator bans with: the policy's, less the one that
# ending matching uses by itself.
BAN_REASONS: Final = {code: text for code, text in REASONS.items() if code != COOLDOWN}


class FormError(Exception):
    """A form value the console cannot use; the message is for the moderator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def text(form: Mapping[str, Any], name: str, limit: int = 200) -> str:
    value = form.get(name, "")
    if not isinstance(value, str):
        raise FormError(f"{name} must be text.")
    value = value.strip()
    if len(value) > limit:
        raise FormError(f"{name} is too long (at most {limit} characters).")
    return value


def why(form: Mapping[str, Any]) -> str:
    return text(form, "why", MAX_WHY)


def hours(form: Mapping[str, Any], name: str = "hours", *, optional: bool = False) -> float | None:
    """A positive number of hours, at most :data:`MAX_HOURS`; with
    ``optional``, an empty field means no end (None)."""
    raw = text(form, name, 16)
    if not raw:
        if optional:
            return None
        raise FormError("Give a number of hours.")
    try:
        value = float(raw)
    except ValueError:
        raise FormError("Hours must be a number.") from None
    if not 0 < value <= MAX_HOURS:
        raise FormError(f"Hours must be above 0 and at most {MAX_HOURS}.")
    return value


@dataclass(frozen=True, slots=True)
class BanForm:
    target: str
    seconds: float | None  # None: permanent
    reason_code: str
    why: str


def ban_form(form: Mapping[str, Any]) -> BanForm:
    target = text(form, "target", 16)
    if target not in TARGETS:
        raise FormError("Choose what to ban: the device, the address or both.")
    duration = text(form, "duration", 16)
    seconds: float | None
    if duration == "permanent":
        seconds = None
    elif duration == "custom":
        chosen = hours(form, "custom_hours")
        assert chosen is not None
        seconds = chosen * 3600
    else:
        try:
            picked = int(duration)
        except ValueError:
            raise FormError("Choose how long the ban lasts.") from None
        if picked not in BAN_HOURS:
            raise FormError("Choose how long the ban lasts.")
        seconds = picked * 3600.0
    reason = text(form, "reason_code", 32)
    if reason not in BAN_REASONS:
        raise FormError("Choose a reason code from the policy.")
    return BanForm(target, seconds, reason, why(form))


@dataclass(frozen=True, slots=True)
class QueueFilter:
    kind: str | None = None
    status: str | None = "open"
    section: str | None = None
    reason: str | None = None
    escalated: bool | None = None
    mine: bool = False


def queue_filter(query: Mapping[str, str]) -> QueueFilter:
    """The queue's filters from its query string; an unknown value is ignored."""
    kind = query.get("kind") or None
    status = query.get("status") or "open"
    section = (query.get("section") or "").strip()[:32] or None
    reason = (query.get("reason") or "").strip()[:64] or None
    return QueueFilter(
        kind=kind if kind in KINDS else None,
        status=None if status not in ("open", "resolved") else status,
        section=section,
        reason=reason,
        escalated=True if query.get("escalated") == "1" else None,
        mine=query.get("mine") == "1",
    )
