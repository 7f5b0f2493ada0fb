// The host's "Manage" drawer: people in speaking order (with airtime), newcomers (closing the
// event to them, removing a flood of them), prompts, turn length.
import { $, confirmTwice, el, mmss, setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { onHostUpdate, onState } from "../shared/live.js";
import {
  airtime, byName, hostAction, inRound, nameOf, person, presentPeople, room, roundPrompt,
  speakingOrder, tableState,
} from "../shared/room.js";
import { manyTables, tableName, tableOf } from "../shared/tables.js";
import { config } from "../shared/config.js";

const FIND_FROM = 12; // people listed before the box to find one shows
let editingId = null; // a prompt being edited: its row is left alone until saved or cancelled

/** Open or close the drawer; focus moves into it and back to the toggle. */
export function togglePanel(open = $("panel").hidden) {
  const panel = $("panel");
  const toggle = $("btn-panel");
  // Not while presenting (the toggle is `console-only`): the room would see the drawer.
  if (open && !toggle.checkVisibility()) return;
  show(panel, open);
  toggle.setAttribute("aria-expanded", String(open));
  if (open) $("panel-title").focus();
  else if (panel.contains(document.activeElement) || document.activeElement === document.body) toggle.focus();
}

/** Wire the drawer's controls and keep it in step with the state. */
export function mountPanel() {
  $("btn-panel").addEventListener("click", () => togglePanel());
  $("btn-panel-close").addEventListener("click", () => togglePanel(false));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("panel").hidden) togglePanel(false);
  });
  $("people-list").addEventListener("click", onPeopleClick);
  $("people-find-input").addEventListener("input", findPeople);
  $("prompt-list").addEventListener("click", onPromptClick);
  $("prompt-add-form").addEventListener("submit", addPrompt);
  $("turn-seconds-form").addEventListener("submit", setTurnSeconds);
  $("btn-lock").addEventListener("click", () => hostAction("lock", { locked: !room.details?.locked }));
  $("btn-new-code").addEventListener("click", () => hostAction("lock", { locked: true, new_code: true }));
  $("remove-recent-form").addEventListener("submit", removeRecent);
  onState(render);
  onHostUpdate(renderNewcomers); // the latecomers' code follows the room's delta
  setInterval(tickAirtime, 1000);
}

function render() {
  const { prompts } = room;
  // An event of several tables has no one round: people are listed by table, and the turn
  // length (the same at every table) is read from the first.
  const turns = manyTables() ? eventTurns() : room.turns;
  if (!turns || !prompts) return;
  keepFocus($("people-list"), () => (manyTables() ? renderSeated() : renderPeople(turns)));
  findPeople();
  if (editingId === null) keepFocus($("prompt-list"), () => renderPrompts(prompts));
  const input = $("turn-seconds-input");
  if (document.activeElement !== input) input.value = turns.turn_seconds;
  renderNewcomers();
}

function renderNewcomers() {
  const locked = Boolean(room.details?.locked);
  const latecomersCode = room.latecomers?.code ?? null;
  setText($("newcomers-state"), !locked
    ? gettext("Open: anyone with the code can join.")
    : latecomersCode
      ? gettext("Closed to the old code: latecomers join with %(code)s, on the join card. People already here come and go as before.", { code: latecomersCode })
      : gettext("Closed: nobody new can join. People already here come and go as before."));
  setText($("btn-lock"), locked ? gettext("Open to newcomers again") : gettext("Close to newcomers"));
  $("btn-lock").setAttribute("aria-pressed", String(locked));
  setText($("btn-new-code"), latecomersCode
    ? gettext("Another new code for latecomers") : gettext("Close, with a new code for latecomers"));
  if (room.details) showJoinCode(latecomersCode ?? room.details.code);
}

/** The console's join card (the stage's) shows the code newcomers can use: the latecomers'
 *  while there is one. The display's stays the event's own: anyone with that code may open it. */
function showJoinCode(code) {
  const card = $("join-card");
  if (card.dataset.code === code) return;
  card.dataset.code = code;
  setText($("room-code"), code);
  $("join-url").lastChild.textContent = code; // the address ends with the code, after a <wbr>
  const qr = card.querySelector(".join-qr");
  qr.src = qr.src.replace(/[^/]+\.svg$/, `${encodeURIComponent(code)}.svg`);
}

function removeRecent(event) {
  event.preventDefault();
  const minutes = Number($("remove-recent-minutes").value);
  confirmTwice($("btn-remove-recent"), gettext("Really remove everyone from the last %(minutes)s min?", { minutes }), () => hostAction(
    "remove_recent", { minutes, posts: $("remove-recent-posts").checked }));
}

function eventTurns() {
  return tableState(room.layout.tables[0].number)?.sections.turns ?? null;
}

/** Rebuild a list without losing the keyboard focus of someone working in it. */
function keepFocus(list, rebuild) {
  const key = list.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
  rebuild();
  const again = key && list.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  // A move button that just reached the end of the list is disabled and can't keep the focus:
  // hand it to the same row's other move button, so the keyboard doesn't lose its place.
  const row = again?.disabled ? again.parentElement : null;
  const target = row
    ? row.querySelector("[data-move]:enabled, [data-to]:enabled") || row.querySelector("button:enabled")
    : again;
  target?.focus();
}

