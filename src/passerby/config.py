"""Settings: defaults, then a TOML file, then ``PASSERBY_*`` variables, then flags.

Every setting is listed once, in :class:`Settings`, with its type and default;
``docs/configuration.md`` documents the same list. Bad values fail at start
with a :class:`~passerby.errors.ConfigError` naming the setting, never later.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from passerby.core.entry import Band, Section, SectionPolicy
from passerby.core.matchmaker import MatchmakerPolicy
from passerby.core.ratelimit import Rate
from passerby.core.session import SessionLimits
from passerby.errors import ConfigError

ENV_PREFIX = "PASSERBY_"
LOG_LEVELS = ("debug", "info", "warning", "error")
BROKER_SCHEMES = ("memory://", "redis://", "rediss://", "unix://")


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: str = "passerby-data"
    # Empty means SQLite in data_dir; see database().
    database_url: str = ""
    broker_url: str = "memory://"
    # With a Redis broker: the name all of a deployment's keys share.
    redis_prefix: str = "passerby"
    node_heartbeat_seconds: float = 1.0
    node_timeout_seconds: float = 3.0
    # Server processes on this machine, sharing the port (SO_REUSEPORT).
    workers: int = 1
    log_level: str = "info"
    interest_fallback_seconds: float = 10.0
    # Negative disables matching across languages.
    language_fallback_seconds: float = 20.0
    recent_partners: int = 3
    match_window: int = 4
    rate_frames_per_second: float = 20.0
    rate_frames_burst: int = 40
    rate_messages_per_second: float = 5.0
    rate_messages_burst: int = 10
    rate_starts_per_second: float = 2.0
    rate_starts_burst: int = 6
    # Starts per device across all its connections; past it, a challenge.
    rate_device_starts_per_minute: float = 40.0
    rate_device_starts_burst: int = 20
    # Age declarations per client address (POST /api/entry).
    rate_entries_per_minute: float = 10.0
    rate_entries_burst: int = 10
    flood_strikes: int = 100
    flood_window_seconds: float = 10.0
    max_connections: int = 20_000
    # Connections one address (IPv6: one /64) and one device may hold on a
    # node: a classroom behind one NAT address fits under the first; a
    # single client cannot take the whole server.
    max_connections_per_address: int = 64
    max_connections_per_device: int = 8
    # New WebSocket connections per address (IPv6: per /64) on a node; a
    # connection closed for flooding uses up 20 of them.
    rate_connections_per_minute: float = 120.0
    rate_connections_burst: int = 60
    # New chats per address (IPv6: per /64) across all its devices; past
    # it, each start asks for a proof-of-work challenge.
    rate_address_starts_per_minute: float = 120.0
    rate_address_starts_burst: int = 60
    heartbeat_seconds: float = 30.0
    # Trust and safety. An empty secret_key means: keep a random one in
    # data_dir/secret.key (created on first start, readable by the owner only).
    secret_key: str = ""
    adult_section: str = "adults"
    teen_section: str = "teens"
    teen_section_enabled: bool = True
    band_change_cooldown_hours: float = 24.0
    policy_file: str = ""
    pow_at_entry: bool = False
    pow_maxnumber: int = 100_000
    # Each challenge solved doubles the next one's work for that device (and
    # every pow_address_solves solved from one address double it for the
    # address), up to 2**pow_max_doublings times; the count halves each hour.
    pow_max_doublings: int = 10
    pow_address_solves: int = 3
    # Browsers may only open the WebSocket from these origins (comma
    # separated); empty means the server's own host only.
    allowed_origins: str = ""
    # Take the client address from X-Forwarded-For (only behind a proxy you run).
    trust_forwarded_for: bool = False
    # The classic Omegle HTTP API at the server's root (docs/omegle-api.md).
    omegle_api: bool = True
    # How long /events waits for an event before answering []; how long a
    # client id lives without a request; whether API clients may ask for the
    # teens' section (they have no age prompt).
    omegle_poll_seconds: float = 60.0
    omegle_idle_seconds: float = 120.0
    omegle_teens: bool = False
    # /start per address (IPv6: per /64).
    rate_omegle_starts_per_minute: float = 30.0
    rate_omegle_starts_burst: int = 10
    # The site's public address (https://chat.example.org). When set, a
    # WebSocket or API request must name it in its Host header.
    public_url: str = ""
    ip_key_days: float = 30.0
    chat_retention_days: float = 90.0
    evidence_retention_days: float = 365.0
    # Moderation actions: a moderator's claim on a case lasts this long unless
    # renewed; a legal hold keeps a case's evidence this long by default.
    claim_minutes: float = 30.0
    legal_hold_days: float = 365.0
    # Who law enforcement reaches about a report package (an admin's
    # download for a confirmed child-safety case): the reporter's contact
    # in the CyberTipline's terms. Empty until an operator sets them.
    report_contact_name: str = ""
    report_contact_email: str = ""
    report_contact_phone: str = ""
    # The moderator console (/mod/): a session ends after this long unused,
    # and in any case this long after login; this many failed logins in a
    # row lock an account for console_lockout_minutes; a setup link is
    # good for console_setup_hours. Logins from one address (IPv6: its /64),
    # to any account, are limited to console_address_logins_per_hour (a burst
    # of as many): guessing across many accounts, or locking them all, is slow.
    console_session_idle_minutes: float = 30.0
    console_session_hours: float = 12.0
    console_login_attempts: int = 5
    console_lockout_minutes: float = 15.0
    console_setup_hours: float = 24.0
    console_address_logins_per_hour: int = 30
    # The semantic tier (docs/moderation.md, "Semantic tier"): a worker
    # process scores messages by meaning; batches of at most
    # semantic_batch_size leave every semantic_flush_seconds; at most
    # semantic_queue_bound messages wait, past that it samples.
    semantic_enabled: bool = True
    semantic_batch_size: int = 64
    semantic_queue_bound: int = 2048
    semantic_flush_seconds: float = 0.1

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ConfigError("port must be between 0 and 65535")
        if self.log_level not in LOG_LEVELS:
            raise ConfigError(f"log_level must be one of {', '.join(LOG_LEVELS)}")
        for name in ("interest_fallback_seconds", "flood_window_seconds", "heartbeat_seconds"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must not be negative")
        for name in (
            "rate_frames_per_second",
            "rate_messages_per_second",
            "rate_starts_per_second",
            "rate_frames_burst",
            "rate_messages_burst",
            "rate_starts_burst",
            "rate_entries_per_minute",
            "rate_device_starts_per_minute",
            "rate_device_starts_burst",
            "rate_entries_burst",
            "match_window",
            "flood_strikes",
            "max_connections",
            "max_connections_per_address",
            "max_connections_per_device",
            "rate_connections_per_minute",
            "rate_connections_burst",
            "rate_address_starts_per_minute",
            "rate_address_starts_burst",
            "pow_maxnumber",
            "pow_address_solves",
            "omegle_poll_seconds",
            "omegle_idle_seconds",
            "rate_omegle_starts_per_minute",
            "rate_omegle_starts_burst",
            "console_session_idle_minutes",
            "console_session_hours",
            "console_login_attempts",
            "console_lockout_minutes",
            "console_setup_hours",
            "console_address_logins_per_hour",
            "semantic_batch_size",
            "semantic_queue_bound",
            "semantic_flush_seconds",
        ):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        if self.omegle_poll_seconds >= self.omegle_idle_seconds:
            raise ConfigError("omegle_poll_seconds must be shorter than omegle_idle_seconds")
        if not 0 <= self.pow_max_doublings <= 20:
            raise ConfigError("pow_max_doublings must be between 0 and 20")
        if self.public_url and not _public_url(self.public_url):
            raise ConfigError(
                "public_url must be an http:// or https:// address, like https://chat.example.org"
            )
        if self.recent_partners < 0:
            raise ConfigError("recent_partners must not be negative")
        for name in (
            "ip_key_days",
            "chat_retention_days",
            "evidence_retention_days",
            "claim_minutes",
            "legal_hold_days",
        ):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        if self.evidence_retention_days < 30:
            raise ConfigError("evidence_retention_days must be at least 30")
        if self.adult_section == self.teen_section or not self.adult_section:
            raise ConfigError("adult_section and teen_section must be two different names")
        if not self.broker_url.startswith(BROKER_SCHEMES):
            raise ConfigError("broker_url must start with " + ", ".join(BROKER_SCHEMES))
        if not 0 < self.node_heartbeat_seconds < self.node_timeout_seconds:
            raise ConfigError("node_heartbeat_seconds must be positive and below node_timeout")
        if not self.redis_prefix or any(c in self.redis_prefix for c in "{}"):
            raise ConfigError("redis_prefix must be a non-empty name without braces")
        if self.workers < 1:
            raise ConfigError("workers must be at least 1")
        if self.workers > 1 and self.broker_url.startswith("memory://"):
            raise ConfigError(
                "workers > 1 needs a shared broker (broker_url = redis://...): "
                "with memory:// each worker would pair only its own users"
            )

    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser().resolve()

    def sections(self) -> SectionPolicy:
        chosen = [Section(self.adult_section, Band.ADULT)]
        if self.teen_section_enabled:
            chosen.append(Section(self.teen_section, Band.TEEN, text_only=True))
        return SectionPolicy(tuple(chosen), timedelta(hours=self.band_change_cooldown_hours))

    def origins(self) -> frozenset[str]:
        return frozenset(
            o.strip().rstrip("/") for o in self.allowed_origins.split(",") if o.strip()
        )

    def public_hosts(self) -> frozenset[str]:
        """The ``Host`` values that name this site (empty: any host)."""
        parsed = _public_url(self.public_url)
        if parsed is None:
            return frozenset()
        host, default = parsed
        hosts = {host}
        if ":" not in host.rsplit("]", 1)[-1]:
            hosts.add(f"{host}:{default}")
        elif host.endswith(f":{default}"):
            hosts.add(host.removesuffix(f":{default}"))
        return frozenset(hosts)

    def database(self) -> str:
        if self.database_url:
            return self.database_url
        path = self.data_path() / "passerby.db"
        return f"sqlite+aiosqlite:///{path}"

    def matchmaker_policy(self) -> MatchmakerPolicy:
        language = self.language_fallback_seconds
        return MatchmakerPolicy(
            interest_fallback=self.interest_fallback_seconds,
            language_fallback=None if language < 0 else language,
            recent_partners=self.recent_partners,
            window=self.match_window,
        )

    def session_limits(self) -> SessionLimits:
        return SessionLimits(
            frames=Rate(self.rate_frames_per_second, self.rate_frames_burst),
            messages=Rate(self.rate_messages_per_second, self.rate_messages_burst),
            starts=Rate(self.rate_starts_per_second, self.rate_starts_burst),
            flood_strikes=self.flood_strikes,
            flood_window=self.flood_window_seconds,
        )


def _public_url(url: str) -> tuple[str, int] | None:
    """The host (with any port, lower case) and default port of a public URL."""
    parsed = urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc or "@" in parsed.netloc:
        return None
    return parsed.netloc.lower(), 443 if parsed.scheme == "https" else 80


_FIELDS = {f.name: f for f in fields(Settings)}


def _convert(name: str, raw: Any) -> Any:
    kind = _FIELDS[name].type
    try:
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            if isinstance(raw, str) and raw.strip().lower() in ("1", "true", "yes", "on"):
                return True
            if isinstance(raw, str) and raw.strip().lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError
        if kind == "int":
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            return int(raw)
        if kind == "float":
            if isinstance(raw, bool):
                raise ValueError
            return float(raw)
        if not isinstance(raw, str):
            raise ValueError
        return raw
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: expected {kind}, got {raw!r}") from None


def load(
    path: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build settings from a TOML file, the environment and explicit overrides.

    ``path`` falls back to ``$PASSERBY_CONFIG``. Unknown keys in the file or
    unknown ``PASSERBY_*`` variables are errors, so a typo cannot go unseen.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = path or env.get(ENV_PREFIX + "CONFIG") or None
    if path is not None:
        try:
            with open(path, "rb") as fh:
                table = tomllib.load(fh)
        except OSError as exc:
            raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
        table = table.get("passerby", table)
        for key, raw in table.items():
            if key not in _FIELDS:
                raise ConfigError(f"unknown setting {key!r} in {path}")
            values[key] = _convert(key, raw)
    for var, raw in env.items():
        if not var.startswith(ENV_PREFIX) or var == ENV_PREFIX + "CONFIG":
            continue
        if var.startswith(ENV_PREFIX + "TEST_"):
            continue  # test-suite settings, not server settings
        key = var.removeprefix(ENV_PREFIX).lower()
        if key not in _FIELDS:
            raise ConfigError(f"unknown environment variable {var}")
        values[key] = _convert(key, raw)
    for key, raw in (overrides or {}).items():
        if raw is not None:
            values[key] = _convert(key, raw)
    return dataclasses.replace(Settings(), **values)
