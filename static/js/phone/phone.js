// The phone screen at /j/<CODE>: join the table, then follow the round and take your turn.
import { $, announce, confirmTwice, el, setText, show, showConnection } from "../shared/dom.js";
import { gettext, ngettext } from "../shared/i18n.js";
import { connect, identity, join, onRoomDeleted, onState, onStatus, watch } from "../shared/live.js";
import {
  inRound, nameOf, person, presentPeople, room, roundPrompt, send, speakingOrder, upNextPrompt,
} from "../shared/room.js";
import { mountRing } from "../shared/countdown.js";
import { keepAwake } from "../shared/wake.js";
import { followSystemTheme } from "../shared/theme.js";
import { mountPhoneBoard } from "./board.js";
import { mountPhoneGenerosity } from "./generosity.js";
import { mountPhoneTable, scannedTable } from "./table.js";
import { manyTables, tableLabel, tableOf } from "../shared/tables.js";
import { KEPT, keep, recall } from "../shared/storage.js";

const root = $("phone");
const code = root.dataset.code;
const tokenKey = KEPT.token(code);
let token = recall(tokenKey);
let buzzedFor = null; // the turn we last vibrated for, so each turn buzzes once
let roundHeard = null; // the round (or its end) a screen reader was last told of

function storeToken(value) {
  token = value;
  keep(tokenKey, value || null);
}

/** The secret this phone joins with, made here (docs/protocol.md: `join`), and the same until
 *  a join is answered: tapped again after an answer lost on the wifi, it finds the person the
 *  first join made instead of seating a second one. */
function joiningToken() {
  let secret = recall(KEPT.joining(code));
  if (!secret) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    secret = btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
    keep(KEPT.joining(code), secret);
  }
  return secret;
}

function setView(view) {
  root.dataset.view = view;
  show($("join-view"), view === "join");
  show($("live-view"), view === "live");
  show($("gone-view"), view === "gone");
}

function notice(text) {
  setText($("notice"), text || "");
  show($("notice"), Boolean(text));
}

// --- rendering ---------------------------------------------------------------------------

function render() {
  const { details } = room;
  if (!details || root.dataset.view === "gone") return;
  // A phone follows its own table; before it sits (or while it moves) it has no round to show.
  const turns = room.turns ?? { status: "lobby", round: 0, position: null };
  setText($("event-name"), details.name);
  document.title = `${details.name} · Facilitator`;
  const me = identity.role === "participant" ? person(identity.me) : null;
  if (details.ended_at) {
    showEnded(me);
    return;
  }
  if (me?.status === "removed") {
    storeToken(null);
    notice("");
    setView("gone");
    return;
  }
  if (!me || me.status !== "here") {
    if (me) storeToken(null); // we left (perhaps from another tab)
    setView("join");
    renderJoinLead();
    return;
  }
  setView("live");
  renderLive(turns, me);
}

/** The host ended the event: a participant's phone moves to their follow-up page (which reads
 *  the token this phone keeps); anyone else is told it is over. */
function showEnded(me) {
  const mine = token || recall(KEPT.followupToken(code)); // the latter kept by "Leave"
  if (mine && me?.status !== "removed") {
    keep(KEPT.followupToken(code), mine);
    location.replace(`/j/${encodeURIComponent(code)}/me`);
    return;
  }
  notice("");
  setText($("gone-title"), gettext("This event has ended"));
  setText($("gone-detail"), gettext("Thank you for taking part."));
  setView("gone");
}

function renderJoinLead() {
  const here = manyTables() ? Object.keys(room.seats).length : presentPeople().length;
  let lead = gettext("Say who you are. Everyone gets a turn to talk, and nobody has to pitch.");
  if (here && manyTables()) {
    const already = ngettext("%(num)d person is already at %(tables)s.",
      "%(num)d people are already at %(tables)s.", here,
      { tables: ngettext("%(num)d table", "%(num)d tables", room.layout.tables.length) });
    lead = `${already} ${gettext("Say who you are: everyone gets a turn, and nobody has to pitch.")}`;
  } else if (here) {
    const already = ngettext("%(num)d person is already at the table.",
      "%(num)d people are already at the table.", here);
    lead = `${already} ${gettext("Say who you are: everyone gets a turn, and nobody has to pitch.")}`;
  }
  setText($("join-lead"), lead);
}

