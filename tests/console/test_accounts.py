"""Accounts: setup links, Argon2 passwords, TOTP, lock-out, session expiry.

Driven through the service over a real store (SQLite and PostgreSQL) with a
hand-moved clock; the HTTP side is in test_pages.py.
"""

from __future__ import annotations

import pyotp
import pytest
from tests.console.support import PASSWORD, ConsoleHarness

from passerby.config import Settings
from passerby.console.accounts import AccountError
from passerby.console.commands import add_moderator
from passerby.console.credentials import token_hash


async def test_a_setup_link_works_once_and_stores_only_hashes(harness: ConsoleHarness) -> None:
    token = await harness.accounts.add("ana", "moderator", by="test")
    view = await harness.accounts.setup_view(token)
    assert view is not None and view.name == "ana"
    assert view.totp_uri.startswith("otpauth://totp/") and view.totp_secret in view.totp_uri
    code = pyotp.TOTP(view.totp_secret).at(harness.clock.wall())
    with pytest.raises(AccountError) as short:
        await harness.accounts.finish_setup(token, "short", "short", code)
    assert short.value.code == "bad_password"
    with pytest.raises(AccountError) as wrong:
        await harness.accounts.finish_setup(token, PASSWORD, PASSWORD, "000000")
    assert wrong.value.code == "bad_code"
    await harness.accounts.finish_setup(token, PASSWORD, PASSWORD, code)
    assert await harness.accounts.setup_view(token) is None
    with pytest.raises(AccountError) as again:
        await harness.accounts.finish_setup(token, PASSWORD, PASSWORD, code)
    assert again.value.code == "bad_link"
    row = await harness.store.get_moderator("ana")
    assert row is not None
    assert row.password_hash is not None and row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash and row.setup_token_hash is None


async def test_a_setup_link_expires(harness: ConsoleHarness) -> None:
    token = await harness.accounts.add("ana", "moderator", by="test")
    harness.clock.advance(harness.settings.console_setup_hours * 3600 + 1)
    assert await harness.accounts.setup_view(token) is None


async def test_names_roles_and_duplicates_are_checked(harness: ConsoleHarness) -> None:
    for name, role, code in (
        ("Ana Smith", "moderator", "bad_name"),
        ("ana", "owner", "bad_role"),
    ):
        with pytest.raises(AccountError) as refused:
            await harness.accounts.add(name, role, by="test")
        assert refused.value.code == code
    await harness.accounts.add("ana", "admin", by="test")
    with pytest.raises(AccountError) as taken:
        await harness.accounts.add("ana", "moderator", by="test")
    assert taken.value.code == "name_taken"


async def test_login_needs_the_password_and_a_fresh_code(harness: ConsoleHarness) -> None:
    ana = await harness.account("ana")
    harness.clock.advance(30)
    code = harness.code(ana)
    for password, typed in ((PASSWORD + "x", code), (PASSWORD, "123456"), ("", code)):
        with pytest.raises(AccountError) as failed:
            await harness.accounts.login("ana", password, typed)
        assert failed.value.code == "login_failed"
    token, session = await harness.accounts.login("ana", PASSWORD, code)
    assert session.moderator.name == "ana" and not session.moderator.is_admin
    assert await harness.store.get_console_session(token) is None  # only the hash is stored
    assert await harness.store.get_console_session(token_hash(token)) is not None
    with pytest.raises(AccountError):  # the same code, replayed
        await harness.accounts.login("ana", PASSWORD, code)
    harness.clock.advance(30)
    await harness.accounts.login("ana", PASSWORD, harness.code(ana))


async def test_an_unknown_name_fails_like_a_wrong_password(harness: ConsoleHarness) -> None:
    with pytest.raises(AccountError) as failed:
        await harness.accounts.login("nobody", PASSWORD, "123456")
    assert failed.value.code == "login_failed"


async def test_repeated_failures_lock_the_account_for_a_while(harness: ConsoleHarness) -> None:
    ana = await harness.account("ana")
    for _ in range(harness.settings.console_login_attempts):
        harness.clock.advance(30)
        with pytest.raises(AccountError):
            await harness.accounts.login("ana", "wrong password!", harness.code(ana))
    harness.clock.advance(30)
    with pytest.raises(AccountError):  # locked: even the right details fail
        await harness.accounts.login("ana", PASSWORD, harness.code(ana))
    row = await harness.store.get_moderator("ana")
    assert row is not None and row.locked_until is not None
    harness.clock.advance(harness.settings.console_lockout_minutes * 60)
    _, session = await harness.accounts.login("ana", PASSWORD, harness.code(ana))
    assert session.moderator.name == "ana"
    row = await harness.store.get_moderator("ana")
    assert row is not None and row.failed_logins == 0


async def test_sessions_end_when_idle_and_at_their_lifetime(harness: ConsoleHarness) -> None:
    ana = await harness.account("ana")
    harness.clock.advance(30)
    token, _ = await harness.accounts.login("ana", PASSWORD, harness.code(ana))
    idle = harness.settings.console_session_idle_minutes * 60
    harness.clock.advance(idle - 5)
    assert await harness.accounts.session(token) is not None
    harness.clock.advance(idle - 5)  # used just before: still alive
    assert await harness.accounts.session(token) is not None
    harness.clock.advance(idle)
    assert await harness.accounts.session(token) is None
    assert await harness.store.get_console_session(token_hash(token)) is None

    token, _ = await harness.accounts.login("ana", PASSWORD, harness.code(ana))
    lifetime = harness.settings.console_session_hours * 3600
    used = 0.0
    while used + idle / 2 < lifetime:
        harness.clock.advance(idle / 2)
        used += idle / 2
        assert await harness.accounts.session(token) is not None
    harness.clock.advance(lifetime - used)
    assert await harness.accounts.session(token) is None


async def test_logout_disable_and_reset_end_sessions(harness: ConsoleHarness) -> None:
    ana = await harness.account("ana")
    harness.clock.advance(30)
    token, _ = await harness.accounts.login("ana", PASSWORD, harness.code(ana))
    await harness.accounts.logout(token)
    assert await harness.accounts.session(token) is None

    harness.clock.advance(30)
    token, _ = await harness.accounts.login("ana", PASSWORD, harness.code(ana))
    link = await harness.accounts.reset("ana", by="ada")
    assert await harness.accounts.session(token) is None
    assert await harness.accounts.setup_view(link) is not None
    with pytest.raises(AccountError):  # the old password is gone with the reset
        harness.clock.advance(30)
        await harness.accounts.login("ana", PASSWORD, harness.code(ana))

    bea = await harness.account("bea")
    harness.clock.advance(30)
    token, _ = await harness.accounts.login("bea", PASSWORD, harness.code(bea))
    with pytest.raises(AccountError):
        await harness.accounts.disable("bea", by="bea")
    await harness.accounts.disable("bea", by="ada")
    assert await harness.accounts.session(token) is None
    assert await harness.store.count_console_sessions("bea") == 0
    harness.clock.advance(30)
    with pytest.raises(AccountError):
        await harness.accounts.login("bea", PASSWORD, harness.code(bea))


async def test_the_command_prints_a_setup_link(console_settings: Settings) -> None:
    from dataclasses import replace

    settings = replace(console_settings, public_url="https://chat.example.org/")
    link = await add_moderator(settings, "root", "admin")
    assert link.startswith("https://chat.example.org/mod/setup?token=")
    with pytest.raises(AccountError):
        await add_moderator(settings, "root", "admin")
