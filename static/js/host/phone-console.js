// "The console on your phone", in the console's Manage drawer (templates/_stage.html,
// `phone_console`): a private QR code that opens this console on the host's own phone, with
// the host key in the address's fragment, and a new host key that revokes every other console.
// The QR shows only when asked, and goes after a minute: the room may see this screen.
import { $, confirmTwice, show, toast } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { emitAck } from "../shared/live.js";
import { hostKey, replaceHostKey } from "./key.js";

const SHOWN_FOR_MS = 60000;
let hideTimer = null;

function hideQr() {
  clearTimeout(hideTimer);
  $("console-qr").removeAttribute("src");
  show($("console-qr-box"), false);
  show($("btn-console-qr"), true);
}

/** Fetch the QR (the key goes in a header, never in a URL) and show it for a minute. */
async function showQr(code) {
  let response;
  try {
    response = await fetch(`/host/${encodeURIComponent(code)}/console-qr`, {
      headers: { Authorization: `Bearer ${hostKey()}` }, cache: "no-store" });
  } catch {
    toast(gettext("Couldn't reach the server for the QR code. Please try again."));
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.ok) {
    toast(body.error || gettext("The QR code didn't come. Please try again."));
    return;
  }
  $("console-qr").src = body.qr;
  show($("console-qr-box"), true);
  show($("btn-console-qr"), false);
  hideTimer = setTimeout(hideQr, SHOWN_FOR_MS);
}

/** A new host key: this console keeps it; every other one stops being the host's. */
async function newKey() {
  const ack = await emitAck("new_host_key");
  if (!ack.ok) {
    toast(ack.error);
    return;
  }
  replaceHostKey(ack.host_key);
  hideQr();
  toast(gettext("New host key: every other console has stopped. Show the QR code again to add your phone."),
    { tone: "info" });
}

/** Wire the drawer's section for room `code`. */
export function mountPhoneConsole(code) {
  $("btn-console-qr").addEventListener("click", () => showQr(code));
  $("btn-console-qr-hide").addEventListener("click", hideQr);
  $("btn-new-host-key").addEventListener("click", (event) =>
    confirmTwice(event.currentTarget, gettext("Really? Other consoles stop"), newKey));
}