function myStatus(turns, me) {
  if (turns.status === "lobby") {
    const here = presentPeople().length;
    if (manyTables()) {
      return ngettext("Waiting for the host to start — %(num)d person at %(table)s",
        "Waiting for the host to start — %(num)d people at %(table)s", here,
        { table: tableLabel(tableOf(me.id)) });
    }
    return ngettext("Waiting for the host to start — %(num)d person here",
      "Waiting for the host to start — %(num)d people here", here);
  }
  if (turns.status === "round_over") {
    return (turns.unheard ?? []).includes(me.id)
      ? gettext("The host ended that round before your turn. You speak first in the next one.")
      : gettext("That round is done. The next one starts soon.");
  }
  const at = speakingOrder().indexOf(me.id);
  if (at < 0) return gettext("You'll speak in the next round.");
  if (at < turns.position) return gettext("You've had your turn this round");
  if (at === turns.position + 1) return gettext("You're next");
  return ngettext("You're up in %(num)d turn", "You're up in %(num)d turns", at - turns.position);
}

function renderLive(turns, me) {
  const running = inRound(turns);
  const myTurn = running && turns.current === me.id;
  root.dataset.status = turns.status;
  root.classList.toggle("is-my-turn", myTurn);
  show($("my-turn"), myTurn);
  show($("my-status"), !myTurn);
  setText($("my-status"), myTurn ? "" : myStatus(turns, me));
  const next = running && turns.next === me.id;
  root.classList.toggle("is-next", next);
  if (myTurn) startTurn(turns);
  else if (next) nextUp(turns);
  else tellOfRound(turns, me);
  updateRing();

  const prompt = running ? roundPrompt() : upNextPrompt();
  let label = turns.round > 0 ? gettext("Next prompt") : gettext("First prompt");
  if (running) {
    label = gettext("Round %(round)s · turn %(turn)s of %(turns)s",
      { round: turns.round, turn: turns.position + 1, turns: speakingOrder().length });
  }
  setText($("round-label"), label);
  setText($("prompt-text"), prompt ? prompt.text : gettext("The host will pick the next prompt."));
  setText($("prompt-hint"), prompt ? prompt.hint : "");

  const speaker = running && !myTurn ? person(turns.current) : null;
  show($("speaker-card"), Boolean(speaker));
  setText($("speaker-name"), speaker ? nameOf(speaker.id) : "");
  setText($("speaker-about"), speaker?.about);
  renderOrder(turns, me, running);
}

let drawnOrder = null; // what the order list shows, to redraw it only when that changes

function renderOrder(turns, me, running) {
  // Every update comes here (a post, a raised hand…); in a hall the list has 500 rows.
  const order = speakingOrder();
  const shown = JSON.stringify([order, order.map((pid) => (person(pid) ? nameOf(pid) : null)), me.id,
    running ? turns.position : null]);
  if (shown === drawnOrder) return;
  drawnOrder = shown;
  const rows = order.map((pid, i) => {
    const p = person(pid);
    if (!p) return null;
    const classes = ["order-item"];
    if (pid === me.id) classes.push("is-me");
    if (running && i < turns.position) classes.push("is-done");
    const current = running && i === turns.position;
    if (current) classes.push("is-current");
    return el("li", { class: classes.join(" "), attrs: { "aria-current": current ? "true" : null } },
      el("span", { class: "order-name", text: nameOf(p.id) }),
      pid === me.id ? el("span", { class: "order-you", text: ` ${gettext("(you)")}` }) : null,
      current ? el("span", { class: "order-tag", text: gettext("speaking") }) : null,
      running && i < turns.position
        ? el("span", { class: "order-tag order-tag-done", text: gettext("spoke") }) : null);
  }).filter(Boolean);
  $("order-list").replaceChildren(...rows);
}

/** The turn after this one is mine: one short buzz where the phone can, and the words to a
 *  screen reader (they show too). */
function nextUp(turns) {
  const key = `next:${turns.round}:${turns.position}`;
  if (buzzedFor === key) return;
  buzzedFor = key;
  roundHeard = roundMoment(turns);
  if (navigator.vibrate) navigator.vibrate([80, 60, 80]);
  announce(gettext("You're next"));
}

