// The host screen: what the room sees on the projector, and the host's controls.
import { $, count, el, isTyping, setText, show, showConnection, toast } from "../shared/dom.js";
import { connect, onRoomDeleted, onState, onStatus } from "../shared/live.js";
import {
  hostAction, inRound, person, presentPeople, room, roundPrompt, speakingOrder, upNextPrompt,
} from "../shared/room.js";
import { mountRing } from "../shared/countdown.js";
import { mountPanel, togglePanel } from "./panel.js";
import { mountHostBoard } from "./board.js";
import { mountHostGenerosity } from "./generosity.js";
import { hasEnded, mountEnding } from "./ending.js";
import { mountNextTime } from "./next-time.js";
import { KEPT, keep, recall } from "../shared/storage.js";

const root = $("host");
const code = root.dataset.code;
const storageKey = KEPT.hostKey(code);
const MAX_CHIPS = 48;
const PROMPT_EYEBROWS = { // what the eyebrow above a running prompt says, by its kind
  story: "Your story", ask: "Ask the table", common: "Common ground", give: "Giving back",
};

/** The host key: from the URL fragment once (then stored and removed), else from storage. */
function takeHostKey() {
  const match = location.hash.match(/[#&]key=([^&]+)/);
  if (match) {
    const key = decodeURIComponent(match[1]);
    keep(storageKey, key);
    history.replaceState(null, "", location.pathname + location.search);
    return key;
  }
  return recall(storageKey);
}

function forgetKey() {
  keep(storageKey, null);
}

function showNoKey(detail, title) {
  root.dataset.status = "no-key";
  show($("no-key"), true);
  show($("stage"), false);
  show($("host-controls"), false);
  show($("btn-panel"), false);
  show($("conn"), false);
  if (detail) setText($("no-key-detail"), detail);
  if (title) setText($("no-key-title"), title);
  show($("panel"), false);
}

// --- rendering ---------------------------------------------------------------------------

function render() {
  const { details, turns } = room;
  if (!details || !turns) return;
  const running = inRound(turns);
  const ended = hasEnded(); // ending.js shows what the room sees then
  root.dataset.status = ended ? "ended" : turns.status;
  setText($("event-name"), details.name);
  document.title = `${details.name} · Host screen · Facilitator`;
  setText($("round-label"), turns.round > 0 ? `Round ${turns.round}` : "");
  setText($("progress"), running ? `Turn ${turns.position + 1} of ${speakingOrder().length}` : "");

  show($("lobby-view"), !ended && turns.status === "lobby");
  show($("round-view"), !ended && running);
  show($("over-view"), !ended && turns.status === "round_over");
  show($("host-controls"), !ended);
  if (ended) return;
  if (turns.status === "lobby") renderLobby();
  else if (running) renderRound(turns);
  else renderOver(turns);
  renderControls(turns, running);
}

function renderLobby() {
  const next = upNextPrompt();
  setText($("lobby-prompt"), next ? next.text : "Add a prompt in Manage to get started.");
  const here = presentPeople();
  setText($("people-count"), here.length
    ? `${count(here.length, "person", "people")} at the table`
    : "Waiting for the first person to join");
  // Newest first, so whoever just joined sees their name land on the big screen.
  const list = $("people-chips");
  list.replaceChildren(...here.slice(-MAX_CHIPS).reverse().map((p) => el("li", { class: "chip", text: p.name })));
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
  setText($("speaker-name"), speaker ? speaker.name : "");
  $("speaker-name").dataset.size = speaker && speaker.name.length > 22 ? "long" : "short";
  setText($("speaker-about"), speaker ? speaker.about : "");
  const next = person(turns.next);
  setText($("next-up"), next ? `Next up: ${next.name}` : "Last turn of this round");
  updateRing();
}

function renderOver(turns) {
  setText($("over-eyebrow"), turns.round > 0 ? `Round ${turns.round} complete` : "");
  const next = upNextPrompt();
  setText($("over-title"), turns.round > 0 ? "Everyone has spoken" : "Ready for the next prompt");
  setText($("over-next-prompt"), next ? next.text : "none left. Add one, or pick one to run again, in Manage.");
}

function renderControls(turns, running) {
  const start = $("btn-start");
  show(start, !running);
  setText(start, turns.round > 0 ? "Start next round" : "Start round");
  start.disabled = !upNextPrompt();
  show($("btn-next"), running);
  setText($("btn-next"), turns.next ? "Next speaker" : "Finish round");
  const pause = $("btn-pause");
  show(pause, running);
  pause.dataset.action = turns.status === "paused" ? "resume" : "pause";
  setText(pause, turns.status === "paused" ? "Resume" : "Pause");
  pause.setAttribute("aria-pressed", String(turns.status === "paused"));
  show($("btn-skip"), running);
}

// --- controls ----------------------------------------------------------------------------

/** "Next prompt": during a round the server ends it and moves on; between rounds it means
 *  "not this one": the prompt after the one up next becomes up next. */
function nextPrompt() {
  const { prompts, turns } = room;
  if (inRound(turns)) return hostAction("next_prompt");
  const following = prompts.up_next == null ? null : prompts.items[prompts.up_next + 1];
  if (!following) return toast("That's the last prompt. Add another in Manage.");
  return hostAction("prompt_select", { id: following.id });
}

function toggleFullscreen() {
  if (document.fullscreenElement) {
    document.exitFullscreen();
  } else if (document.documentElement.requestFullscreen) {
    document.documentElement.requestFullscreen().catch(() => toast("This browser won't go fullscreen from here. Try F11."));
  }
}

function press(id) {
  const button = $(id);
  if (button && !button.hidden && !button.disabled) button.click();
}

function onKey(event) {
  if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
  if (root.dataset.status === "no-key") return;
  const key = event.key.toLowerCase();
  const onControl = event.target.closest?.("button, a, summary");
  if (key === "n") press(inRound() ? "btn-next" : "btn-start");
  else if (key === "p" || (key === " " && !onControl)) press("btn-pause");
  else if (key === "f") toggleFullscreen();
  else if (key === "m") togglePanel();
  else return;
  event.preventDefault();
}

function wireControls() {
  $("host-controls").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    // After a mouse click, drop focus so Space goes back to meaning "pause", not "press again".
    if (event.detail > 0) button.blur();
    if (button.id === "btn-fullscreen") toggleFullscreen();
    else if (button.id === "btn-next-prompt") nextPrompt();
    else if (button.dataset.action) hostAction(button.dataset.action);
  });
  document.addEventListener("fullscreenchange", () => {
    setText($("btn-fullscreen"), document.fullscreenElement ? "Exit fullscreen" : "Fullscreen");
  });
  document.addEventListener("keydown", onKey);
  $("unreachable-dismiss")?.addEventListener("click", () => show($("unreachable"), false));
}

