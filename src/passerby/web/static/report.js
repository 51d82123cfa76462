// The report dialog: a reason, an optional comment, Send or Cancel.
//
// A native <dialog> opened with showModal(): the browser keeps focus inside
// it, makes the page behind it inert and closes it on Esc. This module only
// collects the answer; chat.js sends it (protocol.md, message `report`).

// The server's limit on a report comment (protocol.md, "Safety messages").
export const MAX_COMMENT_CHARS = 1000;

export class ReportDialog {
  /**
   * @param {Record<string, any>} els  dialog, form, reasons (radio list),
   *   comment, hint, message, cancel
   * @param {import("./i18n.js").Translator} i18n
   * @param {(report: {reason: string, comment: string}) => boolean} onSend
   *   sends the report; false when it could not go out
   */
  constructor(els, i18n, onSend) {
    this.els = els;
    this.i18n = i18n;
    this.onSend = onSend;
    this.returnFocus = null;
    this.messageKey = null;
    els.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    els.cancel.addEventListener("click", () => els.dialog.close());
    els.comment.addEventListener("input", () => this.renderHint());
    els.dialog.addEventListener("close", () => {
      const target = this.returnFocus;
      this.returnFocus = null;
      if (target && !target.closest("[hidden]") && !target.hidden) target.focus();
    });
  }

  get open() {
    return this.els.dialog.open;
  }

  /** Open the dialog; focus goes back to returnFocus (or its fallback) after. */
  show(returnFocus) {
    const { els } = this;
    if (els.dialog.open) return;
    this.returnFocus = returnFocus;
    els.form.reset();
    this.messageKey = null;
    this.render();
    els.dialog.showModal();
    els.reasons[0].focus();
  }

  close() {
    if (this.els.dialog.open) this.els.dialog.close();
  }

  submit() {
    const { els } = this;
    const reason = [...els.reasons].find((radio) => radio.checked)?.value;
    if (!reason) return this.say("report.pick_reason", els.reasons[0]);
    const comment = els.comment.value.trim();
    if ([...comment].length > MAX_COMMENT_CHARS) return this.say("report.too_long", els.comment);
    if (!this.onSend({ reason, comment })) return this.say("report.offline", null);
    els.dialog.close();
  }

  say(key, focus) {
    this.messageKey = key;
    this.render();
    focus?.focus();
  }

  renderHint() {
    const used = [...this.els.comment.value].length;
    const format = (n) => new Intl.NumberFormat(this.i18n.lang).format(n);
    this.els.hint.textContent = this.i18n.t("report.comment_hint", {
      used: format(used),
      max: format(MAX_COMMENT_CHARS),
    });
  }

  render() {
    const { els, messageKey } = this;
    els.message.textContent = messageKey
      ? this.i18n.t(messageKey, { max: MAX_COMMENT_CHARS })
      : "";
    this.renderHint();
  }
}
