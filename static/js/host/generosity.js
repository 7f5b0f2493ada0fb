// The console's generosity tools (templates/_generosity.html): between rounds a tip and the
// buttons that put cards up for the room (the room's `display.cards`: the stage draws them,
// display/cards.js); during a turn "clear questions" and a discreet pitch marker (the queue
// itself is the stage's). Pitch counts, airtime and give-and-take reach only the host, in its
// snapshot and in `host_update` events (docs/protocol.md).
import { $, setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { onHostUpdate, onState } from "../shared/live.js";
import { enabled, hostAction, inRound, room } from "../shared/room.js";
import { CARD_FEATURES, cardsShown } from "../display/cards.js";
import { mountManage, renderManage } from "./generosity-manage.js";

/** Wire the tools into the console. */
export function mountHostGenerosity() {
  for (const button of document.querySelectorAll("[data-gen-show]")) {
    button.addEventListener("click", () => toggleCard(button.dataset.genShow));
  }
  $("gen-hands-clear").addEventListener("click", () => hostAction("hands_clear"));
  mountManage();
  onState(render);
  onHostUpdate(render);
}

/** Put a card up for the room, or take it down. */
function toggleCard(card) {
  const cards = new Set(room.display?.cards ?? []);
  if (!cards.delete(card)) cards.add(card);
  hostAction("display", { cards: [...cards] });
}

function render() {
  const { turns, generosity: g } = room;
  if (!g) return;
  renderManage(g); // the room's switches, at any number of tables
  if (!turns) return; // an event of several tables: each table's card shows its round
  renderBetween(g);
  renderDuring(turns, g);
}

function renderBetween(g) {
  setText($("gen-tip"), g.tip ? gettext(g.tip) : ""); // tips.json's words, in the catalogs
  show($("gen-tip"), Boolean(g.tip));
  const shown = cardsShown();
  for (const button of document.querySelectorAll("[data-gen-show]")) {
    const card = button.dataset.genShow;
    show(button, enabled(CARD_FEATURES[card]));
    button.setAttribute("aria-pressed", String(shown.has(card)));
  }
}

function renderDuring(turns, g) {
  const current = g.nudges.current;
  const marked = enabled("pitch_nudges") && inRound(turns) && current && current.pid === turns.current;
  show($("gen-marker"), Boolean(marked));
  if (marked) {
    const taps = gettext("Pitch taps %(taps)s/%(needed)s", { taps: current.taps, needed: g.nudges.needed });
    setText($("gen-marker"), current.nudged ? `${taps} · ${gettext("nudged")}` : taps);
    $("gen-marker").dataset.nudged = String(current.nudged);
  }
}
