// Entry point of the web client: picks the UI language, wires the landing
// page (with its entry step) to the chat screen, the report dialog and the
// ban screen, and keeps the online count fresh.
//
// No framework and no build step: plain ES modules served from /static/.

import { BanScreen } from "./ban.js";
import { Chat } from "./chat.js";
import { Entry } from "./entry.js";
import { Translator, pickLanguage, rememberLanguage } from "./i18n.js";
import { ReportDialog } from "./report.js";
import { TagInput } from "./tags.js";

// How often the online count is refreshed from GET /status.
const STATUS_POLL_MS = 30_000;

// Chat languages offered, each named in itself (an endonym reads the same in
// every UI language, so these are data rather than catalogue strings).
const CHAT_LANGUAGES = [
  ["en", "English"],
  ["es", "Español"],
  ["id", "Bahasa Indonesia"],
  ["pt", "Português"],
  ["fr", "Français"],
  ["de", "Deutsch"],
  ["it", "Italiano"],
  ["nl", "Nederlands"],
  ["pl", "Polski"],
  ["tr", "Türkçe"],
  ["ru", "Русский"],
  ["ar", "العربية"],
  ["hi", "हिन्दी"],
  ["ja", "日本語"],
  ["ko", "한국어"],
  ["zh", "中文"],
  ["tl", "Tagalog"],
  ["vi", "Tiếng Việt"],
];

const $ = (id) => document.getElementById(id);

/** localStorage, or null where the browser refuses it (the getter can throw). */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function main() {
  const i18n = new Translator();
  const t = (key, params) => i18n.t(key, params);
  const uiLang = $("ui-lang");
  const chatLang = $("chat-lang");
  const agree = $("agree");
  const start = $("start");
  const landing = $("landing");
  const chatRoot = $("chat");
  const online = $("online-count");
  let onlineCount = null;
  // The chat language follows the UI language until the user picks one.
  let chatLangChosen = false;

  for (const [code, name] of CHAT_LANGUAGES) {
    const option = new Option(name, code);
    option.lang = code;
    chatLang.append(option);
  }

  const tags = new TagInput($("interests"), $("interest-tags"), $("interests-msg"), t);
  tags.render();

  const ban = new BanScreen(
    {
      root: $("ban"),
      heading: $("ban-heading"),
      intro: $("ban-intro"),
      reason: $("ban-reason"),
      expiry: $("ban-expiry"),
      outcome: $("ban-outcome"),
      form: $("appeal-form"),
      text: $("appeal-text"),
      hint: $("appeal-hint"),
      send: $("appeal-send"),
      message: $("appeal-msg"),
    },
    i18n,
  );

  /** Replace everything with the ban screen. */
  function showBan(details) {
    report.close();
    landing.hidden = true;
    chatRoot.hidden = true;
    ban.show(details);
  }

  const entry = new Entry(
    {
      fieldset: $("age-band"),
      radios: document.querySelectorAll('input[name="age-band"]'),
      agree,
      section: $("entry-section"),
      pending: $("entry-pending"),
      change: $("entry-change"),
      check: $("entry-check"),
      progress: $("entry-check-progress"),
      message: $("entry-msg"),
    },
    i18n,
    { onBanned: showBan, onChange: updateStart },
  );

  const chat = new Chat(
    {
      root: chatRoot,
      status: $("status"),
      log: $("log"),
      typing: $("typing"),
      stopInterests: $("stop-interests"),
      newChat: $("new-chat"),
      changeSettings: $("change-settings"),
      saveLog: $("save-log"),
      report: $("report"),
      check: $("chat-check"),
      checkProgress: $("chat-check-progress"),
      stop: $("stop"),
      input: $("chat-input"),
      send: $("send"),
    },
    i18n,
    {
      onOnline: showOnline,
      onLimits(limits) {
        if (Number.isInteger(limits.max_interests)) tags.maxTags = limits.max_interests;
        if (Number.isInteger(limits.max_interest_chars)) tags.maxChars = limits.max_interest_chars;
        setHintMax(tags.maxTags);
      },
      onChangeSettings() {
        chatRoot.hidden = true;
        landing.hidden = false;
        $("interests").focus();
      },
      onReport() {
        reportSerial = chat.reportSerial();
        report.show($("report"));
      },
      onBanned: showBan,
      onEntryRequired() {
        // The server lost (or never had) this browser's entry: declare again.
        entry.info = null;
        entry.render();
        chatRoot.hidden = true;
        landing.hidden = false;
        $("age-band").querySelector("input")?.focus();
      },
    },
  );

  // The chat the open report dialog is about (the chat may end meanwhile).
  let reportSerial = 0;
  const report = new ReportDialog(
    {
      dialog: $("report-dialog"),
      form: $("report-form"),
      reasons: document.querySelectorAll('input[name="report-reason"]'),
      comment: $("report-comment"),
      hint: $("report-comment-hint"),
      message: $("report-msg"),
      cancel: $("report-cancel"),
    },
    i18n,
    (answer) => chat.sendReport(answer, reportSerial),
  );

  function showOnline(count) {
    onlineCount = count;
    const formatted = new Intl.NumberFormat(i18n.lang).format(count);
    online.textContent = t("header.online", { count: formatted });
    online.hidden = false;
  }

  function setHintMax(max) {
    const hint = $("interests-hint");
    hint.dataset.i18nParams = JSON.stringify({ max });
    hint.textContent = t("landing.interests_hint", { max });
  }

  async function setLanguage(lang) {
    await i18n.load(lang);
    uiLang.value = i18n.lang;
    if (!chatLangChosen) chatLang.value = i18n.lang;
    i18n.apply(document);
    tags.render();
    entry.render();
    ban.render();
    report.render();
    chat.retranslate();
    if (onlineCount !== null) showOnline(onlineCount);
  }

  async function pollStatus() {
    try {
      const response = await fetch("/status", { cache: "no-store" });
      if (response.ok) {
        const body = await response.json();
        if (Number.isInteger(body.online)) showOnline(body.online);
      }
    } catch {
      // Offline for a moment: keep the last count and try again later.
    }
  }

  uiLang.addEventListener("change", async () => {
    rememberLanguage(storage(), uiLang.value);
    await setLanguage(uiLang.value);
  });
  chatLang.addEventListener("change", () => {
    chatLangChosen = true;
  });
  function updateStart() {
    start.disabled = entry.busy || !agree.checked || entry.selectedBand() === null;
  }

  agree.addEventListener("change", updateStart);
  start.addEventListener("click", async () => {
    if (start.disabled) return;
    const known = entry.info;
    start.disabled = true;
    start.setAttribute("aria-busy", "true");
    let allowed = false;
    try {
      allowed = await entry.ensure();
    } finally {
      start.removeAttribute("aria-busy");
      updateStart();
    }
    if (!allowed || ban.shown) return;
    // A new declaration means a new cookie or section: the next chat must
    // come through a fresh WebSocket handshake.
    if (entry.info !== known) chat.reconnectNext();
    const choices = {
      interests: tags.values(),
      interestsOnly: $("interests-only").checked,
      lang: chatLang.value,
    };
    landing.hidden = true;
    chatRoot.hidden = false;
    chat.begin(choices);
    $("chat-input").focus();
  });

  await setLanguage(pickLanguage(storage(), navigator.languages));
  await entry.load();
  updateStart();
  document.body.dataset.ready = "true";
  pollStatus();
  setInterval(pollStatus, STATUS_POLL_MS);
}

main();
