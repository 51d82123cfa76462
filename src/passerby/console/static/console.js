// The moderator console's only script: keyboard shortcuts, the help
// overlay, confirmations and revealing blurred images one at a time.
// Pages work without it; it adds nothing the server does not check.
"use strict";

(function () {
  const help = document.getElementById("help");

  function toggleHelp(show) {
    if (!help) return;
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  function typing(target) {
    const tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  // Queue rows: j/k move the selection, o or Enter opens it.
  const rows = Array.from(document.querySelectorAll("tr[data-href]"));
  let selected = rows.length ? 0 : -1;

  function select(index) {
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach((row, i) => row.classList.toggle("selected", i === selected));
    rows[selected].scrollIntoView({ block: "nearest" });
  }
  if (rows.length) select(0);
  rows.forEach((row, i) => {
    row.addEventListener("click", (event) => {
      if (event.target.closest("a, button, form")) return;
      select(i);
    });
  });

  // Forms that change a user's standing ask first.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    const question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  document.querySelectorAll("[data-help]").forEach((button) => {
    button.addEventListener("click", () => toggleHelp());
  });
  if (help) {
    help.addEventListener("click", (event) => {
      if (event.target === help) toggleHelp(false);
    });
  }

  // Images are blurred and grey until revealed, one at a time.
  function reveal(media) {
    document.querySelectorAll(".media.revealed").forEach((other) => other.classList.remove("revealed"));
    if (media) media.classList.add("revealed");
  }
  document.querySelectorAll(".media").forEach((media) => {
    media.addEventListener("click", () => reveal(media.classList.contains("revealed") ? null : media));
  });

  function activate(element) {
    if (!element) return false;
    if (element.tagName === "BUTTON" || element.tagName === "A") {
      element.click();
    } else {
      element.scrollIntoView({ block: "center" });
      const field = element.querySelector("input, select, textarea, button");
      (field || element).focus();
    }
    return true;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      toggleHelp(false);
      if (typing(event.target)) event.target.blur();
      return;
    }
    if (typing(event.target)) return;
    const key = event.key;
    if (key === "?") {
      toggleHelp();
    } else if (key === "j") {
      select(selected + 1);
    } else if (key === "k") {
      select(selected - 1);
    } else if ((key === "o" || key === "Enter") && selected >= 0) {
      window.location.href = rows[selected].getAttribute("data-href");
    } else if (key === "v") {
      const hidden = document.querySelector(".media:not(.revealed)");
      reveal(hidden);
    } else {
      // A key of the selected queue row first, then one of the page.
      const row = selected >= 0 ? rows[selected] : null;
      const inRow = row && row.querySelector('[data-row-key="' + CSS.escape(key) + '"]');
      if (!activate(inRow || document.querySelector('[data-key="' + CSS.escape(key) + '"]'))) return;
    }
    event.preventDefault();
  });
})();
