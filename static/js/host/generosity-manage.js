// The "Keep it generous" part of the host's Manage drawer: the room's switches, the pitch-nudge
// share, the fairness figure, and a table per person (airtime per round and in total, asks,
// offers, questions, pitch nudges). Only the host's screen has this data.
import { $, el, mmss, setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { hostAction, nameOf, room } from "../shared/room.js";
import { config } from "../shared/config.js";

// The switches are the server's features, under its names for them, except where a switch says
// more than the name a refusal uses.
const SWITCHES = {
  ...config.features,
  pitch_nudges: gettext("“Sounds like a pitch” nudges"),
  fill_the_gaps: gettext("House rule: fill the gaps before moving on from an ask round"),
};

/** Build the switches once; each change is one `features` host action. */
export function mountManage() {
  const box = $("gen-switches");
  for (const [name, label] of Object.entries(SWITCHES)) {
    const input = el("input", { attrs: { type: "checkbox", id: `gen-switch-${name}` }, data: { feature: name } });
    box.append(el("label", { class: "check" }, input, el("span", { text: gettext(label) })));
  }
  box.addEventListener("change", async (event) => {
    const input = event.target;
    const ack = await hostAction("features", { [input.dataset.feature]: input.checked });
    if (!ack.ok) input.checked = !input.checked;
  });
  $("gen-share").addEventListener("change", (event) => {
    hostAction("features", { pitch_share: Number(event.target.value) });
  });
}

export function renderManage(g) {
  const features = room.features;
  for (const name of Object.keys(SWITCHES)) {
    const input = $(`gen-switch-${name}`);
    if (input && document.activeElement !== input) input.checked = Boolean(features[name]);
  }
  const share = $("gen-share");
  if (document.activeElement !== share && features.pitch_share != null) {
    const closest = [...share.options].reduce((best, option) =>
      Math.abs(option.value - features.pitch_share) < Math.abs(best.value - features.pitch_share) ? option : best);
    share.value = closest.value;
  }
  // Airtime, questions and nudges are each table's: with no one table in view (an event of
  // several tables), the summary counts them over the event.
  show($("gen-table"), Boolean(g.airtime));
  if (!g.airtime) {
    setText($("gen-fairness"), gettext("At an event of several tables, the event summary counts airtime, asks and offers per person."));
    return;
  }
  const ratio = g.airtime.ratio;
  setText($("gen-fairness"), ratio == null
    ? gettext("Airtime fairness shows once two people have spoken.")
    : gettext("Airtime, most ÷ least: %(ratio)s (1.0 is perfectly even)", { ratio: ratio.toFixed(1) }));
  renderTable(g);
}

function renderTable(g) {
  const rounds = g.airtime.per_round;
  const nudged = {};
  for (const turn of g.nudges.turns) if (turn.nudged) nudged[turn.pid] = (nudged[turn.pid] || 0) + 1;
  const heads = [gettext("Name"), ...rounds.map((r) => gettext("R%(round)s", { round: r.round })), gettext("Total"),
    gettext("Asks"), gettext("Offers"), gettext("Questions"), gettext("Nudged")];
  $("gen-table-head").replaceChildren(...heads.map((h) => el("th", { text: h, attrs: { scope: "col" } })));
  const people = Object.keys(room.people);
  $("gen-table-body").replaceChildren(...people.map((pid) => {
    const give = g.give_take[pid] || { asks: 0, offers: 0 };
    const cells = [
      ...rounds.map((r) => mmss(r.airtime[pid] || 0)), mmss(g.airtime.total[pid] || 0),
      give.asks, give.offers, g.questions[pid] || 0, nudged[pid] || 0,
    ];
    return el("tr", {}, el("th", { text: nameOf(pid), attrs: { scope: "row" } }),
      ...cells.map((value) => el("td", { text: String(value) })));
  }));
}
