// The console's board: where the display shows it (B cycles off, beside the prompt, full screen:
// the room's `display.board`, which the stage lays out), hide and restore posts, delete a hidden
// one for good (freeing its place), type the speaker's ask for them, and download the event as
// CSV, Markdown or JSON.
// Hidden posts reach only the host: in its snapshot and in `host_update` events (docs/protocol.md).
import { $, confirmTwice, el, isTyping, saveFile, setText, show, toast } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { onHostUpdate, onState } from "../shared/live.js";
import { currentSpeaker, hostAction, nameOf, person, room, send } from "../shared/room.js";
import { actButton, mountBoard, renderBoard } from "../board/board.js";
import { hostKey } from "./key.js";

const PLACES = ["off", "beside", "full"];
const PLACE_LABELS = {
  off: gettext("Board"), beside: gettext("Board: beside"), full: gettext("Board: full screen"),
};

/** Wire the board into the console of room `code`. */
export function mountHostBoard(code) {
  const root = $("host");
  const toggle = el("button", { class: "button", attrs: { type: "button", id: "btn-board",
    "aria-keyshortcuts": "B", "aria-controls": "board" } });
  $("host-controls").querySelector(".controls")?.append(toggle);

  const place = () => room.display?.board ?? "off";
  onState(() => {
    setText(toggle, PLACE_LABELS[place()]);
    toggle.setAttribute("aria-pressed", String(place() !== "off"));
  });
  const cycle = () => hostAction("display", {
    board: PLACES[(PLACES.indexOf(place()) + 1) % PLACES.length] });
  toggle.addEventListener("click", (event) => {
    if (event.detail > 0) toggle.blur(); // Space goes back to meaning "pause"
    cycle();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() !== "b" || event.repeat || event.ctrlKey || event.metaKey
      || event.altKey || isTyping(event) || root.dataset.status === "no-key") return;
    event.preventDefault();
    cycle();
  });

  mountAskFor();
  for (const button of $("board").querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => download(code, button.dataset.export));
  }
  mountBoard({
    hidden: true,
    tools: (post) => (post.hidden
      ? [actButton(gettext("Restore"), "restore", { attrs: { "aria-label": gettext("Restore %(post)s", { post: summary(post) }) } }),
        actButton(gettext("Delete"), "delete", { className: "button-danger",
          attrs: { "aria-label": gettext("Delete %(post)s for good", { post: summary(post) }) } })]
      : [actButton(gettext("Hide"), "hide", { className: "post-mod", attrs: { "aria-label": gettext("Hide %(post)s", { post: summary(post) }) } })]),
    actions: {
      hide: (post) => send("moderate", { id: post.id, hidden: true }),
      restore: (post) => send("moderate", { id: post.id, hidden: false }),
      delete: (post, button) => confirmTwice(button, gettext("Tap again to delete"),
        () => hostAction("delete_post", { id: post.id })),
    },
  });
  onHostUpdate(renderBoard);
  mountEdges($("board"));
}

/** What a moderation button acts on, for its accessible name: "Mei Lin's offer: I solder…". */
function summary(post) {
  const text = post.text || "";
  const short = text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
  const values = { name: nameOf(post.author), text: short };
  return post.type === "ask" ? gettext("%(name)s's ask: %(text)s", values)
    : gettext("%(name)s's offer: %(text)s", values);
}

/** The board scrolls within its area when it must: mark the edges with more beyond them (the CSS
 *  fades them), so a post cut by the edge reads as "more below". */
function mountEdges(board) {
  const update = () => {
    board.toggleAttribute("data-scrolled", board.scrollTop > 1);
    board.toggleAttribute("data-more", board.scrollHeight - board.clientHeight - board.scrollTop > 1);
  };
  board.addEventListener("scroll", update, { passive: true });
  const sizes = new ResizeObserver(update);
  sizes.observe(board);
  for (const child of board.children) sizes.observe(child);
}

/** "Type the speaker's ask": addressed to whoever was speaking when the host began typing. */
function mountAskFor() {
  const form = $("board-ask-for");
  const input = $("board-ask-for-text");
  function refresh() {
    if (!input.value) form.dataset.for = currentSpeaker() || "";
    show(form, Boolean(form.dataset.for));
    const name = person(form.dataset.for)?.name;
    setText($("board-ask-for-label"), name ? gettext("Type %(name)s's ask", { name })
      : gettext("Type the speaker's ask"));
  }
  onState(refresh);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ack = await send("post_ask", { text: input.value, for: form.dataset.for });
    if (!ack.ok) return;
    input.value = "";
    refresh();
  });
}

/** Fetch an export with the host key in a header (never in the URL), then save it. */
async function download(code, format) {
  let response;
  try {
    response = await fetch(`/host/${encodeURIComponent(code)}/export.${format}`, {
      headers: { Authorization: `Bearer ${hostKey()}` }, cache: "no-store" });
  } catch {
    toast(gettext("Couldn't reach the server for the export. Please try again."));
    return;
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    toast(body.error || gettext("The export didn't work. Please try again."));
    return;
  }
  saveFile(await response.blob(), `facilitator-${code}.${format}`);
}
