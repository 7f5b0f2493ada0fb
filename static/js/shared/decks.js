// Prompt decks a host wrote, kept in this browser (docs/protocol.md, "What a browser keeps"): saved
// from a host screen, offered on the create form, exported and imported as JSON in the shape of
// the built-in decks' files: {"title", "description", "prompts": [{"text", "hint", "kind"}]}.
import { KEPT, keep, recall } from "./storage.js";
import { gettext } from "./i18n.js";

/** The saved decks, by title. */
export function savedDecks() {
  try {
    const decks = JSON.parse(recall(KEPT.decks()) || "{}");
    return decks && typeof decks === "object" ? decks : {};
  } catch {
    return {};
  }
}

/** Keep `deck` under its title (replacing a deck of that title). */
export function saveDeck(deck) {
  keep(KEPT.decks(), JSON.stringify({ ...savedDecks(), [deck.title]: deck }));
}

/** Forget the deck called `title`. */
export function forgetDeck(title) {
  const decks = savedDecks();
  delete decks[title];
  keep(KEPT.decks(), JSON.stringify(decks));
}

/** A deck as a file's text, and back (null when it isn't one: the server checks the rest). */
export function deckJson(deck) {
  return JSON.stringify(deck, null, 2);
}

export function readDeck(text) {
  try {
    const deck = JSON.parse(text);
    if (!deck || !Array.isArray(deck.prompts) || !deck.prompts.length) return null;
    const prompts = deck.prompts.filter((p) => p && typeof p.text === "string")
      .map((p) => ({ text: p.text, hint: typeof p.hint === "string" ? p.hint : "", kind: typeof p.kind === "string" ? p.kind : "custom" }));
    const title = typeof deck.title === "string" && deck.title.trim() ? deck.title.trim() : gettext("Imported deck");
    return prompts.length ? { title, description: typeof deck.description === "string" ? deck.description : "", prompts } : null;
  } catch {
    return null;
  }
}
