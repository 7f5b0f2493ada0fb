// The stage (templates/_stage.html): what the room sees, drawn from the public room alone, the
// same on the display and in the console (an event of several tables: display/tables.js). The console adds its own tools around it; nothing
// here reads what only the host receives.
import { $, el, setText, show } from "../shared/dom.js";
import { formatList, gettext, ngettext } from "../shared/i18n.js";
import { config } from "../shared/config.js";
import { onState, state } from "../shared/live.js";
import {
  enabled, inRound, nameOf, person, presentPeople, room, roundPrompt, speakingOrder, upNextPrompt,
} from "../shared/room.js";
import { mountRing } from "../shared/countdown.js";
import { manyTables } from "../shared/tables.js";
import { mountTimeUp } from "../shared/time-up.js";
import { renderTablesStage } from "./tables.js";
import { renderCards } from "./cards.js";

const MAX_CHIPS = 48;
const PROMPT_EYEBROWS = { // what the eyebrow above a running prompt says, by its kind
  story: gettext("Your story"), ask: gettext("Ask the table"), common: gettext("Common ground"),
  give: gettext("Giving back"),
};

let root = null;
let screenName = "";
let handTools = () => null; // the console's "Answered" button beside each raised hand
let updateRing = () => {};

/** A date the way the page's language writes it, e.g. "30 December 2026". */
export function day(epochSeconds) {
  return new Date(epochSeconds * 1000).toLocaleDateString(config.i18n.language,
    { day: "numeric", month: "long", year: "numeric" });
}

/** Whether the host has ended the event. */
export function hasEnded() {
  return Boolean(room.details?.ended_at);
}

/** Draw the stage inside `element` (the page's root, whose `data-status` the CSS lays out by)
 *  and keep it in step; `name` ("Display", "Console") goes in the window's title; `tools(hand)`
 *  gives the console's controls for a raised hand. */
export function mountStage(element, name, { tools = handTools } = {}) {
  root = element;
  screenName = name;
  handTools = tools;
  updateRing = mountRing($("ring"));
  onState(render);
  window.addEventListener("resize", render); // the lobby's name chips are fitted to the space
  setInterval(() => { if (manyTables()) render(); }, 1000); // each table's time left
  mountTimeUp(() => Object.keys(state.tables).map(Number)); // every table this screen follows
}

function render() {
  const { details, turns } = room;
  if (!details) return;
  const ended = hasEnded();
  renderChoices();
  setText($("event-name"), details.name);
  document.title = `${details.name} · ${screenName} · Facilitator`;
  if (renderTablesStage(root, ended)) {
    show($("ended-view"), false);
    return;
  }
  setText($("round-label"), turns?.round > 0 ? gettext("Round %(round)s", { round: turns.round }) : "");
  // Ended, the stage says so whether or not it follows a table's turns (an event of several
  // tables has none of its own).
  if (ended) {
    root.dataset.status = "ended";
    for (const id of ["lobby-view", "round-view", "over-view"]) show($(id), false);
    show($("ended-view"), true);
    setText($("progress"), "");
    renderEnded(details);
    return;
  }
  if (!turns) return;
  const running = inRound(turns);
  root.dataset.status = turns.status;
  setText($("progress"), running ? gettext("Turn %(turn)s of %(turns)s",
    { turn: turns.position + 1, turns: speakingOrder().length }) : "");

  show($("lobby-view"), turns.status === "lobby");
  show($("round-view"), running);
  show($("over-view"), turns.status === "round_over");
  show($("ended-view"), false);
  if (turns.status === "lobby") renderLobby();
  else if (running) renderRound(turns);
  else renderOver(turns);
}

/** What the host chose for the display (the room's `display`): the board's place, the theme. */
function renderChoices() {
  const choices = room.display ?? { board: "off", theme: "light" };
  root.dataset.board = choices.board;
  root.dataset.theme = choices.theme;
  show($("board"), choices.board !== "off");
}

