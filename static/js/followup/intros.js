// Accepted introductions on the follow-up page (templates/followup.html): one line each saying who
// meets whom, from the reader's side, so nobody forgets to make it happen.
import { el } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { metMark } from "./marks.js";

/** "Bob introduces you to Cat", "You introduce Ann to Dana", "Bob introduces Ann to you". */
function line(intro, me) {
  const other = intro.with_name || intro.who || gettext("someone they know");
  if (intro.by === me) {
    return gettext("You introduce %(name)s to %(other)s", { name: intro.to_name,
      other: intro.with_name || intro.who || gettext("someone you know") });
  }
  if (intro.to === me) return gettext("%(by)s introduces you to %(other)s", { by: intro.by_name, other });
  return gettext("%(by)s introduces %(name)s to you", { by: intro.by_name, name: intro.to_name });
}

/** The list items for `data.introductions` of the follow-up JSON; `saveMet(offerId, met)`. */
export function introItems(data, saveMet) {
  return (data.introductions || []).map((intro) => el("li", { data: { offer: intro.id } },
    el("p", {}, el("strong", { text: line(intro, data.me.id) })),
    el("p", { text: intro.text }),
    metMark(intro, (met) => saveMet(intro.id, met))));
}
