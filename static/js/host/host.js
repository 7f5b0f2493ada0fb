// The console: the host's controls and what only the host knows, around the stage the room
// sees (display/stage.js). On the laptop beside a display window, in this window presenting
// (presenter.js), or on the host's phone.
import { $, confirmTwice, el, isTyping, setText, show, showConnection, toast } from "../shared/dom.js";
import { gettext, ngettext } from "../shared/i18n.js";
import { connect, onHostUpdate, onRoomDeleted, onState, onStatus } from "../shared/live.js";
import {
  hostAction, inRound, nameOf, presentPeople, room, speakingOrder, turnShown, upNextPrompt,
} from "../shared/room.js";
import { hasEnded, mountStage } from "../display/stage.js";
import { eventRound } from "../display/tables.js";
import { manyTables } from "../shared/tables.js";
import { keepAwake } from "../shared/wake.js";
import { mountPanel, togglePanel } from "./panel.js";
import { mountDisplayManage } from "./display-manage.js";
import { mountPresenter, presenting, toggleFullscreen, togglePresenting } from "./presenter.js";
import { mountChime } from "../display/chime.js";
import { mountDisplayLanguage } from "./language.js";
import { mountHostBoard } from "./board.js";
import { mountHostGenerosity } from "./generosity.js";
import { mountEnding } from "./ending.js";
import { mountNextTime } from "./next-time.js";
import { mountHostTables, renderTablesManage } from "./tables.js";
import { hostKey, replaceHostKey, takeHostKey } from "./key.js";
import { mountPhoneConsole } from "./phone-console.js";

const root = $("host");
const code = root.dataset.code;
let checkHidden = false; // the host hid "Check it with your own phone"

function forgetKey() {
  replaceHostKey(null);
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

/** The controls, in step with the round (the stage draws itself: display/stage.js). */
function render() {
  const { details } = room;
  if (!details) return;
  const ended = hasEnded();
  // An event of several tables: the bar acts at every table (each card has its own Next).
  const many = manyTables();
  const turns = many ? eventRound() : room.turns;
  show($("host-controls"), !ended && Boolean(turns));
  if (!ended && turns) renderControls(turns, inRound(turns), many);
  // Until the first person joins: the one way to learn whether phones can reach this laptop
  // (not there when the server knows they can't: the `unreachable` banner says why).
  const check = $("join-check");
  if (check) show(check, !checkHidden && !ended && !(turns?.round > 0) && !presentPeople().length);
}

function renderControls(turns, running, many) {
  show($("btn-end-round"), many && running);
  show($("btn-shuffle"), !many);
  const start = $("btn-start");
  show(start, !running);
  setText(start, turns.round > 0 ? gettext("Start next round") : gettext("Start round"));
  start.disabled = !upNextPrompt();
  show($("btn-next"), running && !many);
  setText($("btn-next"), turns.next ? gettext("Next speaker") : gettext("Finish round"));
  const pause = $("btn-pause");
  show(pause, running);
  pause.dataset.action = turns.status === "paused" ? "resume" : "pause";
  setText(pause, turns.status === "paused" ? gettext("Resume") : gettext("Pause"));
  pause.setAttribute("aria-pressed", String(turns.status === "paused"));
  show($("btn-skip"), running && !many);
}

// --- controls ----------------------------------------------------------------------------

/** "Next prompt": during a round the server ends it and moves on (asking first while people
 *  are still to speak: they go first next round); between rounds it means "not this one": the
 *  prompt after the one up next becomes up next. */
function nextPrompt(button) {
  const { prompts, turns } = room;
  if (inRound(turns)) {
    const waiting = speakingOrder().length - turns.position - 1;
    const shown = { round: turns.round }; // pressed twice, the second press ends nothing more
    if (waiting <= 0) return hostAction("next_prompt", shown);
    return confirmTwice(button, ngettext("%(num)d person hasn't spoken yet. End the round anyway?",
      "%(num)d people haven't spoken yet. End the round anyway?", waiting),
      () => hostAction("next_prompt", shown), 6000);
  }
  const following = prompts.up_next == null ? null : prompts.items[prompts.up_next + 1];
  if (!following) return toast(gettext("That's the last prompt. Add another in Manage."));
  return hostAction("prompt_select", { id: following.id });
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
  else if (key === "d") togglePresenting();
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
    else if (button.id === "btn-next-prompt") nextPrompt(button);
    else if (button.dataset.action) hostAction(button.dataset.action, turnShown(button.dataset.action, room.turns));
  });
  document.addEventListener("keydown", onKey);
  $("unreachable-dismiss")?.addEventListener("click", () => show($("unreachable"), false));
  $("join-check-dismiss")?.addEventListener("click", () => {
    checkHidden = true;
    render();
  });
  $("gen-hands-list").addEventListener("click", (event) => {
    const button = event.target.closest("[data-answered]");
    if (button) hostAction("hands_clear", { pid: button.dataset.answered });
  });
}

/** "Answered" beside a raised hand on the console (not in presenter mode: `console-only`). */
function answeredButton(hand) {
  return el("button", { class: "button button-small button-quiet console-only", text: gettext("Answered"),
    attrs: { type: "button", "aria-label": gettext("%(name)s's question answered", { name: nameOf(hand.pid) }) },
    data: { answered: hand.pid } });
}

// --- start -------------------------------------------------------------------------------

if (!takeHostKey(code)) {
  showNoKey();
} else {
  mountStage(root, gettext("Console"), { tools: answeredButton });
  wireControls();
  mountPanel();
  mountDisplayManage();
  mountPresenter(root);
  mountChime(presenting); // this window chimes only while it is the projector's
  mountDisplayLanguage();
  keepAwake(() => show($("dim-note"), true));
  onStatus((status) => showConnection($("conn"), status));
  onState(render);
  onState(renderTablesManage);
  onHostUpdate(renderTablesManage); // the seating rules are the host's only
  mountHostTables();
  connect({
    code,
    getAuth: () => ({ host_key: hostKey() }),
    tables: "all",
    onRefused: (error) => {
      forgetKey();
      showNoKey(error);
    },
  });
  mountHostBoard(code);
  mountHostGenerosity();
  mountEnding();
  mountNextTime();
  mountPhoneConsole(code);
  onRoomDeleted((reason) => {
    forgetKey();
    showNoKey(reason, gettext("This event has ended"));
  });
}
