// On a projector nobody scrolls. When every table's card does not fit the stage, the projected
// screen shows them a page at a time, turning by the clock, and says which tables are in view;
// cards of other pages are not drawn, so no row shows cut in half. The console the host scrolls
// keeps every card in its scrolling box.
import { setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";

const PAGE_SECONDS = 10; // long enough to find one's name on a page of tables

/** Show the page of `grid`'s cards due now, and say which in `note`; with `paged` false, every
 *  card (the grid scrolls). Called after each drawing of the cards, at least once a second. */
export function showPage(grid, note, paged) {
  const cards = [...grid.children];
  const starts = paged ? pageStarts(cards, grid.clientHeight) : [0];
  if (starts.length < 2) {
    for (const card of cards) delete card.dataset.offPage;
    if (paged) grid.scrollTop = 0; // the host's own scrolling stays where they left it
    show(note, false);
    return;
  }
  const page = Math.floor(Date.now() / (PAGE_SECONDS * 1000)) % starts.length;
  const first = starts[page];
  const end = starts[page + 1] ?? cards.length;
  cards.forEach((card, i) => { card.dataset.offPage = String(i < first || i >= end); });
  grid.scrollTop = cards[first].offsetTop;
  setText(note, gettext("Tables %(first)s–%(last)s of %(count)s",
    { first: first + 1, last: end, count: cards.length }));
  show(note, true);
}

/** Where each page begins, as card indices: a page takes whole rows while they fit `height`. */
function pageStarts(cards, height) {
  const starts = [];
  let top = null;
  cards.forEach((card, i) => {
    if (top === null || card.offsetTop + card.offsetHeight - top > height) {
      starts.push(i);
      top = card.offsetTop;
    }
  });
  return starts;
}
