// The chat log: the lines on screen, and the same lines as a .txt download.
//
// Message text from either side is only ever put in the page with
// textContent, never parsed as HTML: a stranger's "<img onerror=...>" is shown
// literally. System lines keep their catalogue key so they can be re-read in
// another language when the user switches the UI language mid-chat.

export class Transcript {
  /**
   * @param {HTMLElement} log  the role="log" element the lines go into
   * @param {(key: string, params?: object) => string} t  the translator
   */
  constructor(log, t) {
    this.log = log;
    this.t = t;
    this.entries = [];
  }

  clear() {
    this.entries = [];
    this.log.replaceChildren();
  }

  get length() {
    return this.entries.length;
  }

  /** A line said by "you" or "stranger"; returns its entry. */
  addMessage(kind, text, id = null) {
    // notes: catalogue keys shown after the text, e.g. "not delivered".
    const entry = { kind, text, id, notes: [], el: document.createElement("p") };
    entry.el.className = `msg ${kind}`;
    if (id !== null) entry.el.dataset.id = String(id);
    const who = document.createElement("strong");
    who.className = "who";
    const body = document.createElement("span");
    body.className = "text";
    body.textContent = text;
    entry.el.append(who, " ", body);
    return this.push(entry);
  }

  /** A line from Passerby itself, e.g. "Stranger has disconnected." */
  addSystem(key, params = {}, { kind = "info" } = {}) {
    const entry = { kind: "system", key, params, el: document.createElement("p") };
    entry.el.className = `msg system ${kind}`;
    entry.el.dataset.key = key;
    return this.push(entry);
  }

  /** A system line whose text came from the server rather than the catalogue. */
  addSystemText(text) {
    const entry = { kind: "system", text, el: document.createElement("p") };
    entry.el.className = "msg system error";
    return this.push(entry);
  }

  push(entry) {
    // Follow the conversation only if the reader was already at the bottom,
    // so scrolling back to reread is not interrupted by new lines.
    const log = this.log;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    this.entries.push(entry);
    this.render(entry);
    log.append(entry.el);
    if (atBottom) log.scrollTop = log.scrollHeight;
    return entry;
  }

  /** One of your messages, by the id it was sent with, or null. */
  own(id) {
    if (id === null || id === undefined) return null;
    return this.entries.find((e) => e.kind === "you" && e.id === id) ?? null;
  }

  /** Add a note (a catalogue key) and a class to one of your messages. */
  note(id, className, key) {
    const entry = this.own(id);
    if (!entry || entry.notes.includes(key)) return null;
    entry.notes.push(key);
    entry.el.classList.add(className);
    if (!entry.el.querySelector(".note")) {
      const note = document.createElement("span");
      note.className = "note";
      entry.el.append(" ", note);
    }
    this.render(entry);
    return entry;
  }

  /** Mark one of your messages as not delivered (protocol: `undelivered`). */
  markUndelivered(id) {
    return this.note(id, "undelivered", "chat.not_delivered") !== null;
  }

  /** Mark one of your messages as held back by the rules (protocol: `held`). */
  markHeld(id) {
    return this.note(id, "held", "chat.not_sent") !== null;
  }

  /** Show your message as the stranger saw it, parts hidden (protocol: `masked`). */
  markMasked(id, text) {
    const entry = this.own(id);
    if (!entry) return false;
    entry.text = text;
    entry.el.querySelector(".text").textContent = text;
    this.note(id, "masked", "chat.parts_hidden");
    return true;
  }

  render(entry) {
    if (entry.kind === "system") {
      entry.el.textContent = entry.key ? this.t(entry.key, this.params(entry.params)) : entry.text;
      return;
    }
    entry.el.querySelector(".who").textContent =
      `${this.t(entry.kind === "you" ? "chat.you" : "chat.stranger")}:`;
    const note = entry.el.querySelector(".note");
    if (note) note.textContent = this.notesText(entry);
  }

  /** Params as text: a param given as `{ key }` is itself read from the
   * catalogue, so it too changes with the UI language. */
  params(params) {
    const out = {};
    for (const [name, value] of Object.entries(params ?? {})) {
      out[name] = value !== null && typeof value === "object" ? this.t(value.key) : value;
    }
    return out;
  }

  notesText(entry) {
    return entry.notes.length ? `(${entry.notes.map((key) => this.t(key)).join(", ")})` : "";
  }

  /** Re-read every line in the current language. */
  retranslate() {
    for (const entry of this.entries) this.render(entry);
  }

  toText(now = new Date()) {
    const lines = [this.t("chat.log_header", { date: now.toLocaleString() }), ""];
    for (const entry of this.entries) {
      if (entry.kind === "system") {
        lines.push(entry.el.textContent);
      } else {
        const who = this.t(entry.kind === "you" ? "chat.you" : "chat.stranger");
        const note = entry.notes.length ? ` ${this.notesText(entry)}` : "";
        lines.push(`${who}: ${entry.text}${note}`);
      }
    }
    return `${lines.join("\n")}\n`;
  }

  /** Offer the transcript as a .txt download through a Blob and <a download>. */
  download(now = new Date()) {
    const blob = new Blob([this.toText(now)], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const pad = (n) => String(n).padStart(2, "0");
    const stamp =
      `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
      `-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
    const link = document.createElement("a");
    link.href = url;
    link.download = `passerby-chat-${stamp}.txt`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before freeing the blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
