// The host key on this console: taken from the URL fragment once (then stored and removed from
// the address bar), else from this browser's storage; replaced when the host asks for a new one
// (phone-console.js), which revokes the old everywhere else.
import { KEPT, keep, recall } from "../shared/storage.js";

let code = null;
let key = null;

/** Read the key for room `roomCode` (fragment first); returns it, or null. */
export function takeHostKey(roomCode) {
  code = roomCode;
  const match = location.hash.match(/[#&]key=([^&]+)/);
  if (match) {
    key = decodeURIComponent(match[1]);
    keep(KEPT.hostKey(code), key);
    history.replaceState(null, "", location.pathname + location.search);
  } else {
    key = recall(KEPT.hostKey(code));
  }
  return key;
}

/** The key as it is now (it changes when the host asks for a new one). */
export function hostKey() {
  return key;
}

/** Keep `newKey` in place of the old (null: forget it, the server refused it). */
export function replaceHostKey(newKey) {
  key = newKey;
  keep(KEPT.hostKey(code), newKey);
}
