// The console's generosity tools (templates/_generosity.html): between rounds a tip and, when
// the host chooses, everyone's airtime, what the table shares and the asks still waiting; during
// a turn "clear questions" and a discreet pitch marker (the queue itself is the stage's). Pitch
// counts, airtime and give-and-take reach only the host, in its snapshot and in `host_update`
// events (docs/protocol.md).
import { $, el, setText, show } from "../shared/dom.js";
import { drawAirtimeChart } from "../shared/airtime-chart.js";
import { onHostUpdate, onState } from "../shared/live.js";
import { enabled, hostAction, inRound, nameOf, room } from "../shared/room.js";
import { mountManage, renderManage } from "./generosity-manage.js";

// What each "show the room" button needs switched on.
const SHOWS = { airtime: "airtime", common: "common_ground", gaps: "give_take" };
const chosen = new Set(); // what the host put on the big screen between rounds

/** Wire the tools into the host screen. */
export function mountHostGenerosity() {
  for (const button of document.querySelectorAll("[data-gen-show]")) {
    button.addEventListener("click", () => {
      const what = button.dataset.genShow;
      if (!chosen.delete(what)) chosen.add(what);
      render();
    });
  }
  $("gen-hands-clear").addEventListener("click", () => hostAction("hands_clear"));
  mountManage();
  onState(render);
  onHostUpdate(render);
}

function render() {
  const { turns, generosity: g } = room;
  if (!turns || !g) return;
  renderBetween(g);
  renderDuring(turns, g);
  renderManage(g);
}

// --- between rounds ----------------------------------------------------------------------

function renderBetween(g) {
  setText($("gen-tip"), g.tip || "");
  show($("gen-tip"), Boolean(g.tip));
  // The house rule puts the gaps up by itself while there are any.
  const gapsByRule = enabled("fill_the_gaps") && g.waiting.length > 0;
  for (const button of document.querySelectorAll("[data-gen-show]")) {
    const what = button.dataset.genShow;
    show(button, enabled(SHOWS[what]));
    button.setAttribute("aria-pressed", String(chosen.has(what)));
  }
  const visible = (what) => enabled(SHOWS[what]) && (chosen.has(what) || (what === "gaps" && gapsByRule));
  show($("gen-airtime"), visible("airtime"));
  show($("gen-common"), visible("common"));
  show($("gen-gaps"), visible("gaps"));
  show($("gen-gaps-rule"), enabled("fill_the_gaps"));
  if (visible("airtime")) drawAirtimeChart($("gen-airtime-bars"), g.airtime.chart, nameOf);
  if (visible("common")) renderCommon();
  if (visible("gaps")) renderGaps(g.waiting);
}

/** The table's view of each group: "3 of you run" (the words come from core/common_ground.py). */
function renderCommon() {
  const groups = room.commonGround;
  $("gen-common-list").replaceChildren(...(groups.length
    ? groups.slice(0, 8).map((g) => el("li", { text: `${g.pids.length} of you ${g.says}` }))
    : [el("li", { class: "hint", text: "Nothing shared yet: interests given at join show up here." })]));
}

function renderGaps(waiting) {
  const asks = waiting.map((id) => room.posts[id]).filter(Boolean);
  $("gen-gaps-list").replaceChildren(...(asks.length
    ? asks.map((ask) => el("li", {}, el("strong", { text: nameOf(ask.author) }), `: ${ask.text}`))
    : [el("li", { class: "hint", text: "Every ask has an offer. Lovely." })]));
}

// --- during a turn -------------------------------------------------------------------------

function renderDuring(turns, g) {
  const current = g.nudges.current;
  const marked = enabled("pitch_nudges") && inRound(turns) && current && current.pid === turns.current;
  show($("gen-marker"), Boolean(marked));
  if (marked) {
    setText($("gen-marker"), `Pitch taps ${current.taps}/${g.nudges.needed}${current.nudged ? " · nudged" : ""}`);
    $("gen-marker").dataset.nudged = String(current.nudged);
  }
}