function renderLobby() {
  const next = upNextPrompt();
  setText($("lobby-prompt"), next ? next.text : gettext("The host is choosing the first prompt."));
  const here = presentPeople();
  setText($("people-count"), here.length
    ? ngettext("%(num)d person at the table", "%(num)d people at the table", here.length)
    : gettext("Waiting for the first person to join"));
  // Newest first, so whoever just joined sees their name land on the big screen.
  const list = $("people-chips");
  list.replaceChildren(...here.slice(-MAX_CHIPS).reverse().map((p) => el("li", { class: "chip", text: nameOf(p.id) })));
  fitChips(list, Math.max(0, here.length - MAX_CHIPS));
}

/** Drop the chips that don't fit the box and say how many people that leaves out. */
function fitChips(list, alreadyHidden) {
  let hidden = alreadyHidden;
  const overflows = () => list.lastElementChild  // .chips is positioned: offsets are inside it
    && list.lastElementChild.offsetTop + list.lastElementChild.offsetHeight > list.clientHeight;
  const more = el("li", { class: "chip chip-more" });
  if (hidden) list.append(more);
  while (overflows() && list.children.length > 1) {
    if (more.isConnected) more.remove();
    list.lastElementChild.remove();
    hidden += 1;
    setText(more, gettext("+%(count)s more", { count: hidden }));
    list.append(more);
  }
  setText(more, `+${hidden} more`);
}

function renderRound(turns) {
  const prompt = roundPrompt();
  setText($("prompt-eyebrow"), (prompt && PROMPT_EYEBROWS[prompt.kind]) || gettext("The prompt"));
  const text = prompt ? prompt.text : "";
  setText($("prompt-text"), text);
  // Long prompts step down a size so the speaker still fits below them.
  $("prompt-text").dataset.size = text.length > 110 ? "long" : text.length > 60 ? "medium" : "short";
  setText($("prompt-hint"), prompt ? prompt.hint : "");
  const speaker = person(turns.current);
  const speakerName = speaker ? nameOf(speaker.id) : "";
  setText($("speaker-name"), speakerName);
  $("speaker-name").dataset.size = speakerName.length > 22 ? "long" : "short";
  setText($("speaker-about"), speaker ? speaker.about : "");
  const next = person(turns.next);
  setText($("next-up"), next ? gettext("Next up: %(name)s", { name: nameOf(next.id) })
    : gettext("Last turn of this round"));
  renderHands(turns);
  updateRing();
}

/** The questions queue, in the order they will be taken (the room's `hands`). */
function renderHands(turns) {
  const queue = room.hands;
  show($("gen-hands"), enabled("hands") && queue.length > 0);
  $("gen-hands-list").replaceChildren(...queue.map((hand) => el("li", {},
    el("span", { class: "hand-name", text: hand.speaker === turns.current ? nameOf(hand.pid)
      : `${nameOf(hand.pid)} (for ${nameOf(hand.speaker)})` }),
    handTools(hand))));
}

function renderOver(turns) {
  const unheard = turns.unheard ?? [];
  const round = { round: turns.round };
  setText($("over-eyebrow"), turns.round === 0 ? ""
    : unheard.length ? gettext("Round %(round)s ended early", round)
      : gettext("Round %(round)s complete", round));
  const next = upNextPrompt();
  setText($("over-title"), turns.round === 0 ? gettext("Ready for the next prompt")
    : unheard.length ? ngettext("%(names)s speaks first next round", "%(names)s speak first next round",
      unheard.length, { names: formatList(unheard.map(nameOf)) })
      : gettext("Everyone has spoken"));
  setText($("over-next-prompt"), next ? next.text : gettext("none chosen yet."));
  renderCards();
}

function renderEnded(details) {
  setText($("ended-kept"), gettext("It stays there until %(day)s.", { day: day(details.kept_until) }));
}
