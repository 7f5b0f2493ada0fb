// The phone's generosity tools (templates/_generosity.html): while someone else speaks, raise a
// hand or tap "sounds like a pitch" (anonymous: the phone never learns a count); on one's own turn,
// the questions in order and, if the room nudged, a kind word; what you share with others; and
// introductions to accept or suggest.
import { $, el, setText, show } from "../shared/dom.js";
import { formatList, gettext, ngettext } from "../shared/i18n.js";
import { identity, onState } from "../shared/live.js";
import { byName, currentSpeaker, enabled, nameOf, person, room, send } from "../shared/room.js";
import { manyTables, nameAtTable, tableOf } from "../shared/tables.js";

let tappedFor = null; // the turn ("round:speaker") this phone tapped "pitch" in
let nudge = null; // {round, text}: shown while this phone's turn lasts

/** Wire the tools into the phone; `socket` is live.js's (the speaker's nudge arrives on it). */
export function mountPhoneGenerosity({ socket }) {
  socket.on("nudge", (message) => {
    nudge = message;
    render();
  });
  $("gen-speaker-queue").addEventListener("click", (event) => {
    const button = event.target.closest("[data-answered]");
    if (button) send("answer_hand", { pid: button.dataset.answered });
  });
  $("gen-hand").addEventListener("click", () => {
    const up = myHand();
    send(up ? "lower_hand" : "raise_hand");
  });
  $("gen-pitch").addEventListener("click", async () => {
    const turn = turnKey();
    const ack = await send("pitch_tap");
    if (ack.ok || /already tapped/.test(ack.error || "")) tappedFor = turn;
    render();
  });
  $("gen-introduce-form").addEventListener("submit", introduce);
  $("gen-intros-list").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-offer]");
    if (button) send("intro_respond", { offer: button.dataset.offer, accept: button.dataset.accept === "1" });
  });
  onState(render);
}

function turnKey() {
  const turns = room.turns;
  return turns ? `${turns.round}:${turns.current}` : null;
}

function myHand() {
  return room.hands.find((h) => h.pid === identity.me && h.speaker === room.turns?.current);
}

function render() {
  if (!room.turns || identity.role !== "participant") return;
  const me = identity.me;
  const speaking = currentSpeaker();
  renderListening(speaking && speaking !== me);
  renderSpeaker(speaking === me);
  renderMine(me);
  renderIntros(me);
}

function renderListening(listening) {
  const hands = enabled("hands");
  const pitch = enabled("pitch_nudges");
  show($("gen-listen"), Boolean(listening) && (hands || pitch));
  if (!listening) return;
  show($("gen-hand"), hands);
  const place = myHand() ? room.hands.indexOf(myHand()) + 1 : 0;
  setText($("gen-hand"), myHand() ? gettext("Lower my hand") : gettext("I have a question"));
  $("gen-hand").setAttribute("aria-pressed", String(Boolean(myHand())));
  setText($("gen-hand-status"), hands && place
    ? gettext("Your hand is up: number %(place)s in line.", { place }) : "");
  show($("gen-pitch"), pitch);
  show($("gen-pitch-note"), pitch);
  const tapped = tappedFor === turnKey();
  $("gen-pitch").disabled = tapped;
  setText($("gen-pitch"), tapped ? gettext("Thanks, noted anonymously") : gettext("Sounds like a pitch"));
}

function renderSpeaker(mine) {
  if (!mine) nudge = null; // the kind word lasts as long as the turn
  const queue = room.hands.filter((h) => h.speaker === identity.me);
  const hasNudge = mine && nudge && enabled("pitch_nudges");
  show($("gen-speaker"), Boolean(mine) && ((enabled("hands") && queue.length > 0) || Boolean(hasNudge)));
  show($("gen-nudge"), Boolean(hasNudge));
  setText($("gen-nudge"), hasNudge ? gettext(nudge.text) : "");
  show($("gen-speaker-title"), queue.length > 0);
  $("gen-speaker-queue").replaceChildren(...queue.map((h) => el("li", { class: "gen-hand-row" },
    el("span", { class: "hand-name", text: nameOf(h.pid) }),
    el("button", { class: "button button-small", text: gettext("Answered"), data: { answered: h.pid },
      attrs: { type: "button", "aria-label": gettext("%(name)s's question answered", { name: nameOf(h.pid) }) } }))));
}

/** "Sam", "Sam and Ann", "Sam, Ann and 3 others" (each named by `name`). */
function listNames(pids, name = nameOf) {
  const names = pids.slice(0, 2).map(name);
  const rest = pids.length - names.length;
  if (rest > 0) {
    return ngettext("%(names)s and %(num)d other", "%(names)s and %(num)d others", rest,
      { names: names.join(", ") });
  }
  return formatList(names);
}

