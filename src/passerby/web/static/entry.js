// The entry step on the landing page: the age band, the rules and the
// browser check, spoken over HTTP (protocol.md, "Entry: age band, rules and
// the device cookie").
//
// The server is the authority on everything here: it sets the HttpOnly
// device cookie (this module never sees it), decides the section, refuses
// under-13s and may ask for a proof of work. The page only shows what the
// server answered; it never decides on its own that someone may chat.

import { solveChallenge } from "./pow.js";

// How many times one press of Start answers `challenge_required` before
// giving up; a fresh challenge can only be needed once if the browser is honest.
const MAX_CHALLENGES = 3;

/** "teen" or "adult" for a section name or band the server sent, else null. */
export function sectionKind(section, band = null) {
  for (const value of [section, band]) {
    const text = String(value ?? "").toLowerCase();
    if (text.includes("teen") || text.startsWith("13")) return "teen";
    if (text.includes("adult") || text.startsWith("18")) return "adult";
  }
  return null;
}

/** POST or GET some JSON; resolves to {status, body}, body {} if not JSON. */
export async function requestJson(method, path, payload) {
  const init = { method, cache: "no-store", credentials: "same-origin", headers: {} };
  if (payload !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(payload);
  }
  const response = await fetch(path, init);
  let body = {};
  try {
    body = await response.json();
  } catch {
    // An empty or non-JSON answer (a proxy's error page): the status says enough.
  }
  return { status: response.status, body: body && typeof body === "object" ? body : {} };
}

export class Entry {
  /**
   * @param {Record<string, any>} els  fieldset, radios, agree, section, pending,
   *   change, check, progress, message
   * @param {import("./i18n.js").Translator} i18n
   * @param {{onBanned?: (ban: object) => void, onChange?: () => void}} hooks
   */
  constructor(els, i18n, hooks = {}) {
    this.els = els;
    this.i18n = i18n;
    this.hooks = hooks;
    // The last answer of GET or POST /api/entry, or null before the first.
    this.info = null;
    // False when the server has no /api/entry at all (an older server).
    this.supported = true;
    this.busy = false;
    this.message = null; // {key, params} or {text}
    for (const radio of els.radios) {
      radio.addEventListener("change", () => {
        this.message = null;
        this.render();
        hooks.onChange?.();
      });
    }
  }

  selectedBand() {
    return [...this.els.radios].find((radio) => radio.checked)?.value ?? null;
  }

  /** The band the server will use once any pending change is through. */
  targetBand() {
    if (!this.info?.declared) return null;
    return this.info.pending_band ?? this.info.band ?? null;
  }

  /** Ask the server what it knows about this browser (GET /api/entry). */
  async load() {
    let answer;
    try {
      answer = await requestJson("GET", "/api/entry");
    } catch {
      return; // offline: Start will try again and say so
    }
    if (answer.status === 404) {
      this.supported = false;
      return;
    }
    if (answer.status !== 200) return;
    this.info = answer.body;
    const band = this.info.under_13 ? "under13" : this.targetBand();
    if (band) {
      for (const radio of this.els.radios) radio.checked = radio.value === band;
    }
    // Refused as under 13 not long ago: this browser is told so again.
    if (this.info.under_13) this.message = { key: "entry.under_13" };
    this.render();
    if (this.info.ban) this.hooks.onBanned?.(this.info.ban);
  }

  /**
   * Declare the chosen band if the server does not already have it.
   * Resolves to true when the chat may start.
   */
  async ensure() {
    const band = this.selectedBand();
    if (!band) return this.fail({ key: "entry.choose_band" }, this.els.radios[0]);
    if (!this.els.agree.checked) return this.fail({ key: "entry.rules_not_accepted" }, this.els.agree);
    if (!this.supported) return true;
    if (band !== "under13" && band === this.targetBand()) return true;

    this.busy = true;
    this.message = null;
    this.render();
    try {
      return await this.declare(band);
    } finally {
      this.busy = false;
      this.showCheck(null);
      this.render();
    }
  }

  async declare(band) {
    let challenge = this.info?.challenge ?? null;
    for (let attempt = 0; attempt <= MAX_CHALLENGES; attempt++) {
      const payload = { age_band: band, accept_rules: true };
      if (challenge) {
        const solution = await this.solve(challenge);
        if (!solution) return this.fail({ key: "check.failed" });
        payload.solution = solution;
      }
      let answer;
      try {
        answer = await requestJson("POST", "/api/entry", payload);
      } catch {
        return this.fail({ key: "entry.offline" });
      }
      const { status, body } = answer;
      if (status === 200) {
        this.info = body;
        this.hooks.onChange?.();
        return true;
      }
      switch (body.code) {
        case "challenge_required":
          if (!body.challenge) return this.fail({ key: "check.failed" });
          challenge = body.challenge;
          break;
        case "banned":
          this.hooks.onBanned?.(body.ban ?? { reason: body.message });
          return false;
        case "under_13":
          return this.fail({ key: "entry.under_13" });
        case "rules_not_accepted":
          return this.fail({ key: "entry.rules_not_accepted" }, this.els.agree);
        case "rate_limited":
          return this.fail({ key: "entry.rate_limited" });
        default:
          return this.fail(
            body.message
              ? { key: "error.generic", params: { message: String(body.message) } }
              : { key: "error.internal" },
          );
      }
    }
    return this.fail({ key: "check.failed" });
  }

  async solve(challenge) {
    this.showCheck(0);
    try {
      const result = await solveChallenge(challenge, {
        onProgress: (fraction) => this.showCheck(fraction),
      });
      return result?.payload ?? null;
    } catch {
      return null;
    }
  }

  showCheck(fraction) {
    const { check, progress } = this.els;
    check.hidden = fraction === null;
    if (fraction !== null) progress.value = Math.round(fraction * 100);
  }

  fail(message, focus = null) {
    this.message = message;
    this.render();
    focus?.focus();
    return false;
  }

  /** Show what the server said about this browser, in the current language. */
  render() {
    const { els, info } = this;
    const t = (key, params) => this.i18n.t(key, params);
    const kind = info?.declared ? sectionKind(info.section, info.band) : null;
    els.section.hidden = !kind;
    els.section.textContent = kind ? t(`entry.section_${kind}`) : "";

    const pending = info?.declared && info.pending_band && info.pending_until;
    els.pending.hidden = !pending;
    els.pending.textContent = pending
      ? t("entry.pending", {
          band: info.pending_band,
          date: this.i18n.formatDate(info.pending_until),
        })
      : "";

    const selected = this.selectedBand();
    const target = this.targetBand();
    els.change.hidden = !(target && selected && selected !== target && selected !== "under13");

    const { message } = this;
    els.message.hidden = !message;
    els.message.textContent = !message
      ? ""
      : message.key
        ? t(message.key, message.params)
        : message.text;
    els.fieldset.disabled = this.busy;
  }
}
