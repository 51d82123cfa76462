// The chat screen: one WebSocket speaking docs/protocol.md, and the controls
// around the log.
//
// The client's own state is one of:
//   idle        nothing asked yet (the landing page is showing)
//   connecting  the socket is opening; `start` is sent once `welcome` arrives
//   starting    `start` sent, waiting for the server's `waiting`
//   waiting     in the queue
//   chatting    paired with a stranger
//   leaving     `leave` sent, waiting for `chat_ended` or `stopped`
//   ended       the chat (or the search, or the connection) is over
//   banned      the server said this browser is banned; nothing more happens
// A proof-of-work `challenge` can arrive in any state; it is solved in the
// background and a `start` waits for `challenge_passed`.
// The server is the authority: the client moves on its answers, not on its
// own guesses, except that a lost socket always ends whatever was going on.

import { sectionKind } from "./entry.js";
import { solveChallenge } from "./pow.js";
import { Transcript } from "./transcript.js";

// How long after the last keystroke we tell the stranger we stopped typing.
const TYPING_IDLE_MS = 3000;
const ACTIVE = new Set(["connecting", "starting", "waiting", "chatting", "leaving"]);

// How long after a chat ends it can still be reported (protocol.md, `report`).
const REPORT_WINDOW_MS = 10 * 60 * 1000;

// What the status line says in each state.
const STATUS_KEYS = {
  idle: "",
  connecting: "status.connecting",
  starting: "status.connecting",
  waiting: "status.waiting",
  chatting: "status.chatting",
  leaving: null, // keep whatever was said before
  ended: "status.ended",
  banned: "",
};

// Close codes (protocol.md, "Close codes") that deserve their own explanation.
const CLOSE_KEYS = {
  1001: "chat.server_restart",
  1008: "chat.flooding",
  1013: "chat.server_full",
  4001: "chat.section_changed",
};

// Server error codes the catalogue words itself; others show the server's text.
const ERROR_KEYS = new Set([
  "rate_limited",
  "too_long",
  "frame_too_large",
  "bad_state",
  "internal",
  "report_not_saved",
]);

