// The ban screen: why this browser may not chat, until when, and the appeal
// form (protocol.md, "Entry" and "Safety messages": the `ban` object and
// POST /api/appeal).
//
// Everything the server sent is shown with textContent only.

import { requestJson } from "./entry.js";

// The server's limit on an appeal (protocol.md, POST /api/appeal).
const MAX_APPEAL_CHARS = 2000;

export class BanScreen {
  /**
   * @param {Record<string, HTMLElement>} els  root, heading, reason, expiry,
   *   form, text, hint, send, message
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
    // The catalogue's text for a known reason code; the server's (English)
    // text only for a code this page does not know.
    const key = `ban_reason.${code || "other"}`;
    const reason = i18n.has(key) || !ban.reason ? t(key) : String(ban.reason);
    els.reason.textContent = t("ban.reason", { reason });
    els.expiry.textContent = ban.expires_at
      ? t("ban.until", { date: i18n.formatDate(ban.expires_at) })
      : t("ban.permanent");
    els.form.hidden = !ban.appeal || this.appealed;
    const max = new Intl.NumberFormat(i18n.lang).format(MAX_APPEAL_CHARS);
    els.hint.textContent = t("ban.appeal_hint", { max });
    const { message } = this;
    els.message.textContent = message ? t(message.key, message.params) : "";
    els.message.classList.toggle("error", Boolean(message?.error));
  }
}
