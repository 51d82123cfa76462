// The interests field: words typed into a text box become removable chips.
//
// The limits mirror the server's (protocol.md, "Limits"), so a normal user is
// never refused by the server; the server still checks everything itself.

export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 30;

/** Normalise one tag the way the server does: NFKC, trimmed, one space, lower case. */
export function normaliseTag(raw) {
  return raw.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

export class TagInput {
  /**
   * @param {HTMLInputElement} input  the text box the user types into
   * @param {HTMLUListElement} list   where the chips go
   * @param {HTMLElement} feedback    a live region for added/removed/refused
   * @param {(key: string, params?: object) => string} t  the translator
   */
  constructor(input, list, feedback, t) {
    this.input = input;
    this.list = list;
    this.feedback = feedback;
    this.t = t;
    this.tags = [];
    this.maxTags = MAX_TAGS;
    this.maxChars = MAX_TAG_CHARS;
    input.addEventListener("keydown", (event) => this.onKeyDown(event));
    input.addEventListener("input", () => this.onInput());
  }

  onKeyDown(event) {
    if (event.isComposing) return;
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      this.commit();
    } else if (event.key === "Backspace" && this.input.value === "" && this.tags.length) {
      event.preventDefault();
      this.remove(this.tags[this.tags.length - 1], { focusInput: true });
    }
  }

  onInput() {
    // A pasted "music, books" (or a phone keyboard's comma, which may not
    // fire a keydown with key ",") is split here.
    const value = this.input.value;
    if (!value.includes(",")) return;
    const parts = value.split(",");
    const rest = parts.pop();
    for (const part of parts) this.add(part);
    this.input.value = rest;
  }

  /** Turn whatever is in the text box into a tag. */
  commit() {
    const value = this.input.value;
    if (normaliseTag(value) === "") {
      this.input.value = "";
      return;
    }
    if (this.add(value)) this.input.value = "";
  }

  /** Add one tag; returns false (and says why) when it is refused. */
  add(raw) {
    const tag = normaliseTag(raw);
    if (tag === "") return true;
    if ([...tag].length > this.maxChars) {
      this.say("tags.too_long", { max: this.maxChars });
      return false;
    }
    if (this.tags.includes(tag)) {
      this.say("tags.duplicate", { tag });
      return true;
    }
    if (this.tags.length >= this.maxTags) {
      this.say("tags.too_many", { max: this.maxTags });
      return false;
    }
    this.tags.push(tag);
    this.render();
    this.say("tags.added", { tag });
    return true;
  }

  remove(tag, { focusInput = false } = {}) {
    const index = this.tags.indexOf(tag);
    if (index === -1) return;
    this.tags.splice(index, 1);
    this.render();
    this.say("tags.removed", { tag });
    // Keep keyboard focus somewhere sensible: the next chip's button, or the box.
    const buttons = this.list.querySelectorAll("button");
    if (!focusInput && buttons.length) {
      buttons[Math.min(index, buttons.length - 1)].focus();
    } else {
      this.input.focus();
    }
  }

  say(key, params) {
    this.feedback.textContent = this.t(key, params);
  }

  render() {
    this.list.replaceChildren();
    for (const tag of this.tags) {
      const item = document.createElement("li");
      item.className = "tag";
      const text = document.createElement("span");
      text.textContent = tag;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "tag-remove";
      button.textContent = "×";
      button.setAttribute("aria-label", this.t("tags.remove", { tag }));
      button.addEventListener("click", () => this.remove(tag));
      button.addEventListener("keydown", (event) => {
        if (event.key === "Delete" || event.key === "Backspace") {
          event.preventDefault();
          this.remove(tag);
        }
      });
      item.append(text, button);
      this.list.append(item);
    }
    this.list.hidden = this.tags.length === 0;
  }

  /** The tags to send, including a word still sitting in the text box. */
  values() {
    this.commit();
    return [...this.tags];
  }
}
