"""Passerby: anonymous one-to-one chat with random strangers."""

from __future__ import annotations

__version__ = "0.1.0"
