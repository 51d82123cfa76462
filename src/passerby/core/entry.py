"""Age bands, sections and declarations: who may chat where. Pure.

A device declares an age band. Each band belongs to exactly one section, and
the matchmaker never pairs across sections, so **an adult is never paired
with a teen**. Changing a band is allowed but only takes effect after a
cool-down, during which the device stays in its old section: a sudden
change of age is exactly what someone trying to reach the other section
would do, so it is slowed down and reported as a signal.

Nothing here reads a clock; ``now`` is a UTC datetime passed in.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta


class Band(enum.StrEnum):
    UNDER_13 = "under13"
    TEEN = "13-17"
    ADULT = "18+"


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    band: Band
    text_only: bool = False


DEFAULT_SECTIONS = (
    Section("adults", Band.ADULT),
    # Teens chat in text only by default: no camera, no pictures.
    Section("teens", Band.TEEN, text_only=True),
)

# A day is long enough that "just try the other section" stops being casual,
# short enough that a genuine mistake is fixed by tomorrow.
DEFAULT_COOLDOWN = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Declaration:
    band: Band
    declared_at: datetime
    pending_band: Band | None = None
    pending_until: datetime | None = None

    def settled(self, now: datetime) -> Declaration:
        """The declaration with any pending change applied once it is due."""
        due = self.pending_until is not None and now >= self.pending_until
        if due and self.pending_band is not None and self.pending_until is not None:
            return Declaration(self.pending_band, self.pending_until)
        return self


class EntryRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


UNDER_13_MESSAGE = (
    "Passerby is for people aged 13 and over, so we can't let you in. "
    "There are lots of great places made for you, and we hope you find one!"
)


@dataclass(frozen=True, slots=True)
class DeclarationResult:
    declaration: Declaration
    changed_band: bool  # a change of band was asked for (a signal)


class SectionPolicy:
    def __init__(
        self,
        sections: tuple[Section, ...] = DEFAULT_SECTIONS,
        cooldown: timedelta = DEFAULT_COOLDOWN,
    ) -> None:
        bands = [s.band for s in sections]
        if Band.UNDER_13 in bands:
            raise ValueError("no section may admit under-13s")
        if len(set(bands)) != len(bands):
            raise ValueError("each age band belongs to exactly one section")
        self.sections = sections
        self.cooldown = cooldown
        self._by_band = {s.band: s for s in sections}

    def section_for(self, band: Band) -> Section | None:
        return self._by_band.get(band)

    def declare(self, previous: Declaration | None, band: Band, now: datetime) -> DeclarationResult:
        """Apply a new declaration.

        Raises:
            EntryRefused: ``under_13``, or ``no_section`` for a band the
                operator has no section for.
        """
        if band is Band.UNDER_13:
            raise EntryRefused("under_13", UNDER_13_MESSAGE)
        if band not in self._by_band:
            raise EntryRefused("no_section", "This service has no section for that age.")
        if previous is None:
            return DeclarationResult(Declaration(band, now), changed_band=False)
        current = previous.settled(now)
        if band == current.band:
            # Same band again (or taking back a pending change): nothing pending.
            return DeclarationResult(replace(current, pending_band=None, pending_until=None), False)
        if band == current.pending_band:
            return DeclarationResult(current, changed_band=False)
        pending = replace(current, pending_band=band, pending_until=now + self.cooldown)
        return DeclarationResult(pending, changed_band=True)
