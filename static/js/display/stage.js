// The stage (templates/_stage.html): what the room sees, drawn from the public room alone, the
// same on the display and in the console (an event of several tables: display/tables.js). The console adds its own tools around it; nothing
// here reads what only the host receives.
import { $, el, setText, show } from "../shared/dom.js";
import { ngettext } from "../shared/i18n.js";
import { onState } from "../shared/live.js";
import {
  enabled, inRound, nameOf, person, presentPeople, room, roundPrompt, speakingOrder, upNextPrompt,
} from "../shared/room.js";
import { mountRing } from "../shared/countdown.js";
import { manyTables } from "../shared/tables.js";
import { renderTablesStage } from "./tables.js";
import { renderCards } from "./cards.js";

const MAX_CHIPS = 48;
const PROMPT_EYEBROWS = { // what the eyebrow above a running prompt says, by its kind
  story: "Your story", ask: "Ask the table", common: "Common ground", give: "Giving back",
};

let root = null;
let screenName = "";
let handTools = () => null; // the console's "Answered" button beside each raised hand
let updateRing = () => {};

/** A date the way people read it here, e.g. "30 December 2026". */
export function day(epochSeconds) {
  return new Date(epochSeconds * 1000).toLocaleDateString(undefined,
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
  if (!turns) return;
  const running = inRound(turns);
  root.dataset.status = ended ? "ended" : turns.status;
  setText($("round-label"), turns.round > 0 ? `Round ${turns.round}` : "");
  setText($("progress"), running ? `Turn ${turns.position + 1} of ${speakingOrder().length}` : "");

  show($("lobby-view"), !ended && turns.status === "lobby");
  show($("round-view"), !ended && running);
  show($("over-view"), !ended && turns.status === "round_over");
  show($("ended-view"), ended);
  if (ended) renderEnded(details);
  else if (turns.status === "lobby") renderLobby();
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
  setText($("lobby-prompt"), next ? next.text : "The host is choosing the first prompt.");
  const here = presentPeople();
  setText($("people-count"), here.length
    ? ngettext("%(num)d person at the table", "%(num)d people at the table", here.length)
    : "Waiting for the first person to join");
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
    setText(more, `+${hidden} more`);
    list.append(more);
  }
  setText(more, `+${hidden} more`);
}

function renderRound(turns) {
  const prompt = roundPrompt();
  setText($("prompt-eyebrow"), (prompt && PROMPT_EYEBROWS[prompt.kind]) || "The prompt");
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
  setText($("next-up"), next ? `Next up: ${nameOf(next.id)}` : "Last turn of this round");
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

/** "Bo", "Bo and Cy", "Bo, Cy and Di". */
function names(pids) {
  const all = pids.map(nameOf);
  return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

function renderOver(turns) {
  const unheard = turns.unheard ?? [];
  const done = turns.round > 0 ? `Round ${turns.round}` : "";
  setText($("over-eyebrow"), done && (unheard.length ? `${done} ended early` : `${done} complete`));
  const next = upNextPrompt();
  setText($("over-title"), turns.round === 0 ? "Ready for the next prompt"
    : unheard.length ? `${names(unheard)} ${unheard.length === 1 ? "speaks" : "speak"} first next round`
      : "Everyone has spoken");
  setText($("over-next-prompt"), next ? next.text : "none chosen yet.");
  renderCards();
}

function renderEnded(details) {
  setText($("ended-kept"), `It stays there until ${day(details.kept_until)}.`);
}
