// The ban screen: why this browser may not chat, until when, how an appeal
// was decided, and the appeal form (protocol.md, "Entry" and "Safety
// messages": the `ban` object and POST /api/appeal).
//
// The reason is read from the catalogue by its code (`ban_reason.<code>`),
// so it is in the reader's language; the server's English sentence is only
// the fallback for a code the catalogue does not know. A `cooldown` is a
// moderator's pause from matching, not a verdict, and says so.
//
// Everything the server sent is shown with textContent only.

import { requestJson } from "./entry.js";

// The server's limit on an appeal (protocol.md, POST /api/appeal).
const MAX_APPEAL_CHARS = 2000;
const COOLDOWN = "cooldown";
// The appeal outcomes the server sends (protocol.md, the `ban` object).
const OUTCOMES = ["upheld", "lifted"];

export class BanScreen {
  /**
   * @param {Record<string, HTMLElement>} els  root, heading, intro, reason,
   *   expiry, outcome, form, text, hint, send, message
   * @param {import("./i18n.js").Translator} i18n
   */
  constructor(els, i18n) {
    this.els = els;
    this.i18n = i18n;
    this.ban = null;
    this.appealed = false;
    this.message = null; // {key, params, error}
    els.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.appeal();
    });
  }

  get shown() {
    return this.ban !== null;
  }

  show(ban) {
    this.ban = ban && typeof ban === "object" ? ban : {};
    this.els.root.hidden = false;
    this.render();
    this.els.heading.focus();
  }

  async appeal() {
    const { els } = this;
    const text = els.text.value.trim();
    if (text === "") return this.say({ key: "ban.appeal_empty", error: true }, els.text);
    if ([...text].length > MAX_APPEAL_CHARS) {
      return this.say({ key: "ban.appeal_too_long", error: true }, els.text);
    }
    els.send.disabled = true;
    try {
      const { status, body } = await requestJson("POST", "/api/appeal", { text });
      if (status === 202) {
        this.appealed = true;
        // The form goes away; keep focus on the answer rather than on nothing.
        this.say({ key: "ban.appeal_received" }, els.message);
      } else if (body.code === "not_banned") {
        this.say({ key: "ban.not_banned", error: true });
      } else if (body.code === "rate_limited" || status === 429) {
        this.say({ key: "entry.rate_limited", error: true });
      } else if (body.message) {
        this.say({ key: "error.generic", params: { message: String(body.message) }, error: true });
      } else {
        this.say({ key: "error.internal", error: true });
      }
    } catch {
      this.say({ key: "entry.offline", error: true });
    } finally {
      els.send.disabled = false;
    }
  }

  say(message, focus = null) {
    this.message = message;
    this.render();
    focus?.focus();
  }

  render() {
    if (!this.ban) return;
    const { els, ban, i18n } = this;
    const t = (key, params) => i18n.t(key, params);
    const code = String(ban.reason_code ?? "");
    const cooldown = code === COOLDOWN;
    if (els.intro) {
      // Kept in data-i18n too, so a change of language re-reads the right key.
      els.intro.dataset.i18n = cooldown ? "ban.intro_cooldown" : "ban.intro";
      els.intro.textContent = t(els.intro.dataset.i18n);
    }
    let reason;
    if (code && i18n.has(`ban_reason.${code}`)) reason = t(`ban_reason.${code}`);
    else if (ban.reason) reason = String(ban.reason);
    else reason = t("ban_reason.other");
    els.reason.textContent = t("ban.reason", { reason });
    const date = ban.expires_at ? i18n.formatDate(ban.expires_at) : null;
    if (cooldown) {
      els.expiry.textContent = date ? t("ban.until_cooldown", { date }) : t("ban.permanent");
    } else {
      els.expiry.textContent = date ? t("ban.until", { date }) : t("ban.permanent");
    }
    const outcome = OUTCOMES.includes(ban.appeal_outcome) ? ban.appeal_outcome : null;
    if (els.outcome) {
      els.outcome.hidden = outcome === null;
      els.outcome.textContent = outcome ? t(`ban.outcome_${outcome}`) : "";
      els.outcome.dataset.outcome = outcome ?? "";
    }
    els.form.hidden = !ban.appeal || this.appealed || outcome !== null;
    const max = new Intl.NumberFormat(i18n.lang).format(MAX_APPEAL_CHARS);
    els.hint.textContent = t("ban.appeal_hint", { max });
    const { message } = this;
    els.message.textContent = message ? t(message.key, message.params) : "";
    els.message.classList.toggle("error", Boolean(message?.error));
  }
}