/** Keep the projector from dimming (Screen Wake Lock API, where the browser has it). The lock
 *  lapses whenever the tab is hidden, so ask again each time the page is shown. */
function keepAwake() {
  if (!navigator.wakeLock) return;
  const request = () => {
    if (document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").catch(() => {
      // Refused (battery saver, or not allowed here): the screen may dim, nothing else changes.
    });
  };
  document.addEventListener("visibilitychange", request);
  request();
}

// --- start -------------------------------------------------------------------------------

const hostKey = takeHostKey();
let updateRing = () => {};
if (!hostKey) {
  showNoKey();
} else {
  updateRing = mountRing($("ring"));
  wireControls();
  mountPanel();
  keepAwake();
  onStatus((status) => showConnection($("conn"), status));
  onState(render);
  window.addEventListener("resize", render); // the lobby's name chips are fitted to the space
  connect({
    code,
    getAuth: () => ({ host_key: hostKey }),
    tables: "all",
    onRefused: (error) => {
      forgetKey();
      showNoKey(error);
    },
  });
  mountHostBoard({ hostKey, code });
  mountHostGenerosity();
  mountEnding();
  mountNextTime({ hostKey });
  onRoomDeleted(({ message }) => {
    forgetKey();
    showNoKey(message, "This event has ended");
  });
}
