// The phone's generosity tools (templates/_generosity.html): while someone else speaks, raise a
// hand or tap "sounds like a pitch" (anonymous: the phone never learns a count); on one's own turn,
// the questions in order and, if the room nudged, a kind word; what you share with others; and
// introductions to accept or suggest.
import { $, el, setText, show } from "./dom.js";
import { identity, onState, person, state } from "./live.js";
import { enabled, myLine, nameOf, send } from "./generosity.js";

const IN_ROUND = ["speaking", "paused"];
let tappedFor = null; // the turn ("round:speaker") this phone tapped "pitch" in
let nudge = null; // {round, text}: shown while this phone's turn lasts

/** Wire the tools into the phone; `socket` is live.js's (the speaker's nudge arrives on it). */
export function mountPhoneGenerosity({ socket }) {
  socket.on("nudge", (message) => {
    nudge = message;
    render();
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
  const turns = state.sections.turns;
  return turns ? `${turns.round}:${turns.current}` : null;
}

function myHand() {
  return (state.sections.hands?.queue || []).find((h) => h.pid === identity.me && h.speaker === state.sections.turns?.current);
}

function render() {
  const turns = state.sections.turns;
  if (!turns || identity.role !== "participant") return;
  const me = identity.me;
  const speaking = IN_ROUND.includes(turns.status) ? turns.current : null;
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
  const queue = (state.sections.hands?.queue || []);
  const place = queue.findIndex((h) => h.pid === identity.me) + 1;
  setText($("gen-hand"), myHand() ? "Lower my hand" : "I have a question");
  $("gen-hand").setAttribute("aria-pressed", String(Boolean(myHand())));
  setText($("gen-hand-status"), hands && place ? `Your hand is up: number ${place} in line.` : "");
  show($("gen-pitch"), pitch);
  show($("gen-pitch-note"), pitch);
  const tapped = tappedFor === turnKey();
  $("gen-pitch").disabled = tapped;
  setText($("gen-pitch"), tapped ? "Thanks, noted anonymously" : "Sounds like a pitch");
}

function renderSpeaker(mine) {
  if (!mine) nudge = null; // the kind word lasts as long as the turn
  const queue = (state.sections.hands?.queue || []).filter((h) => h.speaker === identity.me);
  const hasNudge = mine && nudge && enabled("pitch_nudges");
  show($("gen-speaker"), Boolean(mine) && ((enabled("hands") && queue.length > 0) || Boolean(hasNudge)));
  show($("gen-nudge"), Boolean(hasNudge));
  setText($("gen-nudge"), hasNudge ? nudge.text : "");
  show($("gen-speaker-title"), queue.length > 0);
  $("gen-speaker-queue").replaceChildren(...queue.map((h) => el("li", { text: nameOf(h.pid) })));
}

function renderMine(me) {
  const lines = (state.sections.common?.groups || []).map((g) => myLine(g, me)).filter(Boolean);
  show($("gen-mine"), enabled("common_ground") && lines.length > 0);
  $("gen-mine-list").replaceChildren(...lines.slice(0, 6).map((text) => el("li", { text })));
}

// --- introductions -------------------------------------------------------------------------

function renderIntros(me) {
  const on = enabled("introductions");
  show($("gen-intros"), on);
  if (!on) return;
  const intros = state.sections.intros || {};
  const posts = state.items.posts || {};
  const items = Object.entries(intros).map(([id, intro]) => ({ post: posts[id], intro, id }))
    .filter(({ post, intro }) => post && [post.author, post.to, intro.with].includes(me));
  $("gen-intros-list").replaceChildren(...(items.length ? items.map((i) => introItem(i, me))
    : [el("li", { class: "hint", text: "Know two people here who should meet? Suggest it below." })]));
  fillPeople(me);
}

function introItem({ post, intro, id }, me) {
  const other = post.to === me ? (intro.with ? nameOf(intro.with) : post.who || "someone they know") : nameOf(post.to);
  const head = post.author === me ? `You suggested ${nameOf(post.to)} meets ${intro.with ? nameOf(intro.with) : post.who || "someone you know"}`
    : `${nameOf(post.author)} would like to introduce you to ${other}`;
  const sides = [post.to, intro.with].filter(Boolean);
  const mineToAnswer = sides.includes(me);
  const accepted = intro.accepted_by.includes(me);
  const status = intro.accepted ? "Accepted: it's on your follow-up page."
    : accepted ? "You accepted. Waiting for the other side." : "Not accepted yet.";
  return el("li", { class: "gen-intro" },
    el("p", { text: head }),
    el("p", { class: "hint", text: post.text }),
    el("p", { class: "hint", text: status }),
    mineToAnswer ? el("button", {
      class: "button button-small", text: accepted ? "Take back" : "Accept introduction",
      data: { offer: id, accept: accepted ? "0" : "1" }, attrs: { type: "button" },
    }) : null);
}

function fillPeople(me) {
  const here = Object.values(state.items.people || {}).filter((p) => p.status === "here" && p.id !== me);
  for (const id of ["gen-introduce-to", "gen-introduce-with"]) {
    const select = $(id);
    if (document.activeElement === select) continue;
    const keep = select.value;
    select.replaceChildren(el("option", { text: "Choose…", attrs: { value: "" } }),
      ...here.map((p) => el("option", { text: p.name, attrs: { value: p.id } })));
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
