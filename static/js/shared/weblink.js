// Links people typed: shown as links only when they are http(s), and opened apart from our page.
import { el } from "./dom.js";

/** An <a> for an http(s) address, or null for anything else (javascript:, data:, nonsense). */
export function webLink(address, text, className = "post-link") {
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return el("a", {
    class: `${className} address`,
    text: text || url.host + url.pathname.replace(/\/$/, ""),
    attrs: { href: url.href, rel: "noopener noreferrer", target: "_blank" },
  });
}
