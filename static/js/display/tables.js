// The stage at an event of several tables: every table at a glance (who is speaking, how far
// round, the time left or how far over), who sits where between rounds, and the new tables while
// people move after a reshuffle. From the public room alone, like the rest of the stage; the
// console adds its tools to each table's card (`setCardTools`).
import { $, el, mmss, setText, show } from "../shared/dom.js";
import { gettext, ngettext } from "../shared/i18n.js";
import { state } from "../shared/live.js";
import { IN_ROUND } from "../shared/protocol.js";
import { nameOf, room, secondsLeft, upNextPrompt } from "../shared/room.js";
import { manyTables, seatedAt, tableLabel } from "../shared/tables.js";
import { showPage } from "./pages.js";

const NAMES_SHOWN = 12; // names listed on a table's card before "+n more"

let cardTools = () => null; // the console's controls for a table's card

/** The console's controls on each table's card: `tools({label, turns, order, host})`. */
export function setCardTools(tools) {
  cardTools = tools;
}

/** Each table as this screen holds it: its label, round, speaking order and table host. */
function tableRounds() {
  return (room.layout?.tables ?? []).map((label) => {
    const table = state.tables[String(label.number)];
    return { label, turns: table?.sections.turns ?? null, order: table?.sections.order?.pids ?? [],
      host: table?.sections.table?.host ?? null };
  });
}

/** The round as the whole event stands: running while any table still runs it (paused only
 *  when every running table is), with the latest round's number. Null before anything loads. */
export function eventRound() {
  const rounds = tableRounds().map(({ turns }) => turns).filter(Boolean);
  if (!rounds.length) return null;
  const running = rounds.filter((t) => IN_ROUND.includes(t.status));
  const round = Math.max(...rounds.map((t) => t.round));
  if (running.length) {
    return { status: running.every((t) => t.status === "paused") ? "paused" : "speaking", round };
  }
  return { status: round > 0 ? "round_over" : "lobby", round };
}

/** Draw the tables view inside `root` (the page's root, laid out by its `data-tables` and
 *  `data-status`); returns whether it is the stage (an event of several tables, not ended). */
export function renderTablesStage(root, ended) {
  const shown = manyTables() && !ended;
  root.dataset.tables = shown ? "many" : "one";
  show($("tables-view"), shown);
  if (!shown) return false;
  const event = eventRound();
  root.dataset.status = event?.status ?? "loading";
  setText($("round-label"), event?.round ? gettext("Round %(round)s", { round: event.round }) : "");
  setText($("progress"), "");
  for (const id of ["lobby-view", "round-view", "over-view"]) show($(id), false);
  const moving = Boolean(room.layout.moving);
  const tables = ngettext("%(num)d table", "%(num)d tables", room.layout.tables.length);
  if (moving) {
    setText($("tables-eyebrow"), gettext("New tables"));
    setText($("tables-title"), gettext("Move now: find your name, and sit at your new table"));
  } else if (event && IN_ROUND.includes(event.status)) {
    setText($("tables-eyebrow"), gettext("Round %(round)s · %(tables)s", { round: event.round, tables }));
    const prompts = room.prompts;
    setText($("tables-title"), prompts?.items[prompts.index]?.text ?? "");
  } else {
    const next = upNextPrompt();
    setText($("tables-eyebrow"), event?.round ? gettext("Round %(round)s complete", { round: event.round })
      : gettext("Find your table"));
    setText($("tables-title"), next ? gettext("Next: %(prompt)s", { prompt: next.text })
      : gettext("The host is choosing the next prompt."));
  }
  setText($("tables-lead"), ngettext("%(num)d person at %(tables)s", "%(num)d people at %(tables)s",
    Object.keys(room.seats).length, { tables }));
  const grid = $("tables-grid");
  // A picker open on a card (the console's table host) stays open until it is used.
  if (!(grid.contains(document.activeElement) && document.activeElement.tagName === "SELECT")) {
    grid.replaceChildren(...tableRounds().map((t) => tableCard(t, moving)));
  }
  const projected = !root.classList.contains("console") || root.dataset.presenting === "true";
  showPage(grid, $("tables-page"), projected);
  return true;
}

function tableCard(table, moving) {
  const { label, turns, order } = table;
  const card = el("li", { class: "table-card", data: { colour: label.colour, table: label.number } },
    el("h3", { class: "table-card-name" }, el("span", { class: "swatch", attrs: { "aria-hidden": "true" } }),
      tableLabel(label)));
  const running = turns && IN_ROUND.includes(turns.status);
  if (running && !moving) {
    const speaker = nameOf(turns.current);
    const left = secondsLeft(turns);
    const over = turns.status === "speaking" && left != null && left <= 0;
    card.dataset.state = over ? "over" : turns.status;
    card.append(
      el("p", { class: "table-card-speaker", text: turns.status === "paused" ? gettext("%(name)s (paused)", { name: speaker }) : speaker }),
      el("p", { class: "table-card-progress", text: progress(turns, order, over ? gettext("over time by %(time)s", { time: mmss(-left) }) : mmss(left ?? 0)) }));
  } else {
    const done = turns?.status === "round_over" && !moving;
    const people = seatedAt(label.number);
    const count = ngettext("%(num)d person", "%(num)d people", people.length);
    card.dataset.state = done ? "done" : "seated";
    card.append(el("p", { class: "table-card-progress", text: done ? gettext("Done · %(people)s", { people: count })
      : count }));
    const shown = people.slice(0, NAMES_SHOWN).map((pid) => el("li", { text: nameOf(pid) }));
    if (people.length > NAMES_SHOWN) shown.push(el("li", { text: gettext("+%(num)s more", { num: people.length - NAMES_SHOWN }) }));
    card.append(el("ul", { class: "table-card-names" }, ...shown));
  }
  const tools = cardTools(table);
  if (tools) card.append(tools);
  return card;
}

/** "3 of 8 · 0:42": the turn, the turns in the round, and the time. */
function progress(turns, order, time) {
  return gettext("%(turn)s of %(turns)s · %(time)s", { turn: turns.position + 1, turns: order.length, time });
}