/** One person's view of a group they are in: "You and Sam both mentioned Running" (the first
 *  wording given, as typed: interests match in any language, core/common_ground.py) for those
 *  at their table, and at an event of several tables "Ann at Table 7 — green also mentioned
 *  Running" for the others; none if they are not in it. */
function myLines(group, me) {
  if (!group.pids.includes(me)) return [];
  const others = group.pids.filter((pid) => pid !== me);
  const mine = tableOf(me);
  const here = manyTables() && mine ? others.filter((pid) => tableOf(pid) === mine) : others;
  const away = others.filter((pid) => !here.includes(pid));
  const lines = [];
  if (here.length === 1) {
    lines.push(gettext("You and %(name)s both mentioned %(what)s", { name: nameOf(here[0]), what: group.label }));
  } else if (here.length > 1) {
    lines.push(gettext("You, %(names)s all mentioned %(what)s", { names: listNames(here), what: group.label }));
  }
  if (away.length) {
    const names = listNames(away, nameAtTable);
    lines.push(ngettext("%(names)s also mentioned %(what)s", "%(names)s also mentioned %(what)s",
      away.length, { names, what: group.label }));
  }
  return lines;
}

function renderMine(me) {
  const lines = room.commonGround.flatMap((g) => myLines(g, me));
  show($("gen-mine"), enabled("common_ground") && lines.length > 0);
  $("gen-mine-list").replaceChildren(...lines.slice(0, 6).map((text) => el("li", { text })));
}

// --- introductions -------------------------------------------------------------------------

function renderIntros(me) {
  const on = enabled("introductions");
  show($("gen-intros"), on);
  if (!on) return;
  const posts = room.posts;
  const items = Object.entries(room.intros).map(([id, intro]) => ({ post: posts[id], intro, id }))
    .filter(({ post, intro }) => post && [post.author, post.to, intro.with].includes(me));
  $("gen-intros-list").replaceChildren(...(items.length ? items.map((i) => introItem(i, me))
    : [el("li", { class: "hint", text: gettext("Know two people here who should meet? Suggest it below.") })]));
  fillPeople(me);
}

function introItem({ post, intro, id }, me) {
  const other = post.to === me
    ? (intro.with ? nameOf(intro.with) : post.who || gettext("someone they know")) : nameOf(post.to);
  const head = post.author === me
    ? gettext("You suggested %(name)s meets %(other)s", { name: nameOf(post.to),
      other: intro.with ? nameOf(intro.with) : post.who || gettext("someone you know") })
    : gettext("%(name)s would like to introduce you to %(other)s", { name: nameOf(post.author), other });
  const sides = [post.to, intro.with].filter(Boolean);
  const mineToAnswer = sides.includes(me);
  const accepted = intro.accepted_by.includes(me);
  const status = intro.accepted ? gettext("Accepted: it's on your follow-up page.")
    : accepted ? gettext("You accepted. Waiting for the other side.") : gettext("Not accepted yet.");
  return el("li", { class: "gen-intro" },
    el("p", { text: head }),
    el("p", { class: "hint", text: post.text }),
    el("p", { class: "hint", text: status }),
    mineToAnswer ? el("button", {
      class: "button button-small", text: accepted ? gettext("Take back") : gettext("Accept introduction"),
      data: { offer: id, accept: accepted ? "0" : "1" }, attrs: { type: "button" },
    }) : null);
}

/** Everyone here but `me`, in both pickers of an introduction; at an event of several tables
 *  each with where they sit, as people are found (and two of one name told apart). */
function fillPeople(me) {
  const here = byName(Object.values(room.people).filter((p) => p.status === "here" && p.id !== me)
    .map((p) => p.id));
  for (const id of ["gen-introduce-to", "gen-introduce-with"]) {
    const select = $(id);
    if (document.activeElement === select) continue;
    const keep = select.value;
    select.replaceChildren(el("option", { text: gettext("Choose someone"), attrs: { value: "" } }),
      ...here.map((pid) => el("option", { text: nameAtTable(pid), attrs: { value: pid } })));
    if (person(keep)) select.value = keep;
  }
}

async function introduce(event) {
  event.preventDefault();
  const ack = await send("introduce", {
    to: $("gen-introduce-to").value, with: $("gen-introduce-with").value,
    text: $("gen-introduce-text").value,
  });
  if (ack.ok) {
    event.target.reset();
    event.target.closest("details").open = false;
  }
}