function button(label, focusKey, options = {}) {
  return el("button", {
    class: `button button-small ${options.class || ""}`, text: label,
    data: { focusKey, ...options.data }, attrs: { type: "button", "aria-label": options.aria },
  });
}

// --- people ------------------------------------------------------------------------------

/** Who can still be moved: the people still to speak this round, or everyone between rounds. */
function movable(turns) {
  const order = speakingOrder();
  return inRound(turns) ? order.slice(turns.position + 1) : [...order];
}

// A person's place in the round, by its `data-tag` (app.css colours some).
const PERSON_TAGS = {
  left: gettext("Left"), removed: gettext("Removed"), spoke: gettext("Spoke"),
  paused: gettext("Paused"), speaking: gettext("Speaking"), next: gettext("Next"),
};

function renderPeople(turns) {
  const running = inRound(turns);
  const upcoming = movable(turns);
  const rows = speakingOrder().map((pid, i) => {
    const p = person(pid);
    if (!p) return null;
    let tag = "";
    if (p.status !== "here") tag = p.status === "left" ? "left" : "removed";
    else if (running && i < turns.position) tag = "spoke";
    else if (running && i === turns.position) tag = turns.status === "paused" ? "paused" : "speaking";
    else if (pid === turns.next) tag = "next";
    const at = upcoming.indexOf(pid);
    const actions = el("span", { class: "row-actions" });
    if (at >= 0) {
      const up = button("↑", `up-${pid}`,
        { aria: gettext("Move %(name)s up", { name: p.name }), data: { move: "-1", pid } });
      const down = button("↓", `down-${pid}`,
        { aria: gettext("Move %(name)s down", { name: p.name }), data: { move: "1", pid } });
      up.disabled = at === 0;
      down.disabled = at === upcoming.length - 1;
      actions.append(up, down);
    }
    if (p.status === "here") {
      actions.append(button(gettext("Remove"), `remove-${pid}`, {
        class: "button-danger", aria: gettext("Remove %(name)s", { name: p.name }), data: { remove: pid },
      }));
    }
    return el("li", { class: "manage-row", data: { pid, tag } },
      el("span", { class: "row-main" },
        el("span", { class: "row-title", text: nameOf(pid) }),
        p.about ? el("span", { class: "row-sub", text: p.about }) : null),
      tag ? el("span", { class: "row-tag", text: PERSON_TAGS[tag] }) : null,
      el("span", { class: "row-air", text: mmss(airtime(pid)), data: { airtime: pid },
        attrs: { title: gettext("Airtime so far") } }),
      actions);
  }).filter(Boolean);
  if (!rows.length) rows.push(el("li", { class: "manage-empty", text: gettext("Nobody has joined yet.") }));
  $("people-list").replaceChildren(...rows);
  setText($("people-title"), gettext("People, in speaking order (%(count)s)",
    { count: presentPeople().length }));
}

/** At an event of several tables: everyone here, table by table and by name at each (each
 *  table's card on the stage shows its speaking order), so the host finds one of hundreds. */
function renderSeated() {
  const here = Object.values(room.people).filter((p) => p.status === "here").map((p) => p.id);
  const seat = new Map(here.map((pid) => [pid, tableOf(pid)]));
  const number = (pid) => seat.get(pid)?.number ?? Infinity;
  const rows = byName(here).sort((a, b) => number(a) - number(b)).map((pid) => {
    const p = person(pid);
    return el("li", { class: "manage-row", data: { pid } },
      el("span", { class: "row-main" },
        el("span", { class: "row-title", text: nameOf(pid) }),
        p.about ? el("span", { class: "row-sub", text: p.about }) : null),
      el("span", { class: "row-tag", text: seat.get(pid) ? tableName(seat.get(pid)) : "" }),
      el("span", { class: "row-actions" }, button(gettext("Remove"), `remove-${pid}`, {
        class: "button-danger", aria: gettext("Remove %(name)s", { name: p.name }), data: { remove: pid } })));
  });
  if (!rows.length) rows.push(el("li", { class: "manage-empty", text: gettext("Nobody has joined yet.") }));
  $("people-list").replaceChildren(...rows);
  setText($("people-title"), gettext("People, by table (%(count)s)", { count: here.length }));
}

/** Past a screenful of people, a box to find one (to remove them, say): rows whose name,
 *  line about them or table hold what is typed, accents and case aside. */
function findPeople() {
  const rows = [...$("people-list").querySelectorAll("li[data-pid]")];
  show($("people-find"), rows.length > FIND_FROM);
  const wanted = folded($("people-find-input").value.trim());
  for (const row of rows) {
    const said = [".row-main", ".row-tag"].map((part) => row.querySelector(part)?.textContent ?? "");
    row.hidden = Boolean(wanted) && rows.length > FIND_FROM && !folded(said.join(" ")).includes(wanted);
  }
}

