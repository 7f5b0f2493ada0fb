// The end of an event on the host's screens (templates/_ending.html): "End the event", what the
// projector says once it has ended, and deleting everything at once. One module, mounted by
// whichever screen holds the host's controls.
import { $, confirmTwice, count, setText, show, toast } from "../shared/dom.js";
import { onState } from "../shared/live.js";
import { hostAction, room, send } from "../shared/room.js";

/** A date the way people read it here, e.g. "30 December 2026". */
export function day(epochSeconds) {
  return new Date(epochSeconds * 1000).toLocaleDateString(undefined,
    { day: "numeric", month: "long", year: "numeric" });
}

/** Whether the host has ended the event. */
export function hasEnded() {
  return Boolean(room.details?.ended_at);
}

function render() {
  const details = room.details;
  if (!details) return;
  const ended = hasEnded();
  show($("ending-running"), !ended);
  show($("ending-ended"), ended);
  show($("ended-view"), ended);
  if (!ended) return;
  const until = day(details.kept_until);
  setText($("ending-kept"), `Ended. Everyone's follow-up page stays until ${until}; then the event and everything in it are deleted.`);
  setText($("ended-kept"), `It stays there until ${until}.`);
}

/** End the event, emailing everyone who asked for their link if the host left that ticked. */
async function endEvent() {
  const emailLinks = $("ending-email-links")?.checked ?? false;
  const ack = await hostAction("end_event", emailLinks ? { email_links: true } : {});
  if (ack.ok && ack.emailed) toast(`Emailing ${count(ack.emailed, "person", "people")} their follow-up link.`, { tone: "info" });
}

/** The room's code confirms the deletion; the server then tells every screen it has ended. */
function deleteEvent() {
  send("delete_room", { code: room.details.code });
}

/** Wire the controls and keep them in step with the room. */
export function mountEnding() {
  $("btn-end-event").addEventListener("click", (event) =>
    confirmTwice(event.currentTarget, "Really end? The board closes", endEvent));
  $("btn-delete-event").addEventListener("click", (event) =>
    confirmTwice(event.currentTarget, "Really delete? Follow-up pages go too", deleteEvent));
  onState(render);
}
