// The screens the whole room reads (the display, and the console, which can present the stage)
// speak the room's language (facilitator/i18n.py); their words come with the page, so when the
// host picks another language the page loads again in it.
import { config } from "./config.js";
import { onState } from "./live.js";
import { room } from "./room.js";

/** The page's language as the server's catalogs name it ("de", "en_001"). */
const drawnIn = config.i18n.language.replace("-", "_");

export function followRoomLanguage() {
  onState(() => {
    const language = room.details?.language;
    if (language && language !== drawnIn) location.reload();
  });
}
