// The airtime chart, on the host screen between rounds and on the summary page: bars in seating
// order, the longest full width (the server computes each bar's share): nobody ranked, nobody
// singled out.
import { el, mmss } from "./dom.js";

/** Fill `list` with a bar per entry of the server's `chart`, named by `nameFor(pid)`. */
export function drawAirtimeChart(list, chart, nameFor) {
  list.replaceChildren(...chart.map((bar) => {
    const fill = el("span", { class: "gen-bar-fill" });
    fill.style.setProperty("--share", String(bar.share));
    return el("li", { class: "gen-bar" },
      el("span", { class: "gen-bar-name", text: nameFor(bar.pid) }),
      el("span", { class: "gen-bar-track", attrs: { "aria-hidden": "true" } }, fill),
      el("span", { class: "gen-bar-time", text: mmss(bar.seconds) }));
  }));
}
