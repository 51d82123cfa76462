"""What the ``passerby moderator`` command does, apart from parsing its flags.

The command line is the only way to make the first account (an admin then
makes the others in the console). It prints a one-time setup link; the link
is the only secret it shows, and it is never logged.
"""

from __future__ import annotations

from passerby.clock import Clock, SystemClock
from passerby.config import Settings
from passerby.console.accounts import AccountPolicy, AccountService
from passerby.storage.sql import SQLStore

SETUP_PATH = "/mod/setup"


def base_url(settings: Settings) -> str:
    """Where the console is reached: ``public_url``, else the listening address."""
    if settings.public_url:
        return settings.public_url.strip().rstrip("/")
    host = settings.host
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{settings.port}"


def setup_link(base: str, token: str) -> str:
    # The token rides in the query string, which the access log never writes.
    return f"{base.rstrip('/')}{SETUP_PATH}?token={token}"


async def add_moderator(
    settings: Settings, name: str, role: str, *, clock: Clock | None = None
) -> str:
    """Create a console account; its one-time setup link.

    Raises:
        AccountError: a bad name or role, or the name is taken.
    """
    store = SQLStore(settings.database())
    try:
        await store.migrate()
        accounts = AccountService(
            store, clock or SystemClock(), AccountPolicy.from_settings(settings)
        )
        token = await accounts.add(name, role, by="command line")
    finally:
        await store.close()
    return setup_link(base_url(settings), token)


async def reset_moderator(settings: Settings, name: str, *, clock: Clock | None = None) -> str:
    """Start an account over (a lost phone, a forgotten password); its new setup link.

    Raises:
        AccountError: there is no enabled account of that name.
    """
    store = SQLStore(settings.database())
    try:
        await store.migrate()
        accounts = AccountService(
            store, clock or SystemClock(), AccountPolicy.from_settings(settings)
        )
        token = await accounts.reset(name, by="command line")
    finally:
        await store.close()
    return setup_link(base_url(settings), token)
