// "Next time" in the host's drawer (templates/_ending.html): start the next event of the series
// from this one, or keep this event's prompts as a deck (shared/decks.js).
import { $, saveFile, setText, toast } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { room } from "../shared/room.js";
import { deckJson, saveDeck } from "../shared/decks.js";
import { hostKey } from "./key.js";

/** This event's prompts, as edited, as a deck called `title`. */
function thisDeck(title) {
  return {
    title, description: gettext("The prompts of %(event)s.", { event: room.details.name }),
    prompts: (room.prompts?.items ?? []).map(({ text, hint, kind }) => ({ text, hint, kind })),
  };
}

async function runAgain(event) {
  event.preventDefault();
  let answer;
  try {
    const response = await fetch(`/host/${encodeURIComponent(room.details.code)}/again`, {
      method: "POST", cache: "no-store",
      headers: { Authorization: `Bearer ${hostKey()}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: $("again-name").value }),
    });
    answer = await response.json();
  } catch {
    answer = {};
  }
  if (!answer.ok) {
    toast(answer.error || gettext("Couldn't start the next event just now. Please try again."));
    return;
  }
  location.assign(answer.url); // its host screen, which keeps its own key
}

/** Wire the two forms (the host key authorises starting the next event). */
export function mountNextTime() {
  $("again-form").addEventListener("submit", runAgain);
  $("deck-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const deck = thisDeck($("deck-title").value.trim());
    saveDeck(deck);
    setText($("deck-saved"), gettext("Saved “%(title)s”: it is on the create form in this browser.",
      { title: deck.title }));
  });
  $("btn-deck-download").addEventListener("click", () => {
    const deck = thisDeck($("deck-title").value.trim() || room.details.name);
    saveFile(new Blob([deckJson(deck)], { type: "application/json" }),
      `deck-${deck.title.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}.json`);
  });
}