const folded = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

function tickAirtime() {
  for (const cell of $("people-list").querySelectorAll("[data-airtime]")) {
    setText(cell, mmss(airtime(cell.dataset.airtime)));
  }
}

function onPeopleClick(event) {
  const target = event.target.closest("button");
  if (!target) return;
  const turns = room.turns;
  if (target.dataset.remove) {
    confirmTwice(target, gettext("Really remove?"), () => hostAction("remove", { pid: target.dataset.remove }));
  } else if (target.dataset.move) {
    const order = movable(turns);
    const from = order.indexOf(target.dataset.pid);
    const to = from + Number(target.dataset.move);
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to], order[from]];
    hostAction("reorder", { order });
  }
}

// --- prompts -----------------------------------------------------------------------------

function renderPrompts(prompts) {
  const now = roundPrompt()?.id;
  const rows = prompts.items.map((prompt, i) => {
    const { id } = prompt;
    let tag = "";
    if (id === now) tag = "now";
    else if (i === prompts.up_next) tag = "up-next";
    const actions = el("span", { class: "row-actions" });
    if (id !== now && i !== prompts.up_next) {
      actions.append(button(gettext("Run this next"), `select-${id}`, { data: { select: id } }));
    }
    const up = button("↑", `up-${id}`,
      { aria: gettext("Move prompt %(number)s up", { number: i + 1 }), data: { to: String(i - 1), id } });
    const down = button("↓", `down-${id}`,
      { aria: gettext("Move prompt %(number)s down", { number: i + 1 }), data: { to: String(i + 1), id } });
    up.disabled = i === 0;
    down.disabled = i === prompts.items.length - 1;
    actions.append(button(gettext("Edit"), `edit-${id}`, { data: { edit: id } }), up, down,
      button(gettext("Remove"), `remove-${id}`,
        { class: "button-danger", aria: gettext("Remove prompt %(number)s", { number: i + 1 }), data: { remove: id } }));
    return el("li", { class: "manage-row", data: { id, tag } },
      el("span", { class: "row-index", text: String(i + 1) }),
      el("span", { class: "row-main" },
        el("span", { class: "row-title", text: prompt.text }),
        prompt.hint ? el("span", { class: "row-sub", text: prompt.hint }) : null),
      tag ? el("span", { class: "row-tag", text: tag === "now" ? gettext("Now") : gettext("Up next") }) : null,
      actions);
  });
  if (!rows.length) rows.push(el("li", { class: "manage-empty", text: gettext("No prompts yet: add one below.") }));
  $("prompt-list").replaceChildren(...rows);
}

function onPromptClick(event) {
  const target = event.target.closest("button");
  if (!target) return;
  const data = target.dataset;
  if (data.select) hostAction("prompt_select", { id: data.select });
  else if (data.to) hostAction("prompt_move", { id: data.id, to: Number(data.to) });
  else if (data.remove) confirmTwice(target, gettext("Really remove?"), () => hostAction("prompt_remove", { id: data.remove }));
  else if (data.edit) startEdit(target.closest("li"), data.edit);
}

function startEdit(row, id) {
  const prompt = room.prompts.items.find((p) => p.id === id);
  if (!prompt) return;
  editingId = id;
  const limits = config.limits.prompt;
  const text = el("input", { attrs: { type: "text", maxlength: limits.text, required: true, id: "prompt-edit-text" } });
  const hint = el("input", { attrs: { type: "text", maxlength: limits.hint, id: "prompt-edit-hint" } });
  text.value = prompt.text;
  hint.value = prompt.hint || "";
  const cancel = button(gettext("Cancel"), "edit-cancel");
  const form = el("form", { class: "stack compact edit-form" },
    el("div", { class: "field" }, el("label", { text: gettext("Prompt"), attrs: { for: "prompt-edit-text" } }), text),
    el("div", { class: "field" }, el("label", { text: gettext("Hint"), attrs: { for: "prompt-edit-hint" } }), hint),
    el("span", { class: "row-actions" },
      el("button", { class: "button button-small button-primary", text: gettext("Save"), attrs: { type: "submit" } }), cancel));
  const finish = () => {
    editingId = null;
    render();
    $("prompt-list").querySelector(`[data-focus-key="edit-${CSS.escape(id)}"]`)?.focus();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ack = await hostAction("prompt_edit", { id, text: text.value, hint: hint.value });
    if (ack.ok) finish();
  });
  cancel.addEventListener("click", finish);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      finish();
    }
  });
  row.replaceChildren(form);
  text.focus();
}

async function addPrompt(event) {
  event.preventDefault();
  const text = $("prompt-add-text");
  const hint = $("prompt-add-hint");
  const ack = await hostAction("prompt_add", { text: text.value, hint: hint.value });
  if (ack.ok) {
    text.value = "";
    hint.value = "";
    text.focus();
  }
}

async function setTurnSeconds(event) {
  event.preventDefault();
  const input = $("turn-seconds-input");
  const ack = await hostAction("turn_seconds", { seconds: Number(input.value) });
  if (ack.ok) input.blur();
}
