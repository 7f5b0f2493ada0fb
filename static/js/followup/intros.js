// Accepted introductions on the follow-up page (templates/followup.html): one line each saying who
// meets whom, from the reader's side, so nobody forgets to make it happen.
import { el } from "../shared/dom.js";
import { metMark } from "./marks.js";

/** "Bob introduces you to Cat", "You introduce Ann to Dana", "Bob introduces Ann to you". */
function line(intro, me) {
  const other = intro.with_name || intro.who || "someone they know";
  if (intro.by === me) return `You introduce ${intro.to_name} to ${intro.with_name || intro.who || "someone you know"}`;
  if (intro.to === me) return `${intro.by_name} introduces you to ${other}`;
  return `${intro.by_name} introduces ${intro.to_name} to you`;
}

/** The list items for `data.introductions` of the follow-up JSON; `saveMet(offerId, met)`. */
export function introItems(data, saveMet) {
  return (data.introductions || []).map((intro) => el("li", { data: { offer: intro.id } },
    el("p", {}, el("strong", { text: line(intro, data.me.id) })),
    el("p", { text: intro.text }),
    metMark(intro, (met) => saveMet(intro.id, met))));
}