function startTurn(turns) {
  const key = `${turns.round}:${turns.position}`; // a passer comes back at a later position
  if (buzzedFor === key) return;
  buzzedFor = key;
  roundHeard = roundMoment(turns);
  window.scrollTo({ top: 0 });
  if (navigator.vibrate) navigator.vibrate(200);
  announce(gettext("Your turn"));
}

/** A round starting or ending, which others see on the big screen, is said to a screen reader
 *  with where this person stands ("You're up in 3 turns"); what the page showed when it
 *  opened is not. */
function tellOfRound(turns, me) {
  const moment = roundMoment(turns);
  if (roundHeard !== null && moment !== roundHeard) announce(myStatus(turns, me));
  roundHeard = moment;
}

const roundMoment = (turns) => (inRound(turns) ? `round:${turns.round}` : turns.status);

// --- actions -----------------------------------------------------------------------------

async function onJoin(event) {
  event.preventDefault();
  const submit = $("join-submit");
  const error = $("join-error");
  show(error, false);
  const interests = $("join-interests").value.split(",").map((s) => s.trim()).filter(Boolean);
  submit.disabled = true;
  setText(submit, gettext("Joining…"));
  // The code as scanned or typed: a latecomers' code once the host closed the event to its own.
  const ack = await join({ code: root.dataset.joinCode, name: $("join-name").value,
    about: $("join-about").value, interests, company: $("join-company").value, table: scannedTable(),
    token: joiningToken() });
  submit.disabled = false;
  setText(submit, gettext("Join the table"));
  if (!ack.ok) {
    setText(error, ack.error);
    show(error, true);
    return;
  }
  storeToken(ack.token);
  keep(KEPT.joining(code), null);
  notice("");
}

async function turnAction(event, button) {
  // Both buttons are off until the answer, so a double tap can't end two turns.
  const buttons = [$("btn-done"), $("btn-pass")];
  for (const b of buttons) b.disabled = true;
  const ack = await send(event);
  for (const b of buttons) b.disabled = false;
  if (ack.ok) button.blur();
}

async function leave() {
  const ack = await send("leave");
  if (!ack.ok) return;
  // Leaving the table is not leaving the event: the follow-up page still needs this token.
  keep(KEPT.followupToken(code), token);
  storeToken(null);
  setView("join");
  notice(gettext("You've left the table. You're welcome back any time."));
  watch(); // keep following the room as a viewer
}

// The refusals that say this phone's token no longer works, in the page's language (the server
// words them in the same: facilitator/i18n.py).
const JOIN_AGAIN = [
  gettext("We couldn't find your place in this event. Please join again."),
  gettext("You're no longer at a table. Join again to take part."),
  gettext("You're no longer at this table. Join again to take part."),
];

function onRefused(error) {
  if (token && JOIN_AGAIN.includes(error)) {
    // Our token no longer works ("… Please join again."): start over with the join form.
    storeToken(null);
    setView("join");
    setText($("join-error"), error);
    show($("join-error"), true);
    watch();
  } else {
    notice(error);
  }
}

// --- start -------------------------------------------------------------------------------

setView(token ? "loading" : "join");
const updateRing = mountRing($("phone-ring"));
$("join-form").addEventListener("submit", onJoin);
$("btn-done").addEventListener("click", (e) => turnAction("turn_done", e.currentTarget));
$("btn-pass").addEventListener("click", (e) => turnAction("turn_pass", e.currentTarget));
$("btn-leave").addEventListener("click", (e) => confirmTwice(e.currentTarget, gettext("Tap again to leave"), leave));
onStatus((status) => {
  showConnection($("conn"), status);
  show($("reconnecting"), status === "reconnecting");
});
onState(render);
keepAwake(() => show($("dim-note"), true));
followSystemTheme();
mountPhoneBoard();
onRoomDeleted((reason) => {
  storeToken(null);
  notice("");
  setText($("gone-title"), reason || gettext("This event has ended."));
  setText($("gone-detail"), gettext("Thank you for taking part."));
  setView("gone");
});
const socket = connect({ code, getAuth: () => (token ? { token } : {}), onRefused });
mountPhoneGenerosity({ socket });
mountPhoneTable({ wanted: scannedTable() });
