// What this browser keeps for a room between visits (docs/protocol.md): the host key, the
// participant's token, the token a phone keeps after leaving (for its follow-up page, or the key
// of an emailed link), and the prompt decks a host saved. Storage may be missing or refuse
// (private mode): then reads give null and nothing is kept beyond the open page.

/** The storage key of each thing kept, for room `code`. */
export const KEPT = {
  hostKey: (code) => `facilitator.host.${code}`,
  token: (code) => `facilitator.token.${code}`,
  followupToken: (code) => `facilitator.followup.${code}`,
  joining: (code) => `facilitator.joining.${code}`, // the secret a join in flight was sent with
  decks: () => "facilitator.decks", // prompt decks the host saved (shared/decks.js)
};

/** The value kept under `key`, or null. */
export function recall(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keep `value` under `key`; null forgets it. */
export function keep(key, value) {
  try {
    if (value == null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode: it lasts as long as the page.
  }
}
