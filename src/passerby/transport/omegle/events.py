"""The classic Omegle events: typed server messages as Omegle's event arrays.

The only place that knows Omegle's event names. Each event is a JSON array,
its name first (``["gotMessage", "hi"]``). Clients depend on a few quirks,
kept here (``docs/omegle-api.md``): ``connected`` comes in the same batch as
``commonLikes`` and ``identDigests``, and never last among them (one client
reads the element after it, another looks for ``commonLikes`` anywhere in
that batch and fails without it, so it is always sent, empty for a random
match).

``identDigests`` are four random 32-hex digests made afresh for every chat:
they cannot be linked across chats, to an address or to a device.
"""

from __future__ import annotations

import secrets
from typing import Any, Final

from passerby.core import messages as m
from passerby.transport.catalogue import FALLBACK, Catalogue, catalogue

Event = list[Any]

BANNED_TEXT: Final = "You have been banned from Passerby"


def ident_digests() -> str:
    """Four fresh random digests, comma separated (one chat's worth)."""
    return ",".join(secrets.token_hex(16) for _ in range(4))


def events_for(message: m.ServerMessage, texts: Catalogue | None = None) -> list[Event]:
    """The Omegle events that say ``message`` (none for what Omegle had no
    word for); the texts a client shows as they come are from ``texts``,
    the web client's catalogue for the language the client asked for."""
    words = texts or catalogue(FALLBACK)
    match message:
        case m.Message(text):
            return [["gotMessage", text]]
        case m.Typing():
            return [["typing"]]
        case m.StoppedTyping():
            return [["stoppedTyping"]]
        case m.Waiting():
            return [["waiting"]]
        case m.Connected(common):
            return [["connected"], ["commonLikes", list(common)], ["identDigests", ident_digests()]]
        case m.ChatEnded(by="stranger"):
            return [["strangerDisconnected"]]
        case m.ChatEnded(by="system"):
            ended = words.text("chat.ended_system", "The chat was ended because of the rules.")
            return [["serverMessage", ended], ["strangerDisconnected"]]
        case m.Held(code=code, reason=reason) | m.Warning(code=code, message=reason):
            return [["serverMessage", words.text(f"rule.{code}", reason)]]
        case m.Masked():
            masked = "One of your messages was delivered with parts hidden."
            return [["serverMessage", words.text("chat.masked_line", masked)]]
        case m.Undelivered(reason="partner_gone"):
            gone = "Your message was not delivered: the stranger had already left."
            return [["serverMessage", words.text("chat.undelivered_line", gone)]]
        case m.Banned(ban):
            code = str(ban.get("reason_code", ""))
            reason = words.text(f"ban_reason.{code}", str(ban.get("reason", "")))
            return [["error", f"{BANNED_TEXT}: {reason}".rstrip(": ")]]
        case m.Challenge(challenge):
            # A proof-of-work challenge in place of a captcha: solve it and
            # answer it at /recaptcha (docs/omegle-api.md).
            return [["recaptchaRequired", dict(challenge)]]
        case m.Error(code="bad_solution"):
            return [["recaptchaRejected", message.message]]
        case m.Error(code="challenge_required"):
            return []  # the recaptchaRequired before it says what to do
        case m.Error():
            return [["serverMessage", message.message]]
        case _:
            # welcome, stopped, pong, fell back, challenge passed, report
            # received, chat ended by you: Omegle said nothing of these.
            return []


def closing_events(reason: m.Closing) -> list[Event]:
    """What the client sees when the server ends its session."""
    if reason is m.Closing.BANNED:
        return []  # the error event of the ban said it
    return [["connectionDied"]]
