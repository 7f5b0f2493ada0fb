// The cards between rounds (templates/_generosity.html, `stage_between`): everyone's airtime,
// what the table shares and the asks still waiting for an offer, the ones the host put up
// (the room's `display.cards`). Drawn from what every screen receives (the `airtime` items, the
// `common` section, the visible posts), so the display needs nothing only the host is sent.
import { $, el, show } from "../shared/dom.js";
import { drawAirtimeChart } from "../shared/airtime-chart.js";
import { gettext } from "../shared/i18n.js";
import { airtime, enabled, nameOf, room, speakingOrder } from "../shared/room.js";

// What each card needs switched on.
export const CARD_FEATURES = { airtime: "airtime", common: "common_ground", gaps: "give_take" };

/** The asks no visible offer answers yet, oldest first (as the server's `Board.waiting`). */
function waitingAsks() {
  const posts = Object.values(room.posts);
  const answered = new Set(posts.filter((p) => p.type === "offer" && p.ask).map((p) => p.ask));
  return posts.filter((p) => p.type === "ask" && !answered.has(p.id)).sort((a, b) => a.at - b.at);
}

/** The cards on show: those the host chose, and the gaps by themselves while the house rule
 *  holds the room until they are filled. */
export function cardsShown() {
  const chosen = new Set(room.display?.cards ?? []);
  if (enabled("fill_the_gaps") && waitingAsks().length > 0) chosen.add("gaps");
  return new Set([...chosen].filter((card) => enabled(CARD_FEATURES[card])));
}

/** Show and fill the cards the room should see now. */
export function renderCards() {
  const shown = cardsShown();
  show($("gen-airtime"), shown.has("airtime"));
  show($("gen-common"), shown.has("common"));
  show($("gen-gaps"), shown.has("gaps"));
  show($("gen-gaps-rule"), enabled("fill_the_gaps"));
  if (shown.has("airtime")) drawAirtimeChart($("gen-airtime-bars"), airtimeChart(), nameOf);
  if (shown.has("common")) renderCommon();
  if (shown.has("gaps")) renderGaps();
}

/** Bars in seating order, the longest full width: nobody ranked, nobody singled out. */
function airtimeChart() {
  const bars = speakingOrder().map((pid) => ({ pid, seconds: airtime(pid) }));
  const longest = Math.max(1, ...bars.map((bar) => bar.seconds));
  return bars.map((bar) => ({ ...bar, share: bar.seconds / longest }));
}

/** The table's view of a group: "3 of you run" when the synonym table knows the interest (its key
 *  starts with "~"; what it says is in the catalogs), else "2 of you mentioned Sourdough". */
function shared(group) {
  const num = group.pids.length;
  return group.key.startsWith("~") ? gettext("%(num)s of you %(says)s", { num, says: gettext(group.says) })
    : gettext("%(num)s of you mentioned %(interest)s", { num, interest: group.label });
}

function renderCommon() {
  const groups = room.commonGround;
  $("gen-common-list").replaceChildren(...(groups.length
    ? groups.slice(0, 8).map((g) => el("li", { text: shared(g) }))
    : [el("li", { class: "hint", text: gettext("Nothing shared yet: interests given at join show up here.") })]));
}

function renderGaps() {
  const asks = waitingAsks();
  $("gen-gaps-list").replaceChildren(...(asks.length
    ? asks.map((ask) => el("li", {}, el("strong", { text: nameOf(ask.author) }), `: ${ask.text}`))
    : [el("li", { class: "hint", text: gettext("Every ask has an offer. Lovely.") })]));
}
