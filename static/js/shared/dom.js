// Small DOM helpers shared by the screens. Text always goes in through textContent.
import { gettext } from "./i18n.js";

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** A new element: el("li", {class: "x", text: "…", data: {pid}, attrs: {…}}, ...children). */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text != null) node.textContent = options.text;
  for (const [key, value] of Object.entries(options.data || {})) node.dataset[key] = value;
  for (const [key, value] of Object.entries(options.attrs || {})) {
    if (value === true) node.setAttribute(key, "");
    else if (value !== false && value != null) node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Set an element's text only when it changes (keeps screen readers and layout calm). */
export function setText(node, text) {
  const value = text ?? "";
  if (node.textContent !== value) node.textContent = value;
}

/** Show or hide with the `hidden` attribute. */
export function show(node, visible) {
  if (node.hidden === Boolean(visible)) node.hidden = !visible;
}

/** 75 -> "1:15"; negative values count as 0. */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** Airtime as mm:ss, e.g. 75.4 -> "01:15". */
export function mmss(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
}

const STATUS_TEXT = {
  connecting: gettext("Connecting…"), connected: gettext("Connected"),
  reconnecting: gettext("Reconnecting…"), ended: gettext("Event ended"),
};

/** Reflect the connection status on an indicator element (text + data-state for colour). */
export function showConnection(node, status) {
  node.dataset.state = status;
  setText(node, STATUS_TEXT[status] || status);
}

/** Say `text` to a screen reader at once, through the page's #announcer live region: for the
 *  moments a person must not miss when they can't see the screen (their turn, a move to another
 *  table). A new node each time, so the same words said again are heard again. */
export function announce(text) {
  $("announcer").replaceChildren(el("span", { text }));
}

let toastTimer = null;

/** A polite message in the page's #toast live region, cleared after a while. */
export function toast(message, { tone = "error", ms = 6000 } = {}) {
  const node = document.getElementById("toast");
  if (!node) return;
  node.dataset.tone = tone;
  node.textContent = message;
  node.classList.add("is-visible");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.classList.remove("is-visible");
    node.textContent = "";
  }, ms);
}

/** A destructive button that asks once more: the first press arms it, the second acts. */
export function confirmTwice(button, armedLabel, action, ms = 4000) {
  if (button.dataset.armed === "1") {
    button.dataset.armed = "";
    action();
    return;
  }
  const label = button.textContent;
  button.dataset.armed = "1";
  button.textContent = armedLabel;
  setTimeout(() => {
    if (button.dataset.armed === "1") {
      button.dataset.armed = "";
      button.textContent = label;
    }
  }, ms);
}

/** Save `blob` as a download named `filename` (a fetched export, say, that needed a header). */
export function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Whether a key press happened while typing or on a control that uses the key itself. */
export function isTyping(event) {
  const target = event.target;
  return Boolean(target.closest?.("input, textarea, select, [contenteditable]"));
}
