// The board's forms: offering (two taps plus the text from the speaker's card), asking, editing.
// Every one sends its event and shows a refusal as the server worded it.
import { $, el, show, toast } from "./dom.js";
import { emitAck, identity, person, roundPrompt, speakingOrder, state } from "./live.js";

export const KINDS = { help: "I can help", intro: "I know someone", resource: "Resource" };
const LIMITS = { text: 280, who: 80, link: 300 }; // as facilitator/core/board.py; the server checks
const IN_ROUND = ["speaking", "paused"];
let askOpenedFor = null; // the round whose "ask" prompt opened the ask form

/** Send a board event; a refusal is shown in the toast. Resolves with the acknowledgement. */
export async function send(event, payload) {
  const ack = await emitAck(event, payload);
  if (!ack.ok) toast(ack.error);
  return ack;
}

export const nameOf = (pid) => person(pid)?.name || "Someone";

/** A small button that the board's click handler dispatches on by its `act`. */
export function actButton(text, act, { className = "", attrs = {} } = {}) {
  return el("button", { class: `button button-small ${className}`, text, data: { act },
    attrs: { type: "button", ...attrs } });
}

function field(tag, attrs) {
  return el(tag, { attrs: { autocomplete: "off", ...attrs } });
}

/** Choose a kind (tap 1), type, send (tap 2). `target` is {ask}, {to} or {} (the whole room). */
export function offerForm(target, onSent = () => {}) {
  const text = field("textarea", { maxlength: LIMITS.text, required: true, rows: 3, "aria-label": "Your offer" });
  const who = field("input", { type: "text", maxlength: LIMITS.who, placeholder: "Whom? (optional)",
    "aria-label": "Whom you'd introduce (optional)" });
  const link = field("input", { type: "url", maxlength: LIMITS.link, inputmode: "url",
    placeholder: "https://… (optional)", "aria-label": "A link (optional)" });
  const submit = el("button", { class: "button button-primary", text: "Send", attrs: { type: "submit" } });
  const form = el("form", { class: "offer-form stack compact", attrs: { hidden: true } }, text, who, link, submit);
  const kinds = Object.entries(KINDS).map(([kind, label]) => el("button", {
    class: "button button-small kind-button", text: label, data: { kind },
    attrs: { type: "button", "aria-pressed": "false" } }));
  const group = el("div", { class: "kind-buttons", attrs: { role: "group", "aria-label": "What can you offer?" } },
    ...kinds);
  let kind = null;
  group.addEventListener("click", (event) => {
    const chosen = event.target.closest("[data-kind]");
    if (!chosen) return;
    kind = chosen.dataset.kind;
    for (const b of kinds) b.setAttribute("aria-pressed", String(b === chosen));
    show(form, true);
    show(who, kind === "intro");
    text.focus();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    const ack = await send("post_offer", { ...target, kind, text: text.value,
      who: kind === "intro" ? who.value : "", link: link.value });
    submit.disabled = false;
    if (!ack.ok) return;
    form.reset();
    show(form, false);
    for (const b of kinds) b.setAttribute("aria-pressed", "false");
    toast("Offer sent. Thank you!", { tone: "ok", ms: 3000 });
    onSent();
  });
  return el("div", { class: "offer-box" }, group, form);
}

/** Rewrite one's own post in place; `done()` closes the form. */
export function editForm(post, done) {
  const text = field("textarea", { maxlength: LIMITS.text, required: true, rows: 3, "aria-label": "Your text" });
  text.value = post.text;
  const who = field("input", { type: "text", maxlength: LIMITS.who, "aria-label": "Whom you'd introduce (optional)" });
  const link = field("input", { type: "url", maxlength: LIMITS.link, "aria-label": "A link (optional)" });
  who.value = post.who || "";
  link.value = post.link || "";
  const isOffer = post.type === "offer";
  const form = el("form", { class: "edit-form stack compact" }, text,
    isOffer && post.kind === "intro" ? who : null, isOffer ? link : null,
    el("div", { class: "post-actions" },
      el("button", { class: "button button-small button-primary", text: "Save", attrs: { type: "submit" } }),
      actButton("Cancel", "close")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ack = await send("edit_post", { id: post.id, text: text.value, who: who.value, link: link.value });
    if (ack.ok) done();
  });
  return form;
}

/** The speaker's card offers help to the speaker (their latest ask, if they posted one); the ask
 *  form opens by itself during an "ask" prompt, on or after one's own turn. */
export function renderPhoneForms(posts) {
  const turns = state.sections.turns;
  const inRound = turns && IN_ROUND.includes(turns.status);
  const speaker = inRound && turns.current !== identity.me ? turns.current : null;
  const card = $("speaker-card");
  if (card && speaker) {
    const ask = posts.filter((p) => p.type === "ask" && p.author === speaker).sort((a, b) => b.at - a.at)[0];
    const target = JSON.stringify(ask ? { ask: ask.id } : { to: speaker });
    let box = card.querySelector(".speaker-offer");
    // Never retarget a half-written offer: it stays addressed to whom it was started for.
    if (box?.dataset.target !== target && !box?.querySelector("textarea").value) {
      box?.remove();
      box = el("div", { class: "speaker-offer", data: { target } },
        el("p", { class: "speaker-offer-label",
          text: ask ? `Offer help with: ${ask.text}` : `Offer ${nameOf(speaker)} help` }),
        offerForm(JSON.parse(target)));
      card.append(box);
    }
  }
  const at = inRound ? speakingOrder().indexOf(identity.me) : -1;
  if (roundPrompt()?.kind === "ask" && at >= 0 && at <= turns.position && askOpenedFor !== turns.round) {
    askOpenedFor = turns.round;
    $("board-ask").open = true;
  }
}

/** The phone's own forms: "What I need help with" and an offer to the whole room. */
export function mountPhoneForms() {
  $("board-ask-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("board-ask-text");
    const ack = await send("post_ask", { text: text.value });
    if (!ack.ok) return;
    text.value = "";
    $("board-ask").open = false;
    toast("Your ask is on the board.", { tone: "ok", ms: 3000 });
  });
  $("board-give-slot").append(offerForm({}, () => { $("board-give").open = false; }));
}
