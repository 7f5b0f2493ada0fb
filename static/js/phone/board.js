// The phone's side of the board: offering (two taps plus the text, also from the speaker's card),
// asking, editing, taking an offer up and deleting one's own posts. Every one sends its event and
// shows a refusal as the server worded it.
import { $, confirmTwice, el, show, toast } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { identity } from "../shared/live.js";
import { currentSpeaker, inRound, isAskRound, nameOf, room, send, speakingOrder } from "../shared/room.js";
import { config } from "../shared/config.js";
import { actButton, mountBoard } from "../board/board.js";

const LIMITS = config.limits.post;
let askOpenedFor = null; // the round whose "ask" prompt opened the ask form

function field(tag, attrs) {
  return el(tag, { attrs: { autocomplete: "off", ...attrs } });
}

/** A link field: text, not type="url", so "example.org/page" is taken as typed (the server
 *  puts https:// in front) instead of being refused by the browser. */
function linkField() {
  return field("input", { type: "text", maxlength: LIMITS.link, inputmode: "url", autocomplete: "url",
    autocapitalize: "off", spellcheck: "false", placeholder: gettext("A link, e.g. example.org (optional)"),
    "aria-label": gettext("A link (optional)") });
}

/** Choose a kind (tap 1), type, send (tap 2). `target` is {ask}, {to} or {} (the whole room). */
function offerForm(target, onSent = () => {}) {
  const text = field("textarea", { maxlength: LIMITS.text, required: true, rows: 3,
    placeholder: gettext("Your offer"), "aria-label": gettext("Your offer") });
  const who = field("input", { type: "text", maxlength: LIMITS.who, placeholder: gettext("Whom? (optional)"),
    "aria-label": gettext("Whom you'd introduce (optional)") });
  const link = linkField();
  const submit = el("button", { class: "button button-primary", text: gettext("Send"), attrs: { type: "submit" } });
  const form = el("form", { class: "offer-form stack compact", attrs: { hidden: true } }, text, who, link, submit);
  const kinds = Object.entries(config.offer_kinds).map(([kind, label]) => el("button", {
    class: "button button-small kind-button", text: gettext(label), data: { kind },
    attrs: { type: "button", "aria-pressed": "false" } }));
  const group = el("div", { class: "kind-buttons", attrs: { role: "group", "aria-label": gettext("What can you offer?") } },
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
    toast(gettext("Offer sent. Thank you!"), { tone: "ok", ms: 3000 });
    onSent();
  });
  return el("div", { class: "offer-box" }, group, form);
}

/** Rewrite one's own post in place; `done()` closes the form. */
function editForm(post, done) {
  const text = field("textarea", { maxlength: LIMITS.text, required: true, rows: 3,
    placeholder: gettext("Your text"), "aria-label": gettext("Your text") });
  text.value = post.text;
  const who = field("input", { type: "text", maxlength: LIMITS.who, placeholder: gettext("Whom? (optional)"),
    "aria-label": gettext("Whom you'd introduce (optional)") });
  const link = linkField();
  who.value = post.who || "";
  link.value = post.link || "";
  const isOffer = post.type === "offer";
  const form = el("form", { class: "edit-form stack compact" }, text,
    isOffer && post.kind === "intro" ? who : null, isOffer ? link : null,
    el("div", { class: "post-actions" },
      el("button", { class: "button button-small button-primary", text: gettext("Save"), attrs: { type: "submit" } }),
      actButton(gettext("Cancel"), "close")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ack = await send("edit_post", { id: post.id, text: text.value, who: who.value, link: link.value });
    if (ack.ok) done();
  });
  return form;
}

/** A post's buttons on this phone: offer help on others' asks, take up offers made to oneself,
 *  edit and delete one's own posts. */
function tools(post) {
  const own = post.author === identity.me
    ? [actButton(gettext("Edit"), "edit"), actButton(gettext("Delete"), "delete", { className: "button-danger" })] : [];
  if (post.type === "ask") return own.length ? own : [actButton(gettext("Offer help"), "offer", { className: "button-primary" })];
  const take = post.to === identity.me
    ? [actButton(post.taken ? gettext("Taken up ✓ (undo)") : gettext("Mark taken up"), "take",
      { attrs: { "aria-pressed": String(Boolean(post.taken)) } })] : [];
  return [...take, ...own];
}

const actions = {
  close: (post, button, slot) => slot.replaceChildren(),
  offer: (post, button, slot) => {
    if (slot.firstChild) slot.replaceChildren();
    else slot.replaceChildren(offerForm({ ask: post.id }, () => slot.replaceChildren()));
  },
  edit: (post, button, slot) => slot.replaceChildren(editForm(post, () => slot.replaceChildren())),
  take: (post) => send("take_offer", { id: post.id, taken: !post.taken }),
  delete: (post, button) => confirmTwice(button, gettext("Tap again to delete"), () => send("delete_post", { id: post.id })),
};

/** The speaker's card offers help to the speaker (their latest ask, if they posted one); the ask
 *  form opens by itself during an "ask" prompt, on or after one's own turn. */
function afterRender(posts) {
  show($("board"), identity.role === "participant");
  const speaker = currentSpeaker();
  const card = $("speaker-card");
  if (card && speaker && speaker !== identity.me) {
    const ask = posts.filter((p) => p.type === "ask" && p.author === speaker).sort((a, b) => b.at - a.at)[0];
    const target = JSON.stringify(ask ? { ask: ask.id } : { to: speaker });
    let box = card.querySelector(".speaker-offer");
    // Never retarget a half-written offer: it stays addressed to whom it was started for.
    if (box?.dataset.target !== target && !box?.querySelector("textarea").value) {
      box?.remove();
      box = el("div", { class: "speaker-offer", data: { target } },
        el("p", { class: "speaker-offer-label",
          text: ask ? gettext("Offer help with: %(ask)s", { ask: ask.text })
            : gettext("Offer %(name)s help", { name: nameOf(speaker) }) }),
        offerForm(JSON.parse(target)));
      card.append(box);
    }
  }
  const turns = room.turns;
  const at = inRound() ? speakingOrder().indexOf(identity.me) : -1;
  if (isAskRound() && at >= 0 && at <= turns.position && askOpenedFor !== turns.round) {
    askOpenedFor = turns.round;
    $("board-ask").open = true;
  }
  // On one's own turn in an ask round the form sits in the turn card, under "Your turn".
  const home = at === turns?.position && isAskRound() ? $("my-turn-ask") : $("board-ask-home");
  if ($("board-ask").parentElement !== home) home.append($("board-ask"));
}

/** The phone's own forms ("What I need help with", an offer to the whole room), then the board. */
export function mountPhoneBoard() {
  $("board-ask-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("board-ask-text");
    const ack = await send("post_ask", { text: text.value });
    if (!ack.ok) return;
    text.value = "";
    $("board-ask").open = false;
    toast(gettext("Your ask is on the board."), { tone: "ok", ms: 3000 });
  });
  $("board-give-slot").append(offerForm({}, () => { $("board-give").open = false; }));
  mountBoard({ tools, actions, afterRender });
}
