// How the help went, on the follow-up page: either side of an offer marks it "We're in touch",
// "It helped" or "Didn't work out" (pressing the mark again takes it back); the people an
// introduction introduced mark "We met". Saved at once; the page is then drawn again.
import { el } from "../shared/dom.js";
import { config } from "../shared/config.js";
import { gettext } from "../shared/i18n.js";

const LABELS = Object.fromEntries(config.follow_through); // [[mark, label], ...] in button order

function toggle(label, pressed, onPress) {
  const button = el("button", {
    class: `button button-small${pressed ? " button-primary" : ""}`, text: label,
    attrs: { type: "button", "aria-pressed": String(pressed) },
  });
  button.addEventListener("click", onPress);
  return button;
}

/** What the page says of an offer's mark: who said it, from the reader's side. */
function said(offer, me) {
  const mark = offer.follow_through;
  if (!mark) return gettext("How did it go?");
  const label = gettext(LABELS[mark.mark]);
  if (mark.by === me) return gettext("You said: %(mark)s", { mark: label });
  const who = mark.by === offer.from ? offer.from_name : offer.to_name;
  return gettext("%(name)s said: %(mark)s", { name: who, mark: label });
}

/** The marks for one offer; `save(mark | null)` sends it. */
export function offerMarks(offer, me, save) {
  const current = offer.follow_through?.mark ?? null;
  const buttons = config.follow_through.map(([mark, label]) =>
    toggle(gettext(label), mark === current, () => save(mark === current ? null : mark)));
  return el("div", { class: "marks no-print", attrs: { role: "group", "aria-label": gettext("How it went") } },
    el("p", { class: "hint", text: said(offer, me) }), ...buttons);
}

/** "We met" for an introduction the reader was introduced by; `save(bool)` sends it. */
export function metMark(intro, save) {
  if (!intro.can_mark_met) return intro.met ? el("p", { class: "hint", text: gettext("They met.") }) : null;
  return el("div", { class: "marks no-print" },
    toggle(gettext("We met"), intro.met, () => save(!intro.met)));
}
