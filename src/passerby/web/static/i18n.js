// UI strings: loads a catalogue from /static/i18n/<lang>.json and fills the page.
//
// Every string the user reads comes from a catalogue. English is always loaded
// as the fallback, so a key missing from another catalogue still reads as
// English and never as a raw key. This module never inserts HTML: it only
// sets textContent and attributes.

export const UI_LANGUAGES = ["en", "es", "id"];
const FALLBACK = "en";
const STORAGE_KEY = "passerby.uiLang";

/** Pick the UI language: a stored choice first, then navigator.languages. */
export function pickLanguage(storage, navigatorLanguages) {
  let stored = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (private mode, blocked cookies): just ignore it.
  }
  if (UI_LANGUAGES.includes(stored)) return stored;
  for (const tag of navigatorLanguages || []) {
    const base = String(tag).toLowerCase().split("-")[0];
    // "in" is the legacy code for Indonesian that some systems still report.
    const code = base === "in" ? "id" : base;
    if (UI_LANGUAGES.includes(code)) return code;
  }
  return FALLBACK;
}

export function rememberLanguage(storage, lang) {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // See pickLanguage: remembering is a convenience, not a requirement.
  }
}

async function fetchCatalogue(lang) {
  const response = await fetch(`/static/i18n/${lang}.json`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`catalogue ${lang}: HTTP ${response.status}`);
  return response.json();
}

export class Translator {
  constructor() {
    this.lang = FALLBACK;
    this.fallback = {};
    this.strings = {};
    this.cache = new Map();
  }

  async load(lang) {
    if (!UI_LANGUAGES.includes(lang)) lang = FALLBACK;
    if (!this.cache.has(FALLBACK)) {
      this.cache.set(FALLBACK, await fetchCatalogue(FALLBACK).catch(() => ({})));
    }
    if (!this.cache.has(lang)) {
      this.cache.set(lang, await fetchCatalogue(lang).catch(() => ({})));
    }
    this.fallback = this.cache.get(FALLBACK);
    this.strings = this.cache.get(lang);
    this.lang = lang;
  }

  has(key) {
    return key in this.strings || key in this.fallback;
  }

  /** Translate key, replacing {name} with params.name. */
  t(key, params = {}) {
    const template = this.strings[key] ?? this.fallback[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      name in params ? String(params[name]) : whole,
    );
  }

  /** A moment in time (ISO-8601 text or Date) in the reader's language and time zone. */
  formatDate(when) {
    const date = when instanceof Date ? when : new Date(when);
    if (Number.isNaN(date.getTime())) return String(when);
    return new Intl.DateTimeFormat(this.lang, { dateStyle: "long", timeStyle: "short" }).format(
      date,
    );
  }

  /** Fill every [data-i18n] and [data-i18n-attr] element under root. */
  apply(root) {
    root.documentElement?.setAttribute("lang", this.lang);
    for (const el of root.querySelectorAll("[data-i18n]")) {
      const params = el.dataset.i18nParams ? JSON.parse(el.dataset.i18nParams) : {};
      el.textContent = this.t(el.dataset.i18n, params);
    }
    for (const el of root.querySelectorAll("[data-i18n-attr]")) {
      for (const pair of el.dataset.i18nAttr.split(";")) {
        const [attr, key] = pair.split(":");
        el.setAttribute(attr.trim(), this.t(key.trim()));
      }
    }
  }
}
