"""The ban screen in the reader's language: the reason by its code, the expiry,
a moderator's pause (``cooldown``), and how an appeal was decided."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, expect
from tests.web.support import WAITING, Client, open_client

from passerby.safety.bans import REASONS
from passerby.safety.moderation_actions import Actor

CATALOGUES = Path(__file__).resolve().parents[2] / "src" / "passerby" / "web" / "static" / "i18n"
BAN_KEYS = ("ban.intro_cooldown", "ban.until_cooldown", "ban.outcome_upheld", "ban.outcome_lifted")


def test_every_catalogue_names_every_ban_reason_and_outcome() -> None:
    english = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    # English reads as the server's own sentence for each code.
    assert {code: english[f"ban_reason.{code}"] for code in REASONS} == REASONS
    for lang in ("es", "id"):
        strings = json.loads((CATALOGUES / f"{lang}.json").read_text(encoding="utf-8"))
        for key in (*BAN_KEYS, *(f"ban_reason.{code}" for code in REASONS)):
            assert strings.get(key), (lang, key)
            assert strings[key] != english[key], (lang, key)


async def device_of(client: Client, services: Any) -> str:
    """Enter (which sets the device cookie), stop looking, and the device hash."""
    page = client.page
    await client.start()
    await expect(client.system(WAITING)).to_be_visible()
    await page.click("#stop")
    await page.click("#stop")
    cookies = await page.context.cookies()
    [cookie] = [c["value"] for c in cookies if c["name"] == "passerby_device"]
    device = services.devices.hash_of_cookie(cookie)
    assert device
    return str(device)


async def test_the_appeal_outcome_in_the_readers_language(
    browser: Browser, live_server: Any
) -> None:
    client = await open_client(browser, live_server.url)
    page = client.page
    services = live_server.services
    device = await device_of(client, services)
    await page.select_option("#ui-lang", "es")
    await services.actions.ban(
        Actor.system("test"), device=device, address=None, reason_code="harassment", seconds=3600
    )
    await expect(page.locator("#ban")).to_be_visible()
    # The reason from the Spanish catalogue, not the server's English sentence.
    await expect(page.locator("#ban-reason")).to_have_text(
        "Motivo: Acosar o insultar a otras personas."
    )
    await expect(page.locator("#ban-expiry")).to_have_text(re.compile(r"^Bloqueado hasta el .*\d"))
    await expect(page.locator("#ban-outcome")).to_be_hidden()

    await page.fill("#appeal-text", "Fue un malentendido.")
    await page.click("#appeal-send")
    await expect(page.locator("#appeal-msg")).to_have_text(
        "Recibimos tu apelación. Un moderador la revisará."
    )
    [case] = await services.store.list_cases(kind="appeal")
    await services.actions.decide_appeal(Actor.moderator("ana"), case.id, lift=False)

    # The next visit: the outcome, in the language the reader chose, and no
    # second appeal form.
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "true")
    outcome = page.locator("#ban-outcome")
    await expect(outcome).to_be_visible()
    await expect(outcome).to_have_text(
        "Un moderador revisó tu apelación y decidió mantener el bloqueo."
    )
    await expect(outcome).to_have_attribute("data-outcome", "upheld")
    await expect(page.locator("#appeal-form")).to_be_hidden()
    await expect(page.locator("#ban-reason")).to_have_text(
        "Motivo: Acosar o insultar a otras personas."
    )
    # A change of language re-reads every line of the screen.
    await page.select_option("#ui-lang", "id")
    await expect(outcome).to_have_text(
        "Seorang moderator telah memeriksa banding Anda dan memutuskan blokir tetap berlaku."
    )
    await expect(page.locator("#ban-reason")).to_have_text(
        "Alasan: Melecehkan atau menghina orang lain."
    )
    client.assert_clean()


async def test_a_moderators_pause_reads_as_a_pause(browser: Browser, live_server: Any) -> None:
    client = await open_client(browser, live_server.url)
    page = client.page
    services = live_server.services
    device = await device_of(client, services)
    await services.actions.end_matching(Actor.moderator("ana"), device, None, 2.0)
    await expect(page.locator("#ban")).to_be_visible()
    await expect(page.locator("#ban-intro")).to_have_text(
        "A moderator paused chatting for this browser for a while."
    )
    await expect(page.locator("#ban-reason")).to_have_text(
        "Reason: A break from chatting, set by a moderator."
    )
    await expect(page.locator("#ban-expiry")).to_have_text(
        re.compile(r"^You can chat again on .*\d")
    )
    await page.select_option("#ui-lang", "es")
    await expect(page.locator("#ban-intro")).to_have_text(
        "Un moderador pausó el chat de este navegador durante un tiempo."
    )
    await expect(page.locator("#ban-expiry")).to_have_text(re.compile(r"^Podrás volver a chatear"))
    client.assert_clean()
