// The end of an event in the console's Manage drawer (templates/_ending.html): "End the event"
// and deleting everything at once. What the room sees once it has ended is the stage's
// (display/stage.js).
import { $, confirmTwice, setText, show, toast } from "../shared/dom.js";
import { gettext, ngettext } from "../shared/i18n.js";
import { onState } from "../shared/live.js";
import { hostAction, room, send } from "../shared/room.js";
import { day, hasEnded } from "../display/stage.js";

function render() {
  const details = room.details;
  if (!details) return;
  const ended = hasEnded();
  show($("ending-running"), !ended);
  show($("ending-ended"), ended);
  if (!ended) return;
  const until = day(details.kept_until);
  setText($("ending-kept"), gettext("Ended. Everyone's follow-up page stays until %(until)s; then the "
    + "event and everything in it are deleted.", { until }));
}

/** End the event, emailing everyone who asked for their link if the host left that ticked. */
async function endEvent() {
  const emailLinks = $("ending-email-links")?.checked ?? false;
  const ack = await hostAction("end_event", emailLinks ? { email_links: true } : {});
  if (ack.ok && ack.emailed) toast(ngettext("Emailing %(num)d person their follow-up link.",
    "Emailing %(num)d people their follow-up link.", ack.emailed), { tone: "info" });
}

/** The room's code confirms the deletion; the server then tells every screen it has ended. */
function deleteEvent() {
  send("delete_room", { code: room.details.code });
}

/** Wire the controls and keep them in step with the room. */
export function mountEnding() {
  $("btn-end-event").addEventListener("click", (event) =>
    confirmTwice(event.currentTarget, gettext("Really end? The board closes"), endEvent));
  $("btn-delete-event").addEventListener("click", (event) =>
    confirmTwice(event.currentTarget, gettext("Really delete? Follow-up pages go too"), deleteEvent));
  onState(render);
}
