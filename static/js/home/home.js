// The create form's saved decks (templates/home.html): prompt decks a host kept in this browser
// or imported from a JSON file, offered beside the built-in ones. Choosing one sends its prompts
// with the form (deck "custom"); the server checks them as prompts the host types.
import { $, el, setText } from "../shared/dom.js";
import { forgetDeck, readDeck, saveDeck, savedDecks } from "../shared/decks.js";
import { gettext, ngettext } from "../shared/i18n.js";

const CUSTOM_DECK = "custom";

function deckOption(deck) {
  const input = el("input", { attrs: { type: "radio", name: "deck", value: CUSTOM_DECK }, data: { title: deck.title } });
  const forget = el("button", {
    class: "button button-small button-quiet", text: gettext("Forget"),
    attrs: { type: "button", "aria-label": gettext("Forget the deck %(title)s", { title: deck.title }) },
  });
  forget.addEventListener("click", () => {
    forgetDeck(deck.title);
    render();
  });
  const first = deck.prompts[0]?.text ?? "";
  return el("label", { class: "deck" }, input,
    el("span", { class: "deck-body" },
      el("span", { class: "deck-title", text: deck.title }),
      el("span", { class: "deck-desc", text: deck.description || gettext("A deck you saved.") }),
      el("span", { class: "deck-count", text: ngettext("%(num)d prompt · first: “%(first)s”",
        "%(num)d prompts · first: “%(first)s”", deck.prompts.length, { first }) })),
    forget);
}

function render(chosen = null) {
  const decks = Object.values(savedDecks());
  $("saved-decks").replaceChildren(...decks.map(deckOption));
  if (chosen) {
    const option = [...document.querySelectorAll("#saved-decks input")].find((i) => i.dataset.title === chosen);
    if (option) option.checked = true;
  }
}

async function importDeck(event) {
  const [file] = event.target.files;
  if (!file) return;
  const deck = readDeck(await file.text());
  event.target.value = "";
  if (!deck) {
    setText($("deck-import-note"), gettext("That file isn't a deck Facilitator can read."));
    return;
  }
  saveDeck(deck);
  render(deck.title);
  setText($("deck-import-note"), gettext("Imported “%(title)s” and chose it.", { title: deck.title }));
}

/** A saved deck travels with the form as its prompts' JSON. */
function onSubmit() {
  const chosen = document.querySelector("#saved-decks input:checked");
  const deck = chosen ? savedDecks()[chosen.dataset.title] : null;
  $("deck-prompts").value = deck ? JSON.stringify(deck.prompts) : "";
}

render();
$("deck-file").addEventListener("change", importDeck);
$("create-form").addEventListener("submit", onSubmit);
