// What this browser keeps for a room between visits (docs/protocol.md): the host key, the
// participant's token, the token a phone keeps after leaving (for its follow-up page, or the key
// of an emailed link), the host's board layout for this tab, and the prompt decks a host saved. Storage may be missing or refuse (private mode): then reads
// give null and nothing is kept beyond the open page.

/** The storage key of each thing kept, for room `code`. */
export const KEPT = {
  hostKey: (code) => `facilitator.host.${code}`,
  token: (code) => `facilitator.token.${code}`,
  followupToken: (code) => `facilitator.followup.${code}`,
  boardMode: (code) => `facilitator.board.${code}`, // per tab: sessionStorage
  decks: () => "facilitator.decks", // prompt decks the host saved (shared/decks.js)
};

const area = (session) => (session ? sessionStorage : localStorage);

/** The value kept under `key`, or null. */
export function recall(key, { session = false } = {}) {
  try {
    return area(session).getItem(key);
  } catch {
    return null;
  }
}

/** Keep `value` under `key`; null forgets it. */
export function keep(key, value, { session = false } = {}) {
  try {
    if (value == null) area(session).removeItem(key);
    else area(session).setItem(key, value);
  } catch {
    // Private mode: it lasts as long as the page.
  }
}