export function socketUrl(location) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws`;
}

export class Chat {
  /**
   * @param {Record<string, HTMLElement>} els  the chat screen's elements
   * @param {import("./i18n.js").Translator} i18n
   * @param {{onOnline?: (n: number) => void, onLimits?: (l: object) => void,
   *          onChangeSettings?: () => void, onReport?: () => void,
   *          onBanned?: (ban: object) => void, onEntryRequired?: () => void}} hooks
   */
  constructor(els, i18n, hooks = {}) {
    this.els = els;
    this.i18n = i18n;
    this.hooks = hooks;
    this.transcript = new Transcript(els.log, (k, p) => i18n.t(k, p));
    this.state = "idle";
    this.confirming = false;
    this.choices = null;
    this.socket = null;
    this.fellBack = false;
    this.statusKey = "";
    this.maxChars = 2000;
    this.nextId = 1;
    this.typingSent = false;
    this.typingTimer = null;
    this.section = null;
    // Proof of work: the challenge still to be answered, whether it is being
    // solved now, and whether a `start` is waiting for `challenge_passed`.
    this.challenge = null;
    this.solving = false;
    // The challenge whose solution was sent: a `challenge_required` that
    // crosses it on the wire must not have it solved and sent again.
    this.answered = null;
    this.startAfterCheck = false;
    // Reports: chats are numbered as they connect; the last one that ended
    // can be reported for REPORT_WINDOW_MS, until the next one connects.
    this.chatSerial = 0;
    this.endedSerial = 0;
    this.endedAt = 0;
    this.reportedSerial = 0;
    this.reportUndo = 0;
    this.reportTimer = null;
    this.inChat = false;
    this.wire();
  }

  wire() {
    const { els } = this;
    els.stop.addEventListener("click", () => this.stopOrNew());
    els.newChat.addEventListener("click", () => {
      this.begin(this.choices);
      els.input.focus();
    });
    els.changeSettings.addEventListener("click", () => this.hooks.onChangeSettings?.());
    els.saveLog.addEventListener("click", () => this.transcript.download());
    els.send.addEventListener("click", () => {
      this.sendMessage();
      els.input.focus();
    });
    els.stopInterests.addEventListener("click", () => this.stopInterests());
    els.report.addEventListener("click", () => {
      if (this.reportTarget()) this.hooks.onReport?.();
    });
    els.input.addEventListener("input", () => this.onInput());
    els.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendMessage();
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || event.repeat || event.isComposing) return;
      if (els.root.hidden) return;
      // Esc in (or closing) a dialog belongs to the dialog, never to Stop.
      if (event.target instanceof Element && event.target.closest("dialog")) return;
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault();
      this.stopOrNew();
    });
  }

  // ---- actions -------------------------------------------------------------

  /** Look for a stranger with these choices ({interests, interestsOnly, lang}). */
  begin(choices) {
    if (this.state === "banned") return;
    this.choices = choices;
    this.transcript.clear();
    this.fellBack = false;
    this.setTyping(false);
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.sendStart();
    } else {
      this.setState("connecting");
      this.connect();
    }
  }

  /** The Stop / Really? / New button, and Esc. */
  stopOrNew() {
    if (this.state === "banned") return;
    if (this.state === "ended") {
      this.begin(this.choices);
    } else if (this.state === "leaving" || this.state === "idle") {
      // Already on the way out (or nothing to stop): nothing to do.
    } else if (!this.confirming) {
      this.confirming = true;
      this.render();
    } else {
      this.leave();
    }
  }

  leave() {
    this.stopTyping();
    if (this.state === "connecting") {
      // No `start` has gone out yet: just don't send it.
      this.transcript.addSystem("chat.stopped");
      this.setState("ended");
    } else {
      this.send({ type: "leave" });
      this.setState("leaving");
    }
  }

  stopInterests() {
    if (this.state !== "waiting") return;
    this.send({ type: "stop_interests" });
    this.fellBack = true;
    this.render();
    this.els.stop.focus();
  }

  sendMessage() {
    const text = this.els.input.value;
    if (this.state !== "chatting" || text.trim() === "") return;
    if ([...text].length > this.maxChars) {
      this.transcript.addSystem("error.too_long", { max: this.maxChars }, { kind: "error" });
      return;
    }
    const id = this.nextId++;
    this.send({ type: "message", text, id });
    this.transcript.addMessage("you", text, id);
    this.els.input.value = "";
    this.stopTyping();
    this.confirming = false; // still talking: a pending "Really?" is withdrawn
    this.render();
  }

  /**
   * Which chat a report would be about: "current", "last" or null (none).
   * @param {number|null} serial  the chat the report is for (default: the
   *   one the Report button stands for now)
   */
  reportTarget(serial = null) {
    if (this.state === "banned") return null;
    if (serial === null) serial = this.inChat ? this.chatSerial : this.endedSerial;
    if (!serial || serial === this.reportedSerial) return null;
    if (this.inChat && serial === this.chatSerial) return "current";
    // "last" is the chat that ended most recently: still right while the
    // next chat runs, wrong once that one has ended too.
    if (serial === this.endedSerial && Date.now() - this.endedAt < REPORT_WINDOW_MS) {
      return "last";
    }
    return null;
  }

  /** The chat the Report button stands for right now (0 for none). */
  reportSerial() {
    if (!this.reportTarget()) return 0;
    return this.inChat ? this.chatSerial : this.endedSerial;
  }

  /** Send a report about chat `serial`; false if it cannot go out. */
  sendReport({ reason, comment }, serial) {
    const chat = this.reportTarget(serial);
    if (!chat) {
      this.transcript.addSystem("report.nothing", {}, { kind: "error" });
      this.render();
      return true; // nothing more the dialog can do; the log says why
    }
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    const frame = { type: "report", reason, chat };
    if (comment) frame.comment = comment;
    this.send(frame);
    // Hide the button at once; an error about the report gives it back.
    this.reportUndo = this.reportedSerial;
    this.reportedSerial = serial;
    this.render();
    return true;
  }

  /** Forget the socket so the next begin() reconnects (new cookie, new section). */
  reconnectNext() {
    const socket = this.socket;
    if (!socket || ACTIVE.has(this.state)) return;
    this.socket = null;
    socket.close(1000);
  }

  /** Answer a proof-of-work challenge in the background. */
  async solve() {
    if (this.solving || !this.challenge || this.challenge === this.answered) return;
    const challenge = this.challenge;
    const socket = this.socket;
    this.solving = true;
    this.showCheck(0);
    let result = null;
    try {
      result = await solveChallenge(challenge, { onProgress: (f) => this.showCheck(f) });
    } catch {
      result = null;
    } finally {
      this.solving = false;
      this.showCheck(null);
    }
    if (socket !== this.socket) return; // that connection is gone
    if (challenge !== this.challenge) {
      // A newer challenge came while this one was being solved.
      this.solve();
      return;
    }
    if (result) {
      this.answered = challenge;
      this.send({ type: "solve", payload: result.payload });
    } else {
      this.checkFailed();
    }
  }

  checkFailed() {
    this.challenge = null;
    this.transcript.addSystem("check.failed", {}, { kind: "error" });
    if (this.startAfterCheck) {
      this.startAfterCheck = false;
      this.setState("ended");
    }
  }

  showCheck(fraction) {
    const { check, checkProgress } = this.els;
    check.hidden = fraction === null;
    if (fraction !== null) checkProgress.value = Math.round(fraction * 100);
  }

  onInput() {
    if (this.state !== "chatting") return;
    if (this.els.input.value.trim() === "") {
      this.stopTyping();
      return;
    }
    if (!this.typingSent) {
      this.send({ type: "typing" });
      this.typingSent = true;
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.typingTimer);
    this.typingTimer = null;
    if (this.typingSent && this.state === "chatting") this.send({ type: "stopped_typing" });
    this.typingSent = false;
  }

  // ---- the socket ----------------------------------------------------------

  connect() {
    let socket;
    try {
      socket = new WebSocket(socketUrl(window.location), ["passerby.v1"]);
    } catch {
      this.lost(1006);
      return;
    }
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      if (socket !== this.socket || typeof event.data !== "string") return;
      let msg;
      try {
        msg = JSON.parse(event.data);
      } catch {
        return;
      }
      if (msg && typeof msg.type === "string") this.onServer(msg);
    });
    socket.addEventListener("close", (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.lost(event.code);
    });
  }

  send(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
    }
  }

  sendStart() {
    if (this.challenge) {
      // The server asked for a browser check first: start once it passed.
      this.startAfterCheck = true;
      this.setState("starting");
      this.solve();
      return;
    }
    const { interests, interestsOnly, lang } = this.choices;
    const frame = { type: "start", interests, lang };
    if (interests.length && interestsOnly) frame.interests_only = true;
    this.send(frame);
    this.setState("starting");
  }

  /** The socket closed: end whatever was going on and say why. */
  lost(code) {
    this.challenge = null;
    this.startAfterCheck = false;
    if (!ACTIVE.has(this.state)) return; // idle, ended or banned: reconnect on the next New
    this.endChat();
    this.setTyping(false);
    this.transcript.addSystem(CLOSE_KEYS[code] || "chat.connection_lost", {}, { kind: "error" });
    this.setState("ended");
    this.showStatus("status.offline");
  }

  // ---- server messages (protocol.md, "Server to client") -------------------

  onServer(msg) {
    const { transcript } = this;
    switch (msg.type) {
      case "welcome":
        this.applyLimits(msg.limits || {});
        if (Number.isInteger(msg.online)) this.hooks.onOnline?.(msg.online);
        if (this.state === "connecting") this.sendStart();
        break;
      case "waiting":
        if (this.state === "starting") {
          this.section = sectionKind(msg.section);
          this.setState("waiting");
          transcript.addSystem("chat.waiting");
        }
        break;
      case "interests_fallback":
        this.fellBack = true;
        transcript.addSystem(msg.reason === "asked" ? "chat.fallback_asked" : "chat.fallback_timeout");
        this.render();
        break;
      case "connected": {
        this.chatSerial += 1;
        this.inChat = true;
        this.setState("chatting");
        transcript.addSystem("chat.connected");
        const common = Array.isArray(msg.common_interests) ? msg.common_interests : [];
        if (common.length) {
          const interests = common.map(String).join(this.i18n.t("chat.list_separator"));
          transcript.addSystem("chat.common_interests", { interests });
        }
        const focused = document.activeElement;
        if (!focused || focused === document.body || focused.closest("[hidden]")) {
          this.els.input.focus();
        }
        break;
      }
      case "message":
        if (this.state !== "chatting" && this.state !== "leaving") break;
        this.setTyping(false);
        transcript.addMessage("stranger", String(msg.text ?? ""));
        this.render();
        break;
      case "typing":
        if (this.state === "chatting") this.setTyping(true);
        break;
      case "stopped_typing":
        this.setTyping(false);
        break;
      case "chat_ended": {
        this.stopTyping();
        this.setTyping(false);
        this.endChat();
        const key = {
          you: "chat.ended_you",
          stranger: "chat.ended_stranger",
          system: "chat.ended_system",
        }[msg.by];
        transcript.addSystem(key ?? "chat.ended_stranger", {}, {
          kind: msg.by === "system" ? "warning" : "info",
        });
        this.setState("ended");
        break;
      }
      case "stopped":
        transcript.addSystem("chat.stopped");
        this.setState("ended");
        break;
      case "undelivered":
        if (!("id" in msg) || !transcript.markUndelivered(msg.id)) {
          transcript.addSystem("chat.undelivered_line", {}, { kind: "error" });
        }
        break;
      case "held": {
        transcript.markHeld(msg.id ?? null);
        const reason = this.ruleText(msg.code, msg.reason);
        if (reason) {
          transcript.addSystem("chat.held", { reason }, { kind: "error" });
        } else {
          transcript.addSystem("chat.held_plain", {}, { kind: "error" });
        }
        break;
      }
      case "masked":
        if (!transcript.markMasked(msg.id ?? null, String(msg.text ?? ""))) {
          transcript.addSystem("chat.masked_line", {}, { kind: "error" });
        }
        break;
      case "warning": {
        const message = this.ruleText(msg.code, msg.message);
        transcript.addSystem(
          message ? "chat.warning" : "chat.warning_plain",
          { message: message ?? "" },
          { kind: "warning" },
        );
        break;
      }
      case "report_received":
        transcript.addSystem("report.received");
        this.render();
        break;
      case "challenge":
        this.challenge = msg;
        this.solve();
        break;
      case "challenge_passed":
        this.challenge = null;
        if (this.startAfterCheck) {
          this.startAfterCheck = false;
          if (this.state === "starting") this.sendStart();
        }
        break;
      case "banned":
        this.banned(msg);
        break;
      case "error":
        this.onError(msg);
        break;
      default:
        // pong, and message types from later protocol versions: nothing to do.
        break;
    }
  }

  /**
   * What a rule says, in the UI language: the catalogue's `rule.<code>` for
   * the rules Passerby ships, else the server's own text (an operator's rule),
   * else nothing. A catalogue key is returned as `{ key }` so that the line
   * is read again when the language changes.
   */
  ruleText(code, text) {
    const key = `rule.${String(code ?? "")}`;
    if (code && this.i18n.has(key)) return { key };
    return text ? String(text) : null;
  }

  /** This browser is banned: stop everything and let the app show why. */
  banned(ban) {
    this.stopTyping();
    this.endChat();
    this.challenge = null;
    this.startAfterCheck = false;
    this.setState("banned");
    this.hooks.onBanned?.(ban);
  }

  /** The chat (if any) is over: it can be reported for a while. */
  endChat() {
    if (!this.inChat) return;
    this.inChat = false;
    this.endedSerial = this.chatSerial;
    this.endedAt = Date.now();
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.render(), REPORT_WINDOW_MS + 1000);
  }

  onError(msg) {
    const code = String(msg.code ?? "");
    if (code === "banned") {
      this.banned(msg.ban && typeof msg.ban === "object" ? msg.ban : { reason: msg.message });
      return;
    }
    if (code === "challenge_required") {
      // Our `start` came before the check: solve, then start again.
      // Without a challenge in the error, the server's `challenge` message follows.
      if (msg.challenge && typeof msg.challenge === "object") this.challenge = msg.challenge;
      if (msg.ref === "start" && this.state === "starting") this.startAfterCheck = true;
      this.solve();
      return;
    }
    if (code === "bad_solution") {
      this.checkFailed();
      return;
    }
    if (code === "section_changed") {
      // The close (4001) that follows says so; the next New reconnects.
      this.reconnectNext();
      return;
    }
    if (msg.ref === "report" && code !== "nothing_to_report") {
      this.reportedSerial = this.reportUndo; // let the user try again
    }
    if (code === "nothing_to_report") {
      this.transcript.addSystem("report.nothing", {}, { kind: "error" });
      this.render();
      return;
    }
    if (code === "entry_required") {
      this.transcript.addSystem("error.entry_required", {}, { kind: "error" });
      this.setState("ended");
      this.reconnectNext();
      this.hooks.onEntryRequired?.();
      return;
    }
    if (ERROR_KEYS.has(code)) {
      const seconds = Math.max(1, Math.ceil(Number(msg.retry_after) || 1));
      this.transcript.addSystem(`error.${code}`, { seconds, max: this.maxChars }, { kind: "error" });
    } else if (msg.message) {
      this.transcript.addSystemText(this.i18n.t("error.generic", { message: String(msg.message) }));
    } else {
      this.transcript.addSystem("error.internal", {}, { kind: "error" });
    }
    // A refused `start` or `leave` would otherwise leave us stuck in between.
    if (msg.ref === "start" && this.state === "starting") this.setState("ended");
    if (msg.ref === "leave" && this.state === "leaving") this.setState("ended");
  }

  applyLimits(limits) {
    if (Number.isInteger(limits.max_message_chars)) {
      this.maxChars = limits.max_message_chars;
      this.els.input.maxLength = limits.max_message_chars;
    }
    this.hooks.onLimits?.(limits);
  }

  // ---- rendering -----------------------------------------------------------

  setState(state) {
    this.state = state;
    this.confirming = false;
    if (state !== "chatting") this.setTyping(false);
    if (STATUS_KEYS[state] !== null) this.showStatus(STATUS_KEYS[state]);
    this.render();
  }

  showStatus(key) {
    if (key === "status.waiting" && this.section) key = `status.waiting_${this.section}`;
    this.statusKey = key;
    this.els.status.textContent = key ? this.i18n.t(key) : "";
  }

  setTyping(on) {
    this.els.typing.hidden = !on;
  }

  render() {
    const { els, state } = this;
    const t = (key) => this.i18n.t(key);
    const ended = state === "ended";
    els.stop.textContent = ended ? t("chat.new") : this.confirming ? t("chat.really") : t("chat.stop");
    els.stop.classList.toggle("confirm", this.confirming);
    els.stop.setAttribute("aria-disabled", String(state === "leaving"));
    els.newChat.hidden = !ended;
    els.changeSettings.hidden = !ended;
    els.stopInterests.hidden = !(
      state === "waiting" &&
      this.choices?.interests.length &&
      !this.fellBack
    );
    const canSend = state === "chatting";
    if (!canSend && document.activeElement === els.send) els.input.focus();
    els.send.disabled = !canSend;
    els.saveLog.disabled = this.transcript.length === 0;
    const report = this.reportTarget();
    if (!report && document.activeElement === els.report) els.stop.focus();
    els.report.hidden = !report;
  }

  /** Re-read everything in the current UI language. */
  retranslate() {
    this.transcript.retranslate();
    this.showStatus(this.statusKey);
    this.render();
  }
}
