// The room's language (templates/_display_language.html): the host picks what the room's
// screens speak, and this console follows it like the display does.
import { $ } from "../shared/dom.js";
import { hostAction, room } from "../shared/room.js";
import { followRoomLanguage } from "../shared/room-language.js";

export function mountDisplayLanguage() {
  const select = $("display-language");
  select?.addEventListener("change", async () => {
    const ack = await hostAction("language", { language: select.value });
    if (!ack.ok) select.value = room.details.language;
  });
  followRoomLanguage();
}
