// Accepted introductions on the follow-up page (templates/followup.html): one line each saying who
// meets whom, from the reader's side, so nobody forgets to make it happen.
import { el } from "../shared/dom.js";

/** "Bob introduces you to Cat", "You introduce Ann to Dana", "Bob introduces Ann to you". */
function line(intro, me) {
  const other = intro.with_name || intro.who || "someone they know";
  if (intro.by === me) return `You introduce ${intro.to_name} to ${intro.with_name || intro.who || "someone you know"}`;
  if (intro.to === me) return `${intro.by_name} introduces you to ${other}`;
  return `${intro.by_name} introduces ${intro.to_name} to you`;
}

/** The list items for `data.introductions` of the follow-up JSON. */
export function introItems(data) {
  return (data.introductions || []).map((intro) => el("li", {},
    el("p", {}, el("strong", { text: line(intro, data.me.id) })),
    el("p", { text: intro.text })));
}
